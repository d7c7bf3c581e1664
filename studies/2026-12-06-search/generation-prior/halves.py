# Stability of the leading rows: sum / rs and wins on the two halves of the tuning seeds (Si16, Na8Cl8 101–115 and
# 116–130; Al4O6 101–105 and 106–110), 5-step batches. The priors were chosen on all tuning seeds; agreement between
# halves says the figure is not one seed's luck, not that it holds for other systems.
from gp import *
import rp, replay
from priors import order
from policies import RS, LaqaAsync, LaqaTiers, Race
ids = replay.ids
ROWS = [('rs (id order)', lambda cs, L, G: RS(cs, L, ids(G))),
        ('race (id order)', lambda cs, L, G: Race(cs, L, ids(G))),
        ('laqa async E+F+S (id order)', lambda cs, L, G: LaqaAsync(cs, L, ids(G))),
        ('rs, lowest point-group order', lambda cs, L, G: RS(cs, L, order(G, 'lowest point-group order'))),
        ('rs, lowest H(0) - 0.2 Å F(0)', lambda cs, L, G: RS(cs, L, order(G, 'lowest H(0) - 0.2 Å F(0)'))),
        ('race, probing by lowest H(0) - 0.2 Å F(0)', lambda cs, L, G: Race(cs, L, order(G, 'lowest H(0) - 0.2 Å F(0)'))),
        ('laqa async E+F+S in tiers of 50 by rank sum', lambda cs, L, G: LaqaTiers(cs, L, order(G, 'rank sum: lowest point-group order + lowest H(0) - 0.2 Å F(0)'), tier=50))]
print('| policy | ' + ' | '.join(f'{SYSTEMS[s][0]} first half | second half' for s in SYSTEMS) + ' |'); print('|---|' + '---|---|' * 3)
for name, make in ROWS:
    cells = []
    for s in SYSTEMS:
        ss = seeds(s); h = len(ss) // 2
        for part in (ss[:h], ss[h:]):
            r = x = w = 0
            for seed in part:
                cs, low, G = load(s, seed); a = rp.rs_steps(cs); b = rp.run(lambda c_, L_: make(cs, 5, G), cs, 5)
                r += a; x += b; w += b < a
            cells.append(f'{x/r:.2f}, {w} of {len(part)}')
    print(f'| {name} | ' + ' | '.join(cells) + ' |', flush=True)
