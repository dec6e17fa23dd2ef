tree nothing
# error: tree-undefined.mg:1:6: error: undefined name 'nothing'
