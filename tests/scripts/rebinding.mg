# Rebinding makes a new node; graphs built earlier keep the old one.
a = 2; L = a*3; a = 5;
L
a
backward L
# y = x binds the same node, which keeps its name.
x = 4; y = x; z = y * y;
backward z

# expect: L = 6
# expect: a = 5
# expect: dL/da = 3
# expect: dz/dx = 8
