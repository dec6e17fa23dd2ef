1 + not 0
