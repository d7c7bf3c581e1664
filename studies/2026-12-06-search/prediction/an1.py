from pol import *
import numpy as np, sys
def at(c,k):
    j=min(k,c.n)-1
    return c.H[j],c.F[j],c.S[j], (c.H[max(j-5,0)]-c.H[j])
for s in ('si','na','al'):
  for k in (5,10,20,40):
    row=[]
    for name,f in [('H',lambda H,F,S,d:H),('H-.2F',lambda H,F,S,d:H-.2*F),('H-.5F',lambda H,F,S,d:H-.5*F),('H-1F',lambda H,F,S,d:H-1*F),('H-2F',lambda H,F,S,d:H-2*F),('H-.5F^2',lambda H,F,S,d:H-.5*F*F),('H-3d',lambda H,F,S,d:H-3*d),('H-.2F-S',lambda H,F,S,d:H-.2*F-20*S)]:
        ranks=[]
        for seed in seeds(s):
            cs,low=load(s,seed)
            v=[]; 
            for c in cs:
                if c.n==0 or c.end==3: continue
                v.append((f(*at(c,k)), c.H[-1]<=low+1e-3))
            v.sort(key=lambda x:x[0])
            ranks.append(next(r for r,(x,b) in enumerate(v) if b)+1)
        row.append(f'{name}:{np.median(ranks):.0f}/{np.mean(ranks):.0f}')
    print(s,k,' '.join(row))
