or 1
