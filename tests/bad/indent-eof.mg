print "ran"
for i in range(3):
# error: indent-eof.mg:2:18: error: expected an indented block after ':'
