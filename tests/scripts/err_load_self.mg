load "err_load_self.mg"

# expect-err: err_load_self.mg:1:6: error: load: nested more than 32 deep (does a script load itself?)
# expect-err:     1 | load "err_load_self.mg"
# expect-err:       |      ^~~~~~~~~~~~~~~~~~
# exit: 1
