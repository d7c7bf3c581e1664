import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from load import *
for sysn in ('si16','na8cl8'):
    print('==',sysn)
    seeds=[load(sysn,s) for s in range(101,131)]
    # distance between finals, same vs different energy
    same=[];diff=[]
    for S in seeds:
        v=np.where(S['valid'])[0]
        for a in v:
            for b in v:
                if a<b and not np.isnan(S['D'][3][a][b]):
                    (same if abs(S['final'][a]-S['final'][b])<=TOL else diff).append(S['D'][3][a][b])
    same=np.array(same);diff=np.array(diff)
    print('final-final dist same-energy pairs: n=%d median %.4f p90 %.4f; different: n=%d p10 %.4f median %.4f'%(len(same),np.median(same),np.percentile(same,90),len(diff),np.percentile(diff,10),np.median(diff)))
    for tau in (0.005,0.01,0.02,0.05):
        print('  tau %.3f: same below %.2f, different below %.3f'%(tau,(same<tau).mean(),(diff<tau).mean()))
    for k in (5,10,20):
        p=PROBES[k]; hits=0; chance=0; cnt=0; bh=0;bc=0;bn=0; hasp=0
        for S in seeds:
            v=np.where(S['valid'])[0]
            for i in v:
                if len(S['h'][i])<=k: continue  # ended by the probe: its probe is its final
                js=[j for j in v if j!=i and not np.isnan(S['D'][p][i][j])]
                if not js or np.isnan(S['D'][p][i][js[0]]): continue
                d=np.array([S['D'][p][i][j] for j in js])
                j=js[int(np.argmin(d))]
                samej=np.array([abs(S['final'][i]-S['final'][jj])<=TOL for jj in js])
                hit=abs(S['final'][i]-S['final'][j])<=TOL
                cnt+=1; hits+=hit; chance+=samej.mean(); hasp+=samej.any()
                if S['basin'][i]: bn+=1; bh+=hit; bc+=samej.mean()
        print(' probe %s: nearest final in own basin %.3f (chance %.3f; candidates with any partner %.2f), n=%d; lowest-basin candidates: %.3f (chance %.3f) n=%d'%(k,hits/cnt,chance/cnt,hasp/cnt,cnt,bh/max(bn,1),bc/max(bn,1),bn))
