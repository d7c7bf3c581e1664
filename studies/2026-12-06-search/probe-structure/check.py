import hashlib,json,os,sys
def cachefile(conf, seed, settings):
    text=open(conf).read()
    t='\n'.join([text,f'laqa.seed = {seed}']+settings)
    return '/tmp/laqa-search-steps/'+hashlib.sha256(t.encode()).hexdigest()[:20]+'.json'
if __name__=='__main__':
    for seed in range(101,131):
        p=cachefile('config/examples/si16-tersoff.conf',seed,['laqa.generation.space-groups = all','laqa.initial-structures = 100'])
        if not os.path.exists(p): print(seed,'no cache'); continue
        c=json.load(open(p)); m=json.load(open(f'/tmp/fp/si16/si16-tersoff-{seed}.json'))
        same=all(len(a['Steps'])==len(m['h'][i]) for i,a in enumerate(c))
        diff=max(abs(a['Steps'][k]['EnthalpyPerAtom']-m['h'][i][k]) for i,a in enumerate(c) for k in range(min(len(a['Steps']),len(m['h'][i]))))
        st=all(a['End']==m['status'][i] or (isinstance(a['End'],int)) for i,a in enumerate(c))
        print(seed,'steps same',same,'maxdiff',diff, c[0]['End'], m['status'][0])
