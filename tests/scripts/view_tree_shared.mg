# tree: a DAG with a shared subtree is drawn with references, not copies.
set ascii off
a = 2; b = 3; c = 1;
s = a*b + c; t = s*s; u = t + s;

tree u
# expect: u = 56  grad 0  (+)
# expect: ├── t = 49  grad 0  (*)
# expect: │   ├── s = 7  grad 0  (+)
# expect: │   │   ├── a*b = 6  grad 0  (*)
# expect: │   │   │   ├── a = 2  grad 0
# expect: │   │   │   └── b = 3  grad 0
# expect: │   │   └── c = 1  grad 0
# expect: │   └── s = 7  (see above)
# expect: └── s = 7  (see above)

backward u;
tree u
# expect: u = 56  grad 1  (+)
# expect: ├── t = 49  grad 1  (*)
# expect: │   ├── s = 7  grad 15  (+)
# expect: │   │   ├── a*b = 6  grad 15  (*)
# expect: │   │   │   ├── a = 2  grad 45
# expect: │   │   │   └── b = 3  grad 30
# expect: │   │   └── c = 1  grad 15
# expect: │   └── s = 7  (see above)
# expect: └── s = 7  (see above)

tree u 1
# expect: u = 56  grad 1  (+)
# expect: ├── t = 49  grad 1  (*)  …
# expect: └── s = 7  grad 15  (+)  …
# expect: (…: operands past depth 1 not shown)

set ascii on
tree u
# expect: u = 56  grad 1  (+)
# expect: |-- t = 49  grad 1  (*)
# expect: |   |-- s = 7  grad 15  (+)
# expect: |   |   |-- a*b = 6  grad 15  (*)
# expect: |   |   |   |-- a = 2  grad 45
# expect: |   |   |   `-- b = 3  grad 30
# expect: |   |   `-- c = 1  grad 15
# expect: |   `-- s = 7  (see above)
# expect: `-- s = 7  (see above)

# A leaf is a tree of one row; constants are called by their value.
set ascii off
tree a
# expect: a = 2  grad 45

k = 2*a + 0.5*a^3 - 1;
tree k
# expect: k = 7  grad 0  (-)
# expect: ├── 2*a + 0.5*a^3 = 8  grad 0  (+)
# expect: │   ├── 2*a = 4  grad 0  (*)
# expect: │   │   ├── 2  grad 0
# expect: │   │   └── a = 2  grad 45
# expect: │   └── 0.5*a^3 = 4  grad 0  (*)
# expect: │       ├── 0.5  grad 0
# expect: │       └── a^3 = 8  grad 0  (^)
# expect: │           ├── a = 2  (see above)
# expect: │           └── 3  grad 0
# expect: └── 1  grad 0
