backward L
# error: backward-undefined.mg:1:10: error: undefined name 'L'
