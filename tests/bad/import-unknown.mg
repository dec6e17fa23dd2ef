import foo
# error: import-unknown.mg:1:8: error: mgrad has no module 'foo': it imports math, random and micrograd (its engine and nn)
