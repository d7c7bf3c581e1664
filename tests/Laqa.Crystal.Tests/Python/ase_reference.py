"""ASE (and pymatgen for symmetrized CIF) as the reference reader and writer of structure files.

Input on stdin: {"read": [{"path", "format"}], "write": [{"path", "format", "kind"}]}
  read:  ase.io.read of each file (last frame of extxyz); format "pymatgen-poscar" reads with pymatgen's
         Poscar instead (ASE 3.22 takes a negative POSCAR scale as a plain factor, not as the cell volume).
  write: builds a structure of the given kind with ASE and writes it (format "vasp", "vasp-cartesian",
         "cif", "extxyz", or "pymatgen-cif" = pymatgen's symmetrized CifWriter), then reads it back with ASE.
Output: {"read": [atoms], "write": [atoms read back]} with atoms as cell, species, frac, positions,
energy, forces, stress (3x3) and info.
"""
import json
import sys

import numpy as np
import ase.io
from ase.build import bulk
from ase.calculators.singlepoint import SinglePointCalculator
from ase.spacegroup import crystal


def atoms_json(atoms):
    result = {"cell": atoms.cell.array.tolist(), "species": atoms.get_chemical_symbols(),
              "frac": atoms.get_scaled_positions(wrap=True).tolist(), "positions": atoms.positions.tolist(),
              "info": {k: str(v) for k, v in atoms.info.items()}}
    if atoms.calc is not None:
        results = atoms.calc.results
        if "energy" in results:
            result["energy"] = float(results["energy"])
        if "forces" in results:
            result["forces"] = np.asarray(results["forces"]).tolist()
        if "stress" in results:
            result["stress"] = atoms.get_stress(voigt=False).tolist()
    return result


def build(kind):
    rng = np.random.default_rng(sum(map(ord, kind)))
    if kind == "si":
        return bulk("Si", "diamond", a=5.43)
    if kind == "nacl":
        return bulk("NaCl", "rocksalt", a=5.64, cubic=True)
    if kind == "corundum":
        return crystal(["Al", "O"], basis=[(0, 0, 0.35216), (0.30624, 0, 0.25)], spacegroup=167,
                       cellpar=[4.7589, 4.7589, 12.991, 90, 90, 120])
    if kind == "rutile":
        return crystal(["Ti", "O"], basis=[(0, 0, 0), (0.3049, 0.3049, 0)], spacegroup=136,
                       cellpar=[4.5937, 4.5937, 2.9587, 90, 90, 90])
    if kind == "wurtzite":
        return crystal(["Zn", "O"], basis=[(1 / 3, 2 / 3, 0), (1 / 3, 2 / 3, 0.382)], spacegroup=186,
                       cellpar=[3.2495, 3.2495, 5.2069, 90, 90, 120])
    if kind == "triclinic":
        from ase import Atoms
        atoms = Atoms("MgO2MgSiO", cell=[[4.1, 0.2, -0.3], [0.7, 5.2, 0.1], [-0.4, 0.9, 6.3]],
                      scaled_positions=rng.random((6, 3)), pbc=True)
        atoms.calc = SinglePointCalculator(atoms, energy=-23.456789, forces=rng.normal(size=(6, 3)),
                                           stress=rng.normal(size=6) * 0.01)
        atoms.info["energy_per_atom"] = -3.9094648
        atoms.info["spacegroup"] = "P1 (1)"
        return atoms
    raise ValueError(kind)


def write(item):
    atoms = build(item["kind"])
    fmt, path = item["format"], item["path"]
    if fmt == "pymatgen-cif":
        from pymatgen.io.ase import AseAtomsAdaptor
        from pymatgen.io.cif import CifWriter
        CifWriter(AseAtomsAdaptor.get_structure(atoms), symprec=0.01).write_file(path)
        return atoms_json(ase.io.read(path, format="cif"))
    if fmt == "vasp-cartesian":
        ase.io.write(path, atoms, format="vasp", direct=False)
        return atoms_json(ase.io.read(path, format="vasp"))
    if fmt == "vasp":
        ase.io.write(path, atoms, format="vasp", direct=True)
    else:
        ase.io.write(path, atoms, format=fmt)
    return atoms_json(ase.io.read(path, format=fmt))


def read(item):
    if item["format"] == "pymatgen-poscar":
        from pymatgen.io.vasp import Poscar
        structure = Poscar.from_file(item["path"]).structure
        return {"cell": structure.lattice.matrix.tolist(), "species": [site.specie.symbol for site in structure],
                "frac": (structure.frac_coords % 1.0).tolist()}
    return atoms_json(ase.io.read(item["path"], format=item["format"]))


request = json.load(sys.stdin)
json.dump({"read": [read(r) for r in request["read"]],
           "write": [write(w) for w in request["write"]]}, sys.stdout)
