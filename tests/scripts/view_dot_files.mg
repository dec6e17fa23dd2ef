# dot: file names that are not .dot, .gv, .svg, .png or .pdf are refused.
a = -2; b = 10; L = a*b;
dot L "graph.txt"
# expect-err: view_dot_files.mg:3:7: error: dot: cannot tell what to write to "graph.txt": the name must end in .dot (DOT text), .svg, .png or .pdf (rendered by Graphviz)
# expect-err:     3 | dot L "graph.txt"
# expect-err:       |       ^~~~~~~~~~~
# exit: 1
