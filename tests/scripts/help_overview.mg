# help fits an 80-column terminal: each command with a few words, the
# functions wrapped at whole words; data, grad and label have pages.
help
help data
help grad
help label

# expect: mgrad: a calculator that back-propagates.
# expect: Type expressions and assignments: a = 2; b = -3; L = a*b + 10
# expect: then backward L to see dL/da and dL/db.
# expect:
# expect: Commands:
# expect:   backward   back-propagate from L: every dL/dx
# expect:   zero       set gradients to 0
# expect:   forward    recompute L's kept graph after leaves changed
# expect:   step       one step of gradient descent
# expect:   seed       restart the random generator
# expect:   regions    a model's decision regions with its points
# expect:   tree       the graph as an indented tree
# expect:   polytree   the graph top-down, operands side by side
# expect:   dot        the graph in Graphviz DOT, or a picture
# expect:   explain    back-propagation step by step
# expect:   check      gradients against finite differences
# expect:   plot       a function and its derivative; a list
# expect:   print      print values and text on one line
# expect:   vars       the bound names, data and gradients
# expect:   del        unbind names
# expect:   load       run a script in this session
# expect:   set        display settings (help set)
# expect:   help       this list; help NAME for one
# expect:   quit       leave mgrad
# expect:   exit       leave mgrad
# expect:
# expect: Functions: pow tanh relu exp log sigmoid sin cos sqrt abs len str sum range
# expect:            zip list set enumerate reversed sorted min max any all map filter
# expect:            round int float params parameters zero_grad Value neuron layer mlp
# expect:            Neuron Layer MLP rand uniform randn draw_dot draw_graph
# expect:            render_graph trace csv
# expect: Words: if else while for in repeat break continue def return import from as and or not
# expect: Topics: syntax operators functions values programs names python training data grad label
# expect: help NAME explains a command, a function, a word or a topic.
# expect: x.data: the number a value holds. Used in an expression it is a plain
# expect: number (no gradient flows through it). x.data = e and x.data -= e set a
# expect: leaf's data in place, as micrograd's p.data -= lr * p.grad; forward L
# expect: then recomputes a kept graph from the new data.
# expect: x.grad: dL/dx, the gradient back-propagation left in x (0 before any).
# expect: backward L sets it for every node of L's graph (starting from zero);
# expect: L.backward() adds to what is there, as micrograd's does; zero L and
# expect: m.zero_grad() clear it. x.grad = e sets it by hand (x.grad = 1.0 before
# expect: calling x._backward(), as the lecture does). It is a plain number.
# expect: x.label: the name views show for x (a string). name = e labels the
# expect: node with the name unless it has one; x.label = "e" and
# expect: Value(2.0, label="a") set it. Unlabelled inner nodes show their source
# expect: text (a*b).
