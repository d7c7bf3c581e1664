# Loads the generation features (tool/) beside the cached step recordings (prediction/rp.py); tuning seeds only.
import json, os, sys
import numpy as np
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'prediction'))
import rp
GP = os.environ.get('GP_DIR', '/tmp/gp')
SYSTEMS = {'si': ('si16', 'si16-tersoff'), 'na': ('na8cl8', 'na8cl8-bmh-search'), 'al': ('al4o6', 'al4o6-bush')}
TUNING = {'si': range(101, 131), 'na': range(101, 131), 'al': range(101, 111)}
SYSORDER = ['Triclinic', 'Monoclinic', 'Orthorhombic', 'Tetragonal', 'Trigonal', 'Hexagonal', 'Cubic']

def features(sysname, seed):
    assert seed >= 101, 'tuning seeds only'
    d, stem = SYSTEMS[sysname]
    return json.load(open(os.path.join(GP, d, f'{stem}-{seed}.json')))['candidates']

def load(sysname, seed):
    """rp's candidates (H, F, end, reach, ...), the seed's lowest, and per candidate its generation features (dict; None if generation failed)."""
    assert seed >= 101, 'tuning seeds only'
    cs, low = rp.load(sysname, seed)
    G = []
    for c, g in zip(cs, features(sysname, seed)):
        assert g['id'] == c.id
        if g['failed']: g = None
        else:
            g['free'] = g['freeCoords'] + g['latticeParams']
            g['sysIndex'] = SYSORDER.index(g['system'])
        G.append(g)
    return cs, low, G

def seeds(sysname): return [s for s in TUNING[sysname] if f'{sysname}{s}' in rp.M]

def in_basin(c, low):
    return c.end != 3 and c.n > 0 and c.H[-1] <= low + 1e-3
