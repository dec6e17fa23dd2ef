# Every one-argument operation: value and local derivative, by hand.
x = 0.5; y = -x; backward y; print y, x.grad
# tanh(0.5) = 0.4621172, 1 - t^2 = 0.7864477
y = tanh(x); backward y; print y, x.grad
y = x.tanh(); backward y; print y, x.grad
p = 3; m = -3; z = 0;
y = relu(p); backward y; print y, p.grad
y = m.relu(); backward y; print y, m.grad
y = relu(z); backward y; print y, z.grad
one = 1; y = exp(one); backward y; print y, one.grad
two = 2; y = log(two); backward y; print y, two.grad
# sigmoid(0) = 1/2, s(1-s) = 1/4; sigmoid(2) = 0.8807971, s(1-s) = 0.1049936
y = sigmoid(z); backward y; print y, z.grad
y = two.sigmoid(); backward y; print y, two.grad
# sin(1) = 0.8414710, cos(1) = 0.5403023
y = sin(one); backward y; print y, one.grad
y = cos(one); backward y; print y, one.grad
four = 4; y = sqrt(four); backward y; print y, four.grad
y = abs(m); backward y; print y, m.grad
y = abs(p); backward y; print y, p.grad
y = abs(z); backward y; print y, z.grad
# Large arguments stay finite where the true value is.
big = 800; print sigmoid(big), sigmoid(-big), tanh(big), tanh(-big)

# expect: -0.5 -1
# expect: 0.46211715726000974 0.7864477329659274
# expect: 0.46211715726000974 0.7864477329659274
# expect: 3 1
# expect: 0 0
# expect: 0 0
# expect: 2.718281828459045 2.718281828459045
# expect: 0.6931471805599453 0.5
# expect: 0.5 0.25
# expect: 0.8807970779778823 0.10499358540350662
# expect: 0.8414709848078965 0.5403023058681398
# expect: 0.5403023058681398 -0.8414709848078965
# expect: 2 0.25
# expect: 3 -1
# expect: 3 1
# expect: 0 0
# expect: 1 0 1 -1
