# Python's blocks by indentation, beside { }: for, while, if/elif/else,
# def, one-line bodies, nesting, blank and comment lines inside a block,
# tabs used alike, and `}` then a newline then else.
xs = [1, 2, 3]
total = 0
for x in xs:
    total += x

    # a comment line and a blank line do not end the block
    if x == 2:
        print("two")
    elif x == 3:
        print("three")
    else:
        print("one")
total
n = 3
while n > 0:
    n -= 1
n
def square(a):
    b = a * a
    return b
square(4)
def cube(a): return a * a * a
cube(2)
for i in range(2): print("line", i)
if n == 0 { print("zero") }
else { print("not zero") }
if n == 1 {
    print("one")
}
else if n == 0 {
    print("zero again")
}
for i in range(2):
	for j in range(2):
		print(i, j)
for i in range(2):
    for j in range(1):
        print(i + j)
print("after")

# expect: xs = [1, 2, 3]
# expect: total = 0
# expect: one
# expect: two
# expect: three
# expect: total = 6
# expect: n = 3
# expect: n = 0
# expect: 16
# expect: 8
# expect: line 0
# expect: line 1
# expect: zero
# expect: zero again
# expect: 0 0
# expect: 0 1
# expect: 1 0
# expect: 1 1
# expect: 0
# expect: 1
# expect: after
