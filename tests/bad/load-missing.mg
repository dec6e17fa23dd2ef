load "no-such-file.mg"
# error: load-missing.mg:1:6: error: load: cannot read 'no-such-file.mg': No such file or directory
