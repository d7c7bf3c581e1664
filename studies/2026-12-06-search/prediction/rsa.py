from ft import *
class RSA(FT):
    """id order; a candidate is abandoned (parked to the end) once k>=kmin and LCB > best final + margin.
    LCB = H - r*F with r learned (quantile q of finished ratios at the same k) or fixed a0 (m=inf)."""
    def __init__(s,cs,L,kmin=5,margin=0.0,q=0.9,m=5,a0=0.2,**kw):
        FT.__init__(s,cs,L,q=q,m=m,a0=a0); s.kmin=kmin; s.margin=margin; s.aband=set(); s.best=math.inf
    def observed(s,i,k):
        FT.observed(s,i,k)
        c=s.cs[i]
        if k[i]>=c.n:
            if c.end!=3: s.best=min(s.best,s.hist[i][-1][1])
        elif k[i]>=s.kmin and s.lcb(i,k) > s.best+s.margin: s.aband.add(i)
    def choose(s,k):
        for i,c in enumerate(s.cs):
            if k[i]<c.n and i not in s.aband: return i
        # all abandoned: lowest LCB first
        best=None;bv=None
        for i,c in enumerate(s.cs):
            if k[i]<c.n:
                v=s.lcb(i,k)
                if bv is None or v<bv: best=i;bv=v
        return best
