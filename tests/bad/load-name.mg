a = 1
load a
