#!/usr/bin/env bash
# What InfraLint adds to `dotnet build` when nothing changed, and after an edit (issue 11: a no-op build
# may add at most 0.3 s). Usage: bash build/bench-incremental.sh   (BENCH_RUNS=N no-op builds, default 7)
# Packs InfraLint, then builds two copies of samples/ContosoInfra/infra (or BENCH_INFRA, any folder of templates) in
# temp folders: a NoTargets project with the InfraLint package, and the same project without it. Prints medians of wall
# time and the InfraLint target's own time (MSBuild's performance summary), then edits one file (BENCH_EDIT, relative
# to the folder; default modules/ai.bicep) and times the build that follows.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${BENCH_RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet pack src/InfraLint.MSBuild -c Release -o "$work/feed" -p:Version=0.0.0-bench -nologo -v q >/dev/null
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}

for variant in with without; do
  mkdir -p "$work/$variant/infra"
  cp -r "${BENCH_INFRA:-samples/ContosoInfra/infra}/." "$work/$variant/infra/"
  cat > "$work/$variant/NuGet.config" <<XML
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources><clear /><add key="bench" value="$work/feed" /></packageSources>
  <fallbackPackageFolders><add key="machine" value="$packages" /></fallbackPackageFolders>
</configuration>
XML
  infralint='<PackageReference Include="InfraLint" Version="0.0.0-bench" PrivateAssets="all" />'
  [ "$variant" = with ] || infralint=''
  cat > "$work/$variant/Infra.csproj" <<XML
<Project Sdk="Microsoft.Build.NoTargets/3.7.0">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup>
    $infralint
    <PackageReference Include="Azure.Bicep.CommandLine.linux-x64" Version="0.49.2" />
  </ItemGroup>
</Project>
XML
done

ms() { date +%s%N | cut -b1-13; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# One build: prints "<wall ms> <InfraLint target ms>" (0 when the target did not run).
build() {
  local s out; s=$(ms)
  out=$(dotnet build "$1" -nologo -v q -clp:PerformanceSummary 2>&1)
  echo "$(( $(ms) - s )) $(echo "$out" | awk '$2 == "ms" && $3 == "InfraLint" {print $1; exit}' | grep . || echo 0)"
}

for variant in with without; do
  read -r wall target < <(build "$work/$variant")
  echo "$variant InfraLint, first build (with restore): $wall ms, InfraLint target $target ms"
  : > "$work/$variant.wall"; : > "$work/$variant.target"
done
# Alternating, so load from anything else on the machine falls on both sides alike.
for _ in $(seq "$runs"); do
  for variant in with without; do
    read -r wall target < <(build "$work/$variant")
    echo "$wall" >> "$work/$variant.wall"; echo "$target" >> "$work/$variant.target"
  done
done
with=$(median < "$work/with.wall"); without=$(median < "$work/without.wall"); target=$(median < "$work/with.target")
echo "no-op build, median of $runs: with InfraLint $with ms, without $without ms, difference $(( with - without )) ms; InfraLint target $target ms (min $(sort -n "$work/with.target" | head -1), max $(sort -n "$work/with.target" | tail -1))"

edit=${BENCH_EDIT:-modules/ai.bicep}
echo "// edited" >> "$work/with/infra/$edit"
s=$(ms); summary=$(dotnet build "$work/with" -nologo -v n 2>&1 | grep -o 'InfraLint: .*time(s)' | head -1); wall=$(( $(ms) - s ))
echo "after editing infra/$edit: $wall ms; $summary"
