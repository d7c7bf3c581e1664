from rl import *
class RaceLearn2(RaceLearn):
    """H - aF - bS, (a,b) least squares on finished candidates' probe snapshots; rank parked by it"""
    def __init__(s,*a,**kw):
        RaceLearn.__init__(s,*a,**kw); s.b=0.0
    def observed(s,i,k):
        c=s.cs[i]
        if k[i]==s.pb and k[i]<c.n: s.atpb[i]=snap(c,k[i],s.L)
        if k[i]>=c.n and c.end!=3 and i in s.atpb:
            s.fin.append(i)
            if len(s.fin)>=s.m:
                Hf=np.array([s.cs[f].H[-1] for f in s.fin])
                P=np.array([s.atpb[f] for f in s.fin]); d=P[:,0]-Hf
                X=np.c_[P[:,1],P[:,2]]
                w,*_=np.linalg.lstsq(X,d,rcond=None); w=np.clip(w,0,None)
                s.a,s.b=w
    def choose(s,k):
        # same as Race but value H - aF - bS
        cs=s.cs;pb=s.pb
        running=None;bestp=None;bv=None;nextp=None;probed=0;promoted=0
        for i,c in enumerate(cs):
            if c.end==3 and k[i]>=c.n: continue
            kk=k[i]
            probed+= kk>=pb
            if kk>pb: promoted+=1
            if kk>=c.n: continue
            if kk>pb or 0<kk<pb:
                if running is None or kk>k[running]: running=i
            elif kk==pb:
                H,F,S,dF=snap(c,kk,s.L); v=H-s.a*F-s.b*S
                if bv is None or v<bv: bestp=i;bv=v
            elif nextp is None: nextp=i
        if running is not None: return running
        if bestp is not None and promoted < probed//s.every: return bestp
        if nextp is not None: return nextp
        return bestp
table('racelearn2 ls(F,S) m5 L5',lambda cs,L:RaceLearn2(cs,L,obj='ls',m=5),L=5)
table('racelearn2 ls(F,S) m10 L5',lambda cs,L:RaceLearn2(cs,L,obj='ls',m=10),L=5)
