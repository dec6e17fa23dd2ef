print "ran"
print(f"{3:.2f")
# error: fstring-unterminated.mg:2:15: error: unterminated f-string
