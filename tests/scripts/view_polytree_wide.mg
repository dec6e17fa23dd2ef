# polytree: a picture wider than the screen (80 columns in a script) is
# refused with an error that names the columns it needs; the script stops.
set ascii off
a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8;
big = a*b + c*d + e*f + g*h + a*c + b*d + e*g + f*h;
polytree big
print "not reached"
# expect-err: view_polytree_wide.mg:6:1: error: polytree: the picture needs 83 columns, more than the 80 available; try `tree big`
# expect-err:     6 | polytree big
# expect-err:       | ^~~~~~~~~~~~
# exit: 1
