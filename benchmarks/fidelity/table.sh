#!/usr/bin/env bash
# The README's fidelity table: every setting of settings.json on the full matrix and on the exact (and,
# with --approx, the approximate) k = 32 graph of the FIW and LFW snapshots (built by ./setup.sh from
# ../shared) and of a 40,000-face synthetic library made here; one markdown table per snapshot.
# Usage: benchmarks/fidelity/table.sh [--approx] [--only fiw,lfw,synthetic] [--work DIR]   (needs the Release build: ./setup.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
structures=(exact)
only="fiw,lfw,synthetic"
work="${TMPDIR:-/tmp}/faceeval-fidelity"
while [ $# -gt 0 ]; do
  case "$1" in
    --approx) structures+=(approx); shift ;;
    --work) work="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "table.sh: unknown argument $1 (usage: table.sh [--approx] [--only fiw,lfw,synthetic] [--work DIR])" >&2; exit 2 ;;
  esac
done
faceeval="$root/faceeval"
mkdir -p "$work"
synth="$work/synthetic-40k"
if [[ ",$only," == *,synthetic,* && ! -f "$synth/manifest.json" ]]; then
  "$faceeval" snapshot synth --profile library --faces 40000 --seed 7 --out "$synth" >&2
fi

settings="$here/settings.json"
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m); k = 32"
for spec in "fiw:$root/snapshots/fiw:arcface_w600k_mbf_int8" "lfw:$root/snapshots/lfw:arcface_w600k_mbf_int8" "synthetic:$synth:synthetic"; do
  name="${spec%%:*}"; rest="${spec#*:}"; snapshot="${rest%%:*}"; model="${rest##*:}"
  [[ ",$only," == *,"$name",* ]] || continue
  if [ ! -f "$snapshot/manifest.json" ]; then
    echo "fidelity: $snapshot missing (./setup.sh builds it from ../shared); skipped" >&2
    continue
  fi
  for structure in "${structures[@]}"; do
    echo
    "$faceeval" fidelity --snapshot "$snapshot" --model "$model" --neighbors "$structure" --settings "$settings" --markdown
  done
done
