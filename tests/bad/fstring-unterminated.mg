print "ran"
print(f"{3:.2f")
