#!/usr/bin/env python3
"""The training benchmark in PyTorch, for comparison with deltacheck train (bench/bench_main.cpp).

Trains the same network on the same data with the same work per epoch as deltacheck:
mini-batches of 32 in a shuffled order, SGD with momentum, float64, one thread; for each
epoch the training loss and accuracy of the examples as they were trained on, the loss on
the validation set after the epoch, and the mean per-step gradient norm of each layer.
Prints: seconds steps final_train_accuracy train_loss validation_loss.

usage: torch_train.py TRAIN.csv VALIDATION.csv EPOCHS LR MOMENTUM SEED
"""
import sys
import time

import torch


def load(path):
    rows = [list(map(float, line.split(","))) for line in open(path) if line.strip()]
    data = torch.tensor(rows, dtype=torch.float64)
    return data[:, :2], data[:, 2:]


def main():
    train_csv, validation_csv, epochs, lr, momentum, seed = sys.argv[1:7]
    epochs, lr, momentum, seed = int(epochs), float(lr), float(momentum), int(seed)
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    x, y = load(train_csv)
    vx, vy = load(validation_csv)
    layers = [torch.nn.Linear(2, 16), torch.nn.Linear(16, 16), torch.nn.Linear(16, 1)]
    model = torch.nn.Sequential(layers[0], torch.nn.Tanh(), layers[1], torch.nn.Tanh(), layers[2]).double()
    loss_fn = torch.nn.BCEWithLogitsLoss()  # sigmoid output with cross-entropy, computed stably from z
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    n, batch, steps = x.shape[0], 32, 0
    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(n)
        norms = [0.0, 0.0, 0.0]
        total, right = 0.0, 0
        for i in range(0, n, batch):
            index = order[i:i + batch]
            optimizer.zero_grad()
            z = model(x[index])
            loss = loss_fn(z, y[index])
            loss.backward()
            total += loss.item() * len(index)
            right += int(((z >= 0) == (y[index] >= 0.5)).sum().item())
            for k, layer in enumerate(layers):
                norms[k] += torch.sqrt(layer.weight.grad.pow(2).sum() + layer.bias.grad.pow(2).sum()).item()
            optimizer.step()
            steps += 1
        train_loss, accuracy = total / n, right / n
        with torch.no_grad():
            validation_loss = loss_fn(model(vx), vy).item()
    seconds = time.perf_counter() - start
    print(f"{seconds} {steps} {accuracy} {train_loss} {validation_loss}")


if __name__ == "__main__":
    main()
