# The regenerated candidate is the recorded one: its H(0) and F(0) equal the cached first step's, bit for bit.
from gp import *
for s in SYSTEMS:
    n = bad = gen_failed = nan = 0
    for seed in seeds(s):
        cs, low, G = load(s, seed)
        for c, g in zip(cs, G):
            if g is None:
                gen_failed += 1; assert c.n == 0; continue
            if c.n == 0: nan += 1; continue
            n += 1
            if not (g['h0'] == c.H[0] and g['f0'] == c.F[0]): bad += 1; print(s, seed, c.id, g['h0'], c.H[0])
    print(f'{s}: {len(seeds(s))} seeds, {n} candidates compared, {bad} differ; generation failed {gen_failed}; recorded without steps {nan}')
