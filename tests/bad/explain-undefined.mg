explain nothing
# error: explain-undefined.mg:1:9: error: undefined name 'nothing'
