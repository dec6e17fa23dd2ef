set ascii maybe
# error: set-ascii-maybe.mg:1:11: error: expected on or off
