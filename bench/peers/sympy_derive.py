#!/usr/bin/env python3
"""SymPy peer of `deltacheck derive`: every gradient of a network, differentiated and simplified.

Builds the network's loss in its inputs, weights and biases (the expanded form), lets SymPy
differentiate it by every weight and bias and simplify each gradient, the work deltacheck's
GiNaC engine does. Prints: seconds_differentiate seconds_simplify gradients (simplify stops
after the time budget given, in which case the count is of those simplified in time).

usage: sympy_derive.py "SPEC" LOSS BUDGET_SECONDS
"""
import signal
import sys
import time

import sympy as sp


def network(spec, loss):
    parts = spec.split()
    n_in = int(parts[0])
    layers = [(p.split(":")[0], int(p.split(":")[1])) for p in parts[1:]]
    a = list(sp.symbols(f"x1:{n_in + 1}"))
    params = []
    for l, (f, n) in enumerate(layers, start=1):
        z = []
        for j in range(1, n + 1):
            ws = [sp.Symbol(f"w{l}_{j}_{k}") for k in range(1, len(a) + 1)]
            b = sp.Symbol(f"b{l}_{j}")
            params += ws + [b]
            z.append(sum(w * ak for w, ak in zip(ws, a)) + b)
        if f == "relu":
            a = [sp.Max(0, zj) for zj in z]
        elif f == "sigmoid":
            a = [1 / (1 + sp.exp(-zj)) for zj in z]
        elif f == "tanh":
            a = [sp.tanh(zj) for zj in z]
        else:
            a = z
    ys = sp.symbols(f"y1:{len(a) + 1}")
    if loss == "squared":
        L = sum((aj - yj) ** 2 for aj, yj in zip(a, ys)) / 2
    else:
        L = -sum(yj * sp.log(aj) + (1 - yj) * sp.log(1 - aj) for aj, yj in zip(a, ys))
    return L, params


def main():
    spec, loss, budget = sys.argv[1], sys.argv[2], float(sys.argv[3])
    L, params = network(spec, loss)
    t0 = time.perf_counter()
    gradients = [sp.diff(L, p) for p in params]
    t1 = time.perf_counter()
    # One simplify() can run for many minutes: an alarm stops it when the budget is spent.
    def out_of_time(signum, frame):
        raise TimeoutError

    signal.signal(signal.SIGALRM, out_of_time)
    simplified = 0
    for g in gradients:
        left = budget - (time.perf_counter() - t1)
        if left <= 0:
            break
        signal.setitimer(signal.ITIMER_REAL, left)
        try:
            sp.simplify(g)
        except TimeoutError:
            break
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        simplified += 1
    t2 = time.perf_counter()
    print(f"{t1 - t0} {t2 - t1} {simplified} {len(gradients)}")


if __name__ == "__main__":
    main()
