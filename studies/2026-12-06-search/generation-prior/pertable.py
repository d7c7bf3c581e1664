# Reshapes replay.py's combined rows (stdin) into one table per system, the format of docs/benchmarks.md.
import sys
rows = [l.rstrip('\n').strip('|').split(' | ') for l in sys.stdin if l.startswith('| ') and not l.startswith('| policy')]
for k, name in enumerate(['Si16, Tersoff (tuning seeds 101–130)', 'Na8Cl8, nacl-bmh (101–130)', 'Al4O6, al2o3-bush (101–110)']):
    print(f'\n{name}:\n\n| policy | batch | median | mean | sum | sum / rs | wins / ties / losses against rs |\n|---|---:|---:|---:|---:|---:|---|')
    for r in rows:
        c = [x.strip() for x in r[2 + 5 * k: 7 + 5 * k]]
        print(f'| {r[0].strip()} | {r[1].strip()} | ' + ' | '.join(c) + ' |')
