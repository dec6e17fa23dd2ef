set digits 0
