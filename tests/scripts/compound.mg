# += -= *= /= mean name = name op (expr).
a = 2
a += 3
a -= 1
a *= 2 + 1
a /= 4
# c += c makes a new node also called c: backward reports the old one,
# numbered apart (ASCII here, since the tests run in the C locale).
c = 1; c += c; backward c

# expect: a = 2
# expect: a = 5
# expect: a = 4
# expect: a = 12
# expect: a = 3
# expect: dc#1/dc = 2
