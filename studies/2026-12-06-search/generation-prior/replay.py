# (c) Replays over the cached recordings of the tuning seeds: steps to the lowest basin, sum over seeds / rs's sum
# (rs = id order), wins / ties / losses against rs. Usage: replay.py [check|static|learned|all] [batch lengths, e.g. 5 or 1,5,10]
import sys
from gp import *
import rp, pol
from priors import PRIORS, order
from policies import RS, LaqaAsync, LaqaTiers, Race, Learned, RSLearned, RaceLearned

def seed_steps(make, s, L):
    out = []
    for seed in seeds(s):
        cs, low, G = load(s, seed)
        x = rp.run(lambda cs_, L_: make(cs, L, G), cs, L)
        out.append((rp.rs_steps(cs), x if x is not None else 10**9))
    return out

def row(name, make, L, systems=SYSTEMS):
    cells = []
    for s in systems:
        r = seed_steps(make, s, L); rs = sum(a for a, _ in r); x = [b for _, b in r]
        w = sum(b < a for a, b in r); t = sum(b == a for a, b in r); l = len(r) - w - t
        cells.append(f'{np.median(x):,.0f} | {np.mean(x):,.0f} | {sum(x):,} | {sum(x)/rs:.2f} | {w} / {t} / {l}')
    print(f'| {name} | {L} | ' + ' | '.join(cells) + ' |', flush=True)

def header():
    print('| policy | batch | ' + ' | '.join(f'{SYSTEMS[s][0]}: median | mean | sum | sum / rs | wins / ties / losses' for s in SYSTEMS) + ' |')
    print('|---|---:|' + '---:|---:|---:|---:|---|' * len(SYSTEMS))

ids = lambda G: list(range(len(G)))
STATIC = ['id (rs order)', 'most free parameters', 'lowest point-group order', 'most Wyckoff orbits', 'lowest H(0) - 0.2 Å F(0)',
          'lowest H(0)', 'free parameters = 1 last', 'fewest free parameters', 'highest point-group order']
def po_bin(g): return 0 if g['pointOrder'] <= 4 else 1 if g['pointOrder'] <= 8 else 2 if g['pointOrder'] <= 16 else 3
def free_bin(g): return 0 if g['free'] == 1 else 1 if g['free'] <= 3 else 2 if g['free'] <= 6 else 3 if g['free'] <= 10 else 4
KLASSES = {'crystal system': lambda g: g['system'], 'point-group order bin': po_bin, 'free-parameter bin': free_bin}

if __name__ == '__main__':
    what = sys.argv[1] if len(sys.argv) > 1 else 'all'
    Ls = [int(v) for v in (sys.argv[2] if len(sys.argv) > 2 else '5').split(',')]
    if what == 'check':
        # With id order these are pol.py's policies, figure for figure.
        for L in Ls:
            for s in SYSTEMS:
                for seed in seeds(s):
                    cs, low, G = load(s, seed)
                    assert rp.run(lambda a, b: RS(cs, L, ids(G)), cs, L) == rp.rs_steps(cs)
                    assert rp.run(lambda a, b: Race(cs, L, ids(G)), cs, L) == rp.run(pol.Race, cs, L)
                    assert rp.run(lambda a, b: LaqaAsync(cs, L, ids(G)), cs, L) == rp.run(pol.LaqaAsync, cs, L)
        print('same as pol.py for batch lengths', Ls); sys.exit()
    header()
    for L in Ls:
        if what == 'key':  # the rows that depend on the batch length, for 1 / 5 / 10
            row('laqa async E+F+S (id order)', lambda cs, L, G: LaqaAsync(cs, L, ids(G)), L)
            for p in ['id (rs order)', 'lowest point-group order', 'lowest H(0) - 0.2 Å F(0)', 'rank sum: lowest point-group order + lowest H(0) - 0.2 Å F(0)']:
                row(f'race, probing by {p}', lambda cs, L, G, p=p: Race(cs, L, order(G, p)), L)
            for tier in (25, 50):
                for p in ['lowest point-group order', 'lowest H(0) - 0.2 Å F(0)', 'rank sum: lowest point-group order + lowest H(0) - 0.2 Å F(0)']:
                    row(f'laqa async E+F+S in tiers of {tier} by {p}', lambda cs, L, G, p=p, t=tier: LaqaTiers(cs, L, order(G, p), tier=t), L)
        if what in ('static', 'all'):
            for p in STATIC:
                row(f'rs, {p}', lambda cs, L, G, p=p: RS(cs, L, order(G, p)), L)
            for p in STATIC:
                row(f'race, probing by {p}', lambda cs, L, G, p=p: Race(cs, L, order(G, p)), L)
            for p in ['most free parameters', 'lowest point-group order', 'lowest H(0) - 0.2 Å F(0)']:
                row(f'race, probing by {p}, prior rank added 0.01 eV/atom × rank/n', lambda cs, L, G, p=p: Race(cs, L, order(G, p), tie=0.01), L)
            for p in ['lowest point-group order, then lowest H(0) - 0.2 Å F(0)', 'rank sum: lowest point-group order + lowest H(0) - 0.2 Å F(0)']:
                row(f'rs, {p}', lambda cs, L, G, p=p: RS(cs, L, order(G, p)), L)
                row(f'race, probing by {p}', lambda cs, L, G, p=p: Race(cs, L, order(G, p)), L)
            for p in ['id (rs order)', 'most free parameters', 'lowest point-group order', 'lowest H(0) - 0.2 Å F(0)']:
                row(f'laqa async E+F+S, first batches by {p}', lambda cs, L, G, p=p: LaqaAsync(cs, L, order(G, p)), L)
            for p in ['id (rs order)', 'most free parameters', 'lowest point-group order', 'lowest H(0) - 0.2 Å F(0)', 'rank sum: lowest point-group order + lowest H(0) - 0.2 Å F(0)']:
                for tier in (25, 50):
                    row(f'laqa async E+F+S in tiers of {tier} by {p}', lambda cs, L, G, p=p, t=tier: LaqaTiers(cs, L, order(G, p), tier=t), L)
        if what in ('learned', 'all'):
            for kn, kf in KLASSES.items():
                for shrink, explore in [(3, 0), (3, 1)]:
                    row(f'rs, learned class mean final ({kn}, shrink {shrink}, explore {explore})',
                        lambda cs, L, G, kf=kf, sh=shrink, ex=explore: RSLearned(cs, L, ids(G), Learned(G, kf, sh, ex)), L)
                    row(f'race, probing by learned class mean final ({kn}, shrink {shrink}, explore {explore})',
                        lambda cs, L, G, kf=kf, sh=shrink, ex=explore: RaceLearned(cs, L, ids(G), Learned(G, kf, sh, ex)), L)
                row(f'rs, learned class lowest final ({kn})', lambda cs, L, G, kf=kf: RSLearned(cs, L, ids(G), Learned(G, kf, stat='min')), L)
                row(f'race, probing by learned class lowest final ({kn})', lambda cs, L, G, kf=kf: RaceLearned(cs, L, ids(G), Learned(G, kf, stat='min')), L)
