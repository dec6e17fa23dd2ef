# + joins strings, as in Python (a label can be built from parts); a string
# and a number do not add; a string over 64 MiB is refused, not a crash.
name = "L" + "1" + ".w" + "0";
print name, len(name)
v = Value(2.0, label="x" + "1");
print v.label
print "" + "" == ""
print "a" + 1
# expect: L1.w0 5
# expect: x1
# expect: 1
# expect-err: lang_string_join.mg:8:7: error: cannot add a string and a number
# expect-err:     8 | print "a" + 1
# expect-err:       |       ^~~~~~~
# exit: 1
