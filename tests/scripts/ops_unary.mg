# Every one-argument operation: value and local derivative, by hand.
x = 0.5; y = -x; backward y; print y, x.grad
# expect: -0.5 -1
# tanh(0.5) = 0.4621172, 1 - t^2 = 0.7864477
y = tanh(x); backward y; print y, x.grad
# expect: 0.462117 0.786448
y = x.tanh(); backward y; print y, x.grad
# expect: 0.462117 0.786448
p = 3; m = -3; z = 0;
y = relu(p); backward y; print y, p.grad
# expect: 3 1
y = m.relu(); backward y; print y, m.grad
# expect: 0 0
y = relu(z); backward y; print y, z.grad
# expect: 0 0
one = 1; y = exp(one); backward y; print y, one.grad
# expect: 2.71828 2.71828
two = 2; y = log(two); backward y; print y, two.grad
# expect: 0.693147 0.5
# sigmoid(0) = 1/2, s(1-s) = 1/4; sigmoid(2) = 0.8807971, s(1-s) = 0.1049936
y = sigmoid(z); backward y; print y, z.grad
# expect: 0.5 0.25
y = two.sigmoid(); backward y; print y, two.grad
# expect: 0.880797 0.104994
# sin(1) = 0.8414710, cos(1) = 0.5403023
y = sin(one); backward y; print y, one.grad
# expect: 0.841471 0.540302
y = cos(one); backward y; print y, one.grad
# expect: 0.540302 -0.841471
four = 4; y = sqrt(four); backward y; print y, four.grad
# expect: 2 0.25
y = abs(m); backward y; print y, m.grad
# expect: 3 -1
y = abs(p); backward y; print y, p.grad
# expect: 3 1
y = abs(z); backward y; print y, z.grad
# expect: 0 0
# Large arguments stay finite where the true value is.
big = 800; print sigmoid(big), sigmoid(-big), tanh(big), tanh(-big)
# expect: 1 0 1 -1
