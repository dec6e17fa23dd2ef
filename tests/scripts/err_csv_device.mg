# csv reads what load reads: a device such as /dev/zero is refused with the
# reason, before anything is read.
xs = csv("/dev/zero")
# expect-err: err_csv_device.mg:3:6: error: csv: cannot read '/dev/zero': Not a regular file or a pipe (it is a character device)
# expect-err:     3 | xs = csv("/dev/zero")
# expect-err:       |      ^~~~~~~~~~~~~~~~
# exit: 1
