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

t0=$(ms); per=$(mktemp)
while read -r f; do s=$(ms); "$bicep" build "$f" --stdout >/dev/null 2>&1 || true; echo $(( $(ms) - s )) >> "$per"; done < "$list"
a=$(( $(ms) - t0 ))
echo "(a) bicep build, one process per file: $a ms in all; per file $(stats < "$per")"

t0=$(ms)
/usr/bin/time -f "%M" -o /tmp/infralint-bench-rss $cli check $(cat "$list") --bicep "$bicep" --fail-level none >/dev/null 2>/tmp/infralint-bench-summary || true
c=$(( $(ms) - t0 ))
echo "(c) infralint check, full analysis: $c ms in all ($(( c / count )) ms per file); peak RSS of the CLI $(( $(cat /tmp/infralint-bench-rss) / 1024 )) MB; $(tail -1 /tmp/infralint-bench-summary)"
echo "    ratio a/c: $(awk -v a=$a -v c=$c 'BEGIN {printf "%.1f", a/c}')x"

touch samples/ContosoInfra/infra/main.bicep
t0=$(ms); dotnet build samples/ContosoInfra -v q -nologo >/dev/null; d1=$(( $(ms) - t0 ))
t0=$(ms); dotnet build samples/ContosoInfra -v q -nologo >/dev/null; d2=$(( $(ms) - t0 ))
echo "(d) dotnet build samples/ContosoInfra: after touching a file $d1 ms, again with no change $d2 ms"
