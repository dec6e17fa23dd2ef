# Blocks and control flow; a statement without ; shows its value each time
# round, as anywhere else.
x = 5
if x > 3 { print("big") } else { print("small") }
if x > 10 { print("huge") } else if x > 4 { print("medium") } else { print("small") }
if x < 0 { print("never") }
i = 0;
while i < 3 {
    i += 1
}
for k in range(3) { print(k); }
for i, v in zip([0, 1], ["a", "b"]) { print(i, v) }
repeat 2 { print("again") }
for k in range(10) {
    if k == 2 { continue; }
    if k == 4 { break; }
    print(k)
}
n = 0;
while 1 { n += 1; if n >= 3 { break; } }
n.data
total = 0;
for row in [[1, 2], [3, 4]] { for v in row { total += v; } }
total.data
for k in [] { print("never") }
repeat 0 { print("never") }

# expect: x = 5
# expect: big
# expect: medium
# expect: 0
# expect: 1
# expect: 2
# expect: 0 a
# expect: 1 b
# expect: again
# expect: again
# expect: 0
# expect: 1
# expect: 3
# expect: 3
# expect: 10
