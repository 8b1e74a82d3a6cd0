#!/usr/bin/env python3
"""Shows how `capdiff analyze` scales with the size of its input (release build).

    python3 bench/scaling.py [--runs 3] [--sizes 1k 10k 100k 1M 10M] [--shapes line,paragraph,lines,table]
                             [--capdiff .build/release/capdiff] [--check-12mb]

Generates four shapes of Markdown, each from 1 kB to 10 MB:

  line       one list item on one line ("- We own creative direction and briefs, creative
             direction and briefs, ..."): minified HTML, a CSV pasted as text, a base64 blob
  paragraph  one paragraph of wrapped lines, with sentences and no blank line
  lines      many list items, one short line each
  table      a Markdown table of eight rows, each as wide as the size asks

and prints, per shape and size, the median wall time, the median CPU time (user + system: the
machine is shared, so CPU time is the steadier figure), the peak RSS, and the time per MB. The
last line per shape is the slope of log(CPU time over the baseline, capdiff's start-up on a
one-line file) against log(size) between 100 kB and the largest size: 1.0 is linear, 2.0
quadratic. --check-12mb also times the 12 MB single line of
issue 14 against its goal (10 s, 500 MB).
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PHRASES = [
    "creative direction and briefs", "influencer outreach", "content production", "paid media",
    "campaign management", "performance reporting", "localization of captions", "creator payments",
]


def parse_size(text):
    units = {"k": 1000, "M": 1000_000}
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def label(size):
    return f"{size / 1e6:g} MB" if size >= 1e6 else f"{size / 1e3:g} kB"


def make(shape, size):
    """Markdown of `shape`, `size` bytes long (to within one line or phrase)."""
    if shape == "line":
        parts = ["- We own creative direction and briefs"]
        n = len(parts[0])
        while n < size:
            parts.append(", creative direction and briefs")
            n += len(parts[-1])
        return "".join(parts) + ".\n"
    if shape == "paragraph":
        words, n, i = [], 0, 0
        while n < size:
            sentence = f"We handle {PHRASES[i % len(PHRASES)]} for the {i}th launch, and you review it."
            words.extend(sentence.split())
            n += len(sentence) + 1
            i += 1
        lines, line = [], []
        for word in words:  # wrapped at about 72 characters, as prose is
            if sum(len(w) + 1 for w in line) + len(word) > 72:
                lines.append(" ".join(line))
                line = []
            line.append(word)
        lines.append(" ".join(line))
        return "# Roles\n\n" + "\n".join(lines) + "\n"
    if shape == "lines":
        out, n, i = ["## What we own\n"], 0, 0
        while n < size:
            out.append(f"- We own {PHRASES[i % len(PHRASES)]} for wave {i}.\n")
            n += len(out[-1])
            i += 1
        return "".join(out)
    if shape == "table":
        rows = 8
        columns = max(3, size // (rows * 8))
        marks = ["Lead", "Support", "—", "✓"]
        header = "| Function | " + " | ".join(f"Wave {c}" for c in range(1, columns)) + " |\n"
        sep = "|" + "---|" * columns + "\n"
        body = "".join(
            f"| {PHRASES[r % len(PHRASES)]} | " + " | ".join(marks[(r + c) % len(marks)] for c in range(1, columns)) + " |\n"
            for r in range(rows))
        return "## Who does what\n\n" + header + sep + body
    raise ValueError(shape)


def run(capdiff, path, runs):
    """Median wall and CPU seconds and the largest peak RSS (MB) of `runs` runs."""
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        # /usr/bin/time measures the peak RSS: a child forked from this Python process would
        # count Python's own pages (the generated input) before its exec.
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "@@ %M %U %S %x", capdiff, "analyze", str(path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - start)
        err = proc.stderr.decode(errors="replace")
        last = [line for line in err.splitlines() if line.startswith("@@ ")][-1].split()
        kb, user, system, code = int(last[1]), float(last[2]), float(last[3]), int(last[4])
        cpus.append(user + system)
        rss.append(kb / 1024)
        if code not in (0, 1):
            sys.exit(f"capdiff analyze {path}: exit {code}: {err[:300]}")
    walls.sort()
    cpus.sort()
    return walls[len(walls) // 2], cpus[len(cpus) // 2], max(rss)


def slope(points):
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(s) for s, _ in points]
    ys = [math.log(max(t, 1e-4)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", nargs="+", default=["1k", "10k", "100k", "1M", "3M", "10M"])
    ap.add_argument("--shapes", default="line,paragraph,lines,table")
    ap.add_argument("--capdiff", default=str(ROOT / ".build/release/capdiff"))
    ap.add_argument("--check-12mb", action="store_true", help="also time the 12 MB single line against its goal")
    args = ap.parse_args()
    if not os.access(args.capdiff, os.X_OK):
        sys.exit(f"{args.capdiff} not found: build it with `swift build -c release --static-swift-stdlib`")
    sizes = [parse_size(s) for s in args.sizes]
    with tempfile.TemporaryDirectory() as tmp:
        # A baseline in the same run: capdiff's start-up (loading the glossary) on a tiny file.
        tiny = Path(tmp) / "tiny.md"
        tiny.write_text("- We own creative direction.\n")
        wall, base, rss = run(args.capdiff, tiny, args.runs)
        print(f"{'baseline (one line)':28} wall {wall:7.2f} s   CPU {base:7.2f} s   peak RSS {rss:7.1f} MB", flush=True)
        for shape in args.shapes.split(","):
            points = []
            for size in sizes:
                path = Path(tmp) / f"{shape}-{size}.md"
                text = make(shape, size)
                path.write_text(text)
                wall, cpu, rss = run(args.capdiff, path, args.runs)
                actual = len(text.encode())
                # Start-up (the baseline) taken off: what reading this input cost.
                points.append((actual, max(cpu - base, 1e-3)))
                per_mb = max(cpu - base, 0) / (actual / 1e6)
                print(f"{shape + ' ' + label(size):28} wall {wall:7.2f} s   CPU {cpu:7.2f} s   peak RSS {rss:7.1f} MB"
                      f"   {per_mb:6.2f} CPU s/MB over baseline", flush=True)
                path.unlink()
            large = [(s, t) for s, t in points if s >= 100_000]
            if len(large) >= 2:
                print(f"{shape + ' slope':28} {slope(large):.2f} (log CPU time over baseline per log size, 100 kB and up; 1.0 is linear)",
                      flush=True)
        if args.check_12mb:
            path = Path(tmp) / "line-12MB.md"
            path.write_text(make("line", 12_000_000))
            wall, cpu, rss = run(args.capdiff, path, args.runs)
            verdict = "meets" if wall <= 10 and rss <= 500 else "misses"
            print(f"{'12 MB single line':28} wall {wall:7.2f} s   CPU {cpu:7.2f} s   peak RSS {rss:7.1f} MB"
                  f"   {verdict} the goal (10 s, 500 MB)", flush=True)


if __name__ == "__main__":
    main()
