x = exithyp + 1
