# Doubling a string stops with an error at 64 MiB; the session would go on.
s = "0123456789abcdef";
repeat 40 { s = s + s; }
# expect-err: err_string_too_long.mg:3:17: error: the string would be longer than 64 MiB
# expect-err:     3 | repeat 40 { s = s + s; }
# expect-err:       |                 ^~~~~
# exit: 1
