print(f"{3:x}")
# error: fstring-type.mg:1:10: error: f-string: invalid format specification 'x' (the types are f, e, g, d, % and s)
