"""python3 -m mgrad_kernel -f CONNECTION_FILE: starts the mgrad kernel (as
the kernel spec that `make jupyter` installs does)."""
from ipykernel.kernelapp import IPKernelApp

from .kernel import MgradKernel

IPKernelApp.launch_instance(kernel_class=MgradKernel)
