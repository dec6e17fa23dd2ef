"""mgrad in Jupyter: the kernel "mgrad" (kernel.py), and the %%mgrad and
%mgrad magics for the ordinary Python kernel (magic.py), both over
libmgrad.so (library.py).

In a Python notebook: %load_ext mgrad_kernel, then %%mgrad cells.
"""


def load_ipython_extension(ipython):
    from .magic import register
    register(ipython)
