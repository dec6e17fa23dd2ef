set digits 1e300
