#!/usr/bin/env bash
# Installs the test references (spglib, LAMMPS, ASE) when missing and runs every test.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-debian-packages.sh --tests
dotnet test Laqa.Actors.sln "$@"
