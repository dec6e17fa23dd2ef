# /dev/full reads as endless zero bytes too.
x = 1
load "/dev/full"
# expect: x = 1
# expect-err: err_load_device_full.mg:3:6: error: load: cannot read '/dev/full': Not a regular file or a pipe (it is a character device)
# expect-err:     3 | load "/dev/full"
# expect-err:       |      ^~~~~~~~~~~
# exit: 1
