# What 0.3 of rs means per system: rs's mean steps a seed, 0.3 of it, and that in mean fully relaxed candidates;
# the oracle (the basin's fastest candidate alone); and the rank of the basin's best-placed candidate under the best prior.
from gp import *
from priors import order
import rp
BEST = {'si': 'lowest H(0) - 0.2 Å F(0)', 'na': 'lowest point-group order', 'al': 'lowest point-group order'}
for s in SYSTEMS:
    rs = []; per = []; orc = []; rk = []
    for seed in seeds(s):
        cs, low, G = load(s, seed)
        rs.append(rp.rs_steps(cs)); per += [c.n for c in cs]
        orc.append(min(c.reach + 1 for c in cs if in_basin(c, low)))
        o = order(G, BEST[s]); rk.append(next(k for k, i in enumerate(o) if in_basin(cs[i], low)) + 1)
    m = np.mean(rs); c = np.mean(per)
    print(f'{SYSTEMS[s][0]}: rs mean {m:,.0f} steps a seed, 0.3 of it {0.3*m:,.0f} = {0.3*m/c:.1f} mean candidates ({c:.0f} steps each); '
          f'oracle mean {np.mean(orc):.0f}; rank under "{BEST[s]}" median {np.median(rk):g}, mean {np.mean(rk):.1f}, '
          f'seeds with rank <= {0.3*m/c:.0f}: {sum(r <= 0.3*m/c for r in rk)} of {len(rk)}')
