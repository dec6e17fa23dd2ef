#!/usr/bin/env mgrad
# The first example of back-propagation: L = a*b + c.
a = 2; b = -3; c = 10; L = a*b + c
backward L
