load "."
# error: load-directory.mg:1:6: error: load: cannot read '.': Is a directory
