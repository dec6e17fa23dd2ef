import matplotlib.pyplot as plt
# error: import-matplotlib.mg:1:8: error: mgrad has no module 'matplotlib.pyplot': mgrad draws with plot (a function or a list), curve and regions
