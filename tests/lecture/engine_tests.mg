# micrograd's test/test_engine.py: test_sanity_check and test_more_ops,
# pasted with the torch half of each removed; the asserts' torch values
# (float64) are printed beside mgrad's instead (lecture.py checks them).
from micrograd.engine import Value

def test_sanity_check():

    x = Value(-4.0)
    z = 2 * x + 2 + x
    q = z.relu() + z * x
    h = (z * z).relu()
    y = h + q + q * x
    y.backward()
    xmg, ymg = x, y

    print("sanity", ymg.data, xmg.grad)

def test_more_ops():

    a = Value(-4.0)
    b = Value(2.0)
    c = a + b
    d = a * b + b**3
    c += c + 1
    c += 1 + c + (-a)
    d += d * 2 + (b + a).relu()
    d += 3 * d + (b - a).relu()
    e = c - d
    f = e**2
    g = f / 2.0
    g += 10.0 / f
    g.backward()
    amg, bmg, gmg = a, b, g

    print("more_ops", gmg.data, amg.grad, bmg.grad)

test_sanity_check()
test_more_ops()
