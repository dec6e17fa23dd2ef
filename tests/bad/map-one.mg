print(map(abs))
# error: map-one.mg:1:7: error: map takes 2 to 8 arguments, not 1
