# Reference values for the listings tests of chapters 5-8 (LossFunctionsTest, BackpropTest,
# InPracticeTest, EndToEndTest), computed independently of the Java code under test.
# Run: python3 src/test/refs/chapters5to8.py   (mpmath 1.3.0)
# Closed forms at 40 digits with mpmath; the Iris training run is re-implemented below in plain
# Python floats (IEEE doubles), with its own softmax, so it checks the Java loop, not the library.
import math
from mpmath import mp, mpf, log, exp, log1p, sqrt, pi
mp.dps = 40
F = lambda x: mpf(float(x))
def show(name, v): print(f"{name} = {mp.nstr(v, 25) if not isinstance(v, (int, float)) else repr(v)}")
def softplus(t): return log1p(exp(F(t)))
def sig(x): return 1 / (1 + exp(-F(x)))
def lse(z): return log(sum(exp(F(x)) for x in z))
def sm(z): return [exp(F(x) - lse(z)) for x in z]

print("--- chapter 5")
logits = [[2, -1, 0.5], [-3, 0, 4]]; labels = [[1, 1, 0], [0, 0, 1]]
total = sum(softplus(-z) if y == 1 else softplus(z) for zr, yr in zip(logits, labels) for z, y in zip(zr, yr))
show("sigmoid total", total); show("per example", total / 2); show("per element", total / 6)
show("softplus(1)", softplus(1)); show("softplus(-1)", softplus(-1)); show("3 softplus(1)", 3 * softplus(1))
T = lambda z, b: 100 * b * softplus(-F(z)) + 300 * softplus(F(z))
show("T(0,3)", T(0, 3)); show("T(-0.01,3)", T(-0.01, 3)); show("T(0.01,3)", T(0.01, 3))
zp = log(mpf(1) / 3); show("ln(1/3)", zp); show("T(ln 1/3, 1)", T(zp, 1))
show("1075 ln 2", 1075 * log(2))
print("--- chapter 6")
q = sm([2, -1, 3])
for i in range(3): print("J row", i, [mp.nstr(q[i] * ((1 if i == j else 0) - q[j]), 25) for j in range(3)])
show("0.5 ln 2pi", log(2 * pi) / 2); show("nll(2.5;1.75)", F(0.75) ** 2 / 2 + log(2 * pi) / 2)
show("sig(1.5)", sig(1.5)); show("sig'(1.5)", sig(1.5) * sig(-1.5)); show("sig'(4)", sig(4) * sig(-4))
show("3(sig(0.3)-1)", 3 * (sig(0.3) - 1)); show("sig(0.3)", sig(0.3))
print("--- chapter 7")
rows = [[3, 0, -1], [2.5, 0.5, 0], [2, -1, 0.5], [1, 0.5, -0.5]]; ys = [0, 0, 0, 2]
l = [lse(r) - F(r[y]) for r, y in zip(rows, ys)]
for i, v in enumerate(l): show(f"l[{i}]", v)
show("plain mean", sum(l) / 4); show("weighted mean", (l[0] + l[1] + l[2] + 3 * l[3]) / 6)
eps = F(0.1); t = log(1 + 3 * (1 - eps) / eps); show("t* = ln 28", t)
def smooth(t):
    z = [F(t), 0, 0]; ls = lse(z)
    return (1 - eps) * (ls - z[0]) + eps / 3 * sum(ls - zi for zi in z)
show("smoothed at t*", smooth(t)); show("q0 at t*", sm([t, 0, 0])[0])

print("--- chapter 8 (plain doubles)")
here = __file__.rsplit('/', 3)[0]
data = [l.strip().split(',') for l in open(here + '/main/resources/dev/bitsandlogits/listings/iris.csv') if l[0].isdigit()]
X = [[float(v) for v in r[:4]] for r in data]; Y = [['setosa', 'versicolor', 'virginica'].index(r[4]) for r in data]
test = [n for n in range(150) if n % 5 == 0]; train = [n for n in range(150) if n % 5 != 0]
mu = [sum(X[n][i] for n in train) / 120 for i in range(4)]
sd = [math.sqrt(sum((X[n][i] - mu[i]) ** 2 for n in train) / 120) for i in range(4)]
S = lambda n: [(X[n][i] - mu[i]) / sd[i] for i in range(4)]
def probs(x, W, b):
    z = [sum(x[i] * W[i][c] for i in range(4)) + b[c] for c in range(3)]
    m = max(z); e = [math.exp(v - m) for v in z]; s = sum(e)
    return [v / s for v in e]
def loss(ns, W, b): return sum(-math.log(probs(S(n), W, b)[Y[n]]) for n in ns) / len(ns)
def acc(ns, W, b):
    return sum(1 for n in ns if max(range(3), key=lambda c: probs(S(n), W, b)[c]) == Y[n]) / len(ns)
def run(eta, epochs):
    W = [[0.0] * 3 for _ in range(4)]; b = [0.0] * 3; hist = []
    for e in range(epochs + 1):
        hist.append(loss(train, W, b))
        if e == epochs: break
        G = [[p - (1.0 if c == Y[n] else 0.0) for c, p in enumerate(probs(S(n), W, b))] for n in train]
        gW = [[0.0] * 3 for _ in range(4)]; gb = [0.0] * 3
        for k, n in enumerate(train):
            for c in range(3):
                gb[c] += G[k][c] / 120
                for i in range(4): gW[i][c] += G[k][c] * S(n)[i] / 120
        W = [[W[i][c] - eta * gW[i][c] for c in range(3)] for i in range(4)]; b = [b[c] - eta * gb[c] for c in range(3)]
    return W, b, hist
W, b, hist = run(0.5, 150)
show("train loss", loss(train, W, b)); show("test loss", loss(test, W, b))
show("train acc", acc(train, W, b)); show("test acc", acc(test, W, b))
x = [(v - mu[i]) / sd[i] for i, v in enumerate([6.0, 2.9, 4.9, 1.6])]; print("new flower", probs(x, W, b))
for eta in (0.05, 5.0):
    _, _, h = run(eta, 150); print("eta", eta, h[150], "rises", sum(1 for k in range(150) if h[k + 1] > h[k]))
