load 3
