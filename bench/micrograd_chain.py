"""bench/micrograd_chain.py — micrograd's own algorithm on bench/run.sh's
chain, for the per-step ratio that `make bench` reports.

The Value class below restates micrograd's engine from its documented
behaviour (a node with data, grad, children and a _backward closure;
backward() builds a topological order by depth-first search from the
root and calls each _backward in reverse), reduced to the operations the
chain uses. micrograd's search is recursive, so the recursion limit and
the thread's stack are raised as a user of it would have to for a chain
this deep.

    python3 bench/micrograd_chain.py N    prints: seconds for N steps
"""
import math
import sys
import threading
import time


class Value:
    def __init__(self, data, _children=()):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other))

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,))

        def _backward():
            self.grad += (1 - t * t) * out.grad
        out._backward = _backward
        return out

    def backward(self):
        topo = []
        visited = set()

        def build_topo(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build_topo(child)
                topo.append(v)
        build_topo(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()


def chain(n):
    # the weights bench/run.sh's awk writes into the chain script
    seed = 20240611
    x = Value(0.5)
    for _ in range(n):
        seed = (seed * 16807) % 2147483647
        w = Value(float("%.5f" % ((seed % 20001 - 10000) / 100000)))
        x = (x * 0.5 + w).tanh()
    x.backward()
    return x


def main():
    n = int(sys.argv[1])
    result = {}

    def run():
        start = time.perf_counter()
        chain(n)
        result["seconds"] = time.perf_counter() - start

    sys.setrecursionlimit(10 * n + 1000)
    threading.stack_size(1 << 29)
    t = threading.Thread(target=run)
    t.start()
    t.join()
    print("%.3f" % result["seconds"])


main()
