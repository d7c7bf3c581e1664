"""The spglib Hall number of the International Tables standard setting of each space-group type:
origin choice 2 where there are two, hexagonal axes for rhombohedral groups, otherwise spglib's
first setting (unique axis b, cell choice 1, abc)."""
import spglib


def standard_hall_numbers():
    by_number = {}
    for hall in range(1, 531):
        t = spglib.get_spacegroup_type(hall)
        by_number.setdefault(t['number'], []).append((hall, t['choice']))
    result = {}
    for number, settings in by_number.items():
        preferred = [hall for hall, choice in settings if choice in ('2', 'H')]
        result[number] = (preferred or [settings[0][0]])[0]
    return result
