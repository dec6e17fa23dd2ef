del "a"
