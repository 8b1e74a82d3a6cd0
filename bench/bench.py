#!/usr/bin/env python3
"""Benchmarks capdiff (release build) on the shared benchmark corpus and the bundled fixtures.

    python3 bench/bench.py [--runs 9] [--capdiff .build/release/capdiff] [--corpus DIR]

Generates inputs with ../shared/bench/make_corpus.py (skipped, with a note, when that is
absent), runs each case --runs times, and prints the median and minimum wall time and the
peak RSS of each. Timing lives here, never in tests: machines are noisy, so quote medians.
`capdiff batch` runs over 50 MB and 200 MB mboxes (--mbox-mb, --mail-runs; --only batch).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def measure(cmd, runs):
    """Wall times (s) and peak RSS (MB) of `runs` runs of cmd; exit codes 0 and 1 are fine."""
    times, rss = [], []
    # One untimed run first, so the binary and the inputs are in the page cache.
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        rss.append(usage.ru_maxrss / 1024)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"{' '.join(map(str, cmd))}: exit {code}: {proc.stderr.read().decode()[:300]}")
    times.sort()
    return times[len(times) // 2], times[0], max(rss)


def report(name, cmd, runs, results):
    median, best, rss = measure(cmd, runs)
    results.append((name, median, best, rss))
    print(f"{name:44} median {median * 1000:8.1f} ms   min {best * 1000:8.1f} ms   peak RSS {rss:6.1f} MB", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--capdiff", default=str(ROOT / ".build/release/capdiff"))
    ap.add_argument("--corpus", help="folder for generated inputs (default: a temporary one)")
    ap.add_argument("--only", help="run only cases whose name contains this")
    ap.add_argument("--mail-runs", type=int, default=5, help="runs of each batch case (they take seconds)")
    ap.add_argument("--mbox-mb", type=int, nargs="+", default=[50, 200], help="sizes of the batch mboxes")
    args = ap.parse_args()
    capdiff = args.capdiff
    if not os.access(capdiff, os.X_OK):
        sys.exit(f"{capdiff} not found: build it with `swift build -c release --static-swift-stdlib`")
    results = []
    cases = [("compare bundled fixtures", [capdiff, "compare", str(ROOT / "fixtures/northwind.md"),
                                           str(ROOT / "fixtures/sever-media.md"), "--format", "json"])]
    corpus = Path(args.corpus or tempfile.mkdtemp(prefix="capdiff-bench-"))
    make = SHARED / "bench/make_corpus.py"
    if make.exists():
        if not (corpus / "outline-big.en.md").exists():
            subprocess.run([sys.executable, str(make), str(corpus), "--mbox-mb", "1"], check=True, stdout=subprocess.DEVNULL)
        cases.append(("compare 2,000-line outlines", [capdiff, "compare", str(corpus / "outline-big.en.md"),
                                                      str(corpus / "outline-big.ru.md"), "--format", "json"]))
        # The 400-clause agreement and its translation (target: 1 s, median, release build).
        cases.append(("drift 400-clause agreement", [capdiff, "drift", str(corpus / "long.en.md"),
                                                     str(corpus / "long.ru.md"), "--format", "json"]))
    else:
        print(f"note: {make} not found; only the bundled fixtures are benchmarked", file=sys.stderr)
    for name, cmd in cases:
        if args.only and args.only not in name:
            continue
        report(name, cmd, args.runs, results)
    if make.exists() and (not args.only or args.only in "batch"):
        bench_batch(capdiff, corpus, make, args.mail_runs, args.mbox_mb)


# --- capdiff batch over generated mboxes -------------------------------------------------------

BATCH_SIDES = ["--side", "northwind=@northwind-agency.com", "--side", "sever=@sever-media.ru"]


def bench_batch(capdiff, corpus, make, runs, sizes=(50, 200)):
    """`capdiff batch` over mboxes of each size from make_corpus.py (cached in --corpus): MB/s,
    messages/s and peak RSS (median wall time of `runs` runs; the largest RSS), and how the peak
    RSS of the largest mbox compares with the smallest's (memory must not grow with the export)."""
    peaks = {}
    for mb in sizes:
        folder = corpus / f"mbox-{mb}"
        mbox = folder / "big.mbox"
        if not mbox.exists():
            print(f"generating a {mb} MB mbox ...", file=sys.stderr, flush=True)
            subprocess.run([sys.executable, str(make), str(folder), "--mbox-mb", str(mb)], check=True,
                           stdout=subprocess.DEVNULL)
        cmd = [capdiff, "batch", str(mbox), *BATCH_SIDES, "--format", "jsonl", "--no-progress"]
        median, best, rss = measure(cmd, runs)
        # The message count is in the summary, the output's last line. Read only that: a child
        # forked from a Python holding the whole output would start with its RSS (ru_maxrss
        # counts the time before exec), which is why this comes after the timed runs.
        with tempfile.TemporaryFile() as out:
            subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL)
            out.seek(max(0, out.tell() - 65536))
            summary = json.loads(out.read().decode().strip().splitlines()[-1])["summary"]
        size = mbox.stat().st_size / 1e6
        messages = summary["messages_read"]
        peaks[mb] = rss
        print(f"batch {mb:>4} MB mbox ({messages} msgs)        median {median:6.2f} s   min {best:6.2f} s   "
              f"{size / median:6.1f} MB/s   {messages / median:8.0f} msgs/s   peak RSS {rss:6.1f} MB", flush=True)
    if len(peaks) > 1:
        small, large = peaks[min(peaks)], peaks[max(peaks)]
        print(f"batch peak RSS {max(peaks)} MB vs {min(peaks)} MB: {100 * (large / small - 1):+.1f}%")


if __name__ == "__main__":
    main()
