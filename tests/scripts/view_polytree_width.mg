# polytree: at the width a refusal names it draws, in the compact form
# (short source text, "∇ g" for the gradient, "a ↑" for a node drawn
# above); with room for the full form it draws that. set width fixes the
# columns pictures may take.
set ascii off
a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8;
big = a*b + c*d + e*f + g*h + a*c + b*d + e*g + f*h;
set width 83
polytree big
set width 121
polytree big
set width
set width auto
set width
polytree a*b + c*d
set ascii on
set width 83
polytree big
set ascii off
set width 82
polytree big

# expect: big = 194
# expect: ∇ 0
# expect: ├─ + ──────────────────────────────────────────────────────────────────┐
# expect: a*b + c*…*d + e*g = 146                                                f*h = 48
# expect: ∇ 0                                                                    ∇ 0
# expect: ├─ + ────────────────────────────────────────────────────────┐         ├─ * ──┐
# expect: a*b + c*…*c + b*d = 111                                      e*g = 35  f = 6  h = 8
# expect: ∇ 0                                                          ∇ 0       ∇ 0    ∇ 0
# expect: ├─ + ──────────────────────────────────────────────┐         ├─ * ──┐
# expect: a*b + c*…*h + a*c = 103                            b*d = 8   e = 5  g = 7
# expect: ∇ 0                                                ∇ 0       ∇ 0    ∇ 0
# expect: ├─ + ────────────────────────────────────┐         ├─ * ──┐
# expect: a*b + c*…*f + g*h = 100                  a*c = 3   b = 2  d = 4
# expect: ∇ 0                                      ∇ 0       ∇ 0    ∇ 0
# expect: ├─ + ──────────────────────────┐         ├─ * ──┐
# expect: a*b + c*d + e*f = 44           g*h = 56  a = 1  c = 3
# expect: ∇ 0                            ∇ 0       ∇ 0    ∇ 0
# expect: ├─ + ────────────────┐         ├─ * ─┐
# expect: a*b + c*d = 14       e*f = 30  g ↑   h ↑
# expect: ∇ 0                  ∇ 0
# expect: ├─ + ──────┐         ├─ * ─┐
# expect: a*b = 2    c*d = 12  e ↑   f ↑
# expect: ∇ 0        ∇ 0
# expect: ├─ * ─┐    ├─ * ─┐
# expect: a ↑   b ↑  c ↑   d ↑
# expect: big = 194
# expect: grad 0
# expect: ├─ + ──────────────────────────────────────────────────────────────────────────────────────────────────────┐
# expect: a*b + c*d + e*f + g*h + a*c + b*d + e*g = 146                                                              f*h = 48
# expect: grad 0                                                                                                     grad 0
# expect: ├─ + ───────────────────────────────────────────────────────────────────────────────────────────┐          ├─ * ───┐
# expect: a*b + c*d + e*f + g*h + a*c + b*d = 111                                                         e*g = 35   f = 6   h = 8
# expect: grad 0                                                                                          grad 0     grad 0  grad 0
# expect: ├─ + ────────────────────────────────────────────────────────────────────────────────┐          ├─ * ───┐
# expect: a*b + c*d + e*f + g*h + a*c = 103                                                    b*d = 8    e = 5   g = 7
# expect: grad 0                                                                               grad 0     grad 0  grad 0
# expect: ├─ + ─────────────────────────────────────────────────────────────────────┐          ├─ * ───┐
# expect: a*b + c*d + e*f + g*h = 100                                               a*c = 3    b = 2   d = 4
# expect: grad 0                                                                    grad 0     grad 0  grad 0
# expect: ├─ + ─────────────────────────────────────────────────────┐               ├─ * ───┐
# expect: a*b + c*d + e*f = 44                                      g*h = 56        a = 1   c = 3
# expect: grad 0                                                    grad 0          grad 0  grad 0
# expect: ├─ + ─────────────────────────────────────┐               ├─ * ────────┐
# expect: a*b + c*d = 14                            e*f = 30        g = 7        h = 8
# expect: grad 0                                    grad 0          (see above)  (see above)
# expect: ├─ + ─────────────────────┐               ├─ * ────────┐
# expect: a*b = 2                   c*d = 12        e = 5        f = 6
# expect: grad 0                    grad 0          (see above)  (see above)
# expect: ├─ * ────────┐            ├─ * ────────┐
# expect: a = 1        b = 2        c = 3        d = 4
# expect: (see above)  (see above)  (see above)  (see above)
# expect: width 121
# expect: width auto (80 now)
# expect: a*b + c*d = 14
# expect: grad 0
# expect: ├─ + ───────────┐
# expect: a*b = 2         c*d = 12
# expect: grad 0          grad 0
# expect: ├─ * ───┐       ├─ * ───┐
# expect: a = 1   b = 2   c = 3   d = 4
# expect: grad 0  grad 0  grad 0  grad 0
# expect: big = 194
# expect: gr 0
# expect: |- + ------------------------------------------------------------------|
# expect: a*b + c*...*d + e*g = 146                                              f*h = 48
# expect: gr 0                                                                   gr 0
# expect: |- + --------------------------------------------------------|         |- * --|
# expect: a*b + c*...*c + b*d = 111                                    e*g = 35  f = 6  h = 8
# expect: gr 0                                                         gr 0      gr 0   gr 0
# expect: |- + ----------------------------------------------|         |- * --|
# expect: a*b + c*...*h + a*c = 103                          b*d = 8   e = 5  g = 7
# expect: gr 0                                               gr 0      gr 0   gr 0
# expect: |- + ------------------------------------|         |- * --|
# expect: a*b + c*...*f + g*h = 100                a*c = 3   b = 2  d = 4
# expect: gr 0                                     gr 0      gr 0   gr 0
# expect: |- + --------------------------|         |- * --|
# expect: a*b + c*d + e*f = 44           g*h = 56  a = 1  c = 3
# expect: gr 0                           gr 0      gr 0   gr 0
# expect: |- + ----------------|         |- * -|
# expect: a*b + c*d = 14       e*f = 30  g ^   h ^
# expect: gr 0                 gr 0
# expect: |- + ------|         |- * -|
# expect: a*b = 2    c*d = 12  e ^   f ^
# expect: gr 0       gr 0
# expect: |- * -|    |- * -|
# expect: a ^   b ^  c ^   d ^
# expect-err: view_polytree_width.mg:21:1: error: polytree: the picture needs 83 columns, more than the 82 available; try `tree big`
# expect-err:    21 | polytree big
# expect-err:       | ^~~~~~~~~~~~
# exit: 1
