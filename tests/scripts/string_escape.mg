# A string echoes as the language reads it: quotes and backslashes
# escaped, a newline as \n, a tab as \t, and any other control character
# as \xNN, so an escape sequence in a string cannot reach the terminal
# (here ESC ]0; sets a terminal's title, ESC [31m turns it red). print
# writes the string as it is.
s = "a\tb\n\"q\" \\ ]0;title"
xs = [s, "ok"]
a = Value(2)
a.label = "[31mred"
print(len(s))

# expect: s = "a\tb\n\"q\" \\ \x1b]0;title\x07"
# expect: xs = ["a\tb\n\"q\" \\ \x1b]0;title\x07", "ok"]
# expect: a = 2
# expect: a.label = "\x1b[31mred"
# expect: 20
