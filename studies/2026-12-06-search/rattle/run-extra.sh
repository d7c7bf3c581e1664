#!/bin/sh
# More Si16 seeds (131–330, tuning seeds, none of the blind 1–30) for the variants closest to a decision.
set -e
T=studies/2026-12-06-search/rattle/tool/bin/Release/net10.0/tool
SIS="laqa.generation.space-groups = all"; SIN="laqa.initial-structures = 100"
for v in "control 0 0" "r0.02 0.02 0" "r0.05s0.01 0.05 0.01" "s0.01 0 0.01" "r0.05 0.05 0"; do
  set -- $v; nice $T config/examples/si16-tersoff.conf 131-330 /tmp/rattle/si16/$1 $2 $3 "$SIS" "$SIN"
done
