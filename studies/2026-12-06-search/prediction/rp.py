import json, numpy as np, os
M=json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'search-map.json')))
D='/tmp/laqa-search-steps/'
_cache={}
class Cand:
    __slots__=('id','H','F','S','end','n','reach')
def load(sysname, seed):
    key=f'{sysname}{seed}'
    if key in _cache: return _cache[key]
    d=json.load(open(D+M[key]))
    cs=[]
    for t in d:
        c=Cand(); c.id=t['Id']; st=t['Steps']
        c.H=np.array([s['EnthalpyPerAtom'] for s in st]); c.F=np.array([s['MeanForceNorm'] for s in st]); c.S=np.array([s['MeanAbsStress'] for s in st])
        c.end=t['End']; c.n=len(st); cs.append(c)
    ok=[c.H[-1] for c in cs if c.end!=3 and c.n>0]
    low=min(ok); thr=low+1e-3
    for c in cs:
        c.reach=None
        if c.end!=3:
            w=np.nonzero(c.H<=thr)[0]
            if len(w): c.reach=int(w[0])
    _cache[key]=(cs,low)
    return cs,low

def seeds(sysname, tuning=True):
    r=range(101,131) if tuning else range(1,31)
    return [s for s in r if f'{sysname}{s}' in M]

def run(policy_factory, cs, L):
    """policy.choose(state) -> id ; state: done steps per candidate k[]. Returns steps to basin (None)."""
    n=len(cs); k=[0]*n
    pol=policy_factory(cs,L)
    steps=0
    while True:
        i=pol.choose(k)
        if i is None: return None
        c=cs[i]
        b=min(L,c.n-k[i])
        assert b>0
        if c.reach is not None and c.reach < k[i]+b:
            return steps + c.reach-k[i]+1
        k[i]+=b; steps+=b
        pol.observed(i,k)

# snapshot helpers
def snap(c,k,L):
    """(H,F,S,dF) after k steps; batch ending at k has length min(L, ...) - last batch may be shorter"""
    if k==0: return None
    # batch start: batches are aligned at multiples of L
    start=((k-1)//L)*L
    blen=k-start
    dF=1.0 if blen==1 else max(abs(c.F[k-1]-c.F[k-2]),1e-6)
    return c.H[k-1],c.F[k-1],c.S[k-1],dF

def done(c,k): return k>=c.n  # c.n==0 failed-at-generation: done immediately

def rs_steps(cs):
    steps=0
    for c in cs:
        if c.reach is not None: return steps+c.reach+1
        steps+=c.n
    return None

def table(name, factory, systems=('si','na','al'), L=5, tuning=True, verbose=False):
    out={}
    for s in systems:
        tot=0; rtot=0; wins=0; cnt=0; miss=0
        for seed in seeds(s,tuning):
            cs,low=load(s,seed)
            r=rs_steps(cs); x=run(factory,cs,L)
            if x is None: miss+=1; x=10**9
            tot+=x; rtot+=r; wins+= x<r; cnt+=1
        out[s]=(tot/rtot,wins,cnt)
    print(f'{name:50s} '+'  '.join(f'{s}: {v[0]:.2f} {v[1]}/{v[2]}' for s,v in out.items()),flush=True)
    return out
