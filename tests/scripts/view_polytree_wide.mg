# polytree: a picture wider than 80 columns is declined with a hint.
set ascii off
a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8;
big = a*b + c*d + e*f + g*h + a*c + b*d + e*g + f*h;
polytree big
# expect: polytree: the picture needs at least 91 columns, more than the 80 available; try `tree big`

polytree a*b + c*d
# expect: a*b + c*d = 14
# expect: grad 0
# expect: ├─ + ─────────────┐
# expect: a*b = 2           c*d = 12
# expect: grad 0            grad 0
# expect: ├─ * ────┐        ├─ * ────┐
# expect: a = 1    b = 2    c = 3    d = 4
# expect: grad 0   grad 0   grad 0   grad 0
