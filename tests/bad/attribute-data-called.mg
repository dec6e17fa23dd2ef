x = 1
x.data()
# error: attribute-data-called.mg:2:1: error: 'data' is an attribute, not a method: write x.data
