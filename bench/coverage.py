"""Key-fact coverage: the share of a key-fact list asked about by published questions.

A key fact counts as covered when some published question has it as its answer
(a correct choice, the typed answer, a matching pair or an ordering item that
contains it) or cites a passage containing it where its answer span overlaps it.

    python bench/coverage.py [--facts docs/keyfacts-dev.json] [--bank questions/bank]
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path


def _n(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower().split())


def covered(fact: dict, questions: list[dict], text: str) -> bool:
    want = _n(fact["fact"])
    positions = []
    start = text.find(fact["fact"])
    while start >= 0:
        positions.append((start, start + len(fact["fact"])))
        start = text.find(fact["fact"], start + 1)
    for q in questions:
        if q["status"] != "published":
            continue
        keys = [c["text"] for c in q.get("choices", []) if c.get("correct")]
        keys += [q["answer"]] if q.get("answer") else []
        keys += [a for pair in q.get("pairs", []) for a in pair]
        keys += q.get("sequence", [])
        if q["type"] != "true_false" and any(want == _n(k) or (len(want) > 3 and want in _n(k)) for k in keys):
            return True
        span = (q["citation"].get("answer") or {})
        if span and any(s < span["end"] and span["start"] < e for s, e in positions):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", default="docs/keyfacts-dev.json")
    ap.add_argument("--bank", default="questions/bank")
    ap.add_argument("--sources", default="questions/sources")
    ap.add_argument("--missing", action="store_true", help="list the facts not covered")
    args = ap.parse_args(argv)
    facts = json.loads(Path(args.facts).read_text(encoding="utf-8"))
    banks = {}
    for path in sorted(Path(args.bank).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        banks[data["document"]["source_file"]] = data
    total = hit = 0
    for doc_file in sorted({f["document"] for f in facts}):
        data = banks.get(doc_file)
        text = (Path(args.sources) / doc_file).read_text(encoding="utf-8")
        doc_facts = [f for f in facts if f["document"] == doc_file]
        n = sum(covered(f, data["questions"] if data else [], text) for f in doc_facts)
        total += len(doc_facts)
        hit += n
        print(f"{doc_file}: {n}/{len(doc_facts)} = {n / len(doc_facts):.0%}")
        if args.missing:
            for f in doc_facts:
                if not covered(f, data["questions"] if data else [], text):
                    print(f"   missing: {f['fact']!r} ({f['kind']}: {f['context']})")
    print(f"total: {hit}/{total} = {hit / total:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
