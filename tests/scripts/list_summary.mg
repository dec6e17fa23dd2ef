# A long list shows its first items - 1, an ellipsis and its last, then
# its length: in the echo, print and vars alike. set items N changes how
# many; set items all shows every item. str() and f-strings are whole.
xs = range(3000000)
print len(xs)
set items 5
xs
print xs
print [range(10), [1, 2], range(7)]
s = set(range(20))
s
ys = [1, 2, 3, 4, 5]
ys
ys[0] = 9
vars
print len(str(range(1000)))
set items
set items 1
range(4)
set items all
set items
range(12)

# expect: xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, ..., 2999999] (3000000 items)
# expect: 3000000
# expect: xs = [0, 1, 2, 3, ..., 2999999] (3000000 items)
# expect: [0, 1, 2, 3, ..., 2999999] (3000000 items)
# expect: [[0, 1, 2, 3, ..., 9] (10 items), [1, 2], [0, 1, 2, 3, ..., 6] (7 items)]
# expect: s = {0, 1, 2, 3, ..., 19} (20 items)
# expect: s = {0, 1, 2, 3, ..., 19} (20 items)
# expect: ys = [1, 2, 3, 4, 5]
# expect: ys = [1, 2, 3, 4, 5]
# expect: ys[0] = 9
# expect: xs = [0, 1, 2, 3, ..., 2999999] (3000000 items)
# expect: s = {0, 1, 2, 3, ..., 19} (20 items)
# expect: ys = [9, 2, 3, 4, 5]
# expect: 4890
# expect: items 5
# expect: [..., 3] (4 items)
# expect: items all
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
