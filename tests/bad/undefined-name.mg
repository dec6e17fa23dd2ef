y = x + 1
# error: undefined-name.mg:1:5: error: undefined name 'x'
