from gp import *
from collections import Counter
for s in SYSTEMS:
    fr=Counter(); pc=Counter(); po=Counter(); vols=[]
    for seed in seeds(s):
        cs,low,G=load(s,seed)
        for c,g in zip(cs,G):
            fr[g['free']]+=1; pc[g['system']]+=1; po[g['pointOrder']]+=1; vols.append(g['volumePerAtom'])
    print(s, sorted(fr.items())); print(' ',pc); print(' ',sorted(po.items())); print(' vol',np.percentile(vols,[5,50,95]))
