#!/usr/bin/env bash
# Installs the Debian packages Laqa.Actors uses, when they are missing:
# spglib (symmetry analysis) and the DejaVu fonts (the text of `laqa plot`) always; with --tests LAMMPS and Python's ASE/spglib/pymatgen as test references,
# PostgreSQL 15 for the journal tests (scripts/test-postgres.sh starts a server of its own; the package's
# default cluster is not used) and Quantum ESPRESSO (pw.x and its pseudopotentials) for the DFT tests.
set -euo pipefail
packages=(libsymspg1 fonts-dejavu-core)
[ "${1:-}" = "--tests" ] && packages+=(lammps lammps-data python3-ase python3-spglib python3-pymatgen postgresql-15)
[ "${1:-}" = "--tests" ] && packages+=(quantum-espresso quantum-espresso-data)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "please install: ${missing[*]} (Debian/Ubuntu package names)" >&2
  exit 1
fi
sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
echo "installing ${missing[*]}" >&2
$sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
$sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
