print "ran"
from math exp
# error: from-no-import.mg:2:11: error: expected 'import', found name 'exp'
