# Generic priors: one sort key per candidate from its generation features alone, the same rule for every system.
# Lower key goes first; ties by id. A candidate whose generation failed goes last.
import math
PRIORS = {
    'id (rs order)': lambda g: 0,
    'fewest free parameters': lambda g: g['free'],
    'most free parameters': lambda g: -g['free'],
    'highest point-group order': lambda g: -g['pointOrder'],
    'lowest point-group order': lambda g: g['pointOrder'],
    'most Wyckoff orbits': lambda g: -g['orbits'],
    'lowest H(0)': lambda g: g['h0'],
    'lowest F(0)': lambda g: g['f0'],
    'lowest H(0) - 0.2 Å F(0)': lambda g: g['h0'] - 0.2 * g['f0'],
    'smallest volume per atom': lambda g: g['volumePerAtom'],
    'free parameters = 1 last': lambda g: g['free'] == 1,
    'free = 1 last, then cubic': lambda g: (g['free'] == 1) + (g['system'] == 'Cubic'),
    'lowest point-group order, then lowest H(0) - 0.2 Å F(0)': lambda g: (g['pointOrder'], g['h0'] - 0.2 * g['f0']),
}
def order(G, prior):
    if prior.startswith('rank sum: '):  # the sum of a candidate's ranks under two priors (within its seed)
        a, b = prior[len('rank sum: '):].split(' + ')
        ra = {i: r for r, i in enumerate(order(G, a))}; rb = {i: r for r, i in enumerate(order(G, b))}
        return sorted(range(len(G)), key=lambda i: (G[i] is None, ra[i] + rb[i], i))
    key = PRIORS[prior]
    return sorted(range(len(G)), key=lambda i: (G[i] is None, 0 if G[i] is None else key(G[i]), i))
