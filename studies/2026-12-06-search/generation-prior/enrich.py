# (a) Enrichment: the share of lowest-basin candidates (final within 1 meV/atom of the seed's lowest, not failed) per
# generation class against the share of all candidates; and the same weighting each seed equally (a seed's basin
# candidates count 1/m each), so that Na8Cl8's many-candidate basins do not dominate.
from gp import *
from collections import defaultdict
FREE_BINS = [(1, 1), (2, 3), (4, 6), (7, 10), (11, 99)]
PO_BINS = [(1, 4), (6, 8), (12, 16), (24, 48)]
def fb(g): return next(f'{a}' if a == b else f'{a}–{b}' if b < 99 else f'≥{a}' for a, b in FREE_BINS if a <= g['free'] <= b)
def pb(g): return next(f'{a}–{b}' for a, b in PO_BINS if a <= g['pointOrder'] <= b)
CLASSES = [('crystal system', lambda g: g['system'], SYSORDER),
           ('point-group order', pb, [f'{a}–{b}' for a, b in PO_BINS]),
           ('free parameters (coordinates + lattice)', fb, ['1', '2–3', '4–6', '7–10', '≥11']),
           ('Wyckoff orbits', lambda g: str(min(g['orbits'], 4)) if g['orbits'] < 4 else '≥4', ['1', '2', '3', '≥4'])]
for title, key, labels in CLASSES:
    print(f'\n{title}: share of all candidates / of lowest-basin candidates / per seed equally weighted (basin candidates)\n')
    print('| class | ' + ' | '.join(f'{SYSTEMS[s][0]} pool | basin | seed-weighted' for s in SYSTEMS) + ' |')
    print('|---|' + '---:|---:|---:|' * len(SYSTEMS))
    cells = {}
    for s in SYSTEMS:
        pool = defaultdict(float); bas = defaultdict(float); sw = defaultdict(float); n = nb = 0
        for seed in seeds(s):
            cs, low, G = load(s, seed)
            b = [g for c, g in zip(cs, G) if in_basin(c, low)]
            for g in G: pool[key(g)] += 1; n += 1
            for g in b: bas[key(g)] += 1; nb += 1; sw[key(g)] += 1 / len(b)
        ns = len(seeds(s))
        cells[s] = {l: (pool[l] / n, bas[l] / nb, sw[l] / ns, int(bas[l])) for l in labels}
    for l in labels:
        print(f'| {l} | ' + ' | '.join(f'{100*cells[s][l][0]:.0f} % | {100*cells[s][l][1]:.0f} % ({cells[s][l][3]}) | {100*cells[s][l][2]:.0f} %' for s in SYSTEMS) + ' |')
print()
for s in SYSTEMS:
    tot = sum(sum(in_basin(c, low) for c in load(s, seed)[0]) for seed in seeds(s) for low in [load(s, seed)[1]])
    print(f'{s}: {tot} lowest-basin candidates over {len(seeds(s))} seeds')
