# The control (no rattle) against the campaign's cached recordings: same steps, same statuses, H bit for bit.
import json, sys
m = json.load(open('../prediction/search-map.json'))
def check(system, key, seeds):
    for seed in seeds:
        c = json.load(open('/tmp/laqa-search-steps/' + m[f'{key}{seed}']))
        r = json.load(open(f'/tmp/rattle/{system}/control/{ {"si16": "si16-tersoff", "na8cl8": "na8cl8-bmh-search"}[system] }-{seed}.json'))['candidates']
        steps = all(len(a['Steps']) == len(b['H']) for a, b in zip(c, r))
        bits = all(x['EnthalpyPerAtom'] == y for a, b in zip(c, r) for x, y in zip(a['Steps'], b['H']))
        # The cache keeps the end as the CandidateStatus number (2 Converged, 3 Failed, 4 StepLimit).
        ends = sorted({(str(a['End']), b['Status']) for a, b in zip(c, r)})
        print(system, seed, 'candidates', len(c), len(r), 'steps equal', steps, 'H bit for bit', bits, 'ends', ends)
if __name__ == '__main__':
    check(sys.argv[1], sys.argv[2], range(int(sys.argv[3]), int(sys.argv[4]) + 1))
