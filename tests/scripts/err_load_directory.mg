# A directory is refused with the system's word for it.
load "."
# expect-err: err_load_directory.mg:2:6: error: load: cannot read '.': Is a directory
# expect-err:     2 | load "."
# expect-err:       |      ^~~
# exit: 1
