#!/usr/bin/env bash
# Issue 26, scale: generated mixed repositories (tests/InfraLint.Benchmarks generate-repo: half Bicep services with their
# own modules, half ARM JSON) of BENCH_SIZES files (default "1000 5000 10000"), each analysed at --parallel 1 and
# --parallel <cores>, with the wall time and the peak memory of every process of the run together (tree-peak samples
# /proc every 50 ms), and the 1-minute load average. Writes BENCH_WORK/scale.csv and the chart (default
# docs/images/scale.svg), drawn by the benchmark itself; BENCH_SHARDS=4 adds shard-and-merge of the largest (below).
# Usage: bash build/bench-scale.sh [SVG]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
svg=${1:-docs/images/scale.svg}
sizes=${BENCH_SIZES:-1000 5000 10000}
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work" "$(dirname "$svg")"
dotnet build src/InfraLint.Cli -c Release -v q -nologo >/dev/null
dotnet build tests/InfraLint.Benchmarks -c Release -v q -nologo >/dev/null
tool="$root/tests/InfraLint.Benchmarks/bin/Release/net10.0/InfraLint.Benchmarks"
bicep=$(ls -d ~/.nuget/packages/azure.bicep.commandline.linux-x64/*/tools/bicep | sort -V | tail -1)
load() { cut -d' ' -f1 /proc/loadavg; }
cores=$(nproc)
csv="$work/scale.csv"
[ -f "$csv" ] || echo "files,lanes,seconds,peak_mb,load" > "$csv"
echo "machine: $cores cores, $(free -g | awk '/Mem:/ {print $2}') GB; $("$bicep" --version 2>/dev/null | head -1)"
for n in $sizes; do
  [ -d "$work/repo$n" ] || "$tool" generate-repo "$work/repo$n" "$n" 11
  for lanes in 1 "$cores"; do
    l0=$(load)
    "$tool" tree-peak "$work/peak" -- dotnet "$root/src/InfraLint.Cli/bin/Release/net8.0/infralint.dll" check "$work/repo$n" \
      --bicep "$bicep" --parallel "$lanes" --fail-level none --format sarif --output "$work/repo$n.$lanes.sarif" 2>"$work/summary" || true
    read -r wall tree largest _ < "$work/peak"
    l1=$(load)
    echo "$n files, --parallel $lanes: $wall ms, peak of all processes $(( tree / 1024 )) MB (largest process $(( largest / 1024 )) MB); load $l0..$l1; $(tail -1 "$work/summary")"
    awk -v n="$n" -v p="$lanes" -v w="$wall" -v t="$tree" -v l="$l0..$l1" 'BEGIN {printf "%d,%d,%.1f,%d,%s\n", n, p, w / 1000, t / 1024, l}' >> "$csv"
  done
  cmp -s "$work/repo$n.1.sarif" "$work/repo$n.$cores.sarif" && echo "$n files: SARIF identical at --parallel 1 and $cores" || echo "$n files: SARIF DIFFERS between --parallel 1 and $cores"
done
# BENCH_SHARDS=K: the largest repository again as K shards, one after another at --parallel 1 (on K CI jobs the wall
# time is the largest part plus the merge), merged, and compared with the unsharded --parallel 1 SARIF.
if [ -n "${BENCH_SHARDS:-}" ]; then
  n=${sizes##* }; parts=()
  for k in $(seq "$BENCH_SHARDS"); do
    l0=$(load)
    "$tool" tree-peak "$work/peak" -- dotnet "$root/src/InfraLint.Cli/bin/Release/net8.0/infralint.dll" check "$work/repo$n" \
      --bicep "$bicep" --parallel 1 --shard "$k/$BENCH_SHARDS" --fail-level none --format sarif --output "$work/repo$n.shard$k.sarif" 2>"$work/summary" || true
    read -r wall tree _ < "$work/peak"
    echo "$n files, shard $k/$BENCH_SHARDS: $wall ms, peak of all processes $(( tree / 1024 )) MB; load $l0..$(load); $(tail -1 "$work/summary")"
    parts+=("$work/repo$n.shard$k.sarif")
  done
  s=$(date +%s%N)
  dotnet "$root/src/InfraLint.Cli/bin/Release/net8.0/infralint.dll" merge "${parts[@]}" --format sarif --output "$work/repo$n.merged.sarif" 2>/dev/null || true
  echo "$n files: merge of $BENCH_SHARDS shards $(( ($(date +%s%N) - s) / 1000000 )) ms; $(cmp -s "$work/repo$n.1.sarif" "$work/repo$n.merged.sarif" && echo "merged SARIF identical to the unsharded run" || echo "merged SARIF DIFFERS from the unsharded run")"
fi
"$tool" chart "$csv" "$svg" "infralint check on generated repositories ($cores cores; the load at each point is in docs/performance.md)"
cat "$csv"
