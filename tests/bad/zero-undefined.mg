zero nothing
# error: zero-undefined.mg:1:6: error: undefined name 'nothing'
