set digits 2.5
