# f-strings with Python's format specification for numbers: fill, align,
# sign, width, .precision and the types f e g d %; {{ }} and nested quotes.
k = 3; x = 0.1 + 0.2; L = Value(2.5);
print(f"{k} {x} {L.data:.6g}")
print(f'[{k:>5}] [{k:<5}] [{k:^7.2f}] [{k:*^9}] [{k:+d}] [{-k:08.3f}]')
print(f"[{x:.2f}] [{x:e}] [{x:.3E}] [{x:g}] [{1e-7:g}] [{0.256:.1%}] [{2:.0%}]")
print(f"[{123456789:d}] [{-2.5:+.1f}] [{2.5: .1f}] [{-0.0:.1f}] [{x:10.4f}|]")
print(f"{{x}} {'text':>6}|{'ab':.1}|{'ab':<4}|")
print(f"{[1, 'a']} {k}{k}{k} {k + 1} {L}")
print(f"")
s = f"loss {k:.2f}"
s
for k in range(2):
    print(f"step {k} loss {0.5 ** k:.4f}")

# expect: 3 0.30000000000000004 2.5
# expect: [    3] [3    ] [ 3.00  ] [****3****] [+3] [-003.000]
# expect: [0.30] [3.000000e-01] [3.000E-01] [0.3] [1e-07] [25.6%] [200%]
# expect: [123456789] [-2.5] [ 2.5] [-0.0] [    0.3000|]
# expect: {x}   text|a|ab  |
# expect: [1, "a"] 333 4 2.5
# expect:
# expect: s = "loss 3.00"
# expect: s = "loss 3.00"
# expect: step 0 loss 1.0000
# expect: step 1 loss 0.5000
