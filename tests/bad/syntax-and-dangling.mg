1 and
