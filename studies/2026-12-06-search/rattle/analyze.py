# Tables of RESULTS.md from the tool's JSON under /tmp/rattle/<system>/<variant>/.
import json, os, statistics, sys
SYSTEMS = {'si16': ('si16-tersoff', -4.62972), 'na8cl8': ('na8cl8-bmh-search', -4.0266)}
VARIANTS = ['control', 'r0.02', 'r0.05', 'r0.1', 's0.01', 'r0.05s0.01', 'r0.1s0.01']
TOL = 0.001  # eV/atom
SEEDS = range(101, 131)
BUDGETS = [2000, 4000, 8000]  # rs steps in a seed; the control's 100 candidates take about 8,300–8,900

def load(system, variant):
    name, _ = SYSTEMS[system]
    out = {}
    for seed in SEEDS:
        p = f'/tmp/rattle/{system}/{variant}/{name}-{seed}.json'
        if os.path.exists(p): out[seed] = json.load(open(p))['candidates']
    return out

def final(c): return c['H'][-1] if c['Status'] != 'Failed' and c['H'] else None
def at_gs(c, gs): return final(c) is not None and abs(final(c) - gs) <= TOL

def per_seed(cands, gs):
    hs = [final(c) for c in cands if final(c) is not None]
    hits = [c for c in cands if at_gs(c, gs)]
    spent, rs = 0, None
    for c in cands:  # id order, each to its end
        spent += len(c['H'])
        if at_gs(c, gs): rs = spent; break
    return dict(low=min(hs), hits=len(hits), sgs=[c['FinalSg'] for c in hits], steps=sum(len(c['H']) for c in cands) / len(cands),
                failed=sum(c['Status'] == 'Failed' for c in cands), limit=sum(c['Status'] == 'StepLimit' for c in cands), rs=rs)

def system_of(n):
    return next(s for top, s in [(2, 'tric'), (15, 'mono'), (74, 'orth'), (142, 'tetr'), (167, 'trig'), (194, 'hex'), (230, 'cub')] if n <= top)

def table(system):
    gs = SYSTEMS[system][1]
    runs = {v: load(system, v) for v in VARIANTS}
    runs = {v: r for v, r in runs.items() if len(r) == len(SEEDS)}
    ctrl = {s: per_seed(c, gs) for s, c in runs['control'].items()}
    print(f'\n### {system}: ground state {gs} eV/atom ± {TOL * 1000:.0f} meV, seeds {SEEDS[0]}–{SEEDS[-1]}, 100 candidates each\n')
    print('| variant | seeds found | candidates at GS (final sg) | mean lowest H | mean steps/cand | failed | step limit | rs steps to GS: sum over found | median (∞ = not found) | paired with control: seeds, variant sum / control sum | wins/losses vs control | all steps / candidates at GS | seeds found within 2,000 / 4,000 / 8,000 rs steps |')
    print('|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    for v, r in runs.items():
        ps = {s: per_seed(c, gs) for s, c in r.items()}
        found = [s for s in ps if ps[s]['rs'] is not None]
        sgs = {}
        for p in ps.values():
            for g in p['sgs']: sgs[g] = sgs.get(g, 0) + 1
        med = statistics.median([ps[s]['rs'] if ps[s]['rs'] is not None else float('inf') for s in ps])
        both = [s for s in ps if ps[s]['rs'] is not None and ctrl[s]['rs'] is not None]
        ratio = sum(ps[s]['rs'] for s in both) / max(1, sum(ctrl[s]['rs'] for s in both))
        inf = lambda x: x if x is not None else float('inf')
        wins = sum(inf(ps[s]['rs']) < inf(ctrl[s]['rs']) for s in ps); losses = sum(inf(ps[s]['rs']) > inf(ctrl[s]['rs']) for s in ps)
        hits = sum(p['hits'] for p in ps.values())
        per_hit = f"{sum(p['steps'] for p in ps.values()) * 100 / hits:.0f}" if hits else '∞'
        print(f"| {v} | {len(found)}/{len(ps)} | {sum(p['hits'] for p in ps.values())} ({', '.join(f'{g}: {n}' for g, n in sorted(sgs.items()))}) | "
              f"{statistics.mean(p['low'] for p in ps.values()):.4f} | {statistics.mean(p['steps'] for p in ps.values()):.1f} | "
              f"{sum(p['failed'] for p in ps.values())} | {sum(p['limit'] for p in ps.values())} | {sum(ps[s]['rs'] for s in found)} | {med} | "
              f"{len(both)}, {ratio:.2f} | {wins}/{losses} | {per_hit} | {' / '.join(str(sum(ps[s]['rs'] is not None and ps[s]['rs'] <= b for s in ps)) for b in BUDGETS)} |")
    return runs

def symmetry(system, runs):
    gs = SYSTEMS[system][1]
    print(f'\n### {system}: symmetry of the generated vs the final structure (spglib, symprec 0.1 Å)\n')
    for v in ['control'] + [v for v in runs if v != 'control']:
        cs = [c for cands in runs[v].values() for c in cands if c['Status'] != 'Failed' and c['GenOps'] > 0]
        kept = sum(c['KeptGeneratedOps'] for c in cs)
        hi = sum(c['FinalOps'] > c['GenOps'] for c in cs); eq = sum(c['FinalOps'] == c['GenOps'] for c in cs); lo = sum(c['FinalOps'] < c['GenOps'] for c in cs)
        same = sum(c['FinalSg'] == c['GenSgSpglib'] for c in cs)
        start_eq = sum(c['StartSg'] == c['GenSgSpglib'] for c in cs)
        print(f'- {v}: {len(cs)} candidates; final keeps every operation of the generated structure: {kept} ({kept / len(cs):.1%}); '
              f'operations in the cell final vs generated: more {hi}, equal {eq}, fewer {lo}; same space-group number {same}; '
              f'started structure still in the generated group at 0.1 Å: {start_eq}')
    # Per generated crystal system (control): kept fraction, share of candidates, share of the ground-state candidates.
    for v in ['control'] + (['r0.05'] if 'r0.05' in runs else []):
        cs = [c for cands in runs[v].values() for c in cands if c['Status'] != 'Failed' and c['GenOps'] > 0]
        hits = [c for c in cs if at_gs(c, gs)]
        print(f'\n{v}: per crystal system of the generated group (generator\'s number)\n')
        print('| crystal system | candidates | keep generated ops | fewer ops at the end | at GS | GS rate | GS rate if kept | GS rate if lost |')
        print('|---|---|---|---|---|---|---|---|')
        for cs_name in ['tric', 'mono', 'orth', 'tetr', 'trig', 'hex', 'cub']:
            g = [c for c in cs if system_of(c['GenSg']) == cs_name]
            if not g: continue
            h = [c for c in g if at_gs(c, gs)]
            k = [c for c in g if c['KeptGeneratedOps']]; l = [c for c in g if not c['KeptGeneratedOps']]
            rate = lambda xs: f"{sum(at_gs(c, gs) for c in xs)}/{len(xs)}" if xs else '–'
            print(f"| {cs_name} | {len(g)} | {len(k)} ({len(k) / len(g):.0%}) | {sum(c['FinalOps'] < c['GenOps'] for c in g)} | {len(h)} | {len(h) / len(g):.3f} | {rate(k)} | {rate(l)} |")

if __name__ == '__main__':
    # analyze.py [system [first last]]: one system over its seeds, or both over 101–130.
    if len(sys.argv) == 4: SEEDS = range(int(sys.argv[2]), int(sys.argv[3]) + 1)
    for system in sys.argv[1:2] or SYSTEMS:
        runs = table(system)
        symmetry(system, runs)
