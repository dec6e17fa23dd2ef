a = 1
load a
# error: load-name.mg:2:6: error: load takes a file name in quotes, as in load "file.mg"
