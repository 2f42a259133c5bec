"""Generation speed: does it scale linearly, and does a 1 MB corpus take under 10 s?

    python bench/bench_generate.py [--sizes 0.125,0.25,0.5,1,2] [--repeat 1]

Corpora of the given sizes (MB) are made from the sample sources: each copy of a
document gets its numbers shifted and its paragraphs rotated, so copies are not
duplicates of each other. Prints wall-clock seconds per stage and per MB, and the
process's CPU seconds (less sensitive to other load on the machine). Generation is
single-threaded; the 2-core machine's second core is left to the system.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from quizapp.engine import pipeline
from quizapp.engine.reader import document_from_text, load_sources

SOURCES = Path(__file__).resolve().parents[1] / "questions" / "sources"


def variant(text: str, k: int) -> str:
    """A different-looking copy of a document: numbers changed, paragraphs rotated."""
    def bump(m: re.Match[str]) -> str:
        digits = m.group(0)
        if len(digits) == 4 and digits.startswith(("18", "19")):
            return digits
        return str(int(digits) + k)
    paras = re.split(r"\n{2,}", text)
    if k:
        cut = k % max(1, len(paras))
        paras = paras[cut:] + paras[:cut]
    return re.sub(r"\d+", bump, "\n\n".join(paras))


def corpus(megabytes: float):
    base = load_sources(SOURCES)
    docs, size, k = [], 0, 0
    target = int(megabytes * 1_000_000)
    while size < target:
        for d in base:
            text = variant(d.text, k)
            docs.append(document_from_text(text, doc_id=f"{d.id}-{k}", meta=dict(d.meta)))
            size += len(text.encode("utf-8"))
            if size >= target:
                break
        k += 1
    return docs, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="0.125,0.25,0.5,1,2")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    print(f"{'MB':>6} {'docs':>5} {'sentences':>9} {'questions':>9} {'read s':>7} {'generate s':>10} "
          f"{'total s':>8} {'s/MB':>6} {'cpu s':>6}")
    for mb in (float(x) for x in args.sizes.split(",")):
        best = None
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            c0 = time.process_time()
            docs, size = corpus(mb)
            t1 = time.perf_counter()
            summary = pipeline.generate_documents(docs)
            t2 = time.perf_counter()
            cpu = time.process_time() - c0
            row = (size / 1e6, len(docs), sum(len(d.sentences) for d in docs),
                   sum(len(r.questions) for r in summary.results), t1 - t0, t2 - t1, t2 - t0, cpu)
            if best is None or row[-2] < best[-2]:
                best = row
        m, n, s, q, r, g, t, cpu = best
        print(f"{m:6.3f} {n:5d} {s:9d} {q:9d} {r:7.2f} {g:10.2f} {t:8.2f} {t / m:6.2f} {cpu:6.2f}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
