print "ran"
import math as m.x
# error: import-as-dotted.mg:2:17: error: expected ',', found '.'
