set digits "8"
