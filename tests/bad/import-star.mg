print "ran"
from math import *
# error: import-star.mg:2:18: error: expected a name, found '*'
