#!/usr/bin/env bash
# Fresh machine to a real campaign: installs spglib, builds, and searches Si16 with LAQA and Tersoff.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-debian-packages.sh
dotnet build src/Laqa.Cli -c Release -v quiet -nologo
dotnet src/Laqa.Cli/bin/Release/net10.0/laqa.dll run config/examples/si16-tersoff.conf --dir campaigns/si16-tersoff "$@"
