# dot: Graphviz DOT in the style of draw_dot, before and after backward.
a = -2; b = 10; c = 2; d = -3;
L = a*(b + c*d);
dot L
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n9 [shape=record, label="{ L | data -8 | grad 0 }"];
# expect:   n9op [label="*"];
# expect:   n9op -> n9;
# expect:   n2 -> n9op;
# expect:   n8 -> n9op;
# expect:   n2 [shape=record, label="{ a | data -2 | grad 0 }"];
# expect:   n8 [shape=record, label="{ b + c*d | data 4 | grad 0 }"];
# expect:   n8op [label="+"];
# expect:   n8op -> n8;
# expect:   n3 -> n8op;
# expect:   n7 -> n8op;
# expect:   n3 [shape=record, label="{ b | data 10 | grad 0 }"];
# expect:   n7 [shape=record, label="{ c*d | data -6 | grad 0 }"];
# expect:   n7op [label="*"];
# expect:   n7op -> n7;
# expect:   n4 -> n7op;
# expect:   n6 -> n7op;
# expect:   n4 [shape=record, label="{ c | data 2 | grad 0 }"];
# expect:   n6 [shape=record, label="{ d | data -3 | grad 0 }"];
# expect: }

backward L;
dot L
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n9 [shape=record, label="{ L | data -8 | grad 1 }"];
# expect:   n9op [label="*"];
# expect:   n9op -> n9;
# expect:   n2 -> n9op;
# expect:   n8 -> n9op;
# expect:   n2 [shape=record, label="{ a | data -2 | grad 4 }"];
# expect:   n8 [shape=record, label="{ b + c*d | data 4 | grad -2 }"];
# expect:   n8op [label="+"];
# expect:   n8op -> n8;
# expect:   n3 -> n8op;
# expect:   n7 -> n8op;
# expect:   n3 [shape=record, label="{ b | data 10 | grad -2 }"];
# expect:   n7 [shape=record, label="{ c*d | data -6 | grad -2 }"];
# expect:   n7op [label="*"];
# expect:   n7op -> n7;
# expect:   n4 -> n7op;
# expect:   n6 -> n7op;
# expect:   n4 [shape=record, label="{ c | data 2 | grad 6 }"];
# expect:   n6 [shape=record, label="{ d | data -3 | grad -4 }"];
# expect: }

a = 3; b = a + a;
backward b;
dot b
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n11 [shape=record, label="{ b | data 6 | grad 1 }"];
# expect:   n11op [label="+"];
# expect:   n11op -> n11;
# expect:   n10 -> n11op;
# expect:   n10 -> n11op;
# expect:   n10 [shape=record, label="{ a | data 3 | grad 2 }"];
# expect: }

x = 1.5;
y = x - 2/x + x^3;
dot y
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n18 [shape=record, label="{ y | data 3.54167 | grad 0 }"];
# expect:   n18op [label="+"];
# expect:   n18op -> n18;
# expect:   n15 -> n18op;
# expect:   n17 -> n18op;
# expect:   n15 [shape=record, label="{ x - 2/x | data 0.166667 | grad 0 }"];
# expect:   n15op [label="-"];
# expect:   n15op -> n15;
# expect:   n12 -> n15op [label="1"];
# expect:   n14 -> n15op [label="2"];
# expect:   n12 [shape=record, label="{ x | data 1.5 | grad 0 }"];
# expect:   n14 [shape=record, label="{ 2/x | data 1.33333 | grad 0 }"];
# expect:   n14op [label="/"];
# expect:   n14op -> n14;
# expect:   n13 -> n14op [label="1"];
# expect:   n12 -> n14op [label="2"];
# expect:   n13 [shape=record, label="{  | data 2 | grad 0 }"];
# expect:   n17 [shape=record, label="{ x^3 | data 3.375 | grad 0 }"];
# expect:   n17op [label="^"];
# expect:   n17op -> n17;
# expect:   n12 -> n17op [label="1"];
# expect:   n16 -> n17op [label="2"];
# expect:   n16 [shape=record, label="{  | data 3 | grad 0 }"];
# expect: }
