plot q^2, q = 0..1
