#!/usr/bin/env python3
"""Who pays for the Swift runtime's generic-metadata work in a callgrind profile.

    valgrind --tool=callgrind --callgrind-out-file=run.out .build-notebooks/.../debug/huber
    python3 Benchmarks/metadata_callers.py run.out [--top 25] [--via] [--match REGEX]

Each call into a generic-metadata function of the runtime (the same list as
snippet_profiles.sh) is charged, with its inclusive instructions, to the nearest caller in
the project's own code (a function whose source file is under Sources/ or Snippets/), walking
up through the standard library and compiler-made thunks and splitting a function's cost among
its callers in proportion to what each call cost. Prints the callers that pay the most and,
with --via, the functions they called on the way. --match charges the calls into other
runtime functions instead (a regular expression over their names).
"""
import re
import sys
from collections import defaultdict

METADATA = re.compile(
    r"swift_getGenericMetadata|swift_getAssociatedTypeWitness|swift_getAssociatedConformanceWitness|"
    r"swift_getWitnessTable|swift_checkMetadataState|swift_getTypeByMangledName|"
    r"swift_instantiateConcreteTypeFromMangledName|getGenericMetadata|getCache|MetadataCacheKey|"
    r"swift_getTupleTypeMetadata|swift_getFunctionTypeMetadata|swift_conformsToProtocol")
OURS = re.compile(r"/(Sources|Snippets)/")
SHARED_LIBRARY = re.compile(r"\.so(\.|$)")


def parse(path):
    names, files, objects = {}, {}, {}
    file_of, object_of = {}, {}
    self_cost = defaultdict(int)
    edges = defaultdict(int)          # (caller, callee) -> inclusive cost of the calls
    fn = None
    current_file = ""
    current_object = ""
    pending_call = None

    def resolve(table, text):
        match = re.match(r"\((\d+)\)(?: (.*))?", text)
        if not match:
            return text
        key, name = match.groups()
        if name is not None:
            table[key] = name
        return table.get(key, key)

    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                continue
            head = line[0]
            if head.isdigit() or head in "+-*":
                parts = line.split()
                cost = int(parts[1]) if len(parts) > 1 else 0
                if pending_call is not None:
                    edges[(fn, pending_call)] += cost
                    pending_call = None
                elif fn is not None:
                    self_cost[fn] += cost
                continue
            key, _, value = line.partition("=")
            if key in ("fl", "fi", "fe"):
                current_file = resolve(files, value)
            elif key == "ob":
                current_object = resolve(objects, value)
            elif key == "fn":
                fn = resolve(names, value)
                file_of.setdefault(fn, current_file)
                object_of.setdefault(fn, current_object)
            elif key in ("cfi", "cfl"):
                resolve(files, value)
            elif key == "cob":
                resolve(objects, value)
            elif key == "cfn":
                callee = resolve(names, value)
                pending_call_target = callee
            elif key == "calls":
                pending_call = pending_call_target
    return file_of, object_of, self_cost, edges


def main():
    args = sys.argv[1:]
    top = 25
    verbose = "--via" in args
    if verbose:
        args.remove("--via")
    global METADATA
    if "--match" in args:
        index = args.index("--match")
        METADATA = re.compile(args[index + 1])
        del args[index:index + 2]
    if "--top" in args:
        index = args.index("--top")
        top = int(args[index + 1])
        del args[index:index + 2]
    if len(args) != 1:
        sys.exit("usage: metadata_callers.py CALLGRIND_OUT [--top N] [--via] [--match REGEX]")
    file_of, object_of, self_cost, edges = parse(args[0])
    callers = defaultdict(list)
    for (caller, callee), cost in edges.items():
        if caller != callee:
            callers[callee].append((caller, cost))
    total = sum(self_cost.values())

    def ours(function):
        where = file_of.get(function, "")
        if OURS.search(where):
            return "<compiler-generated>" not in where
        # Snippets are built without debug information (-gnone), so their functions have no
        # source file: in the executable itself (not a shared library), its top-level code
        # (`NAME_main`) and a Swift function of its own modules (not the standard library's
        # `$ss`/`$sS`, not a thunk or helper `__swift...`) count as ours.
        if where in ("", "???") and not SHARED_LIBRARY.search(object_of.get(function, "")):
            return function.endswith("main") or (function.startswith("$s") and not function.startswith(("$ss", "$sS")))
        return False

    charged = defaultdict(float)
    shares_memo = {}

    def shares(function, on_stack):
        """How a cost in `function` (not ours) splits among (caller of ours, the function it
        called on the way), as fractions."""
        if function in shares_memo:
            return shares_memo[function]
        on_stack.add(function)
        incoming = [(c, w) for c, w in callers.get(function, []) if c not in on_stack]
        weight = sum(w for _, w in incoming)
        result = defaultdict(float)
        if weight == 0:
            result[("(no caller of ours)", function)] = 1.0
        for caller, w in incoming:
            if ours(caller):
                result[(caller, function)] += w / weight
            else:
                for target, fraction in shares(caller, on_stack).items():
                    result[target] += fraction * w / weight
        on_stack.discard(function)
        shares_memo[function] = result
        return result

    def charge(caller, callee, amount):
        if ours(caller):
            charged[(caller, callee)] += amount
        else:
            for target, fraction in shares(caller, set()).items():
                charged[target] += amount * fraction

    metadata_total = 0
    for (caller, callee), cost in edges.items():
        if METADATA.search(callee) and not METADATA.search(caller):
            metadata_total += cost
            charge(caller, callee, cost)
    print(f"{total:,} instructions; {metadata_total:,} ({100 * metadata_total / max(total, 1):.1f}%) "
          "in calls into generic-metadata functions, charged to:")
    by_function = defaultdict(float)
    via = defaultdict(list)
    for (function, callee), amount in charged.items():
        by_function[function] += amount
        via[function].append((amount, callee))
    for function, amount in sorted(by_function.items(), key=lambda item: -item[1])[:top]:
        where = file_of.get(function, "")
        for folder in ("/Sources/", "/Snippets/"):
            if folder in where:
                where = where[where.find(folder) + 1:]
        print(f"{amount:14,.0f} {100 * amount / max(total, 1):5.1f}%  {function[:110]}  [{where}]")
        if verbose:
            for part, callee in sorted(via[function], reverse=True)[:4]:
                print(f"{'':22}{part:14,.0f} through {callee[:100]}")


if __name__ == "__main__":
    main()
