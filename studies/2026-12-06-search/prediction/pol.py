from rp import *
import math
class RS:
    def __init__(s,cs,L): s.cs=cs
    def choose(s,k):
        for i,c in enumerate(s.cs):
            if k[i]<c.n: return i
        return None
    def observed(s,i,k): pass

class LaqaAsync:
    def __init__(s,cs,L,wF=0.1,wS=10.0): s.cs=cs; s.L=L; s.wF=wF; s.wS=wS
    def score(s,i,k):
        c=s.cs[i]
        if k[i]==0: return math.inf
        H,F,S,dF=snap(c,k[i],s.L)
        return -H+s.wF*F*F/(2*dF)+s.wS*S
    def choose(s,k):
        best=None;bs=None
        for i,c in enumerate(s.cs):
            if k[i]>=c.n: continue
            sc=s.score(i,k)
            if bs is None or sc>bs: best=i;bs=sc
        return best
    def observed(s,i,k): pass

class Race:
    def __init__(s,cs,L,probe=10,every=5,a=0.2):
        s.cs=cs;s.L=L;s.pb=-(-probe//L)*L;s.every=every;s.a=a
    def choose(s,k):
        cs=s.cs;pb=s.pb
        running=None;bestp=None;bv=None;nextp=None;probed=0;promoted=0
        for i,c in enumerate(cs):
            if c.end==3 and k[i]>=c.n: continue   # failed (observed status failed)
            kk=k[i]
            if kk>=pb or (kk<pb and kk>=c.n and kk>0): probed+= kk>=pb
            if kk>pb: promoted+=1
            if kk>=c.n: continue
            if kk>pb or 0<kk<pb:
                if running is None or kk>k[running]: running=i
            elif kk==pb:
                H,F,S,dF=snap(c,kk,s.L); v=H-s.a*F
                if bv is None or v<bv: bestp=i;bv=v
            elif nextp is None: nextp=i
        if running is not None: return running
        if bestp is not None and promoted < probed//s.every: return bestp
        if nextp is not None: return nextp
        return bestp
    def observed(s,i,k): pass
