# help has a page for every command, function and topic.
help backward
help tanh
help pow
help set
help values

# expect: usage: backward L   or   L.backward()
# expect: Back-propagates from L: clears the gradients in L's graph, sets dL/dL = 1
# expect: and applies the chain rule from L down to the leaves, adding up the
# expect: contributions of a node used more than once. Shows dL/dx for each named
# expect: node of the graph (silence it with ;). L.backward() is micrograd's: it
# expect: clears nothing, so gradients add up across calls until zeroed.
# expect: tanh(x): hyperbolic tangent. d/dx = 1 - tanh(x)^2
# expect: Also a method: x.tanh().
# expect: pow(a, b): a ^ b. d/da = b a^(b-1); d/db = a^b ln a (when b is
# expect: a value, not a constant)
# expect: Also a method: a.pow(b).
# expect: usage: set digits N|auto | set ascii on|off | set color on|off | set width N|auto | set items N|all
# expect: digits: N (1 to 17) rounds every printed number and picture to N
# expect: significant digits; auto (the default) prints values exactly, as
# expect: Python's repr does, and pictures with 6 digits. ascii: draw pictures
# expect: with ASCII instead of box drawing. color: colour on or off. width:
# expect: columns pictures may take (20 to 100000; auto: the terminal's, or 80
# expect: when output is not a terminal). items: the items a list shows: a
# expect: longer one prints its first N - 1, an ellipsis and its last, then its
# expect: length, as [0, 1, 2, ..., 2999999] (3000000 items); all shows every
# expect: item (100 by default). `set digits` alone shows the setting.
# expect: Every expression makes Value nodes: data, grad, children, operation and
# expect: a label. A literal is a constant leaf; an expression of literals alone
# expect: folds into one leaf. name = expr labels the node with the name unless it
# expect: has one. Rebinding a name makes a new node; graphs built earlier keep the
# expect: old one. Views tell apart the nodes one name meant, oldest plain: a, a#1,
# expect: a#2 (subscripts in UTF-8); vars adds [a#2] to a binding whose node is one
# expect: of several so called in its graph. x.data and x.grad are plain numbers:
# expect: no gradient flows through them. A value shows as name = data, and
# expect: name = data  (grad g) once its gradient is not zero.
