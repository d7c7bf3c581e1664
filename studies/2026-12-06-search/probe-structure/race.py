import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from load import *
A=0.2
def steps_to_basin(S, order):
    """order: list of (candidate, upto_step); steps applied in sequence; returns total steps at first basin hit."""
    thr=S['lowest']+TOL; done=[0]*S['n']; total=0
    for c,upto in order:
        h=S['h'][c]; ok=S['valid'][c]
        for k in range(done[c],min(upto,len(h))):
            total+=1
            if ok and h[k]<=thr: return total
        done[c]=max(done[c],min(upto,len(h)))
    return None
def rs(S): return steps_to_basin(S,[(c,10**9) for c in range(S['n'])])
def race(S, probe=10, every=5, tau=None, demote_best=False, rankinfo=None):
    n=S['n']; p=PROBES[probe]; order=[]; ended=set(); waiting=[]; probed=0; promoted=0
    def score(c): return S['h'][c][probe-1]-A*S['f'][c][probe-1]
    def key(c):
        dem=0
        if tau is not None and ended:
            known=[j for j in ended if S['valid'][j]]
            if known:
                best=min(S['final'][j] for j in known)
                d=np.array([S['D'][p][c][j] for j in known])
                if not np.all(np.isnan(d)):
                    j=known[int(np.nanargmin(d))]
                    if d[int(np.nanargmin(d))]<tau and (demote_best or S['final'][j]>best+TOL): dem=1
        return (dem,score(c))
    def promote():
        nonlocal waiting
        c=min(waiting,key=key); waiting.remove(c); order.append((c,10**9)); ended.add(c)
    for c in range(n):
        if len(S['h'][c])==0: continue
        order.append((c,probe)); probed+=1
        if len(S['h'][c])<=probe: ended.add(c)
        else: waiting.append(c)
        if probed%every==0 and waiting: promote()
    if rankinfo is not None:
        # rank of the best-placed lowest-basin candidate among those waiting when all are probed
        if any(S['basin'][c] for c in ended): rankinfo.append(None)
        else:
            ks=sorted(waiting,key=key); rankinfo.append(min(ks.index(c) for c in waiting if S['basin'][c])+1)
    while waiting: promote()
    return steps_to_basin(S,order)
if __name__=='__main__':
    for sysn in ('si16','na8cl8'):
        seeds=[load(sysn,s) for s in range(101,131)]
        r=[rs(S) for S in seeds]; R=sum(r)
        print('==',sysn,'rs sum',R,'mean',R/30)
        for label,kw in [('race',{}),]+[('race, demote match to non-best, probe 10, tau %.2f'%t,dict(tau=t)) for t in (0.02,0.05,0.1,0.15)]+[('race, demote match to any known basin, tau %.2f'%t,dict(tau=t,demote_best=True)) for t in (0.02,0.05,0.1)]+[('race probe 20',dict(probe=20))]+[('race probe 20, demote non-best, tau %.2f'%t,dict(probe=20,tau=t)) for t in (0.02,0.05,0.1)]:
            ri=[]; x=[race(S,rankinfo=ri,**kw) for S in seeds]
            wins=sum(a<b for a,b in zip(x,r)); rk=[v for v in ri if v is not None]
            print('  %-55s %.2f, %d wins; basin found while probing in %d seeds, else its rank after probing median %s mean %.1f'%(label,sum(x)/R,wins,30-len(rk),np.median(rk),np.mean(rk)))
