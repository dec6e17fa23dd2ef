import torch
# error: import-torch.mg:1:8: error: mgrad has no module 'torch': mgrad's Value is the check: its gradients equal PyTorch's (float64)
