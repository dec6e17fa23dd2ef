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

x1 = 2; x2 = 0; w1 = -3; w2 = 1; b = 6.8813735870195432;
n = x1*w1 + x2*w2 + b; o = tanh(n);
backward o;
dot o
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n29 [shape=record, label="{ o | data 0.707107 | grad 1 }"];
# expect:   n29op [label="tanh"];
# expect:   n29op -> n29;
# expect:   n28 -> n29op;
# expect:   n28 [shape=record, label="{ n | data 0.881374 | grad 0.5 }"];
# expect:   n28op [label="+"];
# expect:   n28op -> n28;
# expect:   n27 -> n28op;
# expect:   n24 -> n28op;
# expect:   n27 [shape=record, label="{ x1*w1 + x2*w2 | data -6 | grad 0.5 }"];
# expect:   n27op [label="+"];
# expect:   n27op -> n27;
# expect:   n25 -> n27op;
# expect:   n26 -> n27op;
# expect:   n25 [shape=record, label="{ x1*w1 | data -6 | grad 0.5 }"];
# expect:   n25op [label="*"];
# expect:   n25op -> n25;
# expect:   n19 -> n25op;
# expect:   n22 -> n25op;
# expect:   n19 [shape=record, label="{ x1 | data 2 | grad -1.5 }"];
# expect:   n22 [shape=record, label="{ w1 | data -3 | grad 1 }"];
# expect:   n26 [shape=record, label="{ x2*w2 | data 0 | grad 0.5 }"];
# expect:   n26op [label="*"];
# expect:   n26op -> n26;
# expect:   n20 -> n26op;
# expect:   n23 -> n26op;
# expect:   n20 [shape=record, label="{ x2 | data 0 | grad 0.5 }"];
# expect:   n23 [shape=record, label="{ w2 | data 1 | grad 0 }"];
# expect:   n24 [shape=record, label="{ b | data 6.88137 | grad 0.5 }"];
# expect: }
