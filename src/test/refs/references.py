# Reference values for the library tests, computed with mpmath at 50 digits.
# Run: python3 src/test/refs/references.py   (mpmath 1.3.0)
# Inputs are converted from the exact doubles the tests pass (mpf(float)).
from mpmath import mp, mpf, log, exp, log1p
mp.dps = 50
F = lambda x: mpf(float(x))
def show(name, v): print(f"{name} = {repr(float(v))}")
def lse(z): return log(sum(exp(F(x)) for x in z))
def info(p, base): return -log(F(p)) / log(base)
def H(p, base=mp.e): return -sum(F(x)*log(F(x)) for x in p if x > 0) / log(base)
def CE(p, q, base=mp.e): return -sum(F(a)*log(F(b)) for a, b in zip(p, q) if a > 0) / log(base)
def KL(p, q, base=mp.e): return sum(F(a)*log(F(a)/F(b)) for a, b in zip(p, q) if a > 0) / log(base)
def sparse(y, z):
    # 2000 digits: lse(z) - z[y] cancels, and a loss like 3e^-200 needs ~90 digits to survive
    with mp.workdps(2000):
        return +(lse(z) - F(z[y]))
def sig(x): return 1/(1+exp(-F(x)))
def sigce(z, x): z, x = F(z), F(x); return -z*log(sig(x)) - (1-z)*log(1-sig(x))

show("info(63/64,bits)", info(63/64, 2))
show("info(1/64,bits)", info(1/64, 2))
show("info(0.001,bans)", info(0.001, 10))
show("info(0.5,nats)", info(0.5, mp.e))
show("H(63/64,1/64 bits)", H([63/64, 1/64], 2))
p = [1/2, 1/4, 1/8, 1/8]; q = [1/8, 1/2, 1/4, 1/8]
show("H(p) bits", H(p, 2)); show("H(q) bits", H(q, 2))
show("H(p,q) bits", CE(p, q, 2)); show("H(q,p) bits", CE(q, p, 2))
show("KL(p||q) bits", KL(p, q, 2)); show("KL(q||p) bits", KL(q, p, 2))
oh = [0, 1, 0, 0]; pr = [0.1, 0.6, 0.2, 0.1]
show("H(onehot,pr) nats", CE(oh, pr)); show("KL(onehot,pr) nats", KL(oh, pr))
show("H(pr) nats", H(pr)); show("H(pr) bans", H(pr, 10))
a = [0.5 + 1e-6, 0.5 - 1e-6]; b = [0.5, 0.5]
show("KL(a||b) nats", KL(a, b))
a2 = [0.3, 0.7]; b2 = [0.3 + 1e-9, 0.7 - 1e-9]
show("KL(a2||b2) nats", KL(a2, b2))
a3 = [1e-300, 1 - 1e-300]; b3 = [1e-10, 1 - 1e-10]
show("KL(a3||b3) nats", KL(a3, b3))
print("--- softmax")
z = [1., 2., 3.]
for i in range(3): show(f"softmax([1,2,3])[{i}]", exp(F(z[i]) - lse(z)))
for i in range(3): show(f"logSoftmax([1,2,3])[{i}]", F(z[i]) - lse(z))
show("lse([1,2,3])", lse(z))
show("lse([1000,1000])", lse([1000., 1000.]))
show("lse([-1000,-1000,-1000])", lse([-1000.]*3))
show("logSoftmax([20,0])[0]", F(20) - lse([20., 0.]))
show("logSoftmax([20,0])[1]", F(0) - lse([20., 0.]))
show("softmax([20,0])[1]", exp(-lse([20., 0.])))
show("sigmoid(-700)", sig(-700)); show("sigmoid(40)", sig(40)); show("sigmoid(-40)", sig(-40)); show("sigmoid(1)", sig(1))
print("--- sparse")
show("sparse(2,[2,-1,3])", sparse(2, [2., -1., 3.])); show("sparse(0,[1,0,-0.5])", sparse(0, [1., 0., -0.5]))
show("sparse(0,[20,0])", sparse(0, [20., 0.])); show("sparse(0,[40,0])", sparse(0, [40., 0.]))
show("sparse(2,[1000,0,-1000])", sparse(2, [1000., 0., -1000.]))
show("sparse(0,[1000,0,-1000])", sparse(0, [1000., 0., -1000.]))
show("sparse(1,[1e308,-1e308])", "inf" if False else 2e308)  # exact 2e308 overflows: +inf
show("sparse(1,[3,3,0])", sparse(1, [3., 3., 0.]))
show("sparse(0,[30,30,0])", sparse(0, [30., 30., 0.]))
soft = [0.25, 0.75, 0.]; zs = [1., 2., 3.]
show("softCE(soft,[1,2,3])", -sum(F(y)*(F(x) - lse(zs)) for y, x in zip(soft, zs)))
soft2 = [0.9, 0.1]; zs2 = [40., 0.]
show("softCE([0.9,0.1],[40,0])", -sum(F(y)*(F(x) - lse(zs2)) for y, x in zip(soft2, zs2)))
print("--- sigmoid CE")
for x, zz in zip([1., -1., 0., 1., -1., 0., 0.], [0., 0., 0., 1., 1., 1., 0.5]): show(f"sigce(z={zz},x={x})", sigce(zz, x))
show("sigce(1,40)", sigce(1, 40)); show("sigce(0,-40)", sigce(0, -40)); show("sigce(0.3,2.5)", sigce(0.3, 2.5))
show("sigce(1,-1000)", sigce(1, -1000))
def wce(z, x, w): z, x = F(z), F(x); return -w*z*log(sig(x)) - (1-z)*log(1-sig(x))
show("wce(1,1,w=3)", wce(1, 1, 3)); show("wce(0,1,w=3)", wce(0, 1, 3)); show("wce(0.25,-2,w=0.5)", wce(0.25, -2, mpf(0.5)))
print("--- BCE")
def bce(y, p):
    y, p = F(y), F(p)
    lp = max(log(p), -100) if p > 0 else mpf(-100)
    lq = max(log(1-p), -100) if p < 1 else mpf(-100)
    return -(y*lp + (1-y)*lq)
for y, pp in [(1, 0.9), (0, 0.9), (0.3, 0.6), (1, 0.), (0, 1.), (1, 1e-50), (0, 1e-20)]: show(f"bce({y},{pp})", bce(y, pp))
print("--- gradients")
def smx(z): return [exp(F(x) - lse(z)) for x in z]
show("gradSoftmax([40,0],[1,0])[0]", smx([40., 0.])[0] - 1)
show("gradSoftmax([40,0],[1,0])[1]", smx([40., 0.])[1])
g = [s - F(y) for s, y in zip(smx([1., 2., 3.]), [0.25, 0.75, 0.])]
for i in range(3): show(f"gradSoftmax([1,2,3],[.25,.75,0])[{i}]", g[i])
show("gradSigmoid(x=40,z=1)", sig(40) - 1); show("gradSigmoid(x=-40,z=0)", sig(-40)); show("gradSigmoid(x=2.5,z=0.3)", sig(2.5) - F(0.3))
print("--- CrossEntropyLoss (PyTorch formula from the torch.nn.CrossEntropyLoss docs)")
def torch_ce(targets, logits, w=None, ignore=-100, eps=0.0, red="mean"):
    C = len(logits[0]); w = [mpf(1)]*C if w is None else [F(x) for x in w]
    losses = []; wsum = mpf(0)
    for y, z in zip(targets, logits):
        if y == ignore: losses.append(mpf(0)); continue
        l = [lse(z) - F(x) for x in z]
        losses.append((1-F(eps))*w[y]*l[y] + F(eps)/C*sum(w[j]*l[j] for j in range(C)))
        wsum += w[y]
    return losses, (sum(losses)/wsum if red == "mean" else sum(losses))
T = [2, 0, 1, -100]; L = [[2., -1., 3.], [1., 0., -0.5], [0.5, 0.25, -2.], [7., 7., 7.]]
pe, m = torch_ce(T, L); [show(f"ce plain pe[{i}]", v) for i, v in enumerate(pe)]; show("ce plain mean", m)
pe, m = torch_ce(T, L, w=[1., 2., 0.5]); [show(f"ce w pe[{i}]", v) for i, v in enumerate(pe)]; show("ce w mean", m)
pe, s = torch_ce(T, L, w=[1., 2., 0.5], red="sum"); show("ce w sum", s)
pe, m = torch_ce(T, L, eps=0.1); [show(f"ce ls pe[{i}]", v) for i, v in enumerate(pe)]; show("ce ls mean", m)
pe, m = torch_ce(T, L, w=[1., 2., 0.5], eps=0.1); [show(f"ce wls pe[{i}]", v) for i, v in enumerate(pe)]; show("ce wls mean", m)
pe, m = torch_ce([0, 1], [[20., 0.], [1., 2.]], ignore=1); show("ce ignore1 mean", m)
print("--- long rows (online log-sum-exp rescales at every entry when ascending)")
z = [mpf(float(j * 0.01)) for j in range(999)] + [mpf(60)]
show("ascending [0.01 j, ..., 60] label 999", lse([float(x) for x in z]) - z[999])
show("ascending [0.01 j, ..., 60] label 0", lse([float(x) for x in z]) - z[0])
z2 = [mpf(float(j / 10.0)) for j in range(1000)]
show("ascending [j/10] label 999", lse([float(x) for x in z2]) - z2[999])
print("--- TensorFlow docs example (tf.nn.sparse_softmax_cross_entropy_with_logits, r2.6)")
tfz = [[2., -5., .5, -.1], [0., 0., 1.9, 1.4], [-100., 100., -100., -100.]]
for y, z in zip([0, 3, 1], tfz): show(f"tf sparse label {y}", sparse(y, z))
