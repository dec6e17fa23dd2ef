load
# error: load-none.mg:1:1: error: load: wrong number of arguments; usage: load "file.mg"
