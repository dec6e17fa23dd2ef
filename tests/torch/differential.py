"""tests/torch/differential.py -- mgrad's values and gradients against
PyTorch's, in float64.

From fixed seeds it writes random programs over every operation of the
language (+ - * /, unary -, ^ and ** with a constant and with a Value
exponent, tanh relu exp log sigmoid sin cos sqrt abs, pow(a, b), the x.f()
method forms, nodes shared several times), always keeping each operation's
arguments well inside its domain. Each program becomes a few lines of .mg
that bind leaves, build named and unnamed inner nodes, run `backward` and
`print` every named node's data and grad with `set digits 17`. The same
program is evaluated with torch (leaves and named nodes retain their
gradients), and every number must agree within 1e-9 relative, with an
absolute floor of 1e-12 for results that cancel to almost nothing.

Programs run in batches, one mgrad process per batch; a batch that fails is
rerun program by program so that the failing one is named.

Output follows the suite protocol: one ok / not ok line per program and one
per operation tested in isolation; details of a failure follow on lines
that start with '#'. Usage: differential.py MGRAD WORKDIR [PROGRAMS]
"""

import math
import os
import random
import subprocess
import sys

import torch

REL = 1e-9
ABS = 1e-12
BATCH = 50
TIMEOUT = 120

torch.set_default_dtype(torch.float64)


def tensor(x, grad=False):
    return torch.tensor(float(x), dtype=torch.float64, requires_grad=grad)


def lit(x):
    """A float as a literal mgrad reads back to the same double."""
    text = repr(float(x))
    return "(%s)" % text if text.startswith("-") else text


# ---- the operations ---------------------------------------------------------
# Unary functions: name -> (torch function, python function, domain test).
# The domain tests keep clear of poles, kinks and cancellation, where two
# correct implementations may round apart by more than the tolerance.
UNARY = {
    "tanh": (torch.tanh, math.tanh, lambda x: abs(x) < 3),
    "relu": (torch.relu, lambda x: max(x, 0.0), lambda x: abs(x) > 1e-3),
    "exp": (torch.exp, math.exp, lambda x: x < 6),
    "log": (torch.log, math.log, lambda x: x > 0.05),
    "sigmoid": (torch.sigmoid, lambda x: 1 / (1 + math.exp(-x)), lambda x: abs(x) < 8),
    "sin": (torch.sin, math.sin, lambda x: abs(x) < 50),
    "cos": (torch.cos, math.cos, lambda x: abs(x) < 50),
    "sqrt": (torch.sqrt, math.sqrt, lambda x: x > 0.05),
    "abs": (torch.abs, abs, lambda x: abs(x) > 1e-3),
}

# Constant exponents: (text as written after ^ or **, value, needs a > 0).
CONST_EXPONENTS = [
    ("2", 2.0, False), ("3", 3.0, False), ("-1", -1.0, False),
    ("-2", -2.0, False), ("0.5", 0.5, True), ("1.5", 1.5, True),
    ("-0.5", -0.5, True), ("2.5", 2.5, True), ("(1/3)", 1.0 / 3.0, True),
]


def cancels(x, y, r):
    """True when r = x +- y lost most of its digits."""
    return abs(r) < 1e-3 * max(abs(x), abs(y))


def apply_binary(op, x, y):
    """The value of x op y, or None outside the domain kept for tests."""
    try:
        if op == "+":
            r = x + y
            return None if cancels(x, y, r) else r
        if op == "-":
            r = x - y
            return None if cancels(x, y, r) else r
        if op == "*":
            return x * y
        if op == "/":
            return None if abs(y) < 0.1 else x / y
        if op in ("^", "**", "pow"):        # Value exponent
            if x < 0.1 or abs(y) > 4:
                return None
            return x ** y
    except (OverflowError, ZeroDivisionError, ValueError):
        return None
    raise AssertionError(op)


def torch_binary(op, x, y):
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "/":
        return x / y
    if op in ("^", "**"):
        return x ** y
    if op == "pow":
        return torch.pow(x, y)
    raise AssertionError(op)


# ---- random programs --------------------------------------------------------
# An expression is a tuple: ("name", n) | ("const", c) | ("un", f, e, method)
# | ("neg", e) | ("bin", op, e1, e2) | ("powc", e, text, k, op).

class Program:
    def __init__(self, tag, rng):
        self.tag = tag
        self.rng = rng
        self.leaves = []        # (name, value)
        self.steps = []         # (name, expr)
        self.values = {}        # name -> value
        self.order = []         # every named node, leaves first

    def name(self, base):
        return "p%s_%s" % (self.tag, base)

    def pick_name(self):
        # Favour recent nodes so the graph grows deep, but reuse old ones
        # too: shared nodes are the point.
        names = self.order
        if self.rng.random() < 0.5:
            return names[-1 - int(self.rng.random() * min(3, len(names)))]
        return self.rng.choice(names)

    def operand(self):
        if self.rng.random() < 0.15:
            c = round(self.rng.uniform(-3, 3), self.rng.choice([1, 2, 4]))
            if c == 0:
                c = 0.5
            return ("const", c), c
        n = self.pick_name()
        return ("name", n), self.values[n]

    def expr(self, depth):
        """A random expression and its value, inside every domain."""
        if depth == 0 or self.rng.random() < 0.2:
            return self.operand()
        for _ in range(30):
            kind = self.rng.random()
            if kind < 0.35:
                op = self.rng.choice(["+", "-", "*", "/", "*", "+"])
                a, x = self.expr(depth - 1)
                b, y = self.expr(depth - 1)
                if self.rng.random() < 0.15:   # the same node on both sides
                    b, y = a, x
                r = apply_binary(op, x, y)
                if r is not None and abs(r) < 1e3:
                    return ("bin", op, a, b), r
            elif kind < 0.65:
                f = self.rng.choice(sorted(UNARY))
                a, x = self.expr(depth - 1)
                _, pf, ok = UNARY[f]
                if ok(x):
                    r = pf(x)
                    if abs(r) < 1e3:
                        return ("un", f, a, self.rng.random() < 0.35), r
            elif kind < 0.72:
                a, x = self.expr(depth - 1)
                return ("neg", a), -x
            elif kind < 0.86:
                text, k, positive = self.rng.choice(CONST_EXPONENTS)
                op = self.rng.choice(["^", "**"])
                a, x = self.expr(depth - 1)
                if (x > 0.1 if positive else abs(x) > 0.2):
                    r = x ** k
                    if abs(r) < 1e3:
                        return ("powc", a, text, k, op), r
            else:
                op = self.rng.choice(["^", "**", "pow"])
                a, x = self.expr(depth - 1)
                b, y = self.expr(depth - 1)
                r = apply_binary(op, x, y)
                if r is not None and abs(r) < 1e3:
                    return ("bin", op, a, b), r
        return self.operand()


def make_program(tag, seed):
    rng = random.Random(seed)
    p = Program(tag, rng)
    for i in range(rng.randint(1, 4)):
        v = round(rng.uniform(-2.5, 2.5), rng.choice([1, 3, 6, 12]))
        if abs(v) < 0.05:
            v = 0.75
        n = p.name("abcd"[i])
        p.leaves.append((n, v))
        p.values[n] = v
        p.order.append(n)
    # A positive leaf, so Value exponents and logs find a base.
    n = p.name("e")
    v = round(rng.uniform(0.3, 2.5), 3)
    p.leaves.append((n, v))
    p.values[n] = v
    p.order.append(n)
    for i in range(rng.randint(2, 8)):
        e, v = p.expr(rng.randint(1, 3))
        if e[0] in ("name", "const"):      # keep every step a computation
            e, v = ("bin", "*", e, ("const", 1.5)), v * 1.5
        n = p.name("t%d" % (i + 1))
        p.steps.append((n, e))
        p.values[n] = v
        p.order.append(n)
    # The result sums the steps nothing else used, so every step is part of
    # the graph backward walks (a term that would cancel is left out).
    used = set()
    for _, e in p.steps:
        used |= names_in(e)
    loose = [n for n, _ in p.steps if n not in used]
    total, value = ("name", loose[-1]), p.values[loose[-1]]
    for n in reversed(loose[:-1]):
        r = value + p.values[n]
        if not cancels(value, p.values[n], r):
            total, value = ("bin", "+", ("name", n), total), r
    if len(loose) > 1:
        n = p.name("L")
        p.steps.append((n, total))
        p.values[n] = value
        p.order.append(n)
    return p


def names_in(e):
    if e[0] == "name":
        return {e[1]}
    found = set()
    for part in e[1:]:
        if isinstance(part, tuple):
            found |= names_in(part)
    return found


def code(e):
    kind = e[0]
    if kind == "name":
        return e[1]
    if kind == "const":
        return lit(e[1])
    if kind == "un":
        _, f, a, method = e
        if method:
            inner = code(a)
            if a[0] not in ("name",):
                inner = "(%s)" % inner
            return "%s.%s()" % (inner, f)
        return "%s(%s)" % (f, code(a))
    if kind == "neg":
        return "(-(%s))" % code(e[1])
    if kind == "bin":
        _, op, a, b = e
        if op == "pow":
            return "pow(%s, %s)" % (code(a), code(b))
        return "(%s %s %s)" % (code(a), op, code(b))
    if kind == "powc":
        _, a, text, _, op = e
        return "((%s) %s %s)" % (code(a), op, text)
    raise AssertionError(kind)


def program_text(p):
    lines = ["# program %s" % p.tag]
    lines.append("; ".join("%s = %s" % (n, lit(v)) for n, v in p.leaves) + ";")
    for n, e in p.steps:
        lines.append("%s = %s;" % (n, code(e)))
    last = p.steps[-1][0]
    lines.append("backward %s;" % last)
    lines.append("print \"P %s\", %s" % (
        p.tag, ", ".join([n for n in p.order] + ["%s.grad" % n for n in p.order])))
    return "\n".join(lines) + "\n"


def evaluate(e, env):
    kind = e[0]
    if kind == "name":
        return env[e[1]]
    if kind == "const":
        return tensor(e[1])
    if kind == "un":
        return UNARY[e[1]][0](evaluate(e[2], env))
    if kind == "neg":
        return -evaluate(e[1], env)
    if kind == "bin":
        return torch_binary(e[1], evaluate(e[2], env), evaluate(e[3], env))
    if kind == "powc":
        return evaluate(e[1], env) ** e[3]
    raise AssertionError(kind)


def torch_results(p):
    """[(what, value)] in the order the program prints them."""
    env = {}
    for n, v in p.leaves:
        env[n] = tensor(v, grad=True)
    for n, e in p.steps:
        t = evaluate(e, env)
        if t.requires_grad:
            t.retain_grad()
        else:
            # Literals alone fold into a leaf, which backward reaches too.
            t = t.detach().requires_grad_(True)
        env[n] = t
    env[p.steps[-1][0]].backward()
    out = [(n, env[n].item()) for n in p.order]
    for n in p.order:
        g = env[n].grad
        out.append(("%s.grad" % n, 0.0 if g is None else g.item()))
    return out


# ---- running mgrad ----------------------------------------------------------

def run_mgrad(mgrad, path):
    try:
        r = subprocess.run([mgrad, os.path.basename(path)],
                           cwd=os.path.dirname(path), stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %d s" % TIMEOUT
    except OSError as e:
        return None, "", "cannot run %s: %s" % (mgrad, e)
    out = r.stdout.decode("utf-8", "replace")
    err = r.stderr.decode("utf-8", "replace")
    if r.returncode < 0:
        return None, out, "ended by signal %d" % -r.returncode
    if r.returncode != 0:
        return r.returncode, out, err
    return 0, out, err


def parse_results(out):
    """{tag: [numbers]} from the `P tag n n n ...` lines."""
    found = {}
    for line in out.splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] in ("P", "I"):
            try:
                found[words[1]] = [float(w) for w in words[2:]]
            except ValueError:
                found[words[1]] = line
    return found


def close(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= REL * max(abs(a), abs(b)) + ABS


def compare(got, want):
    """None when they agree, else a description of the first mismatch."""
    if isinstance(got, str):
        return "cannot read mgrad's line: %s" % got[:120]
    if len(got) != len(want):
        return "mgrad printed %d numbers, expected %d" % (len(got), len(want))
    for g, (what, w) in zip(got, want):
        if not close(g, w):
            rel = abs(g - w) / max(abs(g), abs(w), 1e-300)
            return "%s = %.17g, torch %.17g (relative error %.3g)" % (what, g, w, rel)
    return None


def detail(text, limit=14):
    lines = text.rstrip("\n").splitlines()
    for line in lines[:limit]:
        print("#   " + line[:200])
    if len(lines) > limit:
        print("#   ... (%d lines in all)" % len(lines))


def run_batch(mgrad, workdir, name, units):
    """units: [(tag, label, text, want)]; prints one line per unit."""
    path = os.path.join(workdir, name + ".mg")
    with open(path, "w") as f:
        f.write("set digits 17\n")
        for _, _, text, _ in units:
            f.write(text)
    status, out, err = run_mgrad(mgrad, path)
    found = parse_results(out) if status == 0 else {}
    if status != 0 and len(units) > 1:
        # Find out which one fails: run each alone.
        for unit in units:
            run_batch(mgrad, workdir, "%s-%s" % (name, unit[0]), [unit])
        return
    for tag, label, text, want in units:
        if status != 0:
            why = err.strip().splitlines()[0] if err.strip() else "no message"
            print("not ok - torch %s: mgrad failed (%s): %s" % (
                label, "exit status %s" % status if status else "crash", why[:160]))
            detail(err, 6)
            detail(text)
            continue
        got = found.get(tag)
        if got is None:
            print("not ok - torch %s: mgrad printed no result line" % label)
            detail(text)
            continue
        problem = compare(got, want)
        if problem:
            print("not ok - torch %s: %s" % (label, problem))
            detail(text)
        else:
            print("ok - torch %s" % label)
    sys.stdout.flush()


# ---- each operation alone ---------------------------------------------------
# name -> (mgrad expression over a and b, torch function, points (a, b)).

def isolated_cases():
    pos = [0.3, 0.7, 1.0, 1.9, 2.6]
    mixed = [-2.2, -0.6, 0.4, 1.1, 2.5]
    bs = [1.7, -0.8, 0.35, -2.4, 1.3]
    ex = [0.5, -1.5, 2.0, -0.3, 1.25]
    cases = [
        ("add", "a + b", lambda a, b: a + b, zip(mixed, bs)),
        ("sub", "a - b", lambda a, b: a - b, zip(mixed, bs)),
        ("mul", "a * b", lambda a, b: a * b, zip(mixed, bs)),
        ("div", "a / b", lambda a, b: a / b, zip(mixed, bs)),
        ("neg", "-a", lambda a, b: -a, zip(mixed, bs)),
        ("neg of a product", "-a * b", lambda a, b: -a * b, zip(mixed, bs)),
        ("pow constant ^ 3", "a ^ 3", lambda a, b: a ** 3, zip(mixed, bs)),
        ("pow constant ** 2", "a ** 2", lambda a, b: a ** 2, zip(mixed, bs)),
        ("pow constant ^ -1", "a ^ -1", lambda a, b: a ** -1, zip(mixed, bs)),
        ("pow constant ** -2", "a ** -2", lambda a, b: a ** -2, zip(mixed, bs)),
        ("pow constant ^ 0.5", "a ^ 0.5", lambda a, b: a ** 0.5, zip(pos, bs)),
        ("pow constant ** 2.5", "a ** 2.5", lambda a, b: a ** 2.5, zip(pos, bs)),
        ("pow constant ^ -1.5", "a ^ -1.5", lambda a, b: a ** -1.5, zip(pos, bs)),
        ("pow constant -a^2", "-a^2", lambda a, b: -(a ** 2), zip(mixed, bs)),
        ("pow value ^", "a ^ b", lambda a, b: a ** b, zip(pos, ex)),
        ("pow value **", "a ** b", lambda a, b: a ** b, zip(pos, ex)),
        ("pow value with a signed exponent", "a ** -b", lambda a, b: a ** -b, zip(pos, ex)),
        ("pow value right-associative", "a ^ b ^ 2", lambda a, b: a ** (b ** 2), zip(pos, ex)),
        ("pow(a, b)", "pow(a, b)", torch.pow, zip(pos, ex)),
        ("pow(a, 3)", "pow(a, 3)", lambda a, b: torch.pow(a, 3.0), zip(mixed, bs)),
        ("pow(2, b)", "pow(2, b)", lambda a, b: torch.pow(tensor(2.0), b), zip(pos, ex)),
    ]
    for f in sorted(UNARY):
        pts = pos if f in ("log", "sqrt") else mixed
        fn = (lambda g: lambda a, b: g(a))(UNARY[f][0])
        cases.append((f, "%s(a)" % f, fn, zip(pts, bs)))
        cases.append(("method a.%s()" % f, "a.%s()" % f, fn, zip(pts, bs)))
    cases += [
        ("shared a + a", "a + a", lambda a, b: a + a, zip(mixed, bs)),
        ("shared a * a", "a * a", lambda a, b: a * a, zip(mixed, bs)),
        ("shared a*b + a/b", "a*b + a/b", lambda a, b: a * b + a / b, zip(mixed, bs)),
        ("shared tanh(a) * a", "tanh(a) * a", lambda a, b: torch.tanh(a) * a, zip(mixed, bs)),
        ("method chain a.exp().log()", "a.exp().log()",
         lambda a, b: torch.log(torch.exp(a)), zip(mixed, bs)),
    ]
    units = []
    for i, (label, expr, fn, points) in enumerate(cases):
        text = []
        want = []
        for j, (a, b) in enumerate(points):
            ta, tb = tensor(a, True), tensor(b, True)
            out = fn(ta, tb)
            out.backward()
            ga = 0.0 if ta.grad is None else ta.grad.item()
            gb = 0.0 if tb.grad is None else tb.grad.item()
            text.append("a = %s; b = %s; L = %s;\nbackward L;\n" % (lit(a), lit(b), expr))
            text.append("print \"I %d.%d\", L, a.grad, b.grad\n" % (i, j))
            want.append([("L", out.item()), ("a.grad", ga), ("b.grad", gb)])
        units.append((i, label, "".join(text), want))
    return units


def run_isolated(mgrad, workdir):
    units = isolated_cases()
    path = os.path.join(workdir, "isolated.mg")
    with open(path, "w") as f:
        f.write("set digits 17\n")
        for _, _, text, _ in units:
            f.write(text)
    status, out, err = run_mgrad(mgrad, path)
    found = parse_results(out)
    first_err = err.strip().splitlines()[0] if err.strip() else ""
    for i, label, text, want in units:
        problem = None
        for j, w in enumerate(want):
            got = found.get("%d.%d" % (i, j))
            if got is None:
                problem = "no result for point %d (%s)" % (
                    j, first_err[:160] if status else "mgrad printed nothing for it")
                break
            problem = compare(got, w)
            if problem:
                problem = "point %d: %s" % (j, problem)
                break
        if problem:
            print("not ok - torch op %s: %s" % (label, problem))
            detail(text, 6)
        else:
            print("ok - torch op %s" % label)
    sys.stdout.flush()


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: differential.py MGRAD WORKDIR [PROGRAMS]\n")
        return 2
    mgrad, workdir = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 250
    run_isolated(mgrad, workdir)
    units = []
    for k in range(count):
        p = make_program(str(k), 1000 + k)
        units.append((p.tag, "program %d (seed %d)" % (k, 1000 + k),
                      program_text(p), torch_results(p)))
    for start in range(0, len(units), BATCH):
        run_batch(mgrad, workdir, "batch%d" % (start // BATCH),
                  units[start:start + BATCH])
    return 0


if __name__ == "__main__":
    sys.exit(main())
