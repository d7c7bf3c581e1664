#!/bin/sh
# All runs of the study, from the repository root: control, rattles σ = 0.02/0.05/0.1 Å, and with a strain σ 0.01.
set -e
T=studies/2026-12-06-search/rattle/tool/bin/Release/net10.0/tool
SI="config/examples/si16-tersoff.conf 101-130"; NA="config/examples/na8cl8-bmh-search.conf 101-130"
SIS="laqa.generation.space-groups = all"; SIN="laqa.initial-structures = 100"
for v in "control 0 0" "r0.02 0.02 0" "r0.05 0.05 0" "r0.1 0.1 0" "s0.01 0 0.01" "r0.05s0.01 0.05 0.01" "r0.1s0.01 0.1 0.01"; do
  set -- $v; nice $T $SI /tmp/rattle/si16/$1 $2 $3 "$SIS" "$SIN"
done
for v in "control 0 0" "r0.05 0.05 0" "r0.1 0.1 0" "r0.02 0.02 0" "r0.05s0.01 0.05 0.01" "s0.01 0 0.01" "r0.1s0.01 0.1 0.01"; do
  set -- $v; nice $T $NA /tmp/rattle/na8cl8/$1 $2 $3
done
