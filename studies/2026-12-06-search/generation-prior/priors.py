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
}
def order(G, prior):
    key = PRIORS[prior] if isinstance(prior, str) else prior
    return sorted(range(len(G)), key=lambda i: (G[i] is None, 0 if G[i] is None else key(G[i]), i))
