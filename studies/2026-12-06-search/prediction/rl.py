from pol import *
import numpy as np
A=[0,0.1,0.2,0.3,0.5,0.75,1.0,1.5]
def spearman(x,y):
    rx=np.argsort(np.argsort(x)); ry=np.argsort(np.argsort(y))
    return np.corrcoef(rx,ry)[0,1]
class RaceLearn(Race):
    def __init__(s,cs,L,probe=10,every=5,a=0.2,m=5,obj='spearman',S=0.0):
        Race.__init__(s,cs,L,probe,every,a); s.m=m; s.obj=obj; s.atpb={}; s.fin=[]; s.a0=a; s.Sw=S
    def observed(s,i,k):
        c=s.cs[i]
        if k[i]==s.pb and k[i]<c.n: s.atpb[i]=snap(c,k[i],s.L)
        if k[i]>=c.n and c.end!=3 and i in s.atpb:
            s.fin.append(i)
            if len(s.fin)>=s.m:
                Hf=np.array([s.cs[f].H[-1] for f in s.fin])
                Hp=np.array([s.atpb[f][0] for f in s.fin]); Fp=np.array([s.atpb[f][1] for f in s.fin])
                if s.obj=='spearman':
                    sc=[spearman(Hp-a*Fp,Hf) for a in A]; s.a=A[int(np.nanargmax(sc))]
                elif s.obj=='ls':  # least squares fit of Hp-Hf = a Fp (through 0), a = sum(F d)/sum(F^2)
                    d=Hp-Hf; s.a=float(np.clip((Fp*d).sum()/max((Fp*Fp).sum(),1e-12),0,2))
                elif s.obj=='top':  # a that ranks the best finished one highest (ties: smaller a)
                    b=int(np.argmin(Hf)); sc=[np.sum((Hp-a*Fp)<(Hp[b]-a*Fp[b])) for a in A]; s.a=A[int(np.argmin(sc))]
