# polytree draws micrograd's README example in a 160-column terminal, in
# the compact form; c, d and g are rebound, so their nodes are numbered
# (c, c₁, c₂ oldest first), and a node drawn elsewhere is a one-line
# reference: "a ↑" (on a row above), "f ←" (to the left on this row).
a = -4.0
b = 2.0
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
g.backward();
set ascii off
set width 160
polytree g
set width 80
polytree g

# expect: a = -4
# expect: b = 2
# expect: c = -2
# expect: d = 0
# expect: c = -3
# expect: c = -1
# expect: d = 0
# expect: d = 6
# expect: e = -7
# expect: f = 49
# expect: g = 24.5
# expect: g = 24.70408163265306
# expect: g₁ = 24.7041
# expect: ∇ 1
# expect: ├─ + ─────────────────────────────────────────────────────────────────────────────────┐
# expect: g = 24.5                                                                              10.0 / f = 0.204082
# expect: ∇ 1                                                                                   ∇ 1
# expect: ├─ / ───────────────────────────────────────────────────────────────────────┐         ├─ / ────────┐
# expect: f = 49                                                                      2         10           f ←
# expect: ∇ 0.495835                                                                  ∇ -12.25  ∇ 0.0204082
# expect: ├─ ^ ────────────────────────────────────────────────────────────────────┐
# expect: e = -7                                                                   2
# expect: ∇ -6.94169                                                               ∇ 0
# expect: ├─ - ─────────────────────────────────────────────────────────────────┐
# expect: c₂ = -1                                                               d₂ = 6
# expect: ∇ -6.94169                                                            ∇ 6.94169
# expect: ├─ + ───────────────────────────────────┐                             ├─ + ─────────────────────────────────────────────────┐
# expect: c₁ = -3                                 1 + c + (-a) = 2              d₁ = 0                                                3 * d + (b - a).… = 6
# expect: ∇ -13.8834                              ∇ -6.94169                    ∇ 27.7668                                             ∇ 6.94169
# expect: ├─ + ─────────────────┐                 ├─ + ─────────────┐           ├─ + ──────────────────┐                              ├─ + ───────┐
# expect: c = -2                c + 1 = -1        1 + c = -2        -a = 4      d = 0                  d * 2 + (b + a).… = 0          3 * d = 0   (b - a).relu() = 6
# expect: ∇ -27.7668            ∇ -13.8834        ∇ -6.94169        ∇ -6.94169  ∇ 83.3003              ∇ 27.7668                      ∇ 6.94169   ∇ 6.94169
# expect: ├─ + ──────┐          ├─ + ─┐           ├─ + ───────┐     │ -         ├─ + ───────┐          ├─ + ──────┐                   ├─ * ─┐     │ relu
# expect: a = -4     b = 2      c ↑   1           1           c₁ ↑  a ←         a * b = -8  b**3 = 8   d * 2 = 0  (b + a).relu() = 0  3     d₁ ↑  b - a = 6
# expect: ∇ 138.834  ∇ 645.577        ∇ -13.8834  ∇ -6.94169                    ∇ 83.3003   ∇ 83.3003  ∇ 27.7668  ∇ 27.7668           ∇ 0         ∇ 6.94169
# expect:                                                                       ├─ * ─┐     ├─ ^ ─┐    ├─ * ─┐    │ relu                          ├─ - ─┐
# expect:                                                                       a ↑   b ↑   b ↑   3    d ↑   2    b + a = -2                      b ↑   a ↑
# expect:                                                                                         ∇ 0        ∇ 0  ∇ 0
# expect:                                                                                                         ├─ + ─┐
# expect:                                                                                                         b ↑   a ↑
# expect-err: view_polytree_micrograd.mg:22:1: error: polytree: the picture needs 154 columns, more than the 80 available; try `tree g`
# expect-err:    22 | polytree g
# expect-err:       | ^~~~~~~~~~
# exit: 1
