polytree nothing
# error: polytree-undefined.mg:1:10: error: undefined name 'nothing'
