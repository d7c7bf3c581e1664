from pol import *
import numpy as np
def feats(c,k):
    j=min(k,c.n)-1; j0=max(min(k,c.n)-6,0)
    d=c.H[j0]-c.H[j]
    return np.array([np.log(c.F[j]+1e-3),np.log(c.S[j]+1e-5),np.log(abs(d)+1e-4)]), c.H[j]
for s in ('si','na','al'):
  for k in (5,10,20):
    res={}
    for seed in seeds(s):
        cs,low=load(s,seed)
        ok=[c for c in cs if c.n>0 and c.end!=3]
        X=[];Y=[];Hk=[];B=[]; done_=[]
        for c in ok:
            f,h=feats(c,k); X.append(f); Hk.append(h); Y.append(np.log(max(h-c.H[-1],0)+1e-4)); B.append(c.H[-1]<=low+1e-3); done_.append(c.n<=k)
        X=np.array(X);Y=np.array(Y);Hk=np.array(Hk);B=np.array(B);done_=np.array(done_)
        mu=X.mean(0);sd=X.std(0)+1e-9;Z=(X-mu)/sd
        # linear LOO
        A=np.c_[Z,np.ones(len(Z))]
        for name in ('lin','knn10','knn10q','H','H-.2F','H-.5F'):
            pred=np.empty(len(Z))
            for i in range(len(Z)):
                if done_[i]: pred[i]=Hk[i]; continue
                m=np.ones(len(Z),bool); m[i]=False; m&=~done_
                if name=='lin':
                    w,*_=np.linalg.lstsq(A[m],Y[m],rcond=None); pred[i]=Hk[i]-np.exp(A[i]@w)
                elif name.startswith('knn'):
                    dd=((Z[m]-Z[i])**2).sum(1); nn=np.argsort(dd)[:10]; yy=Y[m][nn]
                    pred[i]=Hk[i]-np.exp(np.median(yy) if name=='knn10' else np.quantile(yy,0.8))
                elif name=='H': pred[i]=Hk[i]
                else:
                    a=0.2 if name=='H-.2F' else 0.5; pred[i]=Hk[i]-a*np.exp(X[i,0])
            order=np.argsort(pred); rank=next(r for r,ix in enumerate(order) if B[ix])+1
            res.setdefault(name,[]).append(rank)
    print(s,k,' '.join(f'{n}:{np.median(v):.0f}/{np.mean(v):.0f}' for n,v in res.items()),flush=True)
