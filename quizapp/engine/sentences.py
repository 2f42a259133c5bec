"""Sentences: ``split_sentences(text, start, end)`` cuts a passage of a document into sentences.

Every span is a pair of ``str`` offsets into ``text``, with no surrounding whitespace. A full stop
ends a sentence unless it belongs to an abbreviation or an initial (``No.2``, ``pp.``, ``Oct.``,
``U.S.``, ``P. Moskatov``), a decimal (``26.3 million``), a clock time (``2:13 p.m. EST``) or a
quotation or bracket that goes on; closing quotes, brackets and footnote marks stay with the
sentence they close. A line that is all one bracket (a source's label) is no sentence.

One pass over the passage with bounded look-around: linear in its length.
"""
from __future__ import annotations

import re

__all__ = ["split_sentences", "skip_ws"]


_TERM = re.compile(r"\.{2,}|…+|[.!?‽]+")
_CLOSERS = frozenset("\"”’'»›)]}*_")
_OPENERS = frozenset("\"“‘'«‹([{¿¡*_")
_FOOTMARK = re.compile(r"\[\d{1,3}\]|\[\^[\w-]{1,20}\](?!:)")  # "[3]", Markdown's "[^note]"
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_ROMAN = re.compile(r"[ivxlcIVXLC]{1,5}")

# never the end of a sentence
_ALWAYS_ABBR = frozenset(
    """mr mrs ms messrs mme mlle dr prof st mt ft gen col lt maj capt cmdr sgt adm
    gov sen rep rev hon pres supt esq jr sr fr vs viz cf al approx op loc co
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
ALWAYS_ABBREVIATIONS = _ALWAYS_ABBR
# not the end of a sentence when a number follows ("No. 1", "pp. 17", "Vol. 2")
_NUM_ABBR = frozenset(
    """no nos vol vols p pp ch chap sec art fig figs para n l ll ed eds ca c
    tab nr""".split()
)


def skip_ws(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _consume_closers(text: str, i: int, end: int) -> int:
    while i < end:
        c = text[i]
        if c in _CLOSERS:
            i += 1
        elif c == "[":
            m = _FOOTMARK.match(text, i, end)
            if not m:
                break
            i = m.end()
        else:
            break
    return i


def _starts_sentence(c: str) -> bool:
    # ('Great replies. @Lime_Rock_Lucy — fair point.': a reply to a member of a board opens a sentence)
    return c.isdigit() or c in _OPENERS or c == "@" or (c.isalpha() and not c.islower())


_TIME_ZONE = re.compile(r"(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|AEST|IST|JST|Z)\b"
                        # 'At 8:32 a.m. Pacific Daylight Time on 18 May 1980' (first-sight review of set 26)
                        r"|(?:Pacific|Eastern|Central|Mountain|Atlantic|Greenwich|British|local)\s+(?:Standard|Daylight|Summer|"
                        r"Mean)?\s*[Tt]ime\b")


def _period_ends(text: str, i: int, seg_start: int, nxt: int) -> bool:
    """May the single period at ``i`` end a sentence?  (Abbreviations, initials.)"""
    k = i
    lo = max(seg_start, i - 30)
    while k > lo and not text[k - 1].isspace() and text[k - 1] not in _OPENERS:
        k -= 1
    tok = text[k:i]
    if not tok:
        return True
    low = tok.lower()
    if low in _ALWAYS_ABBR:
        return False
    if low in _NUM_ABBR and text[nxt].isdigit():
        return False
    if low in ("c", "ca") and re.match(r"(?:AD|BC|BCE|CE|A\.D\.|B\.C\.)\s*\d", text[nxt:nxt + 8]):
        return False  # 'first garrisoned c. AD 85'
    if len(tok) == 1 and tok.isalpha() and tok.isupper():  # an initial: "P. Moskatov"
        return False
    if _DOTTED.fullmatch(tok):  # U.S. / e.g. / i.e.
        # '2:13 p.m. EST on a Saturn V rocket': a time zone goes on with the time
        return low in ("a.m", "p.m") and not _TIME_ZONE.match(text, nxt)
    if k == seg_start and (tok.isdigit() and len(tok) <= 3 or _ROMAN.fullmatch(tok)):
        return False  # an enumeration "1." at the start of the sentence
    return True


def _match_paren(text: str, i: int, limit: int) -> int:
    depth = 0
    for j in range(i, limit):
        c = text[j]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        elif c == "\n" and j + 1 < limit and text[j + 1] == "\n":
            return -1
    return -1


def _attach_parentheticals(text: str, k: int, end: int) -> int:
    """Keep a short citation such as ``(Pravda, Oct. 24)`` with the sentence before it."""
    while True:
        nxt = skip_ws(text, k, end)
        if nxt >= end or text[nxt] != "(":
            return k
        close = _match_paren(text, nxt, min(end, nxt + 200))
        if close < 0:
            return k
        inside = text[nxt + 1:close]
        closed = inside.rstrip()[-1:] in ".!?"
        if len(inside.split()) > 12 or closed and (len(inside.split()) >= 6 or len(inside.split()) >= 3 and len(
                re.findall(r"\b[a-z]{3,}\b", inside)) >= 2):
            # '(He did not even count the leaves that fell in four autumns.)', '(Krueger, sadly, died in 2019.)':
            # a sentence of its own
            return k
        after = close + 1
        if after < end and text[after] == ".":
            after += 1
        after = _consume_closers(text, after, end)
        if after < end:
            if not text[after].isspace():
                return k
            n2 = skip_ws(text, after, end)
            if n2 < end and not _starts_sentence(text[n2]):
                return k
        k = after


def _boundary(text: str, m: re.Match, seg_start: int, end: int) -> int | None:
    """The end of the sentence if the terminator ``m`` ends one, else None."""
    i, j = m.span()
    term = m.group()
    if i > 0 and text[i - 1] == "(" and j < end and text[j] == ")":
        return None  # "(?)", "(!)"
    ellipsis = term.startswith("..") or term.startswith("…")
    k = _consume_closers(text, j, end)
    if k < end and not text[k].isspace():
        return None  # "U.S.", "26.3", "No.2", "etc.,"
    nxt = skip_ws(text, k, end)
    if nxt >= end:
        return k
    if not _starts_sentence(text[nxt]) and not text.startswith(("...", "…"), nxt):
        return None  # lowercase, dash, comma ... follows
    if ellipsis and k == j:
        return None  # "reorganization ... Enemies of": an elision, not an end
    if term in ("!", "?") and k == j and _inside_quotation(text, seg_start, i) \
            and re.match(r'[^"”\n]{1,160}["”]\s*,?\s+[a-z]' + (r'|[^"”\n.!?]{1,160}[.!?]["”]' if term == "!" else ""),
                         text[j:min(end, j + 200)]):
        return None  # 'said, "Pish! A woman might piss it out."': the quotation ends the sentence, not its '!'
    if term == "." and not _period_ends(text, i, seg_start, nxt):
        return None
    return _attach_parentheticals(text, k, end)


def _inside_quotation(text: str, seg_start: int, i: int) -> bool:
    """An opening quotation mark before ``i`` in the sentence so far is not yet closed."""
    part = text[seg_start:i]
    return part.count('"') % 2 == 1 or part.count("“") > part.count("”")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences: ``(start, end)`` offsets into ``text``.

    Offsets exclude surrounding whitespace; spans never leave ``[start, end)``.
    """
    spans: list[tuple[int, int]] = []
    end = min(end, len(text))
    pos = skip_ws(text, start, end)
    for m in _TERM.finditer(text, pos, end):
        if m.start() < pos:
            continue
        stop = _boundary(text, m, pos, end)
        if stop is None:
            continue
        _add_span(text, spans, pos, stop)
        pos = skip_ws(text, stop, end)
    if pos < end:
        _add_span(text, spans, pos, end)
    if any("\n" in text[a:b] for a, b in spans):
        spans = [piece for a, b in spans for piece in _without_bracket_lines(text, a, b)]
    # '… It is vegetation." [Joseph Priestley, Observations on Different Kinds of Air, 1772]': a source's
    # label in square brackets is no sentence
    return [(a, b) for a, b in spans if not (text[a] == "[" and _SOURCE_LABEL.fullmatch(text, a, b))]


_SOURCE_LABEL = re.compile(r"\[[^\[\]\n]{3,200}\][.,]?")
_BRACKET_LINE = re.compile(r"(?m)^[ \t]*\[[^\]\n]+\][ \t]*$|^[ \t]*\([^)\n]+\)[ \t]*$")


def _without_bracket_lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A line that is all one bracket ('[Joseph Priestley, Observations …, 1772]' under a quotation)
    is a source's label, not part of the sentence it runs into: the pieces around it."""
    pieces: list[tuple[int, int]] = []
    pos = a
    for m in _BRACKET_LINE.finditer(text, a, b):
        _add_span(text, pieces, pos, m.start())
        pos = m.end()
    _add_span(text, pieces, pos, b)
    return pieces


def _add_span(text: str, spans: list, s: int, e: int) -> None:
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    if e > s and any(c.isalnum() for c in text[s:e]):
        spans.append((s, e))
