print a
# error: print-undefined.mg:1:7: error: undefined name 'a'
