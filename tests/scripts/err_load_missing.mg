load "no-such-file.mg"

# expect-err: err_load_missing.mg:1:6: error: load: cannot read 'no-such-file.mg': No such file or directory
# expect-err:     1 | load "no-such-file.mg"
# expect-err:       |      ^~~~~~~~~~~~~~~~~
# exit: 1
