print "ran"
import math as
# error: import-as-nothing.mg:2:15: error: unexpected end of line, expected a name
