# Replayed policies with a prior: a candidate order (a list of ids, first = most promising) replaces id order.
# The classes mirror prediction/pol.py (RS, LaqaAsync, Race), which are checked against the C# table; with order = ids
# they give pol.py's figures (replay.py checks that).
import math
from gp import *
from rp import snap

class RS:
    """Each candidate to its end, in the given order."""
    def __init__(s, cs, L, order): s.cs = cs; s.order = order
    def choose(s, k):
        for i in s.order:
            if k[i] < s.cs[i].n: return i
        return None
    def observed(s, i, k): pass

class LaqaAsync:
    """pol.LaqaAsync; candidates without a batch (score +inf) are taken in the given order."""
    def __init__(s, cs, L, order, wF=0.1, wS=10.0): s.cs = cs; s.L = L; s.order = order; s.wF = wF; s.wS = wS
    def score(s, i, k):
        if k[i] == 0: return math.inf
        H, F, S, dF = snap(s.cs[i], k[i], s.L)
        return -H + s.wF * F * F / (2 * dF) + s.wS * S
    def choose(s, k):
        best = bs = None
        for i in s.order:
            if k[i] >= s.cs[i].n: continue
            sc = s.score(i, k)
            if bs is None or sc > bs: best = i; bs = sc
        return best
    def observed(s, i, k): pass

class Race:
    """pol.Race with probing in the given order; tie = add the prior rank to the promotion score (in Å·eV/Å units of
    H − a·F: tie·rank/n eV/atom) so that the prior breaks near-ties; tie = 0 is race's own promotion."""
    def __init__(s, cs, L, order, probe=10, every=5, a=0.2, tie=0.0):
        s.cs = cs; s.L = L; s.order = order; s.pb = -(-probe // L) * L; s.every = every; s.a = a
        s.rank = {i: r for r, i in enumerate(order)}; s.tie = tie / len(cs)
    def choose(s, k):
        cs = s.cs; pb = s.pb
        running = bestp = bv = nextp = None; probed = promoted = 0
        for i in s.order:
            c = cs[i]
            if c.end == 3 and k[i] >= c.n: continue
            kk = k[i]
            if kk >= pb or (kk < pb and kk >= c.n and kk > 0): probed += kk >= pb
            if kk > pb: promoted += 1
            if kk >= c.n: continue
            if kk > pb or 0 < kk < pb:
                if running is None or kk > k[running]: running = i
            elif kk == pb:
                H, F, S, dF = snap(c, kk, s.L); v = H - s.a * F + s.tie * s.rank[i]
                if bv is None or v < bv: bestp = i; bv = v
            elif nextp is None: nextp = i
        if running is not None: return running
        if bestp is not None and promoted < probed // s.every: return bestp
        if nextp is not None: return nextp
        return bestp
    def observed(s, i, k): pass

# A prior learned inside the campaign: as candidates end, the mean final enthalpy per atom of each generation class
# over the ended candidates (shrunk toward the mean over all ended, weight n / (n + shrink)); the next candidate is the
# one whose class predicts the lowest final, minus an exploration bonus explore·sd/√(n + 1); before `warm` candidates
# have ended, the static order. stat 'min': the class's lowest final instead (an untried class counts as the best so far).
# Failed candidates (end 3) teach nothing.
class Learned:
    def __init__(s, G, klass, shrink=3.0, explore=0.0, warm=5, stat='mean'):
        s.G = G; s.klass = klass; s.shrink = shrink; s.explore = explore; s.warm = warm; s.stat = stat; s.ended = {}
    def learn(s, i, c):
        if c.end != 3 and c.n > 0 and s.G[i] is not None: s.ended.setdefault(s.klass(s.G[i]), []).append(c.H[-1])
    def order(s, base, waiting):
        """waiting: ids still to start, in `base` order; returns them reordered."""
        allv = [h for v in s.ended.values() for h in v]
        if len(allv) < s.warm: return waiting
        mu = float(np.mean(allv)); sd = float(np.std(allv)) or 1e-3
        def pred(i):
            if s.G[i] is None: return math.inf
            if s.stat == 'min':  # the class that has given the lowest final so far; an untried class counts as the best
                v = s.ended.get(s.klass(s.G[i]), []); return min(v) if v else min(allv)
            v = s.ended.get(s.klass(s.G[i]), []); n = len(v)
            m = (n * float(np.mean(v)) + s.shrink * mu) / (n + s.shrink) if n else mu
            return m - s.explore * sd / math.sqrt(n + 1)
        rank = {i: r for r, i in enumerate(base)}
        return sorted(waiting, key=lambda i: (pred(i), rank[i]))

class RSLearned:
    """rs: each candidate to its end; the next one by the learned class prior."""
    def __init__(s, cs, L, order, model): s.cs = cs; s.base = list(order); s.m = model; s.current = None
    def choose(s, k):
        if s.current is not None and k[s.current] < s.cs[s.current].n: return s.current
        waiting = [i for i in s.base if k[i] == 0 and s.cs[i].n > 0]
        if not waiting: return None
        s.current = s.m.order(s.base, waiting)[0]
        return s.current
    def observed(s, i, k):
        if k[i] >= s.cs[i].n: s.m.learn(i, s.cs[i])

class RaceLearned(Race):
    """race whose next candidate to probe is chosen by the learned class prior (candidates ended so far: probed ones
    that ended within the probe and promoted ones relaxed to their end)."""
    def __init__(s, cs, L, order, model, **kw):
        super().__init__(cs, L, order, **kw); s.base = list(order); s.m = model
        s.learned = -1
    def choose(s, k):
        n = sum(len(v) for v in s.m.ended.values())
        if n != s.learned:  # reorder the unprobed ones only when something new has been learned
            s.learned = n
            waiting = [i for i in s.base if k[i] == 0 and s.cs[i].n > 0]
            if waiting: s.order = s.m.order(s.base, waiting) + [i for i in s.base if i not in set(waiting)]
        return super().choose(k)
    def observed(s, i, k):
        if k[i] >= s.cs[i].n: s.m.learn(i, s.cs[i])

class LaqaTiers(LaqaAsync):
    """LAQA async E+F+S over the candidates in tiers of `tier` in the given order: a tier's candidates become eligible
    only when every candidate of the tiers before has ended (the prior decides which candidates LAQA compares first)."""
    def __init__(s, cs, L, order, tier=25, **kw):
        super().__init__(cs, L, order, **kw); s.tiers = [order[j:j + tier] for j in range(0, len(order), tier)]
    def choose(s, k):
        for t in s.tiers:
            if any(k[i] < s.cs[i].n for i in t):
                s.order = t; return super().choose(k)
        return None
