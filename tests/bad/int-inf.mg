print(int(float("inf")))
# error: int-inf.mg:1:7: error: int: cannot make an infinity a whole number
