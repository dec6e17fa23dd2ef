"""tests/micrograd/equivalence.py — mgrad trains as micrograd does.

micrograd's engine and nn are restated in micrograd.py beside this file.

mgrad runs micrograd's moons demo (examples/moons.mg's loss: SVM
max-margin plus L2 1e-4, SGD with lr = 1.0 - 0.9*k/100) and prints its
initial parameters; the restated micrograd starts from them and must
report the same loss and accuracy at every step. It is as slow as
micrograd, so the test runs STEPS steps (all 100 with MICROGRAD_STEPS=100).

    python3 equivalence.py MGRAD WORKDIR    prints ok / not ok lines
"""
import os
import subprocess
import sys

from micrograd import MLP, MOONS, moons_data, moons_step

STEPS = int(os.environ.get("MICROGRAD_STEPS", "8"))


def mgrad_run(mgrad, work):
    text = """data = csv("%s");
X = [[r[0], r[1]] for r in data];
y = [r[2] for r in data];
seed 1337
model = mlp(2, [16, 16, 1], "relu");
set digits 17
set items all
print("params", [p.data for p in params(model)])
for k in range(%d) {
    scores = [model(x) for x in X];
    losses = [(1 + -yi*scorei).relu() for yi, scorei in zip(y, scores)];
    data_loss = sum(losses) * (1.0 / len(losses));
    reg_loss = 1e-4 * sum(p*p for p in params(model));
    total_loss = data_loss + reg_loss;
    accuracy = [(yi > 0) == (scorei.data > 0) for yi, scorei in zip(y, scores)];
    zero model
    backward total_loss;
    step model, 1.0 - 0.9*k/100
    print("step", total_loss.data, sum(accuracy) / len(accuracy))
}
""" % (MOONS, STEPS)
    path = os.path.join(work, "moons.mg")
    with open(path, "w") as f:
        f.write(text)
    out = subprocess.run([mgrad, path], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[:500])
    params, steps = None, []
    for line in out.stdout.splitlines():
        if line.startswith("params "):
            params = [float(v) for v in
                      line[len("params "):].strip("[] ").split(", ")]
        elif line.startswith("step "):
            _, loss, acc = line.split()
            steps.append((float(loss), float(acc)))
    return params, steps


def micrograd_run(params):
    X, y = moons_data()
    model = MLP(2, [16, 16, 1])
    for p, value in zip(model.parameters(), params):
        p.data = value
    return [moons_step(model, X, y, k) for k in range(STEPS)]


def main():
    mgrad, work = sys.argv[1], sys.argv[2]
    params, mine = mgrad_run(mgrad, work)
    theirs = micrograd_run(params)
    worst = max(abs(a[0] - b[0]) / abs(b[0]) for a, b in zip(mine, theirs))
    same_accuracy = all(a[1] == b[1] for a, b in zip(mine, theirs))
    ok = (len(params) == 337 and len(mine) == len(theirs) == STEPS and
          worst <= 1e-12 and same_accuracy)
    print("%s - micrograd's moons training, %d steps from mgrad's initial "
          "parameters: worst relative difference in the loss %.1e, accuracy "
          "%s" % ("ok" if ok else "not ok", STEPS, worst,
                  "the same" if same_accuracy else "differs"))


main()
