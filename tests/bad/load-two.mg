load "a.mg", "b.mg"
# error: load-two.mg:1:1: error: load: wrong number of arguments; usage: load "file.mg"
