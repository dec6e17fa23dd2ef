# Numbers stay numbers: arithmetic on them is arithmetic (constant
# folding), and a graph node appears only when a node is an operand or a
# number is bound to a name.
2*3 + 1
-2^2
x = 2*3
tree x
a = 2
tree a*3
tree a*(2 + 3)
y = a.data * 10
tree y
tanh(0)
t = tanh(0) + 1
tree t
c = a < 3
tree c
(2*3).data
(2*3).grad
backward 2*3
tree 2*3
print 1/4, a/4

# expect: 7
# expect: -4
# expect: x = 6
# expect: x = 6  grad 0
# expect: a = 2
# expect: a*3 = 6  grad 0  (*)
# expect: |-- a = 2  grad 0
# expect: `-- 3  grad 0
# expect: a*(2 + 3) = 10  grad 0  (*)
# expect: |-- a = 2  grad 0
# expect: `-- 5  grad 0
# expect: y = 20
# expect: y = 20  grad 0
# expect: 0
# expect: t = 1
# expect: t = 1  grad 0
# expect: c = 1
# expect: c = 1  grad 0
# expect: 6
# expect: 0
# expect: 6  grad 0
# expect: 0.25 0.5
