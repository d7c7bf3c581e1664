import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from load import *
for sysn in ('si16','na8cl8'):
    print('==',sysn)
    seeds=[load(sysn,s) for s in range(101,131)]
    for k in (5,10,20):
        p=PROBES[k]; rows=[]
        for S in seeds:
            v=np.where(S['valid'])[0]
            for i in v:
                if len(S['h'][i])<=k: continue
                js=np.array([j for j in v if j!=i])
                d=S['D'][p][i][js]
                if np.all(np.isnan(d)): continue
                a=int(np.nanargmin(d)); j=js[a]
                rows.append((d[a], abs(S['final'][i]-S['final'][j])<=TOL, S['basin'][i]))
        r=np.array(rows,dtype=float)
        qs=np.percentile(r[:,0],[10,50,90])
        print(' probe %d: nearest distance p10/50/90 %.3f/%.3f/%.3f'%(k,*qs))
        for tau in (0.02,0.05,0.1,0.15):
            sel=r[:,0]<tau
            print('   d<%.2f: %.3f of probes, same basin %.2f; lowest-basin candidates with d<tau %.2f (of %d)'%(tau,sel.mean(),r[sel,1].mean() if sel.any() else np.nan,(r[r[:,2]==1,0]<tau).mean(),(r[:,2]==1).sum()))
