a = 1
c = a * 2
c.data += 1
