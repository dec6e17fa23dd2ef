# A rebound name is told apart in every view: in a picture of a graph, the
# nodes that share a name are numbered in creation order, the oldest plain
# (a, a₁, a₂, a₃; a#1 with ASCII). backward reports the gradient with
# respect to every one of them; vars says which node a binding is.
set ascii off
a = 2; a -= 1; a *= 3; a /= 2;
backward a
tree a
explain a
check a
vars
polytree a
dot a
set ascii on
backward a
# A name met once in a graph stays plain, even when bound elsewhere again.
x = 5; y = x * 2; x = 7; backward y
vars

# expect: da₃/da = 1.5
# expect: da₃/da₁ = 1.5
# expect: da₃/da₂ = 0.5
# expect: a₃ = 1.5  grad 1  (/)
# expect: ├── a₂ = 3  grad 0.5  (*)
# expect: │   ├── a₁ = 1  grad 1.5  (-)
# expect: │   │   ├── a = 2  grad 1.5
# expect: │   │   └── 1  grad -1.5
# expect: │   └── 3  grad 0.5
# expect: └── 2  grad -0.75
# expect: da₃/da₃ = 1
# expect: da₃/da₂ += da₃/da₃ · ∂a₃/∂a₂ = 1 · 0.5 = 0.5
# expect: da₃/d(2) += da₃/da₃ · ∂a₃/∂(2) = 1 · -0.75 = -0.75
# expect: da₃/da₁ += da₃/da₂ · ∂a₂/∂a₁ = 0.5 · 3 = 1.5
# expect: da₃/d(3) += da₃/da₂ · ∂a₂/∂(3) = 0.5 · 1 = 0.5
# expect: da₃/da += da₃/da₁ · ∂a₁/∂a = 1.5 · 1 = 1.5
# expect: da₃/d(1) += da₃/da₁ · ∂a₁/∂(1) = 1.5 · -1 = -1.5
# expect: gradient check of a₃: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   a     1.5       1.5      0           ok
# expect: the gradient agrees
# expect: a = 1.5  (grad 1)  [a₃]
# expect: a₃ = 1.5
# expect: grad 1
# expect: ├─ / ───────────┐
# expect: a₂ = 3          2
# expect: grad 0.5        grad -0.75
# expect: ├─ * ────────┐
# expect: a₁ = 1       3
# expect: grad 1.5     grad 0.5
# expect: ├─ - ─────┐
# expect: a = 2     1
# expect: grad 1.5  grad -1.5
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n7 [shape=record, label="{ a₃ | data 1.5 | grad 1 }"];
# expect:   n7op [label="/"];
# expect:   n7op -> n7;
# expect:   n5 -> n7op [label="1"];
# expect:   n6 -> n7op [label="2"];
# expect:   n5 [shape=record, label="{ a₂ | data 3 | grad 0.5 }"];
# expect:   n5op [label="*"];
# expect:   n5op -> n5;
# expect:   n3 -> n5op;
# expect:   n4 -> n5op;
# expect:   n3 [shape=record, label="{ a₁ | data 1 | grad 1.5 }"];
# expect:   n3op [label="-"];
# expect:   n3op -> n3;
# expect:   n1 -> n3op [label="1"];
# expect:   n2 -> n3op [label="2"];
# expect:   n1 [shape=record, label="{ a | data 2 | grad 1.5 }"];
# expect:   n2 [shape=record, label="{  | data 1 | grad -1.5 }"];
# expect:   n4 [shape=record, label="{  | data 3 | grad 0.5 }"];
# expect:   n6 [shape=record, label="{  | data 2 | grad -0.75 }"];
# expect: }
# expect: da#3/da = 1.5
# expect: da#3/da#1 = 1.5
# expect: da#3/da#2 = 0.5
# expect: dy/dx = 2
# expect: a = 1.5  (grad 1)  [a#3]
# expect: x = 7
# expect: y = 10  (grad 1)
