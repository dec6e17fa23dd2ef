print(f"{2.5:d}")
# error: fstring-d.mg:1:10: error: f-string: format type 'd' needs a whole number
