import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from load import *
from race import race
A=0.2
def ranks(S,k,tau,known):
    p=PROBES[k]; n=S['n']; cs=[c for c in range(n) if len(S['h'][c])>0]
    def at(c,arr): a=S[arr][c]; return a[min(k,len(a))-1]
    kv=[j for j in known if S['valid'][j]]
    best=min(S['final'][j] for j in kv) if kv else np.inf
    def dem(c):
        if tau is None or not kv: return 0
        js=[j for j in kv if j!=c]; d=np.array([S['D'][p][c][j] for j in js])
        if np.all(np.isnan(d)): return 0
        a=int(np.nanargmin(d)); return int(d[a]<tau and S['final'][js[a]]>best+TOL)
    order=sorted(cs,key=lambda c:(dem(c),at(c,'h')-A*at(c,'f')))
    return min(order.index(c) for c in cs if S['basin'][c])+1, sum(dem(c) for c in cs)
def race_known(S,probe=10):
    # candidates race has ended by the time all are probed (promoted ones and those ending within the probe)
    ended=set(); waiting=[]; probed=0
    for c in range(S['n']):
        if len(S['h'][c])==0: continue
        probed+=1
        if len(S['h'][c])<=probe: ended.add(c)
        else: waiting.append(c)
        if probed%5==0 and waiting:
            x=min(waiting,key=lambda c:S['h'][c][probe-1]-A*S['f'][c][probe-1]); waiting.remove(x); ended.add(x)
    return ended
for sysn in ('si16','na8cl8'):
    seeds=[load(sysn,s) for s in range(101,131)]
    print('==',sysn)
    for k in (5,10,20):
        base=[ranks(S,k,None,[])[0] for S in seeds]
        print(' k=%d  H-0.2F rank median %.1f mean %.1f'%(k,np.median(base),np.mean(base)))
        for tau in (0.02,0.05,0.1,0.15):
            rk=[ranks(S,k,tau,race_known(S))  for S in seeds]
            # upper bound: every other candidate's final known, the lowest basin's ones excluded
            up=[ranks(S,k,tau,[j for j in range(S['n']) if not S['basin'][j]]+[int(np.where(S['basin'])[0][0])]) for S in seeds]
            print('   tau %.2f: known = race-ended after probing: median %.1f mean %.1f (demoted %.1f/seed); all non-lowest finals known: median %.1f mean %.1f (demoted %.1f/seed)'%(
                tau,np.median([r[0] for r in rk]),np.mean([r[0] for r in rk]),np.mean([r[1] for r in rk]),np.median([r[0] for r in up]),np.mean([r[0] for r in up]),np.mean([r[1] for r in up])))
