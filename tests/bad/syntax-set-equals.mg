set digits = 8
