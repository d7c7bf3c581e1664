# (a) Rank (1-based) of the lowest basin's best-placed candidate when a seed's candidates are sorted by each prior;
# median / mean over the tuning seeds, and the expected rank for a random order ((n + 1) / (m + 1), m basin candidates).
from gp import *
from priors import PRIORS, order
print('| prior | ' + ' | '.join(SYSTEMS[s][0] for s in SYSTEMS) + ' |'); print('|---|' + '---|' * len(SYSTEMS))
res = {}
for p in PRIORS:
    row = []
    for s in SYSTEMS:
        r = []
        for seed in seeds(s):
            cs, low, G = load(s, seed)
            o = order(G, p)
            r.append(next(k for k, i in enumerate(o) if in_basin(cs[i], low)) + 1)
        row.append(f'{np.median(r):g} / {np.mean(r):.1f}')
    print(f'| {p} | ' + ' | '.join(row) + ' |')
row = []
for s in SYSTEMS:
    r = []
    for seed in seeds(s):
        cs, low, G = load(s, seed); m = sum(in_basin(c, low) for c in cs); r.append((len(cs) + 1) / (m + 1))
    row.append(f'{np.median(r):.1f} / {np.mean(r):.1f}')
print('| random order (expected) | ' + ' | '.join(row) + ' |')
