import micrograd.autograd
# error: import-micrograd-unknown.mg:1:8: error: no module 'micrograd.autograd': mgrad's micrograd has micrograd.engine and micrograd.nn
