import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from load import *
from race import rs, steps_to_basin
def abandon(S,tau,checks=(10,20),any_known=False):
    order=[]; ended=[]; parked=[]
    for c in range(S['n']):
        h=S['h'][c]
        if not h: continue
        park=False; done=0
        for k in checks:
            if len(h)<=k: break
            order.append((c,k)); done=k
            kv=[j for j in ended if S['valid'][j]]
            if kv:
                best=min(S['final'][j] for j in kv); d=np.array([S['D'][PROBES[k]][c][j] for j in kv])
                if not np.all(np.isnan(d)):
                    a=int(np.nanargmin(d))
                    if d[a]<tau and (any_known or S['final'][kv[a]]>best+TOL): park=True; break
        if park: parked.append(c); continue
        order.append((c,10**9)); ended.append(c)
    order+= [(c,10**9) for c in parked]
    return steps_to_basin(S,order), len(parked)
for sysn in ('si16','na8cl8'):
    seeds=[load(sysn,s) for s in range(101,131)]; r=[rs(S) for S in seeds]; R=sum(r)
    print('==',sysn)
    for checks in ((5,),(10,),(5,10,20)):
        for tau in (0.02,0.05,0.1,0.15):
            for anyk in (False,True):
                x=[abandon(S,tau,checks,anyk) for S in seeds]
                print('  rs order, park at %s steps if structure within %.2f of a known %s final: %.2f, %d wins, parked %.1f/seed'%(checks,tau,'any' if anyk else 'non-best',sum(a for a,_ in x)/R,sum(a<b for (a,_),b in zip(x,r)),np.mean([p for _,p in x])))
