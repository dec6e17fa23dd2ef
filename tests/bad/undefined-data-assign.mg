q.data = 1
# error: undefined-data-assign.mg:1:1: error: undefined name 'q'
