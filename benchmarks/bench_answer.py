"""Measure the question path: latency, questions per second, load, cold start, memory (run by hand).

    .venv/bin/python benchmarks/bench_answer.py [--sizes 200 1000] [--workdir DIR] [--rebuild]

For the bundled knowledge base (the five reports of multi-reports.txt) and synthetic ones of 200 and 1,000
reports (benchmarks/make_corpus.py), each measured in its own fresh processes:
- per-answer latency (p50/p90/p99/max) and questions per second over the question mix of
  make_corpus.py, after one warm-up pass, `Answerer.answer` timed with time.perf_counter;
- import, KnowledgeBase.load and Answerer() times, RSS after loading and its high-water mark;
- tracemalloc peak of KnowledgeBase.load + Answerer() (another fresh process);
- cold start: wall time of `python -m bot ask --db KB "2019年行政复议多少件"`, median of 5 runs
  after one warm run (so jieba's cache exists);
- for the largest base, the top functions by cumulative time (cProfile) over one pass of the mix,
  and of KnowledgeBase.load.
The knowledge bases are built once into --workdir and reused while the code and reports are
unchanged (building 1,000 reports takes about two minutes, nearly all of it in Store.put).
Prints markdown (the tables of benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import math
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path

from scoring import judge  # benchmarks/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
COLD_QUESTION = "2019年行政复议多少件"
TARGETS = {"p50_ms": 1.0, "p99_ms": 5.0, "cold_s": 1.5}


# ---------------------------------------------------------------- helpers


def _proc_status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux reports kB


def pct(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def conversations(path: Path) -> list[list[dict]]:
    """The question list grouped by conversation (turns share one Context)."""
    convs: dict[int, list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            convs[rec["conv"]].append(rec)
    return list(convs.values())


# ---------------------------------------------------------------- workers (fresh processes)


def _run_pass(answerer, convs: list[list[dict]], times: list[float] | None, keyed: dict | None):  # noqa: ANN001, ANN202
    """Ask every conversation once; append each answer's latency; return the answers."""
    from bot.reply.answer import Context

    perf = time.perf_counter
    out = []
    for conv in convs:
        ctx = Context()
        last = None
        for rec in conv:
            q = rec["q"]
            if q.startswith("@"):  # pressing option k of the last reply
                k = int(q[1:]) - 1
                if last is None or len(last.options) <= k:
                    continue
                q = last.options[k]
            t = perf()
            last = answerer.answer(q, ctx)
            dt = perf() - t
            if times is not None:
                times.append(dt)
            if keyed is not None:
                keyed[(rec["conv"], q)].append(dt)
            out.append((rec, last))
    return out


def worker_speed(db: Path, questions: Path, min_seconds: float, profile: bool) -> dict:
    """Import, load, init, latency and throughput in this (fresh) process."""
    t0 = time.perf_counter()
    from bot.reply.answer import Answerer
    from knowledge.kb import KnowledgeBase

    import_s = time.perf_counter() - t0
    rss_before = _proc_status_kb("VmRSS")
    t = time.perf_counter()
    kb = KnowledgeBase.load(db)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    answerer = Answerer(kb)
    init_s = time.perf_counter() - t
    rss_loaded = _proc_status_kb("VmRSS")
    convs = conversations(questions)
    t = time.perf_counter()
    first = _run_pass(answerer, convs, None, None)  # warm-up; its answers are the ones judged
    warm_s = time.perf_counter() - t
    statuses = Counter(a.status for _, a in first)
    by_kind = Counter((rec["kind"], a.status) for rec, a in first)
    verdicts = Counter(judge(rec["expect"], a.to_json()) for rec, a in first if rec.get("expect"))
    times: list[float] = []
    keyed: dict = defaultdict(list)
    kinds = {(rec["conv"], rec["q"]): rec["kind"] for conv in convs for rec in conv}
    passes, wall = 0, 0.0
    while passes < 3 or wall < min_seconds:
        t = time.perf_counter()
        _run_pass(answerer, convs, times, keyed)
        wall += time.perf_counter() - t
        passes += 1
    lat = sorted(times)
    kind_lat: dict[str, list[float]] = defaultdict(list)
    for key, ts in keyed.items():
        kind_lat[kinds.get(key, "follow-up")].extend(ts)
    t = time.perf_counter()
    gc.collect()
    gc_full_ms = (time.perf_counter() - t) * 1e3
    slow = sorted(((statistics.median(ts), q) for (_, q), ts in keyed.items()), reverse=True)[:6]
    result = {
        "reports": len(kb.reports), "facts": kb.fact_count, "agencies": len(kb.years),
        "db_mb": __import__("make_corpus").disk_mb(db), "questions": len(first), "passes": passes,
        "answers_timed": len(lat), "import_s": import_s, "load_s": load_s, "init_s": init_s,
        "warmup_pass_s": warm_s,
        "p50_ms": pct(lat, 50) * 1e3, "p90_ms": pct(lat, 90) * 1e3, "p99_ms": pct(lat, 99) * 1e3,
        "max_ms": lat[-1] * 1e3, "mean_ms": statistics.fmean(lat) * 1e3, "qps": len(lat) / wall,
        "rss_before_mb": rss_before / 1024, "rss_loaded_mb": rss_loaded / 1024,
        "rss_peak_mb": _proc_status_kb("VmHWM") / 1024, "gc_full_ms": gc_full_ms,
        "statuses": dict(statuses), "by_kind": {f"{k}→{s}": n for (k, s), n in sorted(by_kind.items())},
        "verdicts": dict(verdicts),
        "kind_ms": {k: {"n": len(v), "p50": pct(sorted(v), 50) * 1e3, "p99": pct(sorted(v), 99) * 1e3}
                    for k, v in sorted(kind_lat.items())},
        "slowest": [{"ms": ms * 1e3, "q": q[:40]} for ms, q in slow],
    }
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        _run_pass(answerer, convs, None, None)
        prof.disable()
        result["profile_answer"] = _top(prof, 16)
        del answerer, kb
        prof = cProfile.Profile()
        prof.enable()
        KnowledgeBase.load(db)
        prof.disable()
        result["profile_load"] = _top(prof, 10)
    return result


def _top(prof: cProfile.Profile, n: int) -> list[dict]:
    """The n functions with the largest cumulative time (the profiler's own entries dropped)."""
    st = pstats.Stats(prof, stream=io.StringIO())
    total = max((v[3] for v in st.stats.values()), default=1.0)  # type: ignore[attr-defined]
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        if "cProfile" in file or func == "<built-in method builtins.exec>":
            continue
        rows.append({"fn": f"{_short(file)}:{line}({func})" if line else func, "calls": nc, "tottime_s": tt,
                     "cumtime_s": ct, "cum_share": ct / total})
    rows.sort(key=lambda r: r["cumtime_s"], reverse=True)
    return rows[:n]


def _short(file: str) -> str:
    """bot/match.py for the project's files, package/module.py for libraries."""
    path = Path(file)
    if "site-packages" in path.parts:
        return "/".join(path.parts[path.parts.index("site-packages") + 1:])
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return "/".join(path.parts[-2:])


def worker_memory(db: Path) -> dict:
    """tracemalloc peak and current of KnowledgeBase.load + Answerer() (imports not counted)."""
    from bot.reply.answer import Answerer
    from knowledge.kb import KnowledgeBase

    tracemalloc.start()
    kb = KnowledgeBase.load(db)
    answerer = Answerer(kb)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del answerer
    return {"traced_current_mb": current / 2**20, "traced_peak_mb": peak / 2**20}


def _in_fresh_process(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"worker {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start(db: Path, runs: int) -> dict:
    """Wall time of `python -m bot ask --db DB "2019年行政复议多少件"`: one warm run, then median of runs."""
    cmd = [sys.executable, "-m", "bot", "ask", "--db", str(db), COLD_QUESTION]
    walls: list[float] = []
    for i in range(runs + 1):
        t = time.perf_counter()
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - t
        if out.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{out.stderr[-2000:]}")
        if i:
            walls.append(wall)
    # the interpreter alone, for scale
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - t
    return {"cold_median_s": statistics.median(walls), "cold_min_s": min(walls), "cold_max_s": max(walls),
            "python_bare_s": bare, "cold_reply": out.stdout.strip().split("\n")[0][:60]}


# ---------------------------------------------------------------- driver


def _corpus_key() -> str:
    """Changes when anything the generated knowledge bases depend on changes."""
    from make_corpus import SHARED  # noqa: PLC0415 - benchmarks/ is on sys.path when run as a script

    h = hashlib.sha256()
    files = sorted((ROOT / "bot").rglob("*.py")) + sorted((ROOT / "knowledge").rglob("*"))
    files += [HERE / "make_corpus.py", *sorted((SHARED / "eval").glob("*"))]
    for p in files:
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def ensure_corpus(workdir: Path, n: int | None, rebuild: bool) -> tuple[Path, Path, dict | None]:
    """The knowledge base and question list for n reports (None: bundled), built when missing."""
    label = "bundled" if n is None else str(n)
    db = workdir / f"kb-{label}-{_corpus_key()}.json"
    qs = db.with_suffix(".questions.jsonl")
    if db.exists() and qs.exists() and not rebuild:
        return db, qs, None
    args = ["--out", str(db), "--questions", str(qs)] + (["--bundled"] if n is None else ["-n", str(n)])
    print(f"building {db.name} …", file=sys.stderr, flush=True)
    out = subprocess.run([sys.executable, str(HERE / "make_corpus.py"), *args], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    return db, qs, json.loads(out.stdout.strip().splitlines()[-1])


def machine() -> str:
    """nproc, CPU model, Python version, OS."""
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor() or "?")
    return (f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def _ok(value: float, target: float) -> str:
    return f"{'✅' if value <= target else '❌'}"


def report(results: dict[str, dict]) -> str:
    """The markdown tables: one column per knowledge base, bundled first."""
    cols = list(results.values())
    big = cols[-1]
    b = cols[0]
    rows = [
        ("reports / facts / agencies", "", lambda r: f"{r['reports']:,} / {r['facts']:,} / {r['agencies']}"),
        ("knowledge base file", "", lambda r: f"{r['db_mb']:.1f} MB"),
        ("questions in the mix (answered / clarify / unknown)", "",
         lambda r: f"{r['questions']} ({r['statuses'].get('answered', 0)} / {r['statuses'].get('clarify', 0)} / "
                   f"{r['statuses'].get('unknown', 0)})"),
        ("answers timed", "", lambda r: f"{r['answers_timed']:,} ({r['passes']} passes)"),
        ("**latency p50**", "≤ 1 ms", lambda r: f"{r['p50_ms']:.2f} ms {_ok(r['p50_ms'], TARGETS['p50_ms'])}"),
        ("latency p90", "", lambda r: f"{r['p90_ms']:.2f} ms"),
        ("**latency p99**", "≤ 5 ms", lambda r: f"{r['p99_ms']:.2f} ms {_ok(r['p99_ms'], TARGETS['p99_ms'])}"),
        ("latency max", "", lambda r: f"{r['max_ms']:.1f} ms"),
        ("latency ÷ bundled (p50, p99)", "no growth",
         lambda r: f"×{r['p50_ms'] / b['p50_ms']:.2f}, ×{r['p99_ms'] / b['p99_ms']:.2f}"),
        ("questions per second (one process)", "", lambda r: f"{r['qps']:,.0f}"),
        ("**cold start `ask`** (median of 5; min–max)", "≤ 1.5 s",
         lambda r: f"{r['cold_median_s']:.2f} s {_ok(r['cold_median_s'], TARGETS['cold_s'])} "
                   f"({r['cold_min_s']:.2f}–{r['cold_max_s']:.2f})"),
        ("… of which `python -c pass`", "", lambda r: f"{r['python_bare_s']:.2f} s"),
        ("… import bot.answer + bot.kb", "", lambda r: f"{r['import_s']:.2f} s"),
        ("… KnowledgeBase.load", "", lambda r: f"{r['load_s']:.2f} s"),
        ("… Answerer() (catalogue, lexicon, jieba from cache)", "", lambda r: f"{r['init_s']:.2f} s"),
        ("RSS after load + Answerer (imports only)", "",
         lambda r: f"{r['rss_loaded_mb']:.0f} MB ({r['rss_before_mb']:.0f} MB)"),
        ("RSS high-water mark", "", lambda r: f"{r['rss_peak_mb']:.0f} MB"),
        ("tracemalloc, load + Answerer: kept / peak", "",
         lambda r: f"{r['traced_current_mb']:.0f} MB / {r['traced_peak_mb']:.0f} MB"),
        ("one full `gc.collect()` with the KB loaded", "", lambda r: f"{r['gc_full_ms']:.0f} ms"),
    ]
    head = " | ".join(f"bundled ({r['reports']} reports)" if i == 0 else f"{r['reports']:,} reports"
                      for i, r in enumerate(cols))
    out = [f"| | target | {head} |", "|---|---|" + "---|" * len(cols)]
    out += [f"| {name} | {target} | " + " | ".join(fn(r) for r in cols) + " |" for name, target, fn in rows]
    out += ["", "Latency by kind of question (ms, p50 / p99):", "",
            "| kind | " + " | ".join(f"{r['reports']:,} reports" for r in cols) + " |", "|---|" + "---|" * len(cols)]
    for kind in sorted(set().union(*(r["kind_ms"] for r in cols))):
        cells = [f"{r['kind_ms'][kind]['p50']:.2f} / {r['kind_ms'][kind]['p99']:.2f} (n={r['kind_ms'][kind]['n']:,})"
                 if kind in r["kind_ms"] else "" for r in cols]
        out.append(f"| {kind} | " + " | ".join(cells) + " |")
    out += ["", "Answers against the question sets' expectations (where the copy keeps them): "
            + "; ".join(f"{r['reports']:,} reports: " + ", ".join(f"{v} {n}" for v, n in sorted(r["verdicts"].items()))
                        for r in cols)]
    out += ["", f"Slowest questions ({big['reports']:,} reports, median ms): "
            + "; ".join(f"{x['q']} {x['ms']:.1f}" for x in big["slowest"])]
    for key, title in (("profile_answer", "one pass of the mix"), ("profile_load", "KnowledgeBase.load")):
        if key in big:
            out += ["", f"cProfile, {big['reports']:,} reports, {title} (top by cumulative time):", "",
                    "| function | calls | tottime s | cumtime s | share |", "|---|---|---|---|---|"]
            out += [f"| `{r['fn']}` | {r['calls']:,} | {r['tottime_s']:.3f} | {r['cumtime_s']:.3f} | {r['cum_share']:.0%} |"
                    for r in big[key]]
    builds = [(k, r["build"]) for k, r in results.items() if r.get("build")]
    if builds:
        out += ["", "Built this run: " + "; ".join(
            f"{k}: {b['reports']:,} reports, {b['facts']:,} facts, parse {b['parse_s']:.1f} s, "
            f"clone {b['clone_s']:.1f} s, Store.put {b['store_put_s']:.1f} s" for k, b in builds)]
    return "\n".join(out)


def main() -> int:
    """Command line (and the workers' entry points)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[200, 1000],
                   help="synthetic knowledge bases to measure besides the bundled one (default 200 1000)")
    p.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "nianbao-bench"),
                   help="where the knowledge bases are built and kept")
    p.add_argument("--rebuild", action="store_true", help="rebuild the knowledge bases even when present")
    p.add_argument("--cold-runs", type=int, default=5)
    p.add_argument("--min-seconds", type=float, default=3.0, help="timed answering per knowledge base")
    p.add_argument("--json", help="also write every measurement to this file")
    p.add_argument("--worker", choices=("speed", "memory"), help=argparse.SUPPRESS)
    p.add_argument("--db", help=argparse.SUPPRESS)
    p.add_argument("--questions", help=argparse.SUPPRESS)
    p.add_argument("--profile", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    if a.worker == "speed":
        print(json.dumps(worker_speed(Path(a.db), Path(a.questions), a.min_seconds, a.profile), ensure_ascii=False))
        return 0
    if a.worker == "memory":
        print(json.dumps(worker_memory(Path(a.db))))
        return 0
    started = time.perf_counter()
    workdir = Path(a.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    sizes = sorted(set(a.sizes))
    for n in (None, *sizes):
        label = "bundled" if n is None else str(n)
        db, qs, built = ensure_corpus(workdir, n, a.rebuild)
        print(f"measuring {label} …", file=sys.stderr, flush=True)
        r = _in_fresh_process("--worker", "speed", "--db", str(db), "--questions", str(qs),
                              "--min-seconds", str(a.min_seconds), *(["--profile"] if n == sizes[-1] else []))
        r |= _in_fresh_process("--worker", "memory", "--db", str(db))
        r |= cold_start(db, a.cold_runs)
        r["build"] = built
        results[label] = r
    print(f"# bench_answer: {machine()}\n")
    print(report(results))
    print(f"\n(benchmark wall time {time.perf_counter() - started:.0f} s; knowledge bases in {workdir})")
    if a.json:
        Path(a.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
