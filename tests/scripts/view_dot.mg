# dot: Graphviz DOT in the style of draw_dot, before and after backward.
a = -2; b = 10; c = 2; d = -3;
L = a*(b + c*d);
dot L

backward L;
dot L

a = 3; b = a + a;
backward b;
dot b

x = 1.5;
y = x - 2/x + x^3;
dot y

x1 = 2; x2 = 0; w1 = -3; w2 = 1; b = 6.8813735870195432;
n = x1*w1 + x2*w2 + b; o = tanh(n);
backward o;
dot o

# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n7 [shape=record, label="{ L | data -8 | grad 0 }"];
# expect:   n7op [label="*"];
# expect:   n7op -> n7;
# expect:   n1 -> n7op;
# expect:   n6 -> n7op;
# expect:   n1 [shape=record, label="{ a | data -2 | grad 0 }"];
# expect:   n6 [shape=record, label="{ b + c*d | data 4 | grad 0 }"];
# expect:   n6op [label="+"];
# expect:   n6op -> n6;
# expect:   n2 -> n6op;
# expect:   n5 -> n6op;
# expect:   n2 [shape=record, label="{ b | data 10 | grad 0 }"];
# expect:   n5 [shape=record, label="{ c*d | data -6 | grad 0 }"];
# expect:   n5op [label="*"];
# expect:   n5op -> n5;
# expect:   n3 -> n5op;
# expect:   n4 -> n5op;
# expect:   n3 [shape=record, label="{ c | data 2 | grad 0 }"];
# expect:   n4 [shape=record, label="{ d | data -3 | grad 0 }"];
# expect: }
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n7 [shape=record, label="{ L | data -8 | grad 1 }"];
# expect:   n7op [label="*"];
# expect:   n7op -> n7;
# expect:   n1 -> n7op;
# expect:   n6 -> n7op;
# expect:   n1 [shape=record, label="{ a | data -2 | grad 4 }"];
# expect:   n6 [shape=record, label="{ b + c*d | data 4 | grad -2 }"];
# expect:   n6op [label="+"];
# expect:   n6op -> n6;
# expect:   n2 -> n6op;
# expect:   n5 -> n6op;
# expect:   n2 [shape=record, label="{ b | data 10 | grad -2 }"];
# expect:   n5 [shape=record, label="{ c*d | data -6 | grad -2 }"];
# expect:   n5op [label="*"];
# expect:   n5op -> n5;
# expect:   n3 -> n5op;
# expect:   n4 -> n5op;
# expect:   n3 [shape=record, label="{ c | data 2 | grad 6 }"];
# expect:   n4 [shape=record, label="{ d | data -3 | grad -4 }"];
# expect: }
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n9 [shape=record, label="{ b | data 6 | grad 1 }"];
# expect:   n9op [label="+"];
# expect:   n9op -> n9;
# expect:   n8 -> n9op;
# expect:   n8 -> n9op;
# expect:   n8 [shape=record, label="{ a | data 3 | grad 2 }"];
# expect: }
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n16 [shape=record, label="{ y | data 3.54167 | grad 0 }"];
# expect:   n16op [label="+"];
# expect:   n16op -> n16;
# expect:   n13 -> n16op;
# expect:   n15 -> n16op;
# expect:   n13 [shape=record, label="{ x - 2/x | data 0.166667 | grad 0 }"];
# expect:   n13op [label="-"];
# expect:   n13op -> n13;
# expect:   n10 -> n13op [label="1"];
# expect:   n12 -> n13op [label="2"];
# expect:   n10 [shape=record, label="{ x | data 1.5 | grad 0 }"];
# expect:   n12 [shape=record, label="{ 2/x | data 1.33333 | grad 0 }"];
# expect:   n12op [label="/"];
# expect:   n12op -> n12;
# expect:   n11 -> n12op [label="1"];
# expect:   n10 -> n12op [label="2"];
# expect:   n11 [shape=record, label="{  | data 2 | grad 0 }"];
# expect:   n15 [shape=record, label="{ x^3 | data 3.375 | grad 0 }"];
# expect:   n15op [label="^"];
# expect:   n15op -> n15;
# expect:   n10 -> n15op [label="1"];
# expect:   n14 -> n15op [label="2"];
# expect:   n14 [shape=record, label="{  | data 3 | grad 0 }"];
# expect: }
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n26 [shape=record, label="{ o | data 0.707107 | grad 1 }"];
# expect:   n26op [label="tanh"];
# expect:   n26op -> n26;
# expect:   n25 -> n26op;
# expect:   n25 [shape=record, label="{ n | data 0.881374 | grad 0.5 }"];
# expect:   n25op [label="+"];
# expect:   n25op -> n25;
# expect:   n24 -> n25op;
# expect:   n21 -> n25op;
# expect:   n24 [shape=record, label="{ x1*w1 + x2*w2 | data -6 | grad 0.5 }"];
# expect:   n24op [label="+"];
# expect:   n24op -> n24;
# expect:   n22 -> n24op;
# expect:   n23 -> n24op;
# expect:   n22 [shape=record, label="{ x1*w1 | data -6 | grad 0.5 }"];
# expect:   n22op [label="*"];
# expect:   n22op -> n22;
# expect:   n17 -> n22op;
# expect:   n19 -> n22op;
# expect:   n17 [shape=record, label="{ x1 | data 2 | grad -1.5 }"];
# expect:   n19 [shape=record, label="{ w1 | data -3 | grad 1 }"];
# expect:   n23 [shape=record, label="{ x2*w2 | data 0 | grad 0.5 }"];
# expect:   n23op [label="*"];
# expect:   n23op -> n23;
# expect:   n18 -> n23op;
# expect:   n20 -> n23op;
# expect:   n18 [shape=record, label="{ x2 | data 0 | grad 0.5 }"];
# expect:   n20 [shape=record, label="{ w2 | data 1 | grad 0 }"];
# expect:   n21 [shape=record, label="{ b | data 6.88137 | grad 0.5 }"];
# expect: }
