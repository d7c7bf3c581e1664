"""Reference symmetry data from python3-spglib for structures sent as JSON on stdin.

Input: {"structures": [{"cell", "species", "frac", "symprec"}, ...]}
Output: {"corundum": structure built by ase.spacegroup.crystal, "datasets": [...]} where the
corundum (symprec 1e-3) is analysed after the given structures.
"""
import json
import sys

import numpy as np
import spglib
from ase.spacegroup import crystal


def structure_json(atoms):
    return {"cell": atoms.cell.array.tolist(), "species": atoms.get_chemical_symbols(),
            "frac": atoms.get_scaled_positions(wrap=True).tolist()}


def analyse(s):
    species = s["species"]
    kinds = list(dict.fromkeys(species))
    types = [kinds.index(x) + 1 for x in species]
    cell = (np.array(s["cell"]), np.array(s["frac"]), types)
    d = spglib.get_symmetry_dataset(cell, symprec=s["symprec"])
    if d is None:
        return {"number": 0}
    primitive = spglib.find_primitive(cell, symprec=s["symprec"])
    refined = spglib.refine_cell(cell, symprec=s["symprec"])
    return {
        "number": int(d["number"]), "international": d["international"], "hall_number": int(d["hall_number"]),
        "hall": d["hall"], "choice": d["choice"], "pointgroup": d["pointgroup"],
        "wyckoffs": list(d["wyckoffs"]), "site_symmetry_symbols": list(d["site_symmetry_symbols"]),
        "equivalent_atoms": d["equivalent_atoms"].tolist(),
        "rotations": d["rotations"].tolist(), "translations": d["translations"].tolist(),
        "transformation_matrix": d["transformation_matrix"].tolist(), "origin_shift": d["origin_shift"].tolist(),
        "std_lattice": d["std_lattice"].tolist(), "std_positions": d["std_positions"].tolist(),
        "std_species": [kinds[t - 1] for t in d["std_types"]],
        "primitive_count": len(primitive[2]), "primitive_lattice": primitive[0].tolist(),
        "refined_count": len(refined[2]), "refined_lattice": refined[0].tolist(),
    }


request = json.load(sys.stdin)
corundum = crystal(["Al", "O"], basis=[(0, 0, 0.35216), (0.30624, 0, 0.25)], spacegroup=167,
                   cellpar=[4.7589, 4.7589, 12.991, 90, 90, 120])
corundum_json = structure_json(corundum)
structures = request["structures"] + [dict(corundum_json, symprec=1e-3)]
json.dump({"corundum": corundum_json, "datasets": [analyse(s) for s in structures]}, sys.stdout)
