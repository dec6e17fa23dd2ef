set digits -1
