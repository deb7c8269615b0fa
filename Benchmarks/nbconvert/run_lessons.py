#!/usr/bin/env python3
"""Executes every lesson notebook beside this script the way `jupyter nbconvert --execute` does, in one
process: nbconvert's ExecutePreprocessor (an nbclient NotebookClient), one fresh python3 kernel per
notebook, started, run cell by cell and shut down. Each notebook is timed wall-clock, kernel start and
shutdown included. Nothing is written: notebooks run in memory, and the kernels run in a temporary folder.

Prints JSON to stdout:

    {"notebooks": {"02-mse-outliers": seconds, ...}, "total": seconds, "nbconvert": "7.x"}

where each figure is the best of --repeats runs and "total" is their sum.

    python3 Benchmarks/nbconvert/run_lessons.py --repeats 3
    python3 Benchmarks/nbconvert/run_lessons.py 08-kl-divergence   # only the notebooks named

Exit status: 0, 1 if a notebook failed to execute (its error on stderr), 3 if nbconvert, nbclient,
ipykernel or nbformat is missing.
"""
import argparse
import copy
import importlib.util
import json
import pathlib
import sys
import tempfile
import time

INSTALL = "python3 -m pip install nbconvert nbclient ipykernel nbformat"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="notebooks to run, by name without .ipynb (default: all)")
    parser.add_argument("--repeats", type=int, default=1, help="runs per notebook; the best is reported (default 1)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")

    missing = [name for name in ("nbformat", "nbclient", "nbconvert", "ipykernel") if importlib.util.find_spec(name) is None]
    if missing:
        print(f"run_lessons.py needs {', '.join(missing)}: {INSTALL}", file=sys.stderr)
        sys.exit(3)

    import nbconvert
    import nbformat
    from nbclient.exceptions import CellExecutionError
    from nbconvert.preprocessors import ExecutePreprocessor

    folder = pathlib.Path(__file__).resolve().parent
    paths = sorted(folder.glob("*.ipynb"))
    if args.names:
        unknown = set(args.names) - {path.stem for path in paths}
        if unknown:
            parser.error(f"no such notebook: {', '.join(sorted(unknown))}")
        paths = [path for path in paths if path.stem in args.names]
    if not paths:
        print(f"no notebooks in {folder}", file=sys.stderr)
        sys.exit(1)

    notebooks = {}
    with tempfile.TemporaryDirectory(prefix="run-lessons-") as scratch:
        for path in paths:
            original = nbformat.read(path, as_version=4)
            best = float("inf")
            for _ in range(args.repeats):
                notebook = copy.deepcopy(original)
                # As `jupyter nbconvert --execute` does: the python3 kernel the notebooks name, a fresh one per notebook
                # (started, run and shut down inside the timing); only the working folder differs (a temporary one).
                executor = ExecutePreprocessor(timeout=args.timeout, kernel_name="python3")
                start = time.perf_counter()
                try:
                    executor.preprocess(notebook, {"metadata": {"path": scratch}})
                except CellExecutionError as error:
                    print(f"{path.name}: {error}", file=sys.stderr)
                    sys.exit(1)
                best = min(best, time.perf_counter() - start)
                failed = [line for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
                          if output.get("output_type") == "stream" for line in output.get("text", "").splitlines()
                          if line.startswith("✗")]
                for line in failed:
                    print(f"{path.name}: {line}", file=sys.stderr)
            notebooks[path.stem] = round(best, 4)

    print(json.dumps({"notebooks": notebooks, "total": round(sum(notebooks.values()), 4),
                      "nbconvert": nbconvert.__version__}))


if __name__ == "__main__":
    main()
