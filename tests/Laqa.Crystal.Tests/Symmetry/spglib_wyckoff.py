"""Symmetry analysis of many structures in one call.

Reads a JSON list of cells {"number", "lattice": 3x3 rows, "positions": fractional, "numbers": species}
from stdin. Each cell is analysed by spglib.get_symmetry_dataset (symprec 1e-3) in the International
Tables standard setting of its expected space-group type (origin choice 2, hexagonal axes), so that
letters refer to that setting. Prints a JSON list of {"number", "wyckoffs", "equivalent_atoms",
"transformation_matrix", "origin_shift"}: x_standard = P x_input + p.
"""
import json
import sys
import spglib
from spglib_settings import standard_hall_numbers

standard_hall = standard_hall_numbers()

results = []
for cell in json.load(sys.stdin):
    data = spglib.get_symmetry_dataset((cell['lattice'], cell['positions'], cell['numbers']), symprec=1e-3,
                                       hall_number=standard_hall[cell['number']])
    if data is None:
        results.append({'number': 0, 'wyckoffs': [], 'equivalent_atoms': [],
                        'transformation_matrix': [[1, 0, 0], [0, 1, 0], [0, 0, 1]], 'origin_shift': [0, 0, 0]})
        continue
    results.append({
        'number': int(data['number']),
        'wyckoffs': list(data['wyckoffs']),
        'equivalent_atoms': [int(i) for i in data['equivalent_atoms']],
        'transformation_matrix': data['transformation_matrix'].tolist(),
        'origin_shift': data['origin_shift'].tolist(),
    })
json.dump(results, sys.stdout)
