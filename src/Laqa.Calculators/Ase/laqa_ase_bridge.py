# laqa's bridge to an ASE calculator. Started as `python -u -c <this file> <setup JSON>`; the setup
# names the calculator ("module:Class", or the source of a user file defining make_calculator) and
# its keyword arguments as text. It answers one JSON line per line read on stdin:
#   request  {"numbers": [Z...], "cell": [9, rows a,b,c], "positions": [3N, cartesian]}
#   reply    {"energy": E, "forces": [3N], "stress": [6, ASE's Voigt xx yy zz yz xz xy]}
#            or {"error": "the exception's last line"}
# The first line written is {"ready": true} once the calculator is built, or {"error": ...}.
# Floats are written with repr, which reads back to the same double.
import json
import math
import os
import sys
import traceback


def last_line(exception):
    # The traceback's last line, "Type: message"; a message of several lines is joined into one.
    if isinstance(exception, SyntaxError):
        return f"{type(exception).__name__}: {exception.msg} ({exception.filename}, line {exception.lineno})"
    text = "".join(traceback.format_exception_only(type(exception), exception)).strip()
    return " ".join(line.strip() for line in text.splitlines()) or type(exception).__name__


def argument(text):
    # Config values arrive as text: integers, then finite floats ("nan" stays a string), then true/false, else the string itself.
    for convert in (int, float):
        try:
            value = convert(text)
            if math.isfinite(value):
                return value
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text, text)


def build(setup):
    calculator = construct(setup)
    if not callable(getattr(calculator, "get_property", None)):
        raise TypeError(f"{setup.get('calculator') or 'make_calculator()'} returned {type(calculator).__name__}, not an ASE calculator")
    return calculator


def construct(setup):
    kwargs = {key: argument(value) for key, value in setup["arguments"].items()}
    if "source" in setup:
        namespace = {"__name__": "laqa_user_calculator", "__file__": setup["file"]}
        exec(compile(setup["source"], setup["file"], "exec"), namespace)
        if "make_calculator" not in namespace:
            raise AttributeError(f"{setup['file']} defines no make_calculator()")
        return namespace["make_calculator"](**kwargs)
    import importlib
    module_name, _, class_name = setup["calculator"].partition(":")
    factory = importlib.import_module(module_name)
    for part in class_name.split("."):
        factory = getattr(factory, part)
    return factory(**kwargs)


def finite(values):
    return all(math.isfinite(v) for v in values)


def evaluate(calculator, atoms, request):
    import ase
    import numpy as np
    numbers = request["numbers"]
    cell = np.array(request["cell"], dtype=float).reshape(3, 3)
    positions = np.array(request["positions"], dtype=float).reshape(-1, 3)
    # One Atoms object while the species stay, so that the calculator sees moves of the same system.
    if atoms is None or list(atoms.numbers) != numbers:
        atoms = ase.Atoms(numbers=numbers, cell=cell, positions=positions, pbc=True)
        atoms.calc = calculator
    else:
        atoms.set_cell(cell)
        atoms.set_positions(positions)
    energy = float(atoms.get_potential_energy())
    forces = np.asarray(atoms.get_forces(), dtype=float)
    stress = np.asarray(atoms.get_stress(), dtype=float)
    if forces.shape != (len(numbers), 3):
        raise ValueError(f"the calculator returned forces of shape {forces.shape} for {len(numbers)} atoms")
    if stress.shape == (3, 3):
        stress = stress[[0, 1, 2, 1, 0, 0], [0, 1, 2, 2, 2, 1]]
    if stress.shape != (6,):
        raise ValueError(f"the calculator returned a stress of shape {stress.shape}, not 6 Voigt components")
    forces, stress = forces.ravel().tolist(), stress.tolist()
    if not finite([energy]) or not finite(forces) or not finite(stress):
        raise ValueError("the calculator returned a non-finite energy, force or stress (NaN or infinity)")
    return atoms, {"energy": energy, "forces": forces, "stress": stress}


def main():
    # The protocol keeps fd 1 for itself: whatever the calculator prints (Python or C) goes to stderr.
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        calculator = build(json.loads(sys.argv[1]))
    except BaseException as exception:  # an import or a constructor may raise anything, SystemExit included
        out.write(json.dumps({"error": last_line(exception)}) + "\n")
        out.flush()
        return
    out.write('{"ready": true}\n')
    out.flush()
    atoms = None
    for line in sys.stdin:
        try:
            atoms, reply = evaluate(calculator, atoms, json.loads(line))
        except Exception as exception:
            atoms, reply = None, {"error": last_line(exception)}
        out.write(json.dumps(reply) + "\n")
        out.flush()


main()
