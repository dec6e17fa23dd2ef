"""bench/peers/torch_moons.py -- the moons demo in PyTorch float64 tensors,
one thread: the tensor reference of `make bench` (not a scalar engine, so
reported apart from the peers).

    /usr/bin/python3 bench/peers/torch_moons.py CSV PARAMS STEPS

Starts from mgrad's initial parameters (per neuron: weights, then bias, as
bench/peers/common.h reads them), trains mlp(2, [16, 16, 1]) with the loss
of examples/moons.mg, and prints the lines bench/run.sh reads (RESULT and
LOSSES; the losses agree with the scalar engines' to about 1e-15, not to
the bit: a matrix product sums in its own order). Time is the process's
CPU time around the training loop.
"""
import sys
import time

import torch


def main():
    csv, params_file, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    torch.set_num_threads(1)
    rows = [line.strip().split(",") for line in open(csv)][1:]
    X = torch.tensor([[float(r[0]), float(r[1])] for r in rows if r[0]],
                     dtype=torch.float64)
    y = torch.tensor([float(r[2]) for r in rows if r[0]], dtype=torch.float64)
    start = [float(line) for line in open(params_file) if line.strip()]
    sizes = [2, 16, 16, 1]
    layers, k = [], 0
    for nin, nout in zip(sizes, sizes[1:]):
        w = torch.zeros(nout, nin, dtype=torch.float64)
        b = torch.zeros(nout, dtype=torch.float64)
        for n in range(nout):
            for i in range(nin):
                w[n, i] = start[k]
                k += 1
            b[n] = start[k]
            k += 1
        layers.append((w.requires_grad_(), b.requires_grad_()))
    params = [t for layer in layers for t in layer]
    losses = []
    t0 = time.clock_gettime(time.CLOCK_PROCESS_CPUTIME_ID)
    for step in range(steps):
        h = X
        for n, (w, b) in enumerate(layers):
            h = h @ w.T + b
            if n + 1 < len(layers):
                h = torch.relu(h)
        scores = h[:, 0]
        data_loss = torch.relu(1 + -y * scores).mean()
        reg_loss = 1e-4 * sum((p * p).sum() for p in params)
        loss = data_loss + reg_loss
        for p in params:
            p.grad = None
        loss.backward()
        rate = 1.0 - 0.9 * step / steps
        with torch.no_grad():
            for p in params:
                p -= rate * p.grad
        losses.append(loss.item())
    t = time.clock_gettime(time.CLOCK_PROCESS_CPUTIME_ID) - t0
    print("RESULT torch-moons rebuilt %.4f ms/step" % (t / steps * 1e3))
    print("LOSSES torch-moons rebuilt " + " ".join(repr(v) for v in losses))


if __name__ == "__main__":
    main()
