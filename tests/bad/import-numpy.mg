import math
import numpy as np
# error: import-numpy.mg:2:8: error: mgrad has no module 'numpy': mgrad computes with numbers and lists: [f(x) for x in xs], range, sum, zip
