# quit stops the script at once, with status 0.
print "before"
quit
print "after"

# expect: before
