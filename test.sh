#!/usr/bin/env bash
# Installs the test references (spglib, LAMMPS, ASE, PostgreSQL) when missing and runs every test; the
# PostgreSQL tests use the server in LAQA_TEST_POSTGRES, or one started here for the run and stopped after.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-debian-packages.sh --tests
if [ -z "${LAQA_TEST_POSTGRES:-}" ]; then
  pgdir=$(mktemp -d /tmp/laqa-test-postgres.XXXXXX)
  trap 'scripts/test-postgres.sh stop "$pgdir"' EXIT
  LAQA_TEST_POSTGRES=$(scripts/test-postgres.sh start "$pgdir")
  export LAQA_TEST_POSTGRES
fi
dotnet test Laqa.Actors.sln "$@"
