dot nothing
# error: dot-undefined.mg:1:5: error: undefined name 'nothing'
