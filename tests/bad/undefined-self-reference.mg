x = x + 1
# error: undefined-self-reference.mg:1:5: error: undefined name 'x'
