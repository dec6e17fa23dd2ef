x = exithyp + 1
# error: fuzz-command-prefix.mg:1:5: error: undefined name 'exithyp'
