"""Reference operations of the 230 standard settings from spglib's database.

For each space-group type, picks the Hall number of the International Tables standard setting
(origin choice 2 where there are two, hexagonal axes for rhombohedral groups, otherwise spglib's
first setting: unique axis b, cell choice 1, abc) and prints one JSON object per line with the
number, symbols and all operations (rotations, translations) of the conventional cell.
"""
import json
import spglib

by_number = {}
for hall in range(1, 531):
    t = spglib.get_spacegroup_type(hall)
    by_number.setdefault(t['number'], []).append((hall, t))

for number in range(1, 231):
    settings = by_number[number]
    preferred = [s for s in settings if s[1]['choice'] in ('2', 'H')]
    hall, t = (preferred or settings)[0]
    sym = spglib.get_symmetry_from_database(hall)
    print(json.dumps({
        'number': number,
        'symbol': t['international_short'],
        'hall': t['hall_symbol'],
        'rotations': sym['rotations'].reshape(-1, 9).tolist(),
        'translations': sym['translations'].tolist(),
    }))
