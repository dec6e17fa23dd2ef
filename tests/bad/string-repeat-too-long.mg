x = "ab" * 1e9
# error: string-repeat-too-long.mg:1:5: error: the string would be longer than 64 MiB
