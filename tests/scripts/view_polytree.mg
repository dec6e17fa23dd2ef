# polytree: the seed's top-down layout, correct for shared nodes.
set ascii off
x1 = 2; x2 = 0; w1 = -3; w2 = 1; b = 6.8813735870195432;
n = x1*w1 + x2*w2 + b; o = tanh(n);

polytree o
# expect: o = 0.707107
# expect: grad 0
# expect: │ tanh
# expect: n = 0.881374
# expect: grad 0
# expect: ├─ + ───────────────┐
# expect: x1*w1 + x2*w2 = -6  b = 6.88137
# expect: grad 0              grad 0
# expect: ├─ + ────────────┐
# expect: x1*w1 = -6       x2*w2 = 0
# expect: grad 0           grad 0
# expect: ├─ * ───┐        ├─ * ───┐
# expect: x1 = 2  w1 = -3  x2 = 0  w2 = 1
# expect: grad 0  grad 0   grad 0  grad 0

backward o;
polytree o
# expect: o = 0.707107
# expect: grad 1
# expect: │ tanh
# expect: n = 0.881374
# expect: grad 0.5
# expect: ├─ + ──────────────────┐
# expect: x1*w1 + x2*w2 = -6     b = 6.88137
# expect: grad 0.5               grad 0.5
# expect: ├─ + ───────────────┐
# expect: x1*w1 = -6          x2*w2 = 0
# expect: grad 0.5            grad 0.5
# expect: ├─ * ──────┐        ├─ * ─────┐
# expect: x1 = 2     w1 = -3  x2 = 0    w2 = 1
# expect: grad -1.5  grad 1   grad 0.5  grad 0

set ascii on
polytree o
# expect: o = 0.707107
# expect: grad 1
# expect: | tanh
# expect: n = 0.881374
# expect: grad 0.5
# expect: |- + ------------------|
# expect: x1*w1 + x2*w2 = -6     b = 6.88137
# expect: grad 0.5               grad 0.5
# expect: |- + ---------------|
# expect: x1*w1 = -6          x2*w2 = 0
# expect: grad 0.5            grad 0.5
# expect: |- * ------|        |- * -----|
# expect: x1 = 2     w1 = -3  x2 = 0    w2 = 1
# expect: grad -1.5  grad 1   grad 0.5  grad 0

set ascii off
a = -2; b = 10; c = 2; d = -3;
L = a*(b + c*d);
backward L;
polytree L
# expect: L = -8
# expect: grad 1
# expect: ├─ * ───┐
# expect: a = -2  b + c*d = 4
# expect: grad 4  grad -2
# expect:         ├─ + ────┐
# expect:         b = 10   c*d = -6
# expect:         grad -2  grad -2
# expect:                  ├─ * ───┐
# expect:                  c = 2   d = -3
# expect:                  grad 6  grad -4

a = 3; b = a + a;
backward b;
polytree b
# expect: b = 6
# expect: grad 1
# expect: ├─ + ───┐
# expect: a = 3   a = 3
# expect: grad 2  (see left)

set ascii on
polytree b
# expect: b = 6
# expect: grad 1
# expect: |- + ---|
# expect: a = 3   a = 3
# expect: grad 2  (see left)

set ascii off
a = 2; b = 3; c = 1;
s = a*b + c; t = s*s; u = t + s;
polytree u
# expect: u = 56
# expect: grad 0
# expect: ├─ + ─────────────────────┐
# expect: t = 49                    s = 7
# expect: grad 0                    grad 0
# expect: ├─ * ────────┐            ├─ + ──────┐
# expect: s = 7        s = 7        a*b = 6    c = 1
# expect: (see above)  (see above)  grad 0     grad 0
# expect:                           ├─ * ───┐
# expect:                           a = 2   b = 3
# expect:                           grad 0  grad 0

backward u;
polytree u
# expect: u = 56
# expect: grad 1
# expect: ├─ + ─────────────────────┐
# expect: t = 49                    s = 7
# expect: grad 1                    grad 15
# expect: ├─ * ────────┐            ├─ + ───────┐
# expect: s = 7        s = 7        a*b = 6     c = 1
# expect: (see above)  (see above)  grad 15     grad 15
# expect:                           ├─ * ────┐
# expect:                           a = 2    b = 3
# expect:                           grad 45  grad 30

set ascii on
polytree u
# expect: u = 56
# expect: grad 1
# expect: |- + ---------------------|
# expect: t = 49                    s = 7
# expect: grad 1                    grad 15
# expect: |- * --------|            |- + -------|
# expect: s = 7        s = 7        a*b = 6     c = 1
# expect: (see above)  (see above)  grad 15     grad 15
# expect:                           |- * ----|
# expect:                           a = 2    b = 3
# expect:                           grad 45  grad 30

set ascii off
polytree a
# expect: a = 2
# expect: grad 45
