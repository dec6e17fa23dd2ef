print(sum("ab"))
# error: sum-string.mg:1:7: error: sum: cannot add up a string's characters
