#!/usr/bin/env bash
# Profiles every curriculum snippet under callgrind (instruction counts: stable on a noisy
# machine) and says, for each, where the first Swift runtime generic-metadata function stands
# among the functions ranked by their own instructions. Issue #17's bar: none in the top ten.
#
# Generic-metadata functions are those that build or find the metadata of generic types and
# their witnesses (swift_getGenericMetadata, swift_getAssociatedTypeWitness, mangled-name
# lookups, ...): the work of unspecialised generic code, which in a loop costs it per element.
# The runtime's protocol-conformance lookup (swift_conformsToProtocol..., a scan of every
# conformance record on a type's first use) is shown in its own column and not judged: it is a
# start-up cost every Swift program pays, whatever it is compiled with. The first row profiles
# Benchmarks/print_array.swift, two lines that print an array, built with -O, in the same run:
# the lookup is in its top ten too.
#
#     swift run notebook build                 # builds the snippets into .build-notebooks (debug)
#     bash Benchmarks/snippet_profiles.sh      # all of Snippets/ (about ten minutes)
#     bash Benchmarks/snippet_profiles.sh huber outliers
#
# Exit status 1 when some snippet has a generic-metadata function in its top ten.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${SNIPPET_BIN:-$root/.build-notebooks/$(uname -m)-unknown-linux-gnu/debug}"
command -v valgrind > /dev/null || { echo "snippet_profiles.sh needs valgrind (apt-get install valgrind)" >&2; exit 2; }
if [ $# -gt 0 ]; then names=("$@"); else
    mapfile -t names < <(cd "$root/Snippets" && find . -name '*.swift' | sed 's|.*/||; s|\.swift$||' | sort)
fi
generic='swift_getGenericMetadata|swift_getAssociatedTypeWitness|swift_getAssociatedConformanceWitness|swift_getWitnessTable|swift_checkMetadataState|swift_getTypeByMangledName|swift_instantiateConcreteTypeFromMangledName|getGenericMetadata|getCache|MetadataCacheKey|swift_getTupleTypeMetadata|swift_getFunctionTypeMetadata'
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failed=0

# rank NAME EXECUTABLE: prints "instructions|generic rank|lookup rank: function"
rank() {
    (cd "$scratch" && valgrind --tool=callgrind --callgrind-out-file="$scratch/$1.out" "$2" > /dev/null 2>&1) || true
    local report total ranked proper lookup function
    report="$(callgrind_annotate --threshold=100 "$scratch/$1.out" 2>/dev/null)"
    total="$(grep -m1 'PROGRAM TOTALS' <<< "$report" | awk '{print $1}')"
    ranked="$(awk '/file:function/{f=1; next} f && /^ *[0-9,]+ /' <<< "$report")"
    proper="$(grep -n -m1 -E "$generic" <<< "$ranked" | cut -d: -f1 || true)"
    lookup="$(grep -n -m1 -E 'swift_conformsToProtocol' <<< "$ranked" | cut -d: -f1 || true)"
    if [ -n "$proper" ]; then
        # "  131,390 ( 1.60%)  ???:swift::Name::operator==(...) const [/lib...]" -> swift::Name::operator==
        function="$(sed -n "${proper}p" <<< "$ranked" | sed -E 's/^ *[0-9,]+ +\( *[0-9.]+%\) +//; s/^[^:]*://; s/ \[[^]]*\]$//; s/\(.*//')"
        proper="$proper: $function"
    fi
    printf '%s|%s|%s\n' "$total" "${proper:-none}" "${lookup:-none}"
}

printf '%-24s %14s  %-14s %s\n' snippet instructions "lookup (rank)" "first generic-metadata function (rank by own instructions)"
baseline="$scratch/print_array"
if swiftc -O "$root/Benchmarks/print_array.swift" -o "$baseline" > /dev/null 2>&1; then
    IFS='|' read -r total proper lookup <<< "$(rank print_array "$baseline")"
    printf '%-24s %14s  %-14s %s\n' "(baseline: print_array)" "$total" "$lookup" "$proper"
fi
for name in "${names[@]}"; do
    exe="$bin/$name"
    [ -x "$exe" ] || { echo "$name: no executable at $exe (run notebook build first)" >&2; failed=1; continue; }
    IFS='|' read -r total proper lookup <<< "$(rank "$name" "$exe")"
    verdict="$proper"
    if [ "$proper" != none ] && [ "${proper%%:*}" -le 10 ]; then verdict="$verdict  <- in the top ten"; failed=1; fi
    printf '%-24s %14s  %-14s %s\n' "$name" "$total" "$lookup" "$verdict"
done
exit $failed
