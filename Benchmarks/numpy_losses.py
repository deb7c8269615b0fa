#!/usr/bin/env python3
"""The same loss kernels as LossBench, written the way numpy users write them (stable forms),
timed in the same run. Prints JSON: {"kernel/dtype/n": best seconds}.

    python3 Benchmarks/numpy_losses.py --sizes 1000000,10000000 --repeats 5
"""
import argparse
import json
import time

import numpy as np


def best(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def kernels(t, p, classes):
    n = p.size

    def mse():
        r = p - t
        return np.mean(r * r), (2.0 / n) * r

    def huber(delta=1.0):
        r = p - t
        a = np.abs(r)
        value = np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta)).mean()
        return value, np.clip(r, -delta, delta) / n

    def log_cosh():
        r = p - t
        a = np.abs(r)
        value = np.mean(a + np.log1p(np.exp(-2.0 * a)) - np.log(2.0))
        return value, np.tanh(r) / n

    def bce_logits():
        z = p
        value = np.mean(np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z))))
        return value, (1.0 / (1.0 + np.exp(-z)) - t) / n

    rows = n // classes
    z2 = p[: rows * classes].reshape(rows, classes)
    t2 = t[: rows * classes].reshape(rows, classes)

    def cce_logits():
        m = z2.max(axis=1, keepdims=True)
        shifted = z2 - m
        lse = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        log_softmax = shifted - lse
        value = -(t2 * log_softmax).sum(axis=1).mean()
        grad = (np.exp(log_softmax) * t2.sum(axis=1, keepdims=True) - t2) / rows
        return value, grad

    return {"mse": mse, "huber": huber, "log-cosh": log_cosh, "bce-logits": bce_logits, "cce-logits": cce_logits}


def training(repeats):
    rng = np.random.default_rng(1)
    results = {}
    n = 1_000_000
    x = rng.uniform(0.5, 3.0, n)
    y = 50 + 150 * x + rng.normal(0, 15, n)
    w, b = 0.0, 0.0

    def linear_epoch():
        r = w * x + b - y
        return np.mean(r * r), 2 * np.mean(r * x), 2 * np.mean(r)

    results["linear-epoch"] = best(linear_epoch, repeats)
    rows, features, classes = 100_000, 20, 10
    X = rng.normal(size=(rows, features))
    labels = rng.integers(0, classes, rows)
    Y = np.eye(classes)[labels]
    W = np.zeros((features, classes))
    bias = np.zeros(classes)

    def softmax_epoch():
        z = X @ W + bias
        z = z - z.max(axis=1, keepdims=True)
        log_softmax = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -(Y * log_softmax).sum(axis=1).mean()
        g = (np.exp(log_softmax) - Y) / rows
        return loss, X.T @ g, g.sum(axis=0)

    results["softmax-epoch"] = best(softmax_epoch, repeats)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--classes", type=int, default=10)
    args = parser.parse_args()
    results = {}
    rng = np.random.default_rng(0)
    for n in [int(s) for s in args.sizes.split(",")]:
        for dtype in (np.float32, np.float64):
            t = (rng.random(n) > 0.5).astype(dtype)
            p = rng.normal(size=n).astype(dtype)
            for name, fn in kernels(t, p, args.classes).items():
                results[f"{name}/{np.dtype(dtype).name}/{n}"] = best(fn, args.repeats)
    results.update(training(args.repeats))
    print(json.dumps(results, sort_keys=True))


if __name__ == "__main__":
    main()
