# check and backward on a model: check looks at its parameters (all of
# them for a small model, an evenly spaced sample of 64 for a big one), and
# backward says in one line where the parameters' gradients are.
seed 1
m = mlp(2, [3, 1]);
loss = (m([1, 2]) - 1)**2;
backward loss
check loss
big = mlp(2, [16, 16, 1]);
bigloss = (big([1, 2]) - 1)**2;
check bigloss
# expect: 13 parameter gradients set: p.grad for p in m.parameters(), or tree loss
# expect: gradient check of loss: autograd against central differences
# expect:   leaf      autograd   numeric    rel. error  verdict
# expect:   L0.N0.w0  1.15307    1.15307    2e-13       ok
# expect:   L0.N0.w1  2.30614    2.30614    1e-13       ok
# expect:   L0.N0.b   1.15307    1.15307    7e-15       ok
# expect:   L0.N1.w0  0.370301   0.370301   1e-12       ok
# expect:   L0.N1.w1  0.740603   0.740603   2e-15       ok
# expect:   L0.N1.b   0.370301   0.370301   1e-13       ok
# expect:   L0.N2.w0  -0.496589  -0.496589  2e-13       ok
# expect:   L0.N2.w1  -0.993178  -0.993178  9e-15       ok
# expect:   L0.N2.b   -0.496589  -0.496589  9e-15       ok
# expect:   L1.N0.w0  -0.764266  -0.764266  2e-13       ok
# expect:   L1.N0.w1  0.471242   0.471242   5e-15       ok
# expect:   L1.N0.w2  1.30861    1.30861    1e-14       ok
# expect:   L1.N0.b   -1.68973   -1.68973   3e-14       ok
# expect: all 13 gradients agree
# expect: gradient check of bigloss: autograd against central differences
# expect: (a sample of 64 of its 337 leaves, evenly spaced from oldest to newest)
# expect:   leaf        autograd      numeric       rel. error  verdict
# expect:   L0.N0.w0    -1.20593e-08  -1.20593e-08  5e-09       ok
# expect:   L0.N1.b     5.87034e-08   5.87034e-08   5e-11       ok
# expect:   L0.N3.w1    2.83739e-06   2.83739e-06   6e-12       ok
# expect:   L0.N5.w0    9.1787e-07    9.1787e-07    8e-12       ok
# expect:   L0.N7.w0    3.34888e-07   3.34888e-07   1e-10       ok
# expect:   L0.N8.b     3.6151e-07    3.6151e-07    2e-11       ok
# expect:   L0.N10.w1   -5.87146e-07  -5.87146e-07  5e-11       ok
# expect:   L0.N12.w0   -5.46452e-07  -5.46452e-07  3e-11       ok
# expect:   L0.N14.w0   3.44594e-06   3.44594e-06   9e-13       ok
# expect:   L0.N15.b    -8.1334e-08   -8.1334e-08   1e-10       ok
# expect:   L1.N0.w4    -1.78444e-07  -1.78444e-07  4e-10       ok
# expect:   L1.N0.w9    1.75975e-07   1.75975e-07   5e-11       ok
# expect:   L1.N0.w15   -1.76273e-07  -1.76273e-07  4e-12       ok
# expect:   L1.N1.w3    6.62613e-08   6.62613e-08   6e-10       ok
# expect:   L1.N1.w8    7.15887e-08   7.15887e-08   5e-10       ok
# expect:   L1.N1.w13   8.45345e-08   8.45345e-08   2e-10       ok
# expect:   L1.N2.w2    -1.81996e-09  -1.81996e-09  2e-09       ok
# expect:   L1.N2.w7    1.71962e-09   1.71962e-09   2e-09       ok
# expect:   L1.N2.w12   -1.0675e-09   -1.0675e-09   4e-09       ok
# expect:   L1.N3.w1    1.74074e-08   1.74074e-08   3e-10       ok
# expect:   L1.N3.w6    7.21668e-09   7.21668e-09   2e-09       ok
# expect:   L1.N3.w11   7.76653e-09   7.76653e-09   5e-10       ok
# expect:   L1.N3.b     1.75836e-08   1.75836e-08   6e-10       ok
# expect:   L1.N4.w5    1.7362e-06    1.7362e-06    8e-12       ok
# expect:   L1.N4.w10   1.70994e-06   1.70994e-06   9e-12       ok
# expect:   L1.N4.w15   2.11737e-06   2.11737e-06   1e-11       ok
# expect:   L1.N5.w3    1.48555e-07   1.48555e-07   2e-10       ok
# expect:   L1.N5.w9    -1.94727e-07  -1.94727e-07  3e-11       ok
# expect:   L1.N5.w14   -4.32404e-08  -4.32404e-08  5e-10       ok
# expect:   L1.N6.w2    2.73662e-07   2.73662e-07   1e-10       ok
# expect:   L1.N6.w7    -2.58574e-07  -2.58574e-07  5e-11       ok
# expect:   L1.N6.w13   -3.97499e-07  -3.97499e-07  2e-11       ok
# expect:   L1.N7.w1    -2.03121e-08  -2.03121e-08  2e-10       ok
# expect:   L1.N7.w6    -8.42091e-09  -8.42091e-09  5e-09       ok
# expect:   L1.N7.w12   -7.55649e-09  -7.55649e-09  4e-10       ok
# expect:   L1.N8.w0    -2.06638e-07  -2.06638e-07  3e-11       ok
# expect:   L1.N8.w5    1.67382e-07   1.67382e-07   1e-10       ok
# expect:   L1.N8.w10   1.6485e-07    1.6485e-07    3e-11       ok
# expect:   L1.N8.b     -2.17471e-07  -2.17471e-07  7e-11       ok
# expect:   L1.N9.w4    2.30044e-06   2.30044e-06   2e-12       ok
# expect:   L1.N9.w9    -2.2686e-06   -2.2686e-06   1e-11       ok
# expect:   L1.N9.w14   -5.03759e-07  -5.03759e-07  2e-11       ok
# expect:   L1.N10.w3   -6.21062e-07  -6.21062e-07  9e-11       ok
# expect:   L1.N10.w8   -6.70995e-07  -6.70995e-07  9e-12       ok
# expect:   L1.N10.w13  -7.92335e-07  -7.92335e-07  6e-11       ok
# expect:   L1.N11.w1   -3.50443e-07  -3.50443e-07  3e-11       ok
# expect:   L1.N11.w7   2.10014e-07   2.10014e-07   7e-11       ok
# expect:   L1.N11.w12  -1.30371e-07  -1.30371e-07  1e-10       ok
# expect:   L1.N12.w0   -1.80089e-07  -1.80089e-07  5e-10       ok
# expect:   L1.N12.w6   -7.7787e-08   -7.7787e-08   2e-10       ok
# expect:   L1.N12.w11  -8.37137e-08  -8.37137e-08  2e-10       ok
# expect:   L1.N12.b    -1.8953e-07   -1.8953e-07   3e-11       ok
# expect:   L1.N13.w4   3.92068e-08   3.92068e-08   3e-09       ok
# expect:   L1.N13.w10  3.12772e-08   3.12772e-08   6e-10       ok
# expect:   L1.N13.w15  3.87297e-08   3.87297e-08   2e-10       ok
# expect:   L1.N14.w3   -2.46939e-08  -2.46939e-08  3e-09       ok
# expect:   L1.N14.w8   -2.66793e-08  -2.66793e-08  1e-09       ok
# expect:   L1.N14.w14  7.18774e-09   7.18774e-09   1e-09       ok
# expect:   L1.N15.w2   -6.70828e-08  -6.70828e-08  9e-11       ok
# expect:   L1.N15.w7   6.33844e-08   6.33844e-08   4e-11       ok
# expect:   L1.N15.w12  -3.93474e-08  -3.93474e-08  4e-11       ok
# expect:   L2.N0.w1    2.42764e-07   2.42764e-07   4e-10       ok
# expect:   L2.N0.w6    3.17382e-06   3.17382e-06   1e-11       ok
# expect:   L2.N0.w11   -2.79098e-06  -2.79098e-06  2e-11       ok
# expect: all 64 gradients agree
