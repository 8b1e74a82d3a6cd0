#!/usr/bin/env python3
"""Benchmarks capdiff reading PDFs (release build): a 50-page PDF, and the hostile PDFs of
fixtures/partners/hostile (each must end within 10 s and 200 MB).

    python3 bench/pdf.py [--runs 9] [--capdiff .build/release/capdiff]

The 50-page PDF is written here (Helvetica text: a heading, bullets, two paragraphs a page, a
running header and a page number), so the benchmark needs no LibreOffice. Baselines, measured in
the same run, are the same text as Markdown: `analyze` (reading and analysing every line), and
`explain` of one line (reading the whole document, analysing one line): the differences are what
reading the PDF costs. Wall times are medians; peak RSS is the largest of any run, counting
the child process Poppler reads in. Kept apart from bench/bench.py.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(cmd, runs):
    """Median and minimum wall time (s), median CPU time (user + system, s) and peak RSS (MB)
    of `runs` runs, the child process Poppler reads in included. CPU time is what the work
    costs; on a machine busy with other builds the wall time also counts the waiting."""
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"{' '.join(cmd)}: exit {os.waitstatus_to_exitcode(status)}")
    walls.sort()
    cpus.sort()
    return walls[len(walls) // 2], walls[0], cpus[len(cpus) // 2], max(rss)

SENTENCES = [
    "We own the creative direction and the campaign concept for every wave.",
    "Our studio produces the hero videos and edits the creator cuts.",
    "We need your team to run outreach and casting of creators in Russia.",
    "Paid media and ad buying are outside our scope.",
    "Reporting against the agreed KPIs is shared between the two teams.",
    "Localization of scripts and captions is on your side.",
]


def pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def page_ops(n):
    ops = ["BT /F1 9 Tf 72 800 Td (Northwind Creative - capabilities) Tj ET",
           f"BT /F2 16 Tf 72 760 Td (Section {n}: what we bring) Tj ET"]
    y = 730
    for i in range(8):
        ops.append(f"BT /F1 11 Tf 80 {y} Td (- {pdf_escape(SENTENCES[(n + i) % len(SENTENCES)])}) Tj ET")
        y -= 16
    for p in range(2):
        y -= 10
        for i in range(10):
            words = (SENTENCES[(n + p + i) % len(SENTENCES)] + " ") * 2
            ops.append(f"BT /F1 11 Tf 72 {y} Td ({pdf_escape(words[:95])}) Tj ET")
            y -= 14
    ops.append(f"BT /F1 9 Tf 290 40 Td ({n}) Tj ET")
    return "\n".join(ops).encode()


def write_pdf(path, pages):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"]
    kids = []
    for n in range(1, pages + 1):
        data = zlib.compress(page_ops(n))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % content)
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    Path(path).write_bytes(bytes(out))


def write_markdown(path, pages):
    lines = []
    for n in range(1, pages + 1):
        lines.append(f"## Section {n}: what we bring")
        lines += [f"- {SENTENCES[(n + i) % len(SENTENCES)]}" for i in range(8)]
        for p in range(2):
            lines.append("")
            lines.append(" ".join(((SENTENCES[(n + p + i) % len(SENTENCES)] + " ") * 2)[:95] for i in range(10)))
        lines.append("")
    Path(path).write_text("\n".join(lines))


def once(cmd):
    """Wall time (s), peak RSS (MB, child processes included), exit code and stderr of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), proc.stderr.read().decode().strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--capdiff", default=str(ROOT / ".build/release/capdiff"))
    args = ap.parse_args()
    if not os.access(args.capdiff, os.X_OK):
        sys.exit(f"{args.capdiff} not found: build it with `swift build -c release --static-swift-stdlib`")
    with tempfile.TemporaryDirectory() as tmp:
        pdf, md = Path(tmp) / "fifty-pages.pdf", Path(tmp) / "fifty-pages.md"
        write_pdf(pdf, 50)
        write_markdown(md, 50)
        cases = [
            ("analyze a 50-page PDF", ["analyze", str(pdf)]),
            ("baseline: analyze the same text as Markdown", ["analyze", str(md)]),
            # explain reads the whole document and analyses one line: the cost of reading.
            ("read a 50-page PDF (explain page 1, line 2)", ["explain", f"{pdf}:1:2"]),
            ("baseline: read it as Markdown (explain line 2)", ["explain", f"{md}:2"]),
        ]
        for name, arguments in cases:
            median, best, cpu, rss = measure([args.capdiff] + arguments, args.runs)
            print(f"{name:48} median {median * 1000:7.1f} ms   min {best * 1000:7.1f} ms   CPU {cpu * 1000:7.1f} ms   peak RSS {rss:5.1f} MB", flush=True)
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print()
    for name in ("loop.pdf", "pages-10000.pdf", "font-bomb.pdf", "encrypted.pdf"):
        seconds, rss, code, stderr = once([args.capdiff, "analyze", str(ROOT / "fixtures/partners/hostile" / name)])
        ok = "ok" if seconds <= 10 and rss <= 200 and code == 2 else "OVER THE LIMIT"
        print(f"hostile {name:36} {seconds:6.2f} s   peak RSS {rss:6.1f} MB   exit {code}   {ok}")
        print(f"    {stderr}")


if __name__ == "__main__":
    main()
