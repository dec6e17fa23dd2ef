set color 2
