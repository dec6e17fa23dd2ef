a = 1
dot a "out.txt"
# error: dot-bad-extension.mg:2:7: error: dot: cannot tell what to write to "out.txt": the name must end in .dot (DOT text), .svg, .png or .pdf (rendered by Graphviz)
