#!/usr/bin/env mgrad
# f(x) = 3x^2 - 4x + 5 and its derivative 6x - 4, found by back-propagation.
x = 3.0
f = 3*x^2 - 4*x + 5
backward f                  # df/dx = 14 at x = 3
plot f, x = -5..5
