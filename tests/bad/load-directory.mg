load "."
