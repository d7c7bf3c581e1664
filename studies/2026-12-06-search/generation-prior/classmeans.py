# Why the class prior learned in the campaign does not help: per point-group-order bin, the mean and the 10th percentile
# of the final enthalpy per atom above the seed's lowest (not failed candidates), and the share ending in the lowest basin.
from gp import *
from replay import po_bin
LAB = ['1–4', '6–8', '12–16', '24–48']
print('| system | point-group order | candidates | mean final − lowest (eV/atom) | 10th percentile | in the lowest basin |')
print('|---|---|---:|---:|---:|---:|')
for s in SYSTEMS:
    d = {b: [] for b in range(4)}; nb = {b: 0 for b in range(4)}
    for seed in seeds(s):
        cs, low, G = load(s, seed)
        for c, g in zip(cs, G):
            if c.end == 3 or c.n == 0: continue
            d[po_bin(g)].append(c.H[-1] - low); nb[po_bin(g)] += in_basin(c, low)
    for b in range(4):
        v = np.array(d[b]); print(f'| {SYSTEMS[s][0]} | {LAB[b]} | {len(v)} | {v.mean():.3f} | {np.percentile(v, 10):.3f} | {100*nb[b]/len(v):.1f} % |')
