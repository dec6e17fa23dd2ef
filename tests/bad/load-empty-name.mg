load ""
# error: load-empty-name.mg:1:6: error: load: cannot read '': No such file or directory
