"""Sections, paragraphs and sentences of a document's text.

``parse_structure(text, source_format)`` cuts ``text`` into paragraphs (blocks
separated by blank lines), classifies each one (prose, heading, list, furniture,
table, footnote, block quotation), groups them into sections and splits the
readable ones into sentences.  Every span is a pair of ``str`` offsets into ``text`` with the
passage exactly ``text[start:end]`` and no leading or trailing whitespace.

Everything here is a single pass (or a few) over the text with bounded
look-around, so structuring is linear in the size of the document.

Heading rules
    * ``= Title =`` (level 1), ``== Section ==`` (level 2), ``=== Sub ===`` (3);
    * Markdown ``#`` / ``##`` / ``###``+ (levels 1 / 2 / 3) and setext underlines
      (in plain text too, under a title-like line: ``Aftermath`` over ``---------``);
    * plain text only: the first paragraph when it is a lone title-like line or
      question (level 1, the document's title) and any later lone title-like line
      (short, no final punctuation, title-cased, not quoted, not bracketed)
      that is followed by a prose or list paragraph (level 2);
    * run-in heads: a paragraph starting with an all-capitals head and a colon
      (``STAKHANOVISM: In a brilliant ...``) starts a level-3 section titled in
      a readable case; the head is not part of the paragraph's first sentence.

Furniture rules (patterns, not exact strings)
    * navigation lines (segments separated by ``|``, ``•``, ``·``, ``»``);
    * bibliographic source / transcription / copyright / "last updated" lines;
    * web-page chrome ("Accepted answer", "Related posts", "Share", ...);
    * link-only lines ("... is available here (paywall).", bare URLs);
    * stand-alone date lines ("(January 1941)") and horizontal rules;
    * front matter: the short unpunctuated lines (byline, title, date) before
      the first substantial paragraph;
    * everything in a "See also" / "External links" / "References" section.

Tables: a paragraph that is a bare number ("1.3 million", "29.5 [1]") is a
table cell, and so is every short unpunctuated paragraph in an unbroken run of
short paragraphs containing such a cell (the remains of a lost HTML table).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markup import IMAGE
from .model import Paragraph, Section, Sentence
from . import pdfcopy, threads, transcript
from .genre import front_matter
from .sentences import ALWAYS_ABBREVIATIONS, skip_ws, split_sentences
from .patterns import rx

__all__ = ["parse_structure", "analyse", "Structure", "GLOSS_ENTRY"]


# ---------------------------------------------------------------------------
# Line and paragraph patterns
# ---------------------------------------------------------------------------

_COLUMNS = re.compile(r"\S {3,}\S.* {3,}\S|\S\t+\S")  # 'Year    Event     Place': three columns, or tabs
_ATTRIBUTION = re.compile(r"[-–—]+\s+[A-Z](?![^\n]*\.\s+[a-z])[^!?\n]{2,120}")

_H_EQ = re.compile(r"(={1,6})[ \t]*([^=\s](?:.*?[^=\s])?)[ \t]*=+[ \t]*")
_H_MD = re.compile(r"(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")
_SETEXT = re.compile(r"(=+|-+)[ \t]*")
_HRULE = re.compile(r"(?:[-*_=~][ \t]*){3,}")
_IMAGE_LINE = re.compile(IMAGE.pattern + r"[ \t]*")
_ITEM = re.compile(r"(?:[-*+•]|\d{1,3}[.)]|\[\d{1,3}\]|\[\^[\w-]+\]:)[ \t]+(?=\S)")
_LIST_ITEM = re.compile(r"(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")
_FOOTNOTE_START = re.compile(r"(?:\[(\d{1,3})\]|\[\^([\w-]+)\]:|(\d{1,3})[.)])[ \t]+(?=\S)")
_FOOT_MARKER = re.compile(r"\[(\d{1,3})\]")

_NUMERIC_CELL = re.compile(
    r"[(\[]?[-+−]?[$£€]?\d[\d.,  ]*%?[)\]]?"
    r"(?:\s*(?:million|billion|thousand|per ?cent|percent|%|m|bn|k|mln))?"
    r"(?:\s*\[\d{1,3}\])?"
    r"|not given|n/a|—|–|-",
    re.I,
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_LINE = re.compile(
    rf"\(?\s*(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTHS}\s+"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}"
    rf"|\d{{4}}-\d{{2}}(?:-\d{{2}})?|(?:Spring|Summer|Autumn|Fall|Winter)\s+\d{{4}})\s*\)?\.?",
    re.I,
)
# 'For more information, see …', 'Visitor information is available from …': a pointer to elsewhere
POINTER = re.compile(r"(?i)(?:for\s+)?(?:more|further|visitor|additional|full)?\s*(?:information|details)\b[^.]{0,80}?"
                      r"\b(?:(?:is|are)\s+available|see|visit|contact|go\s+to)\b")
# 'Caldera - a large, bowl-shaped hollow …', 'Gutta-percha – A natural latex …': a glossary's entry, a term
# of one to four words (no figures) and its meaning after a spaced dash or a colon
GLOSS_ENTRY = re.compile(r"([A-Za-z][A-Za-z’'-]*(?:[ \t]+(?:[A-Za-z’'-]+|\([A-Za-z]{1,12}\))){0,3})[ \t]*(?:[ \t][-–—:]|[ \t]?\.{3,})[ \t]+"
                         r"([A-Za-z“\"‘'].{7,})")  # (dot leaders too: 'outdoor relief ....... help given outside')
_TIMELINE_ENTRY = re.compile(r"[ \t]*(?:c\.\s*|ca\.\s*)?\d{3,4}s?(?:[-–/]\d{2,4})?[ \t]+[-–—:][ \t]+\S")
_NUMBERED_HEAD = re.compile(r"\d{1,2}\.[ \t]+([A-Z][^\n.!:;]{2,60}\??)[ \t]*")
# 'Page 2 of 4', '- 3 -', 'p. 12': a page's counter left in pasted text
_PAGE_LINE = re.compile(r"(?i)(?:[-–—]\s*)?(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?"
                        r"|[-–—]\s*\d{1,4}\s*[-–—]")  # '- Page 1 -' too
_FORMULA_LINE = re.compile(r"[\w().+\- ]+(?:->|→|=|⟶|⇌)[\w().+\- ]+")
_CHROME = re.compile(
    r"(?:accepted answer|answers?|\d+ answers?|(?:more|search|related|recent|popular|top) posts?"
    r"|related (?:questions?|articles?)|linked|hot network questions|share(?: this(?: page| post)?)?"
    r"|follow|edit|flag|cite|improve this (?:answer|question)|add a comment"
    r"|show \d+ more comments?|reply|report|permalink|(?:read|show|load) more|continue reading"
    r"|click here|back to top|top of page|skip to (?:main )?content|table of contents"
    r"|sign up|log ?in|sign in|subscribe|advertisement|sponsored content|print(?: this page)?"
    r"|e-?mail this|\d+ comments?|comments?|loading|sorted by.*|(?:asked|answered|edited|modified) \d.*"
    r"|(?:previous|next) (?:post|page|article|chapter)|home|menu|navigation"
    r"|(?:\d[\d,]* comments? )?(?:(?:permalink|parent|reply|share|save|hide|report|embed|give award)\s*){2,}"
    r"|(?:submitted )?\d+ \w+ ago(?: by \S+)?|.*\bu/\S+.*\b\d[\d,]* points?\b.*"
    r"|quote\s*\|?\s*report|posted (?:on )?\d{1,2}/\d{1,2}/\d{2,4}.*|started by .*\breplies\b.*"
    r"|(?:«|<|←)?\s*back to .{1,60}|answered by .*|.*\b\d[\d.,]*k? upvotes?\b.*|view \d+ comments?.*"

    # a table's or figure's caption on a line of its own: 'Table 9.1 Approximate conditions in summer 1816.'
    r"|[*_]*(?:table|figure|fig\.|chart|map|plate)\s+\d+(?:\.\d+)?[a-z]?\b.*)[\s:.…]*",
    re.I,
)
_SOURCE_LINE = re.compile(
    r"(?:from|source|sources|originally published(?: in)?|first published(?: in)?|published in"
    r"|reprinted from|reproduced from|retrieved from|taken from)\b.*"
    r"(?:\bvol\.|\bno\.\s*\d|\bpp?\.\s*\d|\bissue\b|https?://|\bpage\s+\d)",
    re.I,
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)\s*\d|copyright\b|all rights reserved|licen[cs]ed under\b|text is available under\b)", re.I
)
_UPDATED = re.compile(
    r"(?:(?:last\s+)?(?:updated|modified|edited|revised)\b\s*(?:on\b|:)?.{0,40}\d"
    r"|this (?:page|article|post|document) was last (?:edited|modified|updated)\b)",
    re.I,
)
_BYLINE = re.compile(r"(?:by|posted by|written by|author:)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*", re.I)
# A byline with more after the name: "By Maria Lopez, Engineering History Review, March 2019",
# "Written by Ann Lee and Bo Park | 3 May 2020". The names are capitalised (case-sensitive here, so
# "By the end of 1939, ..." is not one), never a month or a number, and the line ends without a
# sentence's full stop (one after a year is allowed). A name has two words or more: "By Land, Sea and
# Air" is a heading.
_NAME = r"[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|de|da|del|van|von|der|la|le))+"
_BYLINE_HEAD = rf"(?:[Bb]y|[Pp]osted by|[Ww]ritten by|[Aa]uthor:)\s+(?!{_MONTHS}\b|\d){_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
_BYLINE_SEGMENT = r"\s*[,|·•–—-]\s*[^.!?|·•\s](?:[^.!?|·•]|\.(?=\s+[A-Z&])){0,60}"
_BYLINE_MORE = re.compile(
    rf"{_BYLINE_HEAD}(?:(?:{_BYLINE_SEGMENT})+(?<=\d{{4}})\.?|(?:{_BYLINE_SEGMENT})+(?<![.!?])"
    rf"|\s+on\s+{_DATE_LINE.pattern}|\s+on\s+{_DATE_LINE.pattern}(?:{_BYLINE_SEGMENT})+(?<![.!?]))"
)
_EMPHASIS_LINE = re.compile(r"([*_]{1,3})(\S(?:.*\S)?)\1")  # a Markdown line in italics or bold
_URL_LINE = re.compile(r"<?(?:https?://|www\.)\S+>?|\[[^\]]*\]\(\S+\)")
_PUBLISHED = re.compile(r"(?i)(?:first\s+)?(?:published|posted)(?:\s+on)?:?\s+(?:\d{1,2}\s+)?[a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}\.?")
_NAV_SEP = re.compile(r"\s[|•·»›>]\s|\s*\|\s*")
_FURNITURE_SECTIONS = frozenset(
    """see also|external links|further reading|related|related articles|related posts|navigation
    |references|bibliography|sources|citations|works cited|comments|comment|reader comments|responses
    |leave a reply|leave a comment|join the discussion""".replace("\n", "").split("|")
)
_FURNITURE_SECTIONS = frozenset(s.strip() for s in _FURNITURE_SECTIONS)
_FOOTNOTE_SECTIONS = frozenset({"notes", "footnotes", "endnotes"})

_SMALL_WORDS = frozenset(
    """a an the and or nor but of in on at to for from by with as vs via into onto upon over under per
    de la le du des del der von van et""".split()
)
_STRIP_WORD = "“”\"‘’'()[]«».,:;!?–—-*_"
_TERMINAL_END = re.compile(r"[.!?:;,…][\"”’'»)\]]*$")


def _is_short(s: str) -> bool:
    """Short and unpunctuated: a label, a table cell, a byline -- not a sentence."""
    if len(s) > 160 or len(s.split()) > 15:
        return False
    if any(len(line) > 90 for line in s.split("\n")):
        return False
    return not _TERMINAL_END.search(s.rstrip()) or _is_numeric(s)


def _collapse(s: str) -> str:
    return " ".join(s.split())


def _is_numeric(s: str) -> bool:
    s = _collapse(s)
    return bool(s) and _NUMERIC_CELL.fullmatch(s) is not None and not _DATE_LINE.fullmatch(s)


def _title_like(s: str) -> bool:
    """A lone line that reads like a heading: short, capitalised, unpunctuated."""
    s = _EDIT_LINK.sub("", s)  # 'The pits[edit]'
    if "\n" in s or len(s) > 100 or "|" in s:
        return False
    words = s.split()
    if not 1 <= len(words) <= 14:
        return False
    if not (s[0].isupper() or s[0].isdigit()):
        return False
    if _TERMINAL_END.search(s) or s.endswith(("-", "–", "—")):
        return False
    if len(words) == 1 and (len(s) < 4 or not s.isalpha()):
        return False
    sig = caps = 0
    for n, w in enumerate(words):
        core = w.strip(_STRIP_WORD)
        if not core:
            continue
        if n > 0 and core.lower() in _SMALL_WORDS:
            continue
        sig += 1
        if core[0].isupper() or core[0].isdigit():
            caps += 1
    return sig > 0 and caps / sig >= 0.75


def _sentence_case_head(s: str) -> bool:
    """"Kinds of volcano": a short line of words in sentence case, unpunctuated."""
    s = _EDIT_LINK.sub("", s)
    words = s.split()
    if not 2 <= len(words) <= 8 or len(s) > 70 or not s[0].isupper():
        return False
    if _TERMINAL_END.search(s) or _name_like(s) or _DATE_LINE.fullmatch(s):
        return False
    # a year or a span of years may stand among the words ('Closure from 1967 to 1975', 'Expansion in 2015')
    return all(re.fullmatch(r"[^\W\d_][\w’'\-]*|\d{4}(?:[–-]\d{2,4})?s?", w) for w in words) \
        and any(re.fullmatch(r"[^\W\d_][\w’'\-]*", w) for w in words[:1])


def _name_like(s: str) -> bool:
    """"John G. Wright": two to four capitalised names or initials."""
    words = s.split()
    if not 2 <= len(words) <= 4 or words[0] in ("The", "A", "An"):
        return False
    return all(re.fullmatch(r"[A-Z][a-z’'\-]+|[A-Z]\.", w) for w in words)


def _is_nav(s: str) -> bool:
    if "\n" in s:
        return False
    parts = [p for p in _NAV_SEP.split(s) if p.strip()]
    seps = len(parts) - 1
    if seps < 1 or len(s.split()) > 24:
        return False
    if any(len(p.split()) > 6 for p in parts):
        return False
    return seps >= 2 or all(len(p.split()) <= 4 for p in parts)


_CREDIT_WORDS = re.compile(
    r"\b(?:transcribed|transcription|marked up|mark-?up|html|proof-?read|digiti[sz]ed|scanned|typeset"
    r"|encoded|converted)\b[^\n]*\bby\b",
    re.I,
)
_HERE_END = re.compile(r"\b(?:here|this link)\s*(?:\([^)]{0,30}\))?\s*[.!:]?$", re.I)
_LINK_WORDS = re.compile(
    r"\b(?:review|article|link|available|see|read|source|paper|book|video|pdf|click|watch|listen"
    r"|download)\b",
    re.I,
)
_NAV_CHARS = frozenset("|•·»›>")
_BRACKETED_NOTE = re.compile(r"[*_]*\[[^\[\]\n]{2,160}\][*_]*")
_EDIT_LINK = re.compile(r"\s*\[\s*edit(?:\s+source)?\s*\]\s*$", re.I)
_LABEL_LINE = re.compile(r"(?:[A-Z][A-Za-z]+(?:[ \t][A-Za-z]+)?):[ \t]+\S")


def first_prose_index(paras: list) -> int:
    return next((k for k, p in enumerate(paras) if p.kind is None and not p.short), len(paras))


_AUTHOR_NOTE = re.compile(r"(?i)\b(?:is|was)\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}(?:professor|writer|journalist|editor|"
                          r"researcher|scientist|lecturer|director|fellow|author|correspondent|columnist|historian)\b|"
                          r"\b(?:views|opinions)\s+expressed\b")
SIGN_OFF = re.compile(r"(?i)(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully)(?:\s+yours)?,?|(?:best|kind|warm|with)\s+"
                      r"regards,?|yours,")
def furniture_line(line: str) -> bool:
    """A line of page furniture (navigation, credits, a byline, forum chrome), not a statement."""
    s = line.strip()
    if not s:
        return True
    if threads.chrome_line(s):
        return True
    words = s.count(" ") + 1  # an upper bound on the word count is enough for the limits below
    if words > 40:
        return False
    if s[0] in "-*_=~<[hHwW" and (_HRULE.fullmatch(s) or _URL_LINE.fullmatch(s)):
        return True
    words = len(s.split())
    if words <= 8 and _CHROME.fullmatch(s):
        return True
    if words <= 6 and _PAGE_LINE.fullmatch(s):
        return True
    if words <= 20 and s[0] in "[*_" and _BRACKETED_NOTE.fullmatch(s):
        return True  # '*[End of recording — 41 min 12 s]*': a transcript's note, nobody's words
    if words <= 25 and POINTER.match(s):
        return True  # 'Visitor information is available from the [New York State Canal Corporation](…).'
    if words <= 20 and _FORMULA_LINE.fullmatch(s) and not re.search(r"[a-z]{3,}", s):
        return True  # '6CO2 + 6H2O -> C6H12O6 + 6O2': a formula on a line of its own, no sentence
    if words <= 24 and not _NAV_CHARS.isdisjoint(s) and _is_nav(s):
        return True
    if _SOURCE_LINE.match(s) or _COPYRIGHT.match(s) or _CREDIT_WORDS.search(s):
        return True
    if words <= 14 and _UPDATED.match(s):
        return True
    if words <= 8 and _PUBLISHED.fullmatch(s):
        return True  # 'Published April 14, 2020' under a title
    if words <= 8 and (_DATE_LINE.fullmatch(s) or _BYLINE.fullmatch(s)):
        return True
    if s[:1] in "*_" and words <= 20:
        m = _EMPHASIS_LINE.fullmatch(s)
        s = m.group(2) if m else s
    if words <= 20 and s[:1] in "BbPpWwAa" and _BYLINE_MORE.fullmatch(s):
        return True
    if words <= 12 and _HERE_END.search(s) and _LINK_WORDS.search(s):
        return True
    return False


def _markup_heading(line: str, fmt: str) -> tuple[int, str] | None:
    if fmt == "html":
        m = _H_MD.fullmatch(line)
        return (min(len(m.group(1)), 3), m.group(2).strip()) if m else None
    m = _H_EQ.fullmatch(line)
    if m:
        return min(len(m.group(1)), 3), m.group(2).strip()
    if len(line) - len(line.lstrip(" ")) <= 3:
        m = _H_MD.fullmatch(line.strip())
        if m:
            return min(len(m.group(1)), 3), m.group(2).strip()
    return None


# ---------------------------------------------------------------------------
# The analysis
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _P:
    start: int
    end: int
    lines: list  # [(start, end)] of the paragraph's lines, trimmed
    kind: str | None = None
    level: int = 0
    title: str = ""
    body: int = -1  # first offset of the sentence-bearing text
    runin: bool = False
    short: bool = False
    hinted: bool = False
    turn: bool = False  # a turn of a transcript ('A (Dr. Okafor): …'), or a paragraph that goes on with one
    speaker: str = ""  # who speaks in that turn, as a stem attributes it ("" where the turn asks)


@dataclass
class Structure:
    sections: list[Section]
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    title: str = ""  # the document's own title if the text states one ("" if not)
    title_candidates: list[str] = field(default_factory=list)
    byline: tuple[str, str] | None = None  # (author, date) of a byline before the first prose paragraph
    transcript: bool = False  # the text is a transcript of spoken turns (see transcript.py)
    turns_start: int = -1  # in a transcript, where its first turn begins (what is before is its header)


def _unemphasised(line: str) -> str:
    s = line.strip()
    m = _EMPHASIS_LINE.fullmatch(s)
    return m.group(2) if m else s


def _byline_block(lines: list[str]) -> bool:
    """A byline, then up to three short lines with no sentence in them (a post, a place, a date)."""
    return 2 <= len(lines) <= 4 and byline_of(lines[0]) is not None and all(
        len(line.split()) <= 12 and not re.search(r"[a-z]{2}[.!?]$", _unemphasised(line)) for line in lines[1:])


def byline_of(line: str) -> tuple[str, str] | None:
    """('Maria Lopez', 'March 2019') for 'By Maria Lopez, Engineering History Review, March 2019'."""
    s = line.strip()
    m = _EMPHASIS_LINE.fullmatch(s)
    s = m.group(2) if m else s
    if not (_BYLINE_MORE.fullmatch(s) or (len(s.split()) <= 8 and _BYLINE.fullmatch(s))):
        return None
    head = rx(rf"(?:[Bb]y|[Pp]osted by|[Ww]ritten by|[Aa]uthor:)\s+({_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*)").match(s)
    if head is None:
        return None
    date = re.search(_DATE_LINE.pattern.replace(r"\(?\s*", "").replace(r"\s*\)?\.?", ""), s[head.end():], re.I)
    author = head.group(1).strip()
    if "," in author and not re.search(r"\band\b|&", author):
        author = author.split(",")[0]  # 'Maria Lopez, Engineering History Review': the journal follows
    return author, (date.group(0).strip() if date else "")


def parse_structure(text: str, source_format: str = "text") -> tuple[list[Section], list[Paragraph], list[Sentence]]:
    """Sections, paragraphs and sentences of ``text`` (see the module docstring)."""
    s = analyse(text, source_format)
    return s.sections, s.paragraphs, s.sentences


def _iter_lines(text: str):
    pos, n = 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        yield pos, nl
        pos = nl + 1


_BLOCK_RE = re.compile(r"\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")


def _trimmed_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each line of a block, without surrounding whitespace (block has no blank line)."""
    if text.find("\n", start, end) < 0:
        e = end
        while e > start and text[e - 1].isspace():
            e -= 1
        return [(start, e)]
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            nl = end
        line = text[pos:nl]
        lead = len(line) - len(line.lstrip())
        spans.append((pos + lead, pos + len(line.rstrip())))
        pos = nl + 1
    return spans


def _blocks(text: str, fmt: str) -> list[tuple[str | None, list[tuple[int, int]]]]:
    """Runs of non-blank lines; each line as its trimmed (start, end)."""
    if fmt != "markdown":  # no fenced code: a regex finds the runs in one linear scan
        return [(None, _trimmed_lines(text, m.start(), m.end())) for m in _BLOCK_RE.finditer(text)]
    blocks: list = []
    cur: list = []
    fence = False
    for ls, le in _iter_lines(text):
        line = text[ls:le]
        stripped = line.strip()
        span = None
        if stripped:
            lead = len(line) - len(line.lstrip())
            span = (ls + lead, ls + len(line.rstrip()))
        if fmt == "markdown" and stripped.startswith(("```", "~~~")):
            if fence:
                cur.append(span)
                blocks.append(("code", cur))
                cur, fence = [], False
            else:
                if cur:
                    blocks.append((None, cur))
                cur, fence = [span], True
            continue
        if fence:
            if span:
                cur.append(span)
            continue
        if span is None:
            if cur:
                blocks.append((None, cur))
                cur = []
            continue
        cur.append(span)
    if cur:
        blocks.append(("code" if fence else None, cur))
    return blocks


def _split_block(text: str, tag, lines, fmt: str, hint) -> list[_P]:
    if tag == "code":
        return [_P(lines[0][0], lines[-1][1], lines, kind="furniture")]
    if hint is not None:
        kind, level = hint
        p = _P(lines[0][0], lines[-1][1], lines, hinted=True)
        if kind == "heading":
            h = _markup_heading(text[p.start:p.end].replace("\n", " "), "html")
            p.kind, p.level = "heading", level
            p.title = h[1] if h else _collapse(text[p.start:p.end])
        elif kind in ("list", "table", "furniture", "quote"):
            p.kind = kind
        elif kind == "pre":
            p.kind = "furniture"
        return [p]
    if len(lines) == 1 and fmt != "markdown":  # fast path: a one-line block
        a, b = lines[0]
        line = text[a:b]
        h = _markup_heading(line, fmt) if line[0] in "=#" else None
        if h:
            return [_P(a, b, lines, kind="heading", level=h[0], title=h[1])]
        if line[0] in "-*_=~" and _HRULE.fullmatch(line) or _PAGE_LINE.fullmatch(line):
            return [_P(a, b, lines, kind="furniture")]
        return [_P(a, b, lines, kind="list" if _LIST_ITEM.match(line) else None)]
    if fmt == "text":
        if len(lines) >= 3 and all(_TIMELINE_ENTRY.match(text, a, b) for a, b in lines):
            return [_P(lines[0][0], lines[-1][1], lines, kind="list")]  # '1845 - blight first appears …': a timeline
        first = text[lines[0][0]:lines[0][1]]
        second = text[lines[1][0]:lines[1][1]]
        if len(first) <= 80 and _title_like(first) and not _LIST_ITEM.match(first) and not _SETEXT.fullmatch(second) and (
                len(second) >= 1.6 * len(first) or all(furniture_line(text[a:b]) for a, b in lines[1:])):
            # 'How The Grasslands Were Plowed' over its paragraph with no blank line between; a title
            # over its byline and dates: the heading line stands alone, and later steps say what it is
            return [_P(lines[0][0], lines[0][1], lines[:1])] + _split_block(text, tag, lines[1:], fmt, hint)
        if len(lines) >= 3 and _sentence_case_head(first) and second[:1].isupper() and len(second) >= 2.5 * len(first):
            # 'Seafloor spreading' over its paragraph in a textbook copied from a PDF: a heading in sentence case
            return [_P(lines[0][0], lines[0][1], lines[:1], kind="heading", level=2, title=first.strip())] + \
                _split_block(text, tag, lines[1:], fmt, hint)
        if _PAGE_LINE.fullmatch(first) and len(lines) <= 3 and all(_is_short(text[a:b]) for a, b in lines[1:]):
            return [_P(lines[0][0], lines[-1][1], lines, kind="furniture")]  # '- Page 1 -' over a running head
        if len(lines) >= 3 and sum(bool(_COLUMNS.search(text[a:b])) for a, b in lines) >= len(lines) - 1:
            return [_P(lines[0][0], lines[-1][1], lines, kind="table")]  # columns aligned with spaces
        if len(lines) >= 2 and all(GLOSS_ENTRY.fullmatch(text, a, b) for a, b in lines):
            return [_P(lines[0][0], lines[-1][1], lines, kind="list")]  # a glossary: an entry a line
        if len(lines) >= 2 and all(a > 0 and text[a - 1] in " \t" and b - a <= 80 and text[b - 1] not in ".!?:;"
                                   for a, b in lines):
            # '    Anjer (Anyer), western Java' over '    Merak, north-western Java': short lines indented
            # alike, none a sentence, are a list with no markers, an item a line
            return [_P(lines[0][0], lines[-1][1], lines, kind="list")]
    out: list[_P] = []
    run: list = []
    run_kind = None

    def close():
        nonlocal run, run_kind
        if run:
            out.append(_P(run[0][0], run[-1][1], run, kind="list" if run_kind == "list" else None))
            if run_kind == "mdtable":
                out[-1].kind = "table"
            elif run_kind == "quote":
                out[-1].kind = "quote"
        run, run_kind = [], None

    for span in lines:
        line = text[span[0]:span[1]]
        h = _markup_heading(line, fmt)
        if h:
            close()
            out.append(_P(span[0], span[1], [span], kind="heading", level=h[0], title=h[1]))
            continue
        if fmt == "markdown":
            if run_kind is None and len(run) == 1 and _SETEXT.fullmatch(line) and not _LIST_ITEM.match(text[run[0][0]:run[0][1]]):
                first = run[0]
                out.append(_P(first[0], span[1], [first, span], kind="heading",
                              level=1 if line[0] == "=" else 2, title=text[first[0]:first[1]].strip()))
                run, run_kind = [], None
                continue
            if _HRULE.fullmatch(line):
                close()
                out.append(_P(span[0], span[1], [span], kind="furniture"))
                continue
            if line.startswith(">") or (run_kind == "quote" and not _LIST_ITEM.match(line)):
                # a block quotation (lazy continuation lines included): someone else's words,
                # shown in the reader but never asked about
                if run_kind != "quote":
                    close()
                    run_kind = "quote"
                run.append(span)
                continue
            if _IMAGE_LINE.fullmatch(line):  # '![a caption](fig.jpg)' on a line of its own
                close()
                out.append(_P(span[0], span[1], [span], kind="furniture"))
                continue
            if line.startswith("|"):
                if run_kind != "mdtable":
                    close()
                    run_kind = "mdtable"
                run.append(span)
                continue
        if run_kind == "text" and len(run) == 1 and len(line) >= 3 and _SETEXT.fullmatch(line) \
                and (_title_like(text[run[0][0]:run[0][1]]) or _sentence_case_head(text[run[0][0]:run[0][1]])):
            # a plain-text heading underlined as in Markdown ('Aftermath' over '---------')
            first = run[0]
            out.append(_P(first[0], span[1], [first, span], kind="heading",
                          level=1 if line[0] == "=" else 2, title=text[first[0]:first[1]].strip()))
            run, run_kind = [], None
            continue
        if _HRULE.fullmatch(line):
            close()
            out.append(_P(span[0], span[1], [span], kind="furniture"))
            continue
        if _LIST_ITEM.match(line) and run_kind == "text" and run and \
                text[run[-1][0]:run[-1][1]].rstrip().endswith(('"', "”")) and _ATTRIBUTION.fullmatch(line):
            close()  # '- Robert E. Geiger, Associated Press reporter, April 1935' under a quotation
            out.append(_P(span[0], span[1], [span], kind="furniture"))
            continue
        if _LIST_ITEM.match(line):
            if run_kind != "list":
                close()
                run_kind = "list"
            run.append(span)
            continue
        if run_kind == "list":  # a continuation line of the last item
            run.append(span)
            continue
        if run_kind == "mdtable":
            close()
        run_kind = "text"
        run.append(span)
    close()
    return out


def _runin_head(text: str, p: _P) -> tuple[str, int] | None:
    """``STAKHANOVISM: In a ...`` -> ("STAKHANOVISM", offset of "In")."""
    first_line_end = p.lines[0][1]
    limit = min(first_line_end, p.start + 160)
    colon = text.find(":", p.start, limit)
    if colon < 0 or colon + 1 >= p.end or not text[colon + 1].isspace():
        return None
    head = text[p.start:colon].rstrip()
    if not head or not (head[0].isupper() or head[0].isdigit()):
        return None
    if any(c.islower() for c in head) or sum(c.isalpha() for c in head) < 4:
        return None
    if not re.search(r"[^\W\d_]{3,}", head) or not re.fullmatch(r"[\w\s’'‘“”\"\-–—,&().\/]+", head):
        return None
    body = skip_ws(text, colon + 1, p.end)
    if body >= p.end:
        return None
    return head, body


_STOP_HEAD = re.compile(r"([A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,2})\.[ \t]+(?=[A-Z“\"])")
_NOT_A_HEAD = re.compile(r"(?i)\b(?:not|no|yes|nothing|it|this|that|they|he|she|we|i|you|is|was|are|were|be|did|do|"
                         r"does|has|have|had|so|then|now|well|ok|okay|thanks|agreed|exactly|indeed|true|false|wrong|"
                         r"right|perhaps|maybe|never|always|sure|fine|good|great|correct|see|note)\b")


def _stop_head(text: str, p: _P) -> tuple[str, int] | None:
    """``Size. Ancient figures …`` -> ("Size", offset of "Ancient"): a head of one to three words, no
    verb or reply word among them, and at least a sentence of text after it."""
    m = _STOP_HEAD.match(text, p.start, min(p.end, p.start + 60))
    if not m or _NOT_A_HEAD.search(m.group(1)) or sum(c.isalpha() for c in m.group(1)) < 4 \
            or m.group(1).split()[-1].lower() in ALWAYS_ABBREVIATIONS:
        return None
    body = m.end()
    if len(text[body:p.end].split()) < 6:
        return None
    return m.group(1), body


class _CaseCounts:
    """How the document writes each word: Capitalised vs lowercase (built on demand)."""

    def __init__(self, text: str):
        self.text = text
        self._counts: dict[str, list[int]] | None = None

    def proper(self, word: str) -> bool:
        if self._counts is None:
            counts: dict[str, list[int]] = {}
            for m in re.finditer(r"[^\W\d_]+", self.text):
                w = m.group()
                if w.islower():
                    counts.setdefault(w, [0, 0])[1] += 1
                elif w[0].isupper() and (len(w) == 1 or w[1:].islower()):
                    # only mid-sentence capitals count: "... of the First Five Year Plan"
                    i = m.start()
                    if i >= 2 and self.text[i - 1] == " " and (self.text[i - 2].isalnum() or self.text[i - 2] in ",;"):
                        counts.setdefault(w.lower(), [0, 0])[0] += 1
            self._counts = counts
        t, l = self._counts.get(word.lower(), (0, 0))
        return t > l


_CALENDAR = frozenset(
    """january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def readable_case(head: str, counts: _CaseCounts | None = None) -> str:
    """"THE DECEMBER 1938 LAWS" -> "The December 1938 laws" (proper nouns kept if the text capitalises them)."""
    first = True

    def fix(m: re.Match) -> str:
        nonlocal first
        w = m.group()
        if first:
            first = False
            return w[0].upper() + w[1:].lower()
        if w.lower() in _CALENDAR or (counts is not None and counts.proper(w)):
            return w[0].upper() + w[1:].lower()
        return w.lower()

    return re.sub(r"[^\W\d_]+", fix, _collapse(head))


def _item_spans(text: str, p: _P, marker: re.Pattern) -> list[tuple[int, int]]:
    """The items of a list/footnote paragraph, markers excluded."""
    items: list[list[int]] = []
    unmarked = not any(marker.match(text, s, e) for s, e in p.lines)  # an indented list: an item a line
    for s, e in p.lines:
        m = marker.match(text, s, e)
        if m or not items or unmarked:
            items.append([m.end() if m else s, e])
        else:
            items[-1][1] = e
    return [(s, e) for s, e in items]


def analyse(text: str, source_format: str = "text", hints: list | None = None) -> Structure:
    """The full structure of ``text``; ``hints`` are (start, end, kind, level) block spans from HTML extraction."""
    fmt = {"md": "markdown", "txt": "text", "htm": "html"}.get(source_format, source_format)
    hint_at = {h[0]: (h[2], h[3]) for h in hints} if hints else {}
    paras: list[_P] = []
    for tag, lines in _blocks(text, fmt):
        hint = hint_at.get(lines[0][0]) if hint_at else None
        if hints is not None and hint is None:
            hint = ("p", 0)
        paras.extend(_split_block(text, tag, lines, fmt, hint))

    ptext = [text[p.start:p.end] for p in paras]
    fm = front_matter(text) if fmt == "markdown" else None
    for p, s in zip(paras, ptext):
        if fm and p.end <= fm[1]:
            p.kind = "furniture"  # YAML front matter: the file's metadata, read by the reader
        if p.kind is None:
            p.short = _is_short(s)

    # 1. Tables: bare-number paragraphs and the runs of short labels around them.
    n = len(paras)
    i = 0
    while i < n:
        if paras[i].kind is not None or not paras[i].short:
            i += 1
            continue
        j = i
        numeric = 0
        while j < n and paras[j].kind is None and paras[j].short:
            if _is_numeric(ptext[j]):
                numeric += 1
            j += 1
        if numeric >= 2 or (numeric >= 1 and j - i >= 3):
            for k in range(i, j):
                paras[k].kind = "table"
        else:
            for k in range(i, j):
                if _is_numeric(ptext[k]):
                    paras[k].kind = "table"
        i = j

    # 2. Furniture lines; and a byline block ('**By Dr. Helen R. Marchetti**', then her post and the
    #    date, each on a line of its own, no sentence among them).
    for p, s in zip(paras, ptext):
        if p.kind is None and len(s) <= 600 and (all(furniture_line(text[a:b]) for a, b in p.lines)
                                                 or _byline_block([text[a:b] for a, b in p.lines])
                                                 or threads.post_head_block([text[a:b] for a, b in p.lines])
                                                 or threads.signature_block([text[a:b] for a, b in p.lines])):
            p.kind = "furniture"
    # A book's running head, repeated on each page with its number ('CHAPTER 3  THE RESTLESS EARTH   47'):
    # furniture, and what it names is the document's title.
    running = pdfcopy.running_heads(paras, ptext) if fmt == "text" else set()
    for p, s in zip(paras, ptext):
        if p.kind is None and pdfcopy.RUNNING_NUMBER.sub("", s.strip()) in running:
            p.kind = "furniture"
    # A message quoted from an earlier post ('> Quote from HebrideanHaar:' and its '>' lines): said before.
    if fmt == "text":
        for p, s in zip(paras, ptext):
            if p.kind is None and all(text[a:b].lstrip().startswith(">") for a, b in p.lines):
                p.kind = "furniture"

    # A header of labelled lines over the text ('Teacher: Mr. D. Ó Súilleabháin', 'Class: 5th Year History'):
    # the school's, the author's or the form's details, not statements.
    for p, s in zip(paras[:first_prose_index(paras) + 1], ptext[:first_prose_index(paras) + 1]):
        lines = [line.strip() for line in s.strip().split("\n") if line.strip()]
        # (an encyclopedia's infobox flattened into lines, 'Born: 25 July 1920, Notting Hill', has a dozen)
        if p.kind is None and 2 <= len(lines) <= 16 and sum(bool(_LABEL_LINE.match(line)) for line in lines) >= 2 and all(
                _LABEL_LINE.match(line) or (len(line.split()) <= 10 and not re.search(r"[a-z]{2}[.!?]$", line))
                for line in lines):
            p.kind = "furniture"

    # An author's note in italics under the title ('*Dr. Helena M. Vance is a professor of sleep medicine …
    # The views expressed are her own.*'): who wrote it, not what it says.
    first_prose = next((k for k, p in enumerate(paras) if p.kind is None and not p.short), len(paras))
    for p, s in zip(paras[:first_prose + 1], ptext[:first_prose + 1]):
        if p.kind is None and _EMPHASIS_LINE.fullmatch(s.strip().replace("\n", " ")) and _AUTHOR_NOTE.search(s):
            p.kind = "furniture"

    # A letter's sign-off and the signature under it ('Sincerely,' / the name / post, degrees, e-mail):
    # short lines with no sentence among them, up to the first paragraph of prose ('P.S. …').
    for k, (p, s) in enumerate(zip(paras, ptext)):
        if p.kind in (None, "furniture") and SIGN_OFF.fullmatch(s.strip()):
            p.kind = "furniture"
            for q, t in zip(paras[k + 1:], ptext[k + 1:]):
                lines = [line for line in t.strip().split("\n") if line.strip()]
                if q.kind not in (None, "furniture", "heading") or not lines or len(lines) > 6 or any(
                        len(line.split()) > 14 or re.search(r"[a-z]{3}[.!?]$", line.strip()) for line in lines):
                    break
                q.kind = "furniture"

    # Turns of a transcript ('A (Dr. Okafor): Both, in a sense …'): a speaker's label is no run-in head, and
    # what the audience, a moderator or an interviewer says is a question, not a claim of the talk.
    spoken = transcript.turns(text, [(p.start, p.end) for p in paras if p.kind is None])
    for p in paras:
        t = spoken.get(p.start) if spoken and p.kind is None else None
        if t:
            p.turn, p.speaker, p.body = True, t.speaker, t.body
            if t.asks:
                p.kind = "furniture"
    if spoken:
        # the lines over the first turn that name the programme, the station, the broadcast, the episode
        # ('Pacific Northwest Public Radio, 91.7 FM', 'Broadcast: Monday 18 May 2020, 7:00 p.m.'): no claims
        for p, s in zip(paras, ptext):
            if p.start >= min(spoken):
                break
            if p.kind is None and transcript.header_lines(s):
                p.kind = "furniture"

    # 3. Run-in heads: 'STAKHANOVISM: In a …'; and, where two paragraphs or more open so, a short
    #    noun phrase ended by a full stop ('Size. Ancient figures are unreliable.', 'Caesar's fire. It …').
    for p in paras:
        if p.kind is None and not p.short and not p.turn:
            r = _runin_head(text, p)
            if r:
                p.runin, p.title, p.body = True, r[0], r[1]
    stopped = [(p, r) for p in paras if p.kind is None and not p.short and not p.runin and not p.turn
               and (r := _stop_head(text, p))]
    if len(stopped) >= 2:
        for p, r in stopped:
            p.runin, p.title, p.body = True, r[0], r[1]

    def substantive(p: _P) -> bool:
        return p.kind in ("heading", "list") or p.runin or (p.kind is None and not p.short)

    # 4. Plain text: the title line at the top, then front matter.
    first_sub = next((k for k, p in enumerate(paras) if substantive(p)), None)
    if fmt == "text" and paras and paras[0].kind is None and len(paras[0].lines) == 1 and n > 1:
        s = ptext[0]
        question = s.endswith("?") and s[0].isupper() and len(s.split()) <= 25
        # 'Congo River' over 'The Congo River (formerly …) is the second-longest river …': a name the
        # article opens with is its subject, not a byline (second blind review of new-documents-20)
        subject = _name_like(s) and paras[1].kind is None and not paras[1].short and \
            rx(rf"(?:The\s+)?{re.escape(s.strip())}\b").match(ptext[1].lstrip()) is not None
        if question or subject or (_title_like(s) and not _name_like(s) and not _DATE_LINE.fullmatch(s)):
            paras[0].kind, paras[0].level, paras[0].title = "heading", 1, s.strip()
            first_sub = next((k for k, p in enumerate(paras) if k > 0 and substantive(p)), None)
    title_candidates: list[str] = [pdfcopy.running_title(h) for h in sorted(running)]
    lead_k = next((k for k, p in enumerate(paras) if p.kind is None and not p.short), 0)
    lead = ptext[lead_k] if lead_k else ""
    top = ptext[0].strip().split("\n")[0].strip() if fmt == "text" and lead_k and paras[0].kind in (None, "furniture") else ""
    if top and _name_like(top) and all(w in lead[:120] for w in top.split()):
        # 'Rosalind Franklin' over 'From the free encyclopedia', the lead 'Rosalind Elsie Franklin (25 July
        # 1920 – …) was …': a name the article is about (first-sight review of new-documents-26)
        title_candidates.append(top)
    first_sub_k = first_sub if first_sub is not None else -1
    if first_sub is not None:
        for p, s in zip(paras[:first_sub], ptext[:first_sub]):
            if p.kind is None and p.short and not pdfcopy.DECIMAL_HEAD.fullmatch(s.strip()):
                p.kind = "furniture"
                if _title_like(s) and not _name_like(s) and not _DATE_LINE.fullmatch(s):
                    title_candidates.append(s.strip())

    # 5. Plain text: lone title-like lines followed by prose are headings.  Lines in sentence
    #    case ("Kinds of volcano") count only when the document uses two or more of them, each
    #    between blocks of prose: one such line alone is as likely a caption or a byline.
    if fmt == "text":
        sentence_case: list[_P] = []
        numbered: list[tuple[_P, str]] = []
        for k, (p, s) in enumerate(zip(paras, ptext)):
            lead_head = k == first_sub_k - 1 and k > 0 and paras[k - 1].kind == "heading"  # see 4.
            head = _NUMBERED_HEAD.fullmatch(s) if p.kind == "list" and len(p.lines) == 1 and k + 1 < n else None
            if head and paras[k + 1].kind is None and not paras[k + 1].short and \
                    (_title_like(head.group(1)) or _sentence_case_head(head.group(1).rstrip("?"))):
                numbered.append((p, head.group(1)))  # '3. Light and air' over a paragraph of prose
            decimal = pdfcopy.DECIMAL_HEAD.fullmatch(s.strip()) if p.kind is None and len(p.lines) == 1 and k + 1 < n else None
            if decimal and (paras[k + 1].kind is None or paras[k + 1].kind == "list") and \
                    _sentence_case_head(decimal.group(1)) or decimal and _title_like(decimal.group(1)):
                p.kind, p.level, p.title = "heading", 2, s.strip()  # '3.2 Types of plate boundaries': a textbook's
                continue
            asks = s.endswith("?") and _title_like(s[:-1])  # 'Where Was Krakatoa?' over its answer
            if (p.kind is None or lead_head) and (p.short or asks) and len(p.lines) == 1 and k + 1 < n and not p.turn:
                nxt = paras[k + 1]
                if nxt.kind == "furniture" and k + 2 < n:
                    nxt = paras[k + 2]  # 'THE OVERALL EQUATION' over a formula, then prose
                if not (nxt.kind == "list" or nxt.runin or (nxt.kind is None and not nxt.short)):
                    continue
                if (_title_like(s) or asks) and (p.kind is None or lead_head):
                    # (a heading right under the title line, 'ORIGINS IN THE EAST', was taken for front matter)
                    p.kind, p.level, p.title = "heading", 2, s.strip()
                    if p.title in title_candidates:
                        title_candidates.remove(p.title)
                elif k > 0 and _sentence_case_head(s) and nxt.kind == "list" and \
                        all(GLOSS_ENTRY.fullmatch(text, a, b) for a, b in nxt.lines):
                    p.kind, p.level, p.title = "heading", 2, s.strip()  # 'Key terms' over a glossary
                elif k > 0 and _sentence_case_head(s) and (paras[k - 1].kind == "heading" or not paras[k - 1].short):
                    sentence_case.append(p)
        if len(numbered) >= 2:  # numbered sections, not a list: two or more, each over prose
            for p, title in numbered:
                p.kind, p.level, p.title = "heading", 2, title
        if len(sentence_case) >= 2:
            for p in sentence_case:
                p.kind, p.level, p.title = "heading", 2, text[p.start:p.end].strip()
                if p.title in title_candidates:
                    title_candidates.remove(p.title)

    # 6. Lists, footnotes, prose.
    markers: dict[str, int] = {}
    for m in _FOOT_MARKER.finditer(text):
        markers.setdefault(m.group(1), m.start())
    for p, s in zip(paras, ptext):
        if p.kind in (None, "list"):
            m = _FOOTNOTE_START.match(s)
            if m:
                if m.group(1) or m.group(2):
                    p.kind = "footnote"
                elif m.group(3) in markers and markers[m.group(3)] < p.start:
                    p.kind = "footnote"
        if p.kind is None:
            p.kind = "prose"

    # 7. Sections.
    counts = _CaseCounts(text)
    sections: list[list] = []  # [title, level, start]
    sec_of: list[int] = []
    first_h = next((k for k, p in enumerate(paras) if p.kind == "heading" or p.runin), None)
    merge_title = (
        first_h is not None
        and paras[first_h].kind == "heading"
        and paras[first_h].level == 1
        and all(q.kind == "furniture" for q in paras[:first_h])
    )
    sections.append([paras[first_h].title if merge_title else "", 1, 0])
    for k, p in enumerate(paras):
        if (p.kind == "heading" or p.runin) and not (merge_title and k == first_h):
            if p.runin:
                sections.append([readable_case(p.title, counts), 3, p.start])
            else:  # 'Discovery[edit]': a wiki page copied with its edit links
                sections.append([_EDIT_LINK.sub("", p.title), p.level, p.start])
        sec_of.append(len(sections) - 1)
    ends = [len(text)] * len(sections)
    stack: list[int] = []
    for k, (_, level, start) in enumerate(sections):
        if k == 1:
            ends[0] = start  # the lead ends where the first section begins
            stack = []
        while stack and sections[stack[-1]][1] >= level:
            ends[stack.pop()] = start
        if k > 0:
            stack.append(k)
    section_objs = [Section(k, t, lv, st, ends[k]) for k, (t, lv, st) in enumerate(sections)]

    for k in range(1, len(paras)):  # 'Related articles' (page chrome, not a heading) over its list of links
        if paras[k].kind == "list" and paras[k - 1].kind == "furniture" and \
                ptext[k - 1].strip().rstrip(":").lower() in _FURNITURE_SECTIONS:
            paras[k].kind = "furniture"
    for p, k in zip(paras, sec_of):
        # ('Comments (2)', '14 comments': readers' comments under a post, not the post's claims)
        title = re.sub(r"^\d+\s+|\s*\(\d+\)$", "", section_objs[k].title.strip().lower())
        if p.kind != "heading":
            if title in _FURNITURE_SECTIONS:
                p.kind = "furniture"
            elif title in _FOOTNOTE_SECTIONS and p.kind in ("prose", "list"):
                p.kind = "footnote"

    # 8. Paragraph objects and sentences.
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    number = 0
    for idx, (p, k) in enumerate(zip(paras, sec_of)):
        visible = p.kind not in ("furniture", "heading")
        if visible:
            number += 1
        paragraphs.append(Paragraph(idx, number if visible else 0, p.start, p.end, k, p.kind, p.speaker))
        if p.kind == "prose":
            regions = [(p.body if p.body >= 0 else p.start, p.end)]
        elif p.kind == "list":
            regions = _item_spans(text, p, _LIST_ITEM)
        elif p.kind == "footnote":
            regions = _item_spans(text, p, _ITEM)
        else:
            continue
        for rs, re_ in regions:
            for s, e in split_sentences(text, rs, re_):
                sentences.append(Sentence(len(sentences), s, e, idx, k, text[s:e]))

    level1 = next((p.title for p in paras if p.kind == "heading" and p.level == 1 and p.title), "")
    first_prose = next((k for k, p in enumerate(paras) if p.kind == "prose"), len(paras))
    found = next((b for p, t in zip(paras[:first_prose], ptext[:first_prose])
                  if p.kind == "furniture" and ("\n" not in t.strip() or _byline_block(t.strip().split("\n")))
                  and (b := byline_of(t.strip().split("\n")[0]))), None)
    if found is None and first_prose < len(paras):
        # a standfirst over the byline that names the writer: 'The evidence … is weaker than we are told,
        # argues Priya Raman.' then 'By Priya Raman, Year 12'
        second = next((k for k, p in enumerate(paras) if p.kind == "prose" and k > first_prose), len(paras))
        found = next((b for p, t in zip(paras[first_prose + 1:second], ptext[first_prose + 1:second])
                      if p.kind == "furniture" and "\n" not in t.strip() and (b := byline_of(t.strip()))
                      and (b[0].split()[-1] in ptext[first_prose]
                           or re.search(r"\b(?:argues|writes|says|asks)\b", ptext[first_prose]))), None)
    if found and not found[1]:  # the date on a line of the block of its own
        block = next((t for p, t in zip(paras, ptext)
                      if p.kind == "furniture" and byline_of(t.strip().split("\n")[0]) == found), "")
        date = next((m.group(0).strip("()*_. ") for line in block.split("\n")[1:]
                     if (m := _DATE_LINE.fullmatch(_unemphasised(line)))), "")
        found = (found[0], date)
    return Structure(section_objs, paragraphs, sentences, level1, title_candidates, found, bool(spoken),
                     min(spoken) if spoken else -1)
