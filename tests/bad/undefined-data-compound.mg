q.data -= 1
# error: undefined-data-compound.mg:1:1: error: undefined name 'q'
