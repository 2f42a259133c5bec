"""Cutting a sentence into a stem: the blank, a trailing clause that restates the figures, the cut itself."""
from __future__ import annotations

import re

from quizapp.engine.model import Sentence

BLANK = "_____"


_NUMBER_CLAUSE = re.compile(r"[,;][”’\"]?\s+(?=(?:an? (?:increase|decrease|rise|fall|drop|growth)|i\.e(?=\.)|that is|or|almost|"
                            r"more than|considerably|which|an? (?:working )?(?:day|week|month|year) of)\b)")


def number_clause_cut(text: str, focus: int) -> int | None:
    """Where a trailing clause after ``focus`` starts that restates the figures ('…, an increase of
    29.6 million, i.e., more than doubled'): cutting there leaves a true statement whose blank
    cannot be worked out from the other figures. None when there is no such clause."""
    for m in _NUMBER_CLAUSE.finditer(text[focus:]):
        cut = focus + m.start()
        head, rest = text[:cut], text[cut:]
        # '… increased “25 per cent,” i.e., a speed-up of 25 per cent': the quotation closes at the cut
        closes_here = head.count("“") == head.count("”") + 1 and rest[1:2] == "”"
        if head.count("(") != head.count(")") or head.count("“") != head.count("”") and not closes_here:
            continue
        if re.search(r"\d|\b(?:half|double[ds]?|twice|third|quarter|times)\b", rest) and len(head.split()) >= 8:
            return cut
    return None


def cut_at(text: str, cut: int | None) -> str:
    if cut is None:
        return text
    head = text[:cut].rstrip()
    if head.count("“") > head.count("”"):
        head += "”"  # the quotation closed just after the cut
    return head + "."


def blank_out(sentence: Sentence, start: int, end: int, replacement: str = BLANK) -> str:
    """The sentence text with [start, end) (document offsets) replaced."""
    s = start - sentence.start
    e = end - sentence.start
    return sentence.text[:s] + replacement + sentence.text[e:]
