# tree: L = a*(b + c*d), b = a + a and f = d*e from the seeds.
set ascii off
a = -2; b = 10; c = 2; d = -3;
L = a*(b + c*d);

tree L
# expect: L = -8  grad 0  (*)
# expect: ├── a = -2  grad 0
# expect: └── b + c*d = 4  grad 0  (+)
# expect:     ├── b = 10  grad 0
# expect:     └── c*d = -6  grad 0  (*)
# expect:         ├── c = 2  grad 0
# expect:         └── d = -3  grad 0

backward L;
tree L
# expect: L = -8  grad 1  (*)
# expect: ├── a = -2  grad 4
# expect: └── b + c*d = 4  grad -2  (+)
# expect:     ├── b = 10  grad -2
# expect:     └── c*d = -6  grad -2  (*)
# expect:         ├── c = 2  grad 6
# expect:         └── d = -3  grad -4

set ascii on
tree L
# expect: L = -8  grad 1  (*)
# expect: |-- a = -2  grad 4
# expect: `-- b + c*d = 4  grad -2  (+)
# expect:     |-- b = 10  grad -2
# expect:     `-- c*d = -6  grad -2  (*)
# expect:         |-- c = 2  grad 6
# expect:         `-- d = -3  grad -4

set ascii off
a = 3; b = a + a;
tree b
# expect: b = 6  grad 0  (+)
# expect: ├── a = 3  grad 0
# expect: └── a = 3  (see above)

backward b;
tree b
# expect: b = 6  grad 1  (+)
# expect: ├── a = 3  grad 2
# expect: └── a = 3  (see above)

set ascii on
tree b
# expect: b = 6  grad 1  (+)
# expect: |-- a = 3  grad 2
# expect: `-- a = 3  (see above)

set ascii off
a = -2; b = 3; d = a*b; e = a + b; f = d*e;
backward f;
tree f
# expect: f = -6  grad 1  (*)
# expect: ├── d = -6  grad 1  (*)
# expect: │   ├── a = -2  grad -3
# expect: │   └── b = 3  grad -8
# expect: └── e = 1  grad -6  (+)
# expect:     ├── a = -2  (see above)
# expect:     └── b = 3  (see above)

set ascii on
tree f
# expect: f = -6  grad 1  (*)
# expect: |-- d = -6  grad 1  (*)
# expect: |   |-- a = -2  grad -3
# expect: |   `-- b = 3  grad -8
# expect: `-- e = 1  grad -6  (+)
# expect:     |-- a = -2  (see above)
# expect:     `-- b = 3  (see above)
