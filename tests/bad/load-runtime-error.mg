load "domain-log-zero.mg"
print "not reached"
