#!/usr/bin/env bash
# One-time (and repeatable) set-up: system packages, the ONNX Runtime library from npm, the models,
# and a Release build. Safe to run again: each step skips what is already in place.
set -euo pipefail
cd "$(dirname "$0")"
say() { printf '==> %s\n' "$*"; }

# --- System packages (Debian) -------------------------------------------------------------------
# libturbojpeg0/libpng16-16: image decoding. python3-*: only for regenerating reference fixtures and
# the side-by-side benchmark script, never at run time. chromium: browser tests of the HTML pages.
# python3-faiss: the exact-kNN reference of benchmarks/compare.sh; libopenblas0-pthread: so numpy,
# scipy and faiss use OpenBLAS rather than the slow reference BLAS (update-alternatives picks it).
apt_packages=(libturbojpeg0 libpng16-16 python3-numpy python3-scipy python3-sklearn chromium python3-faiss libopenblas0-pthread)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing system packages: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- npm pieces: ONNX Runtime native library ----------------------------------------------------
# onnxruntime-node's install script downloads extra binaries, which fails offline; the CPU library we
# need is inside the package itself, so scripts are skipped.
ort_lib=tools/npm/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1
ort_sha=733854c3d7ce45256cc1c22cd4a30373247e1f7b7de8f40beab24211ef8e2a76
if [ ! -f "$ort_lib" ] || ! echo "$ort_sha  $ort_lib" | sha256sum -c --status; then
  say "installing npm packages (onnxruntime-node)"
  (cd tools/npm && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
echo "$ort_sha  $ort_lib" | sha256sum -c --status || { echo "setup: $ort_lib does not match its pinned sha256" >&2; exit 1; }

# --- Build -----------------------------------------------------------------------------------------
say "building (Release)"
dotnet build FaceEval.sln -c Release --nologo -v quiet

# --- Snapshots ---------------------------------------------------------------------------------------
# The built-in demo library (generated, deterministic) is the default data of eval.config.json; the
# shared research datasets beside the checkout, when present, are imported in place (never copied into git).
make_snapshot() { # name, then the faceeval arguments that create it
  local dir="snapshots/$1"; shift
  if [ -d "$dir" ] && ./faceeval snapshot verify "$dir" >/dev/null 2>&1; then return 0; fi
  [ -d "$dir" ] && { echo "setup: $dir fails verification; rebuilding it" >&2; chmod -R u+w "$dir"; rm -rf "$dir"; }
  say "creating $dir"
  ./faceeval "$@" --out "$dir" >/dev/null
}
make_snapshot demo snapshot synth
shared="${FACEEVAL_SHARED:-../shared}"
for name in fiw lfw; do
  src="$shared/embeddings/$name"
  [ -f "$src/faces.csv" ] || continue
  make_snapshot "$name" snapshot import --faces "$src/faces.csv" \
    --embeddings "arcface_w600k_mbf_int8=$src/arcface_w600k_mbf_int8.npy" --embeddings "fr_feature=$src/fr_feature.npy" \
    --relations "$src/relations.csv" --images "$shared/datasets"
done

say "ready: ./faceeval --help"
