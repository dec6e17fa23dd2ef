set digits 8 9
