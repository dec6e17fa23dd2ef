a = 0; k = -1
c = a ^ k
