#!/usr/bin/env bash
# Measures InfraLint against the Bicep compiler it drives (issue 11), then prints every issue-26 target with its
# measured value, one line each ("target ..."). Usage:
#   bash build/bench.sh [--quick | --targets] [corpus...]
#     --quick     a smoke run: only the issue-26 targets, on small inputs, one round (minutes, not an hour)
#     --targets   only the issue-26 targets, full size
#   corpus: gen100, gen1000 (generated, seeded), a directory, or
#           ../shared/corpus/avm-res (its module roots that compile offline)
#   default: gen100 gen1000 and ../shared/corpus/avm-res when present
# For each corpus, on the same files:
#   (a) `bicep build --stdout`, one process per file: what a naive integration costs (BENCH_SAMPLE=N
#       times it on N evenly spread files and extrapolates; default 20)
#   (b) one `bicep jsonrpc` process compiling every file, nothing else: the floor
#   (c) `infralint check` over the same files: full analysis
#   (b) and (c) alternate BENCH_RUNS times (default 3) so load from other work falls on both; medians.
# Then (d) `dotnet build samples/ContosoInfra` after touching a file and with no change, and
# (e) ARM JSON: `infralint check` over BENCH_ARM generated templates (default 1000), templates/s.
# Every number is printed with the load average at the time (the machine is shared).
# build/bench-scale.sh measures the 1,000/5,000/10,000-file repositories and draws the scale chart.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=full
case "${1:-}" in
  --quick) mode=quick; shift ;;
  --targets) mode=targets; shift ;;
esac
runs=${BENCH_RUNS:-3}
sample=${BENCH_SAMPLE:-20}
work=${BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"

dotnet build src/InfraLint.Cli -c Release -v q -nologo >/dev/null
dotnet build tests/InfraLint.Benchmarks -c Release -v q -nologo >/dev/null
cli="dotnet $root/src/InfraLint.Cli/bin/Release/net8.0/infralint.dll"
tool="$root/tests/InfraLint.Benchmarks/bin/Release/net10.0/InfraLint.Benchmarks"
bicep=$(ls -d ~/.nuget/packages/azure.bicep.commandline.linux-x64/*/tools/bicep | sort -V | tail -1)
chmod +x "$bicep"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; dotnet $(dotnet --version); $("$bicep" --version 2>/dev/null | head -1)"

ms() { date +%s%N | cut -b1-13; }
load() { cut -d' ' -f1 /proc/loadavg; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms, p95 %d ms", a[int((NR+1)/2)], a[int(NR*0.95+0.5)]}'; }
mb() { echo $(( $(cat "$1") / 1024 )); }

files_of() {
  case "$1" in
    gen100|gen1000)
      local n=${1#gen} dir="$work/$1"
      [ -d "$dir" ] || "$tool" generate-bicep "$dir" "$n" 11 2>/dev/null
      find "$dir" -name '*.bicep' | sort ;;
    *)
      if [ -f "$1/MANIFEST.tsv" ]; then
        awk -F'\t' 'NR>1 && $2=="yes" {print $1}' "$1/MANIFEST.tsv" | sed "s#^#$(cd "$1" && pwd)/#"
      else
        find "$(cd "$1" && pwd)" -name '*.bicep' | sort
      fi ;;
  esac
}

bench_corpus() {
  local corpus=$1 list="$work/$(basename "$1").list"
  files_of "$corpus" > "$list"
  local count; count=$(wc -l < "$list")
  echo
  echo "== $corpus: $count Bicep files"

  local step=$(( count / sample )); [ "$step" -ge 1 ] || step=1
  local per="$work/a.times"; : > "$per"
  local l0; l0=$(load)
  awk -v k=$step 'NR % k == 0' "$list" | head -n "$sample" | while read -r f; do
    s=$(ms); "$bicep" build "$f" --stdout >/dev/null 2>&1 || true; echo $(( $(ms) - s )) >> "$per"
  done
  local a_file; a_file=$(median < "$per")
  local a=$(( a_file * count ))
  echo "(a) bicep build per file: ~$a ms for $count files (median x count; timed on $(wc -l < "$per")); per file $(stats < "$per"); load $l0..$(load)"

  : > "$work/b.wall"; : > "$work/c.wall"; : > "$work/ratios"
  for run in $(seq "$runs"); do
    l0=$(load); s=$(ms)
    /usr/bin/time -f %M -o "$work/b.rss" "$tool" compile-only --bicep "$bicep" --list "$list" --times "$work/b.times" 2>/dev/null
    local b=$(( $(ms) - s ))
    echo "$b" >> "$work/b.wall"
    echo "(b) jsonrpc compile-only, run $run: $b ms ($(( b / count )) ms/file; per compile $(stats < "$work/b.times")); peak RSS $(mb "$work/b.rss") MB; load $l0..$(load)"
    l0=$(load); s=$(ms)
    # shellcheck disable=SC2046
    /usr/bin/time -f %M -o "$work/c.rss" $cli check $(cat "$list") --bicep "$bicep" --fail-level none >/dev/null 2>"$work/c.summary" || true
    local c=$(( $(ms) - s ))
    echo "$c" >> "$work/c.wall"
    awk -v b="$b" -v c="$c" 'BEGIN {printf "%.2f\n", c/b}' >> "$work/ratios"
    echo "(c) infralint check, run $run: $c ms ($(( c / count )) ms/file); peak RSS $(mb "$work/c.rss") MB; load $l0..$(load); c/b $(awk -v b="$b" -v c="$c" 'BEGIN {printf "%.2f", c/b}'); $(tail -1 "$work/c.summary")"
  done
  local bm cm; bm=$(median < "$work/b.wall"); cm=$(median < "$work/c.wall")
  # Each run's (c) is divided by the (b) just before it: load drifts less within a pair than across runs.
  # With an even number of runs, "median" is the lower middle value.
  echo "headline $corpus: median (b) $bm ms, (c) $cm ms; c/b per run $(paste -sd' ' "$work/ratios"), median $(median < "$work/ratios"); a/c $(awk -v a="$a" -v c="$cm" 'BEGIN {printf "%.1f", a/c}')"
}

corpora=("$@")
if [ "$mode" != full ]; then
  corpora=()
elif [ ${#corpora[@]} -eq 0 ]; then
  corpora=(gen100 gen1000)
  [ -d ../shared/corpus/avm-res ] && corpora+=(../shared/corpus/avm-res)
fi
for corpus in "${corpora[@]+"${corpora[@]}"}"; do bench_corpus "$corpus"; done

arm=${BENCH_ARM:-1000}
if [ "$mode" = full ] && [ "$arm" -gt 0 ]; then
  [ -d "$work/arm$arm" ] || "$tool" generate-arm "$work/arm$arm" "$arm" 11 2>/dev/null
  echo
  : > "$work/e.wall"
  for run in $(seq "$runs"); do
    l0=$(load); s=$(ms)
    /usr/bin/time -f %M -o "$work/e.rss" $cli check "$work/arm$arm" --fail-level none >/dev/null 2>"$work/e.summary" || true
    e=$(( $(ms) - s )); echo "$e" >> "$work/e.wall"
    echo "(e) ARM JSON, run $run: $arm templates in $e ms, $(( arm * 1000 / e )) templates/s (process start included); peak RSS $(mb "$work/e.rss") MB; load $l0..$(load)"
  done
  echo "headline ARM: median $(( arm * 1000 / $(median < "$work/e.wall") )) templates/s"
fi

if [ "$mode" = full ] && [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo
  touch samples/ContosoInfra/infra/main.bicep
  l0=$(load); t0=$(ms); dotnet build samples/ContosoInfra -v q -nologo >/dev/null; d1=$(( $(ms) - t0 ))
  t0=$(ms); dotnet build samples/ContosoInfra -v q -nologo >/dev/null; d2=$(( $(ms) - t0 ))
  echo "(d) dotnet build samples/ContosoInfra: after touching a file $d1 ms, again with no change $d2 ms; load $l0..$(load) (bench-incremental.sh measures the no-op build properly)"
fi

# ---- Issue 26: every target with its measured value, one line each ("target ..."), collected at the end.
avm=../shared/corpus/avm-res
lanes=$(nproc)
if [ "$mode" = quick ]; then
  t_roots=10; t_rounds=1; t_sample=3; t_arm=200; t_arm_runs=1; t_peak=20; t_repo=100
else
  t_roots=100; t_rounds=${BENCH_RUNS:-3}; t_sample=${BENCH_SAMPLE:-10}; t_arm=1000; t_arm_runs=${BENCH_RUNS:-3}; t_peak=303; t_repo=1000
fi
targets="$work/targets"; : > "$targets"
target() { echo "target $*" | tee -a "$targets"; }
verdict() { awk -v v="$1" -v lim="$2" -v dir="$3" 'BEGIN {print ((dir == "<=" && v <= lim) || (dir == ">=" && v >= lim)) ? "met" : "missed"}'; }
echo
echo "== issue 26 targets ($mode; $lanes cores; --parallel $lanes where the target is about all cores)"

# 1. 100 AVM roots: check at N = cores against one compiler's compile-only time, and against `bicep build` per file.
if [ -f "$avm/MANIFEST.tsv" ]; then
  awk -F'\t' 'NR>1 && $2=="yes" {print $1}' "$avm/MANIFEST.tsv" | head -n "$t_roots" | sed "s#^#$(cd "$avm" && pwd)/#" > "$work/avm.list"
  : > "$work/t1.ratios"; : > "$work/t1.c"; l_first=$(load)
  for round in $(seq "$t_rounds"); do
    s=$(ms); "$tool" compile-only --bicep "$bicep" --list "$work/avm.list" >/dev/null 2>&1; b=$(( $(ms) - s ))
    s=$(ms)
    # shellcheck disable=SC2046
    $cli check $(cat "$work/avm.list") --bicep "$bicep" --parallel "$lanes" --fail-level none >/dev/null 2>&1 || true
    c=$(( $(ms) - s )); echo "$c" >> "$work/t1.c"
    awk -v b="$b" -v c="$c" 'BEGIN {printf "%.2f\n", c/b}' >> "$work/t1.ratios"
    echo "  round $round: compile-only $b ms, check --parallel $lanes $c ms, ratio $(tail -1 "$work/t1.ratios"); load $(load)"
  done
  : > "$work/t1.a"
  awk -v k=$(( t_roots / t_sample > 0 ? t_roots / t_sample : 1 )) 'NR % k == 0' "$work/avm.list" | head -n "$t_sample" | while read -r f; do
    s=$(ms); "$bicep" build "$f" --stdout >/dev/null 2>&1 || true; echo $(( $(ms) - s )) >> "$work/t1.a"
  done
  ratio=$(median < "$work/t1.ratios"); a=$(( $(median < "$work/t1.a") * t_roots )); cm=$(median < "$work/t1.c")
  target "$t_roots AVM roots, check --parallel $lanes <= 0.70x one compiler's compile-only: $ratio (median of $t_rounds; rounds $(paste -sd' ' "$work/t1.ratios")) $(verdict "$ratio" 0.70 "<="); load $l_first..$(load)"
  target "$t_roots AVM roots, >= 20x faster than bicep build per file: $(awk -v a="$a" -v c="$cm" 'BEGIN {printf "%.1f", a/c}')x (bicep build median x $t_roots = $a ms, timed on $(wc -l < "$work/t1.a"); check median $cm ms) $(verdict "$(awk -v a="$a" -v c="$cm" 'BEGIN {print a/c}')" 20 ">="); load $(load)"
else
  target "$t_roots AVM roots: not run ($avm/MANIFEST.tsv not found)"
  target "$t_roots AVM roots, >= 20x faster than bicep build per file: not run"
fi

# 2. ARM JSON throughput: generated templates, process start included, and the engine's own time from the summary.
[ -d "$work/tarm$t_arm" ] || "$tool" generate-arm "$work/tarm$t_arm" "$t_arm" 11 2>/dev/null
: > "$work/t2.wall"; : > "$work/t2.engine"; l_first=$(load)
for run in $(seq "$t_arm_runs"); do
  s=$(ms); $cli check "$work/tarm$t_arm" --fail-level none >/dev/null 2>"$work/t2.summary" || true; e=$(( $(ms) - s ))
  echo "$e" >> "$work/t2.wall"
  grep -o 'in [0-9.]* s' "$work/t2.summary" | tail -1 | awk '{printf "%d\n", $2 * 1000}' >> "$work/t2.engine"
done
e=$(median < "$work/t2.wall"); en=$(median < "$work/t2.engine")
target "ARM JSON, $t_arm templates >= 2,000 templates/s: $(( t_arm * 1000 / e )) templates/s with process start (median of $t_arm_runs: $e ms), $(( t_arm * 1000 / (en > 0 ? en : 1) )) templates/s in the engine ($en ms) $(verdict $(( t_arm * 1000 / e )) 2000 ">="); load $l_first..$(load)"

# 3. Peak memory of every process of the run together (the CLI and its compilers), on the AVM roots that compile offline.
if [ -f "$avm/MANIFEST.tsv" ]; then
  awk -F'\t' 'NR>1 && $2=="yes" {print $1}' "$avm/MANIFEST.tsv" | head -n "$t_peak" | sed "s#^#$(cd "$avm" && pwd)/#" > "$work/peak.list"
  l_first=$(load)
  # shellcheck disable=SC2046
  "$tool" tree-peak "$work/t3" -- dotnet "$root/src/InfraLint.Cli/bin/Release/net8.0/infralint.dll" check $(cat "$work/peak.list") --bicep "$bicep" --parallel "$lanes" --fail-level none >/dev/null 2>&1 || true
  read -r wall tree largest _ < "$work/t3"
  target "$(wc -l < "$work/peak.list") AVM roots, peak memory of all processes <= 1.5 GB: $(( tree / 1024 )) MB (largest single process $(( largest / 1024 )) MB; sampled every 50 ms; run $wall ms at --parallel $lanes) $(verdict $(( tree / 1024 )) 1536 "<="); load $l_first..$(load)"
else
  target "peak memory on the AVM roots: not run ($avm/MANIFEST.tsv not found)"
fi

# 4. No-op dotnet build: bench-incremental.sh (packs InfraLint, builds with and without it, alternating).
if [ "$mode" = quick ]; then
  target "no-op dotnet build adds <= 0.3 s: not run in --quick (bash build/bench-incremental.sh measures it)"
else
  l_first=$(load)
  line=$(BENCH_RUNS=${BENCH_RUNS:-5} bash build/bench-incremental.sh 2>/dev/null | grep '^no-op build' || true)
  t=$(echo "$line" | sed -n 's/.*InfraLint target \([0-9]*\) ms.*/\1/p')
  target "no-op dotnet build adds <= 0.3 s: InfraLint target ${t:-?} ms ($line) $( [ -n "$t" ] && verdict "$t" 300 "<=" ); load $l_first..$(load)"
fi

# 5. merge of 4 shards == the unsharded run, byte for byte, in text, json and SARIF (a generated mixed repository).
[ -d "$work/repo$t_repo" ] || "$tool" generate-repo "$work/repo$t_repo" "$t_repo" 11 2>/dev/null
same=(); differ=(); l_first=$(load); s=$(ms)
for format in text json sarif; do
  (cd "$work" && $cli check "repo$t_repo" --bicep "$bicep" --fail-level none --format "$format" --output "whole.$format" 2>/dev/null) || true
  for k in 1 2 3 4; do
    (cd "$work" && $cli check "repo$t_repo" --bicep "$bicep" --fail-level none --shard "$k/4" --format "$format" --output "part$k.$format" 2>/dev/null) || true
  done
  (cd "$work" && $cli merge part1.$format part2.$format part3.$format part4.$format --format "$format" --output "merged.$format" 2>/dev/null) || true
  if cmp -s "$work/whole.$format" "$work/merged.$format"; then same+=("$format"); else differ+=("$format"); fi
done
target "merge of 4 shards byte-identical to the unsharded run ($t_repo-file generated repository): identical: ${same[*]:-none}; different: ${differ[*]:-none} $( [ ${#differ[@]} -eq 0 ] && echo met || echo missed); $(( $(ms) - s )) ms for the three formats; load $l_first..$(load)"

echo
echo "== issue 26 targets, measured ($mode)"
cat "$targets"
