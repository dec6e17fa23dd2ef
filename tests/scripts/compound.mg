# += -= *= /= mean name = name op (expr).
a = 2
a += 3
a -= 1
a *= 2 + 1
a /= 4
c = 1; c += c; backward c

# expect: a = 2
# expect: a = 5
# expect: a = 4
# expect: a = 12
# expect: a = 3
