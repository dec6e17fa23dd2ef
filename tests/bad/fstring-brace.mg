print "ran"
print(f"a } b")
# error: fstring-brace.mg:2:11: error: single '}' in an f-string: write '}}' for a brace
