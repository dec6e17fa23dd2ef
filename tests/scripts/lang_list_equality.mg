# == and != compare as Python does: lists item by item (nested too),
# strings by their text, numbers and values by their data; a model is
# equal only to itself. Deep nesting costs no C stack.
print [1, 2] == [1, 2], [1, 2] == [1, 3], [1] != [1], [] == []
print [1, [2, "a"]] == [1, [2, "a"]], [[1], []] == [[1], [2]]
print [1] == 1, "a" == "a", "a" == "b"
x = Value(1);
print [x] == [1]
m = mlp(1, [1]);
print m == m, [m] == [mlp(1, [1])]
a = [];
b = [];
repeat 100000 { a = [a]; b = [b]; }
print a == b, a == [b]
# expect: 1 0 0 1
# expect: 1 0
# expect: 0 1 0
# expect: 1
# expect: 1 0
# expect: 1 0
