"""What a text copied out of a PDF carries besides its words: the running head printed on every page with
its number ('CHAPTER 3  THE RESTLESS EARTH   47'), which names the document but is no heading of its own,
and a textbook's decimal section numbers ('3.2 Types of plate boundaries')."""
from __future__ import annotations

import re

DECIMAL_HEAD = re.compile(r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s+([A-Z][^.!?:;]{2,70})\??")  # ('3.3 How fast do plates move?')
RUNNING_NUMBER = re.compile(r"^\d{1,4}\s+|\s+\d{1,4}$")


def running_heads(paras: list, ptext: list[str]) -> set[str]:
    """One-line paragraphs that recur, page numbers aside, three times or more: a PDF's running heads."""
    seen: dict[str, int] = {}
    for p, s in zip(paras, ptext):
        line = s.strip()
        if p.kind is None and "\n" not in line and len(line) <= 90 and RUNNING_NUMBER.search(line):
            key = RUNNING_NUMBER.sub("", line)
            seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n >= 3 and len(k.split()) >= 2}


def running_title(head: str) -> str:
    """'CHAPTER 3  THE RESTLESS EARTH' -> 'Chapter 3: The Restless Earth'."""
    m = re.fullmatch(r"(?i)((?:chapter|unit|part|section)\s+\w+)\s{2,}(.+)", head.strip())
    if m:
        return f"{m.group(1).strip().capitalize()}: {m.group(2).strip().title()}"
    return head.strip().title() if head.isupper() else head.strip()
