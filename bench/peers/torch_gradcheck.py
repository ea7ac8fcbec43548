#!/usr/bin/env python3
"""PyTorch peer of `deltacheck verify`: what torch.autograd.gradcheck can certify.

For a network SPEC at a random point (float64), runs gradcheck with its defaults (eps 1e-6,
atol 1e-5, rtol 1e-3) and measures how many significant digits its finite differences and
autograd actually share (the fewest over all parameters). Prints: passed tolerance_digits
agreement_digits seconds.

usage: torch_gradcheck.py "SPEC" LOSS SEED
"""
import math
import sys
import time

import torch


def main():
    spec, loss_name, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    parts = spec.split()
    sizes = [int(parts[0])] + [int(p.split(":")[1]) for p in parts[1:]]
    acts = [p.split(":")[0] for p in parts[1:]]
    x = torch.rand(sizes[0], dtype=torch.float64) * 2 - 1
    y = torch.rand(sizes[-1], dtype=torch.float64)
    params = []
    for n_in, n in zip(sizes, sizes[1:]):
        params += [torch.rand(n, n_in, dtype=torch.float64) * 2 - 1, torch.rand(n, dtype=torch.float64) * 2 - 1]
    flat = torch.cat([p.flatten() for p in params]).requires_grad_(True)

    def loss(theta):
        a, i = x, 0
        for (n_in, n), f in zip(zip(sizes, sizes[1:]), acts):
            w = theta[i:i + n * n_in].reshape(n, n_in)
            i += n * n_in
            b = theta[i:i + n]
            i += n
            z = w @ a + b
            a = {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh, "linear": lambda v: v}[f](z)
        if loss_name == "squared":
            return ((a - y) ** 2).sum() / 2
        return -(y * torch.log(a) + (1 - y) * torch.log(1 - a)).sum()

    start = time.perf_counter()
    passed = torch.autograd.gradcheck(loss, (flat,))
    seconds = time.perf_counter() - start
    analytic = torch.autograd.grad(loss(flat), flat)[0]
    worst = 17.0
    with torch.no_grad():
        for k in range(flat.numel()):
            e = torch.zeros_like(flat)
            e[k] = 1e-6
            numeric = (loss(flat + e) - loss(flat - e)) / 2e-6
            diff = abs(numeric.item() - analytic[k].item())
            scale = max(abs(analytic[k].item()), 1e-300)
            worst = min(worst, -math.log10(diff / scale) if diff > 0 else 17.0)
    print(f"{int(passed)} 3 {worst:.1f} {seconds}")


if __name__ == "__main__":
    main()
