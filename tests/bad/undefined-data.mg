q.data
# error: undefined-data.mg:1:1: error: undefined name 'q'
