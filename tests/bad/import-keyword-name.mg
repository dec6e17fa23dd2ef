print "ran"
import if
# error: import-keyword-name.mg:2:8: error: expected a name, found 'if'
