import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from load import *
for sysn in ('si16','na8cl8'):
    seeds=[load(sysn,s) for s in range(101,131)]
    for k in (5,10):
        tot=0; rem=0; remall=0; cnt=0
        for S in seeds:
            v=np.where(S['valid'])[0]
            for i in range(S['n']):
                L=len(S['h'][i]); tot+=L
                if L<=k or not S['valid'][i]: continue
                remall+=L-k
                d=np.array([S['D'][PROBES[k]][i][j] for j in v if j!=i])
                if np.nanmin(d)<0.05: rem+=L-k; cnt+=1
        print(sysn,k,'steps after the probe in candidates matched (d<0.05): %.3f of all steps (%.3f of after-probe steps); their mean remaining %.0f vs all %.0f'%(rem/tot,rem/remall,rem/max(cnt,1),remall/sum(1 for S in seeds for i in range(S['n']) if len(S['h'][i])>k and S['valid'][i])))
