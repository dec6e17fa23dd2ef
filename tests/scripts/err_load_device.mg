# load reads regular files and pipes only: a device such as /dev/zero (which
# would never end) is refused before anything is read.
load "/dev/zero"
# expect-err: err_load_device.mg:3:6: error: load: cannot read '/dev/zero': Not a regular file or a pipe (it is a character device)
# expect-err:     3 | load "/dev/zero"
# expect-err:       |      ^~~~~~~~~~~
# exit: 1
