"""Make a blind-review packet: a random sample of published questions, each shown as a
student sees it, with its key, the cited passage and the paragraph around it.

    python bench/review_sample.py --n 40 --seed 1 > packet.md

The reviewer sees nothing else (no generator, no quality score, no reasons).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from quizapp.engine.reader import load_sources


def render(i: int, q: dict, doc) -> str:
    lines = [f"## Question {i}", "", f"Document: {doc.title} (kind: {doc.kind})", f"Type: {q['type']}", "",
             "What the student sees:", "", f"> {q['prompt']}", ""]
    if q["type"] in ("multiple_choice", "true_false", "multiple_response"):
        lines += [f"- {c['text']}" for c in q["choices"]]
        key = ", ".join(c["text"] for c in q["choices"] if c["correct"])
    elif q["type"] in ("short_answer", "numeric"):
        lines.append("(typed answer)")
        more = [a for a in q["accept"] if a != q["answer"]]
        key = f"{q['answer']} (also accepted: {', '.join(more)})" if more else f"{q['answer']} (nothing else accepted)"
        key += ("; a typed answer is compared ignoring case, punctuation, hyphens and dashes, a leading 'the', "
                "thousands separators, accents, British and American spellings and the way a percentage is written ('%', 'per cent', 'percent'); "
                "'2-4' counts as '2 to 4'; an ordinal in words equals one in figures ('Sixteenth' = '16th')")
        if q["type"] == "numeric":
            key += ("; a numeric answer is read as a number, so figures and words are alike ('21' = 'twenty-one', "
                    "'20 thousand' = '20,000' = 'twenty thousand') and a unit typed around it is ignored")
    elif q["type"] == "matching":
        lefts = [a for a, _ in q["pairs"]]
        rights = sorted(b for _, b in q["pairs"])
        lines += [f"- left: {a}" for a in lefts] + [f"- right: {b}" for b in rights]
        key = "; ".join(f"{a} → {b}" for a, b in q["pairs"])
    else:
        items = sorted(q["sequence"])
        lines += [f"- {t}" for t in items]
        key = " → ".join(q["sequence"])
    c = q["citation"]
    lines += ["", f"Key: {key}", ""]
    if c.get("sentences"):
        # A question built on sentences far apart (matching, ordering, statement sets): as on the
        # explanation page, each cited sentence with the paragraph that holds it, not all between.
        for n, span in enumerate(c["sentences"], 1):
            para = next(p for p in doc.paragraphs if p.start <= span["start"] < p.end)
            section = doc.section_title(next(s.section for s in doc.sentences if s.start <= span["start"] < s.end))
            lines += [f"Cited passage {n} (§ {section}, ¶ {para.number}):", "",
                      f"> {doc.text[span['start']:span['end']]}", "", "Paragraph around it:", "",
                      f"> {doc.text[para.start:para.end]}", ""]
        return "\n".join(lines)
    para = next(p for p in doc.paragraphs if p.start <= c["sentence"]["start"] < p.end)
    # every paragraph the citation touches (an intro and the quotation after it are two)
    touched = [p for p in doc.paragraphs if p.start < c["end"] and c["start"] < p.end] or [para]
    start = min(para.start, touched[0].start, c["start"])
    end = max(para.end, touched[-1].end, c["end"])
    lines += [f"Cited passage (§ {c['section']}, ¶ {c['paragraph']}):", "",
              f"> {c['quote']}", "", "Paragraph around it:", "", f"> {doc.text[start:end]}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bank", default="questions/bank")
    ap.add_argument("--sources", default="questions/sources")
    args = ap.parse_args(argv)
    docs = {d.id: d for d in load_sources(Path(args.sources))}
    pool = []
    for path in sorted(Path(args.bank).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pool += [q for q in data["questions"] if q["status"] == "published"]
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    print(f"# Blind review packet: {len(sample)} of {len(pool)} published questions (seed {args.seed})\n")
    for i, q in enumerate(sample, 1):
        print(render(i, q, docs[q["citation"]["document"]]))
    print("\n<!-- ids: " + " ".join(q["id"] for q in sample) + " -->")
    return 0


if __name__ == "__main__":
    sys.exit(main())
