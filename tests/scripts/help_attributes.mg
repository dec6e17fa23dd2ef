# data, grad and label have pages of help. (The overview, help alone, is
# checked by tests/unit/tables_test.c: its functions against the tables,
# the rest against tests/unit/golden/help-overview.txt.)
help data
help grad
help label

# expect: x.data: the number a value holds. Used in an expression it is a plain
# expect: number (no gradient flows through it). x.data = e and x.data -= e set a
# expect: leaf's data in place, as micrograd's p.data -= lr * p.grad; forward L
# expect: then recomputes a kept graph from the new data.
# expect: x.grad: dL/dx, the gradient back-propagation left in x (0 before any).
# expect: backward L sets it for every node of L's graph (starting from zero);
# expect: L.backward() adds to what is there, as micrograd's does; zero L and
# expect: m.zero_grad() clear it. x.grad = e sets it by hand (x.grad = 1.0 before
# expect: calling x._backward(), as Karpathy's micrograd lecture video does). It
# expect: is a plain number.
# expect: x.label: the name views show for x (a string). name = e labels the
# expect: node with the name unless it has one; x.label = "e" and
# expect: Value(2.0, label="a") set it. Unlabelled inner nodes show their source
# expect: text (a*b).
