#!/usr/bin/env bash
# Profiles every curriculum snippet under callgrind (instruction counts: stable on a noisy
# machine) and says, for each, where the first Swift runtime generic-metadata function stands
# among the functions ranked by their own instructions. Issue #17's bar: none in the top ten.
# The runtime's protocol-conformance lookup (swift_conformsToProtocol..., a scan of every
# conformance record on a type's first use) counts as such a function, as it always has here;
# a second column gives the first function that builds or finds generic metadata proper
# (the conformance lookup left out), to tell start-up lookups from generic work in loops.
#
#     swift run notebook build                 # builds the snippets into .build-notebooks (debug)
#     bash Benchmarks/snippet_profiles.sh      # all of Snippets/ (about ten minutes)
#     bash Benchmarks/snippet_profiles.sh huber outliers
#
# Exit status 1 when some snippet has such a function in its top ten.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${SNIPPET_BIN:-$root/.build-notebooks/$(uname -m)-unknown-linux-gnu/debug}"
command -v valgrind > /dev/null || { echo "snippet_profiles.sh needs valgrind (apt-get install valgrind)" >&2; exit 2; }
if [ $# -gt 0 ]; then names=("$@"); else
    mapfile -t names < <(cd "$root/Snippets" && find . -name '*.swift' | sed 's|.*/||; s|\.swift$||' | sort)
fi
generic='swift_getGenericMetadata|swift_getAssociatedTypeWitness|swift_getAssociatedConformanceWitness|swift_getWitnessTable|swift_checkMetadataState|swift_getTypeByMangledName|swift_instantiateConcreteTypeFromMangledName|getGenericMetadata|getCache|MetadataCacheKey|swift_getTupleTypeMetadata|swift_getFunctionTypeMetadata'
metadata="$generic|swift_conformsToProtocol"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failed=0
printf '%-24s %14s  %-7s %s\n' snippet instructions generic "first metadata function (rank by own instructions)"
for name in "${names[@]}"; do
    exe="$bin/$name"
    [ -x "$exe" ] || { echo "$name: no executable at $exe (run notebook build first)" >&2; failed=1; continue; }
    (cd "$scratch" && valgrind --tool=callgrind --callgrind-out-file="$scratch/$name.out" "$exe" > /dev/null 2>&1) || true
    report="$(callgrind_annotate --threshold=100 "$scratch/$name.out" 2>/dev/null)"
    total="$(grep -m1 'PROGRAM TOTALS' <<< "$report" | awk '{print $1}')"
    ranked="$(awk '/file:function/{f=1; next} f && /^ *[0-9,]+ /' <<< "$report")"
    rank="$(grep -n -m1 -E "$metadata" <<< "$ranked" | cut -d: -f1 || true)"
    proper="$(grep -n -m1 -E "$generic" <<< "$ranked" | cut -d: -f1 || true)"
    if [ -z "$rank" ]; then verdict="none"; else
        # "  131,390 ( 1.60%)  ???:swift::Name::operator==(...) const [/lib...]" -> swift::Name::operator==
        function="$(sed -n "${rank}p" <<< "$ranked" | sed -E 's/^ *[0-9,]+ +\( *[0-9.]+%\) +//; s/^[^:]*://; s/ \[[^]]*\]$//; s/\(.*//')"
        verdict="$rank: $function"
        [ "$rank" -le 10 ] && { verdict="$verdict  <- in the top ten"; failed=1; }
    fi
    printf '%-24s %14s  %-7s %s\n' "$name" "$total" "${proper:-none}" "$verdict"
done
exit $failed
