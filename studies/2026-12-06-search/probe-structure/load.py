import json, numpy as np
TOL=1e-3
SYS={'si16':('/tmp/fp/si16/si16-tersoff-%d.json'),'na8cl8':('/tmp/fp/na8cl8/na8cl8-bmh-search-%d.json')}
PROBES={5:0,10:1,20:2,'end':3}
def load(sys, seed):
    m=json.load(open(SYS[sys]%seed))
    n=len(m['h'])
    valid=np.array([m['status'][i]!='Failed' and len(m['h'][i])>0 for i in range(n)])
    final=np.array([m['h'][i][-1] if len(m['h'][i]) else np.nan for i in range(n)])
    lowest=np.nanmin(np.where(valid,final,np.nan))
    D=np.array(m['dist'])  # [4][i][j]
    D[D<0]=np.nan
    return dict(n=n,h=m['h'],f=m['f'],status=m['status'],valid=valid,final=final,lowest=lowest,D=D,
                basin=valid&(final<=lowest+TOL))
