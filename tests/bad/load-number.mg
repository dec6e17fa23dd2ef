load 3
# error: load-number.mg:1:6: error: load takes a file name in quotes, as in load "file.mg"
