q += 1
# error: undefined-compound.mg:1:1: error: undefined name 'q' (a compound assignment needs a value to start from)
