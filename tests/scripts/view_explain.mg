# explain: back-propagation step by step; leaves backward's gradients.
set ascii off
a = -2; b = 10; c = 2; d = -3;
L = a*(b + c*d);
explain L
# expect: dL/dL = 1
# expect: dL/da += dL/dL · ∂L/∂a = 1 · 4 = 4
# expect: dL/d(b + c*d) += dL/dL · ∂L/∂(b + c*d) = 1 · -2 = -2
# expect: dL/db += dL/d(b + c*d) · ∂(b + c*d)/∂b = -2 · 1 = -2
# expect: dL/d(c*d) += dL/d(b + c*d) · ∂(b + c*d)/∂(c*d) = -2 · 1 = -2
# expect: dL/dc += dL/d(c*d) · ∂(c*d)/∂c = -2 · -3 = 6
# expect: dL/dd += dL/d(c*d) · ∂(c*d)/∂d = -2 · 2 = -4

vars
# expect: a = -2  (grad 4)
# expect: b = 10  (grad -2)
# expect: c = 2  (grad 6)
# expect: d = -3  (grad -4)
# expect: L = -8  (grad 1)

set ascii on
explain L
# expect: dL/dL = 1
# expect: dL/da += dL/dL * dL/da = 1 * 4 = 4
# expect: dL/d(b + c*d) += dL/dL * dL/d(b + c*d) = 1 * -2 = -2
# expect: dL/db += dL/d(b + c*d) * d(b + c*d)/db = -2 * 1 = -2
# expect: dL/d(c*d) += dL/d(b + c*d) * d(b + c*d)/d(c*d) = -2 * 1 = -2
# expect: dL/dc += dL/d(c*d) * d(c*d)/dc = -2 * -3 = 6
# expect: dL/dd += dL/d(c*d) * d(c*d)/dd = -2 * 2 = -4

explain L 3
# expect: dL/dL = 1
# expect: dL/da += dL/dL * dL/da = 1 * 4 = 4
# expect: dL/d(b + c*d) += dL/dL * dL/d(b + c*d) = 1 * -2 = -2
# expect: dL/db += dL/d(b + c*d) * d(b + c*d)/db = -2 * 1 = -2
# expect: ... 3 more steps not shown

set ascii off
a = 3; b = a + a;
explain b
# expect: db/db = 1
# expect: db/da += db/db · ∂b/∂a = 1 · 1 = 1
# expect: db/da += db/db · ∂b/∂a = 1 · 1 = 1  (total 2)

a = -2; b = 3; d = a*b; e = a + b; f = d*e;
explain f
# expect: df/df = 1
# expect: df/dd += df/df · ∂f/∂d = 1 · 1 = 1
# expect: df/de += df/df · ∂f/∂e = 1 · -6 = -6
# expect: df/da += df/de · ∂e/∂a = -6 · 1 = -6
# expect: df/db += df/de · ∂e/∂b = -6 · 1 = -6
# expect: df/da += df/dd · ∂d/∂a = 1 · 3 = 3  (total -3)
# expect: df/db += df/dd · ∂d/∂b = 1 · -2 = -2  (total -8)

x1 = 2; x2 = 0; w1 = -3; w2 = 1; b = 6.8813735870195432;
n = x1*w1 + x2*w2 + b; o = tanh(n);
explain o
# expect: do/do = 1
# expect: do/dn += do/do · ∂o/∂n = 1 · 0.5 = 0.5
# expect: do/d(x1*w1 + x2*w2) += do/dn · ∂n/∂(x1*w1 + x2*w2) = 0.5 · 1 = 0.5
# expect: do/db += do/dn · ∂n/∂b = 0.5 · 1 = 0.5
# expect: do/d(x1*w1) += do/d(x1*w1 + x2*w2) · ∂(x1*w1 + x2*w2)/∂(x1*w1) = 0.5 · 1 = 0.5
# expect: do/d(x2*w2) += do/d(x1*w1 + x2*w2) · ∂(x1*w1 + x2*w2)/∂(x2*w2) = 0.5 · 1 = 0.5
# expect: do/dx2 += do/d(x2*w2) · ∂(x2*w2)/∂x2 = 0.5 · 1 = 0.5
# expect: do/dw2 += do/d(x2*w2) · ∂(x2*w2)/∂w2 = 0.5 · 0 = 0
# expect: do/dx1 += do/d(x1*w1) · ∂(x1*w1)/∂x1 = 0.5 · -3 = -1.5
# expect: do/dw1 += do/d(x1*w1) · ∂(x1*w1)/∂w1 = 0.5 · 2 = 1

a = 2; b = 3; c = 1;
s = a*b + c; t = s*s; u = t + s;
explain u
# expect: du/du = 1
# expect: du/dt += du/du · ∂u/∂t = 1 · 1 = 1
# expect: du/ds += du/du · ∂u/∂s = 1 · 1 = 1
# expect: du/ds += du/dt · ∂t/∂s = 1 · 7 = 7  (total 8)
# expect: du/ds += du/dt · ∂t/∂s = 1 · 7 = 7  (total 15)
# expect: du/d(a*b) += du/ds · ∂s/∂(a*b) = 15 · 1 = 15
# expect: du/dc += du/ds · ∂s/∂c = 15 · 1 = 15
# expect: du/da += du/d(a*b) · ∂(a*b)/∂a = 15 · 3 = 45
# expect: du/db += du/d(a*b) · ∂(a*b)/∂b = 15 · 2 = 30

x = 1.5;
p = x^3;
explain p
# expect: dp/dp = 1
# expect: dp/dx += dp/dp · ∂p/∂x = 1 · 6.75 = 6.75
