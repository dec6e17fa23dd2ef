print(int("abc"))
# error: int-string.mg:1:7: error: int: "abc" is not a number
