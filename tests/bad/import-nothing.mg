print "ran"
import
# error: import-nothing.mg:2:7: error: unexpected end of line, expected a name
