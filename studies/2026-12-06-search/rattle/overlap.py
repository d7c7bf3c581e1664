# Which candidates (seed, id) end at the ground state: control vs each rattle, and where rs finds it first when both do.
import sys
import analyze as a
system, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
a.SEEDS = range(first, last + 1)
gs = a.SYSTEMS[system][1]
ctrl = a.load(system, 'control')
hits = lambda run: {(s, c['Id']) for s, cs in run.items() for c in cs if a.at_gs(c, gs)}
rs = lambda run: {s: a.per_seed(cs, gs)['rs'] for s, cs in run.items()}
first_hit = lambda cs: next(c['Id'] for c in cs if a.at_gs(c, gs))
hc, rc = hits(ctrl), rs(ctrl)
print(f'{system} seeds {first}–{last}: control has {len(hc)} ground-state candidates')
for v in a.VARIANTS[1:]:
    run = a.load(system, v)
    if len(run) != len(a.SEEDS): continue
    hv, rv = hits(run), rs(run)
    both = [s for s in run if rv[s] and rc[s]]
    print(f'- {v}: {len(hv)} ground-state candidates, {len(hv & hc)} of them also in control, {len(hc - hv)} of control\'s lost; '
          f'seeds found by both {len(both)} (variant first in fewer steps {sum(rv[s] < rc[s] for s in both)}, same candidate first {sum(first_hit(run[s]) == first_hit(ctrl[s]) for s in both)}), '
          f'only control {sum(1 for s in run if rc[s] and not rv[s])}, only {v} {sum(1 for s in run if rv[s] and not rc[s])}')
