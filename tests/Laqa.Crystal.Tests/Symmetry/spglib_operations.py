"""Reference operations of the 230 standard settings from spglib's database: one JSON object per
line with the number, symbols and all operations (rotations, translations) of the conventional cell."""
import json
import spglib
from spglib_settings import standard_hall_numbers

for number, hall in sorted(standard_hall_numbers().items()):
    t = spglib.get_spacegroup_type(hall)
    sym = spglib.get_symmetry_from_database(hall)
    print(json.dumps({
        'number': number,
        'symbol': t['international_short'],
        'hall': t['hall_symbol'],
        'rotations': sym['rotations'].reshape(-1, 9).tolist(),
        'translations': sym['translations'].tolist(),
    }))
