"""Make a blind-review packet of the published questions that are new or changed against
another commit's bank (by default main's), rendered as bench/review_sample.py renders them.

    python bench/review_changed.py [--ref main] > packet.md
    python bench/review_changed.py --list      # one line per added, changed or removed question

A question counts as changed when what a student or a reviewer sees differs: its prompt,
options, key, accepted answers, pairs, sequence or citation.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from quizapp.engine.reader import load_sources

sys.path.insert(0, str(Path(__file__).resolve().parent))
from review_sample import render  # noqa: E402

_SEEN = ("type", "prompt", "choices", "answer", "accept", "pairs", "sequence", "citation", "status")


def _published(questions: list[dict]) -> dict[str, dict]:
    return {q["id"]: q for q in questions if q["status"] == "published"}


def _old_bank(ref: str, name: str) -> list[dict]:
    """The questions of bank file ``name`` at git ref ``ref``, or in directory ``ref`` if it is one."""
    if Path(ref).is_dir():
        path = Path(ref) / name
        return json.loads(path.read_text(encoding="utf-8"))["questions"] if path.exists() else []
    try:
        out = subprocess.run(["git", "show", f"{ref}:questions/bank/{name}"], check=True,
                             capture_output=True, text=True).stdout
    except subprocess.CalledProcessError:
        return []
    return json.loads(out)["questions"]


def changes(ref: str, bank: Path) -> tuple[list[dict], list[dict], list[dict]]:
    """(added, changed, removed) published questions of ``bank`` against ``ref``'s bank."""
    added, changed, removed = [], [], []
    for path in sorted(bank.glob("*.json")):
        new = _published(json.loads(path.read_text(encoding="utf-8"))["questions"])
        old = _published(_old_bank(ref, path.name))
        for qid, q in new.items():
            if qid not in old:
                added.append(q)
            elif any(q.get(k) != old[qid].get(k) for k in _SEEN):
                changed.append(q)
        removed += [q for qid, q in old.items() if qid not in new]
    return added, changed, removed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref", default="main", help="a git ref, or a directory holding an older bank")
    ap.add_argument("--bank", default="questions/bank")
    ap.add_argument("--sources", default="questions/sources")
    ap.add_argument("--list", action="store_true", help="list the differences instead of a packet")
    args = ap.parse_args(argv)
    added, changed, removed = changes(args.ref, Path(args.bank))
    if args.list:
        for tag, qs in (("+", added), ("~", changed), ("-", removed)):
            for q in qs:
                key = q.get("answer") or "|".join(c["text"] for c in q.get("choices", []) if c["correct"])
                print(f"{tag} {q['id']} {q['type']} [{key}] {q['prompt'][:160]}")
        print(f"added {len(added)}, changed {len(changed)}, removed {len(removed)}")
        return 0
    docs = {d.id: d for d in load_sources(Path(args.sources))}
    sample = added + changed
    print(f"# Blind review packet: {len(sample)} published questions\n")
    for i, q in enumerate(sample, 1):
        print(render(i, q, docs[q["citation"]["document"]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
