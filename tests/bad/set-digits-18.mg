set digits 18
