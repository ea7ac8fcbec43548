#!/usr/bin/env python3
"""SymPy peer of `deltacheck derive`: every gradient of a network in the local form.

Set up as a SymPy user who knows backprop would: each activation is a SymPy Function of its z
whose derivative is given the notes' way (`fdiff` returns a*(1 - a) for the sigmoid,
1 - a^2 for tanh, step(z) for ReLU), the loss is built from the nested activations, `diff`
applies the chain rule, and each gradient is then written back in the network's own names
(every activation a_l_j and pre-activation z_l_j as a symbol) with its common factors
collected (`factor_terms`), the local form deltacheck prints. Nothing is expanded and no
`simplify` is called: that is the strongest fair setup we know.

Prints: seconds_differentiate seconds_collect gradients (CPU seconds of this process, so that a
busy machine does not inflate them)

usage: sympy_derive.py "SPEC" LOSS
"""
import sys
import time

import sympy as sp


class sigmoid(sp.Function):
    """sigma(z), with sigma'(z) = sigma(z)*(1 - sigma(z))."""

    def fdiff(self, argindex=1):
        return self * (1 - self)


class tanh_(sp.Function):
    """tanh(z), with tanh'(z) = 1 - tanh(z)^2."""

    def fdiff(self, argindex=1):
        return 1 - self**2


class relu(sp.Function):
    """max(0, z), with relu'(z) = step(z)."""

    def fdiff(self, argindex=1):
        return sp.Heaviside(self.args[0])


ACTIVATIONS = {"sigmoid": sigmoid, "tanh": tanh_, "relu": relu}


def network(spec, loss):
    """The loss as nested activations, the parameters, and the map back to the network's names."""
    parts = spec.split()
    n_in = int(parts[0])
    layers = [(p.split(":")[0], int(p.split(":")[1])) for p in parts[1:]]
    a = list(sp.symbols(f"x1:{n_in + 1}"))
    params, names = [], {}
    for l, (f, n) in enumerate(layers, start=1):
        outputs = []
        for j in range(1, n + 1):
            ws = [sp.Symbol(f"w{l}_{j}{k}") for k in range(1, len(a) + 1)]
            b = sp.Symbol(f"b{l}_{j}")
            params += ws + [b]
            z = sum(w * ak for w, ak in zip(ws, a)) + b
            names[z] = sp.Symbol(f"z{l}_{j}")
            out = ACTIVATIONS[f](z) if f in ACTIVATIONS else z
            if f in ACTIVATIONS:
                names[out] = sp.Symbol(f"a{l}_{j}")
            outputs.append(out)
        a = outputs
    ys = sp.symbols(f"y1:{len(a) + 1}")
    if loss == "squared":
        L = sum((aj - yj) ** 2 for aj, yj in zip(a, ys)) / 2
    else:
        L = -sum(yj * sp.log(aj) + (1 - yj) * sp.log(1 - aj) for aj, yj in zip(a, ys))
    return L, params, names


def main():
    spec, loss = sys.argv[1], sys.argv[2]
    L, params, names = network(spec, loss)
    t0 = time.process_time()
    gradients = [sp.diff(L, p) for p in params]
    t1 = time.process_time()
    local = [sp.factor_terms(g.xreplace(names)) for g in gradients]
    t2 = time.process_time()
    if "--print" in sys.argv:
        for p, g in zip(params, local):
            print(f"# dL/d{p} = {g}", file=sys.stderr)
    print(f"{t1 - t0} {t2 - t1} {len(local)}")


if __name__ == "__main__":
    main()
