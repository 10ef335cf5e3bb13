#!/usr/bin/env bash
# Side-by-side wall time and peak memory of Vigil, Trivy and tfsec on one
# generated Terraform tree, every check enabled, offline. Install the peers
# first with ../shared/bench/install-peers.sh (outside this repository).
#
#   scripts/compare-peers.sh [TREE]      default: generate /tmp/vigil-bench-tree
#
# Each tool runs RUNS times (default 3); the median is reported. Results go to
# stdout as a table of ratios against Vigil.
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS_DIR="${PEERS_DIR:-$HOME/.cache/vigil-peers}"
RUNS="${RUNS:-3}"
tree="${1:-/tmp/vigil-bench-tree}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

if [ ! -d "$tree" ]; then
  go run ./tools/benchtree -out "$tree" -roots 100 -files 20 -modules 40 >&2
fi
go build -o "$out/vigil" ./cmd/vigil

# measure NAME CMD...: prints "NAME seconds kilobytes" for the median run.
measure() {
  local name=$1; shift
  local rows=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>"$out/err" || true
    rows+=("$(cat "$out/time")")
  done
  printf '%s\n' "${rows[@]}" | sort -n | awk -v n="$name" -v m="$(( (RUNS + 1) / 2 ))" 'NR==m {print n, $1, $2}'
}

{
  measure vigil "$out/vigil" scan "$tree" --format json --output "$out/vigil.json" --no-progress --soft-fail --allow-partial
  if [ -x "$PEERS_DIR/bin/trivy" ]; then
    measure trivy "$PEERS_DIR/bin/trivy" config --skip-check-update --skip-version-check --disable-telemetry \
      --tf-exclude-downloaded-modules --quiet --format json --output "$out/trivy.json" "$tree"
  fi
  if [ -x "$PEERS_DIR/bin/tfsec" ]; then
    measure tfsec "$PEERS_DIR/bin/tfsec" "$tree" --no-module-downloads --soft-fail --format json --out "$out/tfsec.json"
  fi
} > "$out/results"

files=$(find "$tree" -name '*.tf' | wc -l)
echo "tree: $tree ($files .tf files), median of $RUNS runs"
awk 'NR==1 {vt=$2; vm=$3}
     {printf "%-6s %8.2fs %8.0f MB   time x%-6.1f memory x%.2f\n", $1, $2, $3/1024, $2/vt, $3/vm}' "$out/results"
