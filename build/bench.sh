#!/usr/bin/env bash
# Measures InfraLint against the Bicep compiler it drives. Usage: bash build/bench.sh [corpus-dir]
#   (a) `bicep build --stdout`, one process per file: what a naive integration costs
#   (c) `infralint check` over the same files: full analysis, one `bicep jsonrpc` process
#   (d) `dotnet build samples/ContosoInfra`: a build after a change, and a second (no-op) build
# Default corpus: testdata/rules. With ../shared/corpus/avm-res present, pass it to also measure
# real AVM module roots (those that compile offline, per its MANIFEST.tsv).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

dotnet build src/InfraLint.Cli -c Release -v q -nologo >/dev/null
cli="dotnet $root/src/InfraLint.Cli/bin/Release/net8.0/infralint.dll"
bicep=$(ls -d ~/.nuget/packages/azure.bicep.commandline.linux-x64/*/tools/bicep | sort -V | tail -1)
chmod +x "$bicep"

corpus=${1:-testdata/rules}
list=$(mktemp)
if [ -f "$corpus/MANIFEST.tsv" ]; then
  awk -F'\t' 'NR>1 && $2=="yes" {print $1}' "$corpus/MANIFEST.tsv" | sed "s#^#$corpus/#" > "$list"
else
  find "$corpus" -name '*.bicep' | sort > "$list"
fi
count=$(wc -l < "$list")
echo "corpus: $corpus ($count Bicep files), compiler: $bicep, $(nproc) cores"

ms() { date +%s%N | cut -b1-13; }
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms, p95 %d ms", a[int((NR+1)/2)], a[int(NR*0.95+0.5)]}'; }

# (a) costs ~1.3 s a file: BENCH_SAMPLE=N times it on every k-th file and extrapolates to all of them.
sample=${BENCH_SAMPLE:-$count}
step=$(( count / sample )); [ "$step" -ge 1 ] || step=1
t0=$(ms); per=$(mktemp)
awk -v k=$step 'NR % k == 0' "$list" | head -n "$sample" | while read -r f; do s=$(ms); "$bicep" build "$f" --stdout >/dev/null 2>&1 || true; echo $(( $(ms) - s )) >> "$per"; done
timed=$(wc -l < "$per")
a=$(( ( $(ms) - t0 ) * count / timed ))
echo "(a) bicep build, one process per file: $a ms for $count files (timed on $timed); per file $(stats < "$per")"

t0=$(ms)
/usr/bin/time -f "%M" -o /tmp/infralint-bench-rss $cli check $(cat "$list") --bicep "$bicep" --fail-level none >/dev/null 2>/tmp/infralint-bench-summary || true
c=$(( $(ms) - t0 ))
echo "(c) infralint check, full analysis: $c ms in all ($(( c / count )) ms per file); peak RSS (CLI or its compiler) $(( $(cat /tmp/infralint-bench-rss) / 1024 )) MB; $(tail -1 /tmp/infralint-bench-summary)"
echo "    ratio a/c: $(awk -v a=$a -v c=$c 'BEGIN {printf "%.1f", a/c}')x"

touch samples/ContosoInfra/infra/main.bicep
t0=$(ms); dotnet build samples/ContosoInfra -v q -nologo >/dev/null; d1=$(( $(ms) - t0 ))
t0=$(ms); dotnet build samples/ContosoInfra -v q -nologo >/dev/null; d2=$(( $(ms) - t0 ))
echo "(d) dotnet build samples/ContosoInfra: after touching a file $d1 ms, again with no change $d2 ms"
