plot q^2, q = 0..1
# error: plot-range-undefined.mg:1:6: error: undefined name 'q'
