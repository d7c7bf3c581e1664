from pol import *
import numpy as np, math
class FT:
    """freeze-thaw: probe pb steps in id order; exploit steps <= beta * probe steps; exploit = argmin predicted-final LCB
    LCB = H - r_q(k) F, r_q(k) = quantile q over finished candidates of (H_f(k)-Hfin_f)/F_f(k); default a0 before m finished."""
    def __init__(s,cs,L,probe=10,beta=1.0,q=0.8,m=5,a0=0.2,mode='ratio'):
        s.cs=cs;s.L=L;s.pb=-(-probe//L)*L;s.beta=beta;s.q=q;s.m=m;s.a0=a0;s.mode=mode
        s.hist={}  # id -> list of (k,H,F)
        s.fin=[]   # ids finished (not failed)
        s.ps=0; s.es=0
        s.cacheR={}
    def observed(s,i,k):
        c=s.cs[i]; kk=k[i]
        H,F,S,dF=snap(c,kk,s.L)
        s.hist.setdefault(i,[]).append((kk,H,F))
        if kk>=c.n and c.end!=3: s.fin.append(i); s.cacheR={}
    def r(s,kq):
        if kq in s.cacheR: return s.cacheR[kq]
        vals=[]
        for f in s.fin:
            h=s.hist[f]; Hf=h[-1][1]
            # value at kq
            for (kk,H,F) in h:
                if kk==kq:
                    if F>0 and kk<h[-1][0]: vals.append((H-Hf)/F)
                    break
        v=np.quantile(vals,s.q) if len(vals)>=s.m else s.a0
        s.cacheR[kq]=v
        return v
    def lcb(s,i,k):
        kk,H,F=s.hist[i][-1]
        return H-s.r(kk)*F
    def choose(s,k):
        cs=s.cs
        nextp=None; cont=None; best=None; bv=None
        for i,c in enumerate(cs):
            kk=k[i]
            if kk>=c.n: continue
            if kk==0:
                if nextp is None: nextp=i
            elif kk<s.pb: cont=i
            else:
                v=s.lcb(i,k)
                if bv is None or v<bv: best=i;bv=v
        pick=None
        if cont is not None: pick=cont
        elif best is not None and (nextp is None or s.es < s.beta*s.ps): pick=best
        elif nextp is not None: pick=nextp
        else: pick=best
        if pick is not None:
            b=min(s.L,cs[pick].n-k[pick])
            if k[pick]>=s.pb: s.es+=b
            else: s.ps+=b
        return pick
