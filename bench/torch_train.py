#!/usr/bin/env python3
"""The training benchmark in PyTorch: the lean loop a practised PyTorch user writes (bench/bench_main.cpp).

Trains "2 tanh:16 tanh:16 sigmoid:1" on the points of TRAIN.csv (x1,x2,y) the way deltacheck train
does with --validation 0: float64, mini-batches of 32 in a fresh shuffled order each epoch, SGD
with momentum, the sigmoid output's cross-entropy computed stably from z (BCEWithLogitsLoss).
Lean: no .item() or other synchronising call inside the loop, the epoch's training loss kept as a
tensor, gradients set to None instead of zeroed, the optimizer's multi-tensor (foreach) update,
THREADS intra-op threads (1 is fastest for these 16-wide layers on 2 cores; bench passes the best).
It does less than deltacheck train, which also counts the training accuracy, measures each layer's
gradient norm every step and prints a CSV row per epoch. Only the loop is timed (not Python's
start nor the import of torch), in wall and in processor seconds (all threads; the latter less
disturbed by other work on the machine). Prints: seconds steps final_train_loss cpu_seconds.

usage: torch_train.py TRAIN.csv EPOCHS LR MOMENTUM SEED [THREADS]
"""
import sys
import time

import torch


def load(path):
    rows = [list(map(float, line.split(","))) for line in open(path) if line.strip()]
    data = torch.tensor(rows, dtype=torch.float64)
    return data[:, :2], data[:, 2:]


def main():
    train_csv, epochs, lr, momentum, seed = sys.argv[1:6]
    threads = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    epochs, lr, momentum, seed = int(epochs), float(lr), float(momentum), int(seed)
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    x, y = load(train_csv)
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16),
                                torch.nn.Tanh(), torch.nn.Linear(16, 1)).double()
    loss_fn = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum, foreach=True)
    n, batch, steps = x.shape[0], 32, 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(epochs):
        order = torch.randperm(n)
        total = torch.zeros((), dtype=torch.float64)
        for i in range(0, n, batch):
            index = order[i:i + batch]
            loss = loss_fn(model(x[index]), y[index])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            total += loss.detach() * len(index)
            steps += 1
    train_loss = total.item() / n
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"{seconds} {steps} {train_loss} {cpu_seconds}")


if __name__ == "__main__":
    main()
