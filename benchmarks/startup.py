"""Start-up time: `kg --help`, `import kg`, and a one-article `kg build`, with the gazetteer cache warm and cold.

    .venv/bin/python benchmarks/startup.py                 # 15 runs of each
    .venv/bin/python benchmarks/startup.py --runs 30 --source ../other-checkout   # another kg, same venv

Each command runs in a fresh process; the figures are the wall time and the CPU time (user + system,
from the child's own rusage) of the whole process, best and median of the runs. On a shared, loaded
machine the wall time follows the load while the CPU time hardly does: read the best wall times,
and the CPU times, as what kg itself costs. "cold" builds start with an empty cache folder, so they
include building the gazetteer tables and writing the cache; the last lines time those two steps alone.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of a command, which must succeed. It runs in the
    temporary folder: `python -c` puts its working folder first on sys.path, which must not be a checkout."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {error.strip()[:300]}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(label: str, command: list[str], env: dict[str, str], runs: int, before=None) -> None:
    walls, cpus = [], []
    for _ in range(runs):
        if before is not None:
            before()
        wall, cpu = run_once(command, env)
        walls.append(wall)
        cpus.append(cpu)
    print(f"{label:<34} wall best {min(walls) * 1e3:6.0f} ms  median {statistics.median(walls) * 1e3:6.0f} ms"
          f"   CPU best {min(cpus) * 1e3:6.0f} ms  median {statistics.median(cpus) * 1e3:6.0f} ms   ({runs} runs)")


_TABLES = """
import gc, importlib, json, time
gazetteer = importlib.import_module("kg.extract.gazetteer")
if not hasattr(gazetteer, "build_tables"):
    print(json.dumps(None)); raise SystemExit
key = gazetteer.cache_key()
path = gazetteer.cache_path(key)
started = time.perf_counter(); cpu = time.process_time()
tables = gazetteer.build_tables()
built = (time.perf_counter() - started, time.process_time() - cpu)
started = time.perf_counter(); cpu = time.process_time()
gazetteer._write_cache(path, key, tables)
written = (time.perf_counter() - started, time.process_time() - cpu)
started = time.perf_counter(); cpu = time.process_time()
assert gazetteer._read_cache(path, key) is not None
read = (time.perf_counter() - started, time.process_time() - cpu)
print(json.dumps({"build": built, "write": written, "read": read, "size": path.stat().st_size}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (cold builds: a third)")
    parser.add_argument("--source", type=Path, help="a checkout of kg to time instead of this one (put first on "
                        "PYTHONPATH; it runs with this Python and its packages)")
    args = parser.parse_args()

    env = dict(os.environ)
    if args.source is not None:
        env["PYTHONPATH"] = str(args.source.resolve())
    python = sys.executable
    kg = [python, "-c", "import sys; from kg.cli import main; sys.exit(main())"]  # what the `kg` script runs

    with tempfile.TemporaryDirectory(prefix="kg-startup-") as folder:
        work = Path(folder)
        article = json.loads((ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
        one = work / "one.jsonl"
        one.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
        build = [*kg, "build", str(one), "-o", str(work / "one.ttl"), "-q"]
        warm = env | {"KG_CACHE_DIR": str(work / "cache")}
        cold_folder = work / "cold"
        cold = env | {"KG_CACHE_DIR": str(cold_folder)}

        def empty_cold_cache() -> None:
            for old in cold_folder.glob("*"):
                old.unlink()

        print(f"kg from {args.source or ROOT}, Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
              f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        run_once(build, warm)  # fills the warm cache (and the OS's file cache)
        measure("python -c pass", [python, "-c", "pass"], env, args.runs)
        measure("kg --help", [*kg, "--help"], warm, args.runs)
        measure("python -c 'import kg'", [python, "-c", "import kg"], warm, args.runs)
        measure("kg build one article (warm cache)", build, warm, args.runs)
        measure("kg build one article (cold cache)", build, cold, max(1, args.runs // 3), before=empty_cold_cache)
        result = subprocess.run([python, "-c", _TABLES], env=warm, cwd=work, capture_output=True, text=True,
                                check=True)
        tables = json.loads(result.stdout)
        if tables is None:
            print("gazetteer tables: no cache in this version of kg")
        else:
            for step in ("build", "write", "read"):
                wall, cpu = tables[step]
                print(f"gazetteer tables: {step:<16} wall {wall * 1e3:6.0f} ms   CPU {cpu * 1e3:6.0f} ms")
            print(f"gazetteer cache file: {tables['size'] / 2**20:.1f} MB")
        print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
