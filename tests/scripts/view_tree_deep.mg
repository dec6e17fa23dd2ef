# tree: a chain deeper than the fold continues in numbered sections.
set ascii off
x = 0.5; w = 0.1;
x = tanh(x*0.5 + w); x = tanh(x*0.5 + w); x = tanh(x*0.5 + w);
x = tanh(x*0.5 + w); x = tanh(x*0.5 + w); x = tanh(x*0.5 + w);
tree x
# expect: x₆ = 0.198487  grad 0  (tanh)
# expect: └── (x*0.5 + w)₅ = 0.201157  grad 0  (+)
# expect:     ├── (x*0.5)₅ = 0.101157  grad 0  (*)
# expect:     │   ├── x₅ = 0.202314  grad 0  (tanh)
# expect:     │   │   └── (x*0.5 + w)₄ = 0.205145  grad 0  (+)
# expect:     │   │       ├── (x*0.5)₄ = 0.105145  grad 0  (*)
# expect:     │   │       │   ├── x₄ = 0.210289  grad 0  (tanh)
# expect:     │   │       │   │   └── (x*0.5 + w)₃ = 0.213474  grad 0  (+)
# expect:     │   │       │   │       ├── (x*0.5)₃ = 0.113474  grad 0  (*)
# expect:     │   │       │   │       │   ├── x₃ = 0.226948  grad 0  (tanh)
# expect:     │   │       │   │       │   │   └── (x*0.5 + w)₂ = 0.230969  grad 0  (+)  → [1]
# expect:     │   │       │   │       │   └── 0.5  grad 0
# expect:     │   │       │   │       └── w = 0.1  grad 0
# expect:     │   │       │   └── 0.5  grad 0
# expect:     │   │       └── w = 0.1  (see above)
# expect:     │   └── 0.5  grad 0
# expect:     └── w = 0.1  (see above)
# expect:
# expect: [1] (x*0.5 + w)₂ = 0.230969  grad 0  (+)
# expect: ├── (x*0.5)₂ = 0.130969  grad 0  (*)
# expect: │   ├── x₂ = 0.261938  grad 0  (tanh)
# expect: │   │   └── (x*0.5 + w)₁ = 0.268188  grad 0  (+)
# expect: │   │       ├── (x*0.5)₁ = 0.168188  grad 0  (*)
# expect: │   │       │   ├── x₁ = 0.336376  grad 0  (tanh)
# expect: │   │       │   │   └── x*0.5 + w = 0.35  grad 0  (+)
# expect: │   │       │   │       ├── x*0.5 = 0.25  grad 0  (*)
# expect: │   │       │   │       │   ├── x = 0.5  grad 0
# expect: │   │       │   │       │   └── 0.5  grad 0
# expect: │   │       │   │       └── w = 0.1  (see above)
# expect: │   │       │   └── 0.5  grad 0
# expect: │   │       └── w = 0.1  (see above)
# expect: │   └── 0.5  grad 0
# expect: └── w = 0.1  (see above)

tree x 4
# expect: x₆ = 0.198487  grad 0  (tanh)
# expect: └── (x*0.5 + w)₅ = 0.201157  grad 0  (+)
# expect:     ├── (x*0.5)₅ = 0.101157  grad 0  (*)
# expect:     │   ├── x₅ = 0.202314  grad 0  (tanh)
# expect:     │   │   └── (x*0.5 + w)₄ = 0.205145  grad 0  (+)  …
# expect:     │   └── 0.5  grad 0
# expect:     └── w = 0.1  grad 0
# expect: (…: operands past depth 4 not shown)

set ascii on
tree x
# expect: x#6 = 0.198487  grad 0  (tanh)
# expect: `-- (x*0.5 + w)#5 = 0.201157  grad 0  (+)
# expect:     |-- (x*0.5)#5 = 0.101157  grad 0  (*)
# expect:     |   |-- x#5 = 0.202314  grad 0  (tanh)
# expect:     |   |   `-- (x*0.5 + w)#4 = 0.205145  grad 0  (+)
# expect:     |   |       |-- (x*0.5)#4 = 0.105145  grad 0  (*)
# expect:     |   |       |   |-- x#4 = 0.210289  grad 0  (tanh)
# expect:     |   |       |   |   `-- (x*0.5 + w)#3 = 0.213474  grad 0  (+)
# expect:     |   |       |   |       |-- (x*0.5)#3 = 0.113474  grad 0  (*)
# expect:     |   |       |   |       |   |-- x#3 = 0.226948  grad 0  (tanh)
# expect:     |   |       |   |       |   |   `-- (x*0.5 + w)#2 = 0.230969  grad 0  (+)  -> [1]
# expect:     |   |       |   |       |   `-- 0.5  grad 0
# expect:     |   |       |   |       `-- w = 0.1  grad 0
# expect:     |   |       |   `-- 0.5  grad 0
# expect:     |   |       `-- w = 0.1  (see above)
# expect:     |   `-- 0.5  grad 0
# expect:     `-- w = 0.1  (see above)
# expect:
# expect: [1] (x*0.5 + w)#2 = 0.230969  grad 0  (+)
# expect: |-- (x*0.5)#2 = 0.130969  grad 0  (*)
# expect: |   |-- x#2 = 0.261938  grad 0  (tanh)
# expect: |   |   `-- (x*0.5 + w)#1 = 0.268188  grad 0  (+)
# expect: |   |       |-- (x*0.5)#1 = 0.168188  grad 0  (*)
# expect: |   |       |   |-- x#1 = 0.336376  grad 0  (tanh)
# expect: |   |       |   |   `-- x*0.5 + w = 0.35  grad 0  (+)
# expect: |   |       |   |       |-- x*0.5 = 0.25  grad 0  (*)
# expect: |   |       |   |       |   |-- x = 0.5  grad 0
# expect: |   |       |   |       |   `-- 0.5  grad 0
# expect: |   |       |   |       `-- w = 0.1  (see above)
# expect: |   |       |   `-- 0.5  grad 0
# expect: |   |       `-- w = 0.1  (see above)
# expect: |   `-- 0.5  grad 0
# expect: `-- w = 0.1  (see above)
