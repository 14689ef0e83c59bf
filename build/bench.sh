#!/usr/bin/env bash
# Measures InfraLint against the Bicep compiler it drives (issue 11). Usage:
#   bash build/bench.sh [corpus...]      corpus: gen100, gen1000 (generated, seeded), a directory, or
#                                        ../shared/corpus/avm-res (its module roots that compile offline)
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
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
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
if [ ${#corpora[@]} -eq 0 ]; then
  corpora=(gen100 gen1000)
  [ -d ../shared/corpus/avm-res ] && corpora+=(../shared/corpus/avm-res)
fi
for corpus in "${corpora[@]}"; do bench_corpus "$corpus"; done

arm=${BENCH_ARM:-1000}
if [ "$arm" -gt 0 ]; then
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

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo
  touch samples/ContosoInfra/infra/main.bicep
  l0=$(load); t0=$(ms); dotnet build samples/ContosoInfra -v q -nologo >/dev/null; d1=$(( $(ms) - t0 ))
  t0=$(ms); dotnet build samples/ContosoInfra -v q -nologo >/dev/null; d2=$(( $(ms) - t0 ))
  echo "(d) dotnet build samples/ContosoInfra: after touching a file $d1 ms, again with no change $d2 ms; load $l0..$(load) (bench-incremental.sh measures the no-op build properly)"
fi
