check nothing
# error: check-undefined.mg:1:7: error: undefined name 'nothing'
