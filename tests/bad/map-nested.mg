def f(x) = map(f, [x])
print(f(1))
# error: map-nested.mg:1:12: error: calls through built-in functions (map, filter, sorted's key) nested more than 64 deep
