#!/usr/bin/env bash
# Issue 26: 100 AVM roots (the first 100 that compile offline): jsonrpc compile-only, check at --parallel 1 and 2
# (two interleaved rounds, each with its load average), then 4 shards run one after another plus merge, checking that
# N=1, N=2 and the merged shards write the same SARIF. Needs: dotnet build src/InfraLint.Cli tests/InfraLint.Benchmarks -c Release.
# Usage: bash build/bench-parallel.sh [avm-res corpus]
set -u
cd "$(dirname "$0")/.."
B=$(ls -d ~/.nuget/packages/azure.bicep.commandline.linux-x64/*/tools/bicep | sort -V | tail -1)
CLI="dotnet src/InfraLint.Cli/bin/Release/net8.0/infralint.dll"
TOOL=tests/InfraLint.Benchmarks/bin/Release/net10.0/InfraLint.Benchmarks
C=${1:-../shared/corpus/avm-res}
W=$(mktemp -d)
awk -F'\t' 'NR>1 && $2=="yes" {print $1}' $C/MANIFEST.tsv | head -100 | sed "s#^#$C/#" > $W/list
ms() { date +%s%N | cut -b1-13; }
load() { cut -d' ' -f1 /proc/loadavg; }
for round in 1 2; do
  l=$(load); s=$(ms); $TOOL compile-only --bicep $B --list $W/list >/dev/null 2>&1; echo "compile-only round $round: $(( $(ms)-s )) ms load $l..$(load)"
  for n in 1 2; do
    l=$(load); s=$(ms)
    /usr/bin/time -f "%M" -o $W/rss $CLI check $(cat $W/list) --bicep $B --fail-level none --parallel $n --format sarif --output $W/p$n.sarif 2>$W/err$n
    echo "check --parallel $n round $round: $(( $(ms)-s )) ms (CLI peak RSS $(( $(cat $W/rss)/1024 )) MB) load $l..$(load); $(tail -1 $W/err$n)"
  done
  cmp $W/p1.sarif $W/p2.sarif && echo "N=1 and N=2 SARIF identical"
done
l=$(load); s=$(ms)
for k in 1 2 3 4; do $CLI check $(cat $W/list) --bicep $B --fail-level none --parallel 1 --shard $k/4 --format sarif --output $W/s$k.sarif 2>/dev/null; echo "shard $k/4 done at $(( $(ms)-s )) ms"; done
$CLI merge $W/s1.sarif $W/s2.sarif $W/s3.sarif $W/s4.sarif --format sarif --output $W/merged.sarif
echo "4 shards (one after another) + merge: $(( $(ms)-s )) ms load $l..$(load)"
cmp $W/merged.sarif $W/p1.sarif && echo "merged == unsharded"
