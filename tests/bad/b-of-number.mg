x = 3
x.b
# error: b-of-number.mg:2:1: error: a value has no .b (it is a model's)
