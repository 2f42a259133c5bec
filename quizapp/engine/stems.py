"""Turning a source sentence into a question stem: context, attribution, blanks.

A stem must stand on its own: a sentence that opens with "He", "Those" or
"This" gets the sentence before it, or is not used. Claims from documents of
kind ``argument`` or ``discussion`` are attributed in the stem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.engine import lexicon
from quizapp.engine.facts import _zipf
from quizapp.engine.model import Document, Sentence

BLANK = "_____"

_ANAPHOR_START = re.compile(
    r"^(?:[“\"‘]\s*)?(?:He|She|It|They|This|That|These|Those|Such|His|Her|Its|Their|Him|Them|Both|"
    r"Of those|Of these|The two|In this|By this|At this|Here|All of which|The latter|The former|"
    r"The same|Later|Afterwards|Now|So)\b"
)
_PRONOUN_MID = re.compile(r"\b(?:he|she|him|his|her|hers)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I've|I’ve|my|me|we|our|us)\b")
_TRAILING_CITATION = re.compile(
    r"\s*\((?:[^()]*(?:\bPravda\b|\bIdem\b|\bcit\.|\bNews\b|\bTrotsky\b|\bemphasis\b)[^()]*)\)\s*(?=[.”\"]*\s*$)"
)
_DISCOURSE_START = re.compile(
    r"^(?:But|And|Yet|So|Thus,?|Hence,?|However,|Nevertheless,?|Nonetheless,?|Similarly,|Subsequently,|"
    r"Therefore,?|Indeed,|In fact,|Of course,|Moreover,|Furthermore,|Still,)\s+(?=[A-Za-z“\d])"
)
_FOOTNOTE = re.compile(r"\s*\[\d+\]")


@dataclass
class Context:
    """The text a question is built from."""

    sentence: Sentence
    previous: Sentence | None  # included when the sentence needs it
    quoted: bool  # the sentence is inside a quotation in the document
    attribution: str  # "" or "According to John G. Wright (1941), "
    problem: str = ""  # why the sentence cannot be used on its own

    @property
    def start(self) -> int:
        return self.previous.start if self.previous else self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end


def attribution_for(doc: Document, quoted: bool) -> str:
    kind = doc.kind
    who = doc.meta.get("attribution") or doc.meta.get("author") or ""
    if kind == "argument" and who:
        return f"According to a source quoted by {who}, " if quoted else f"According to {who}, "
    if kind == "discussion":
        return f"According to {who or 'one contributor to the discussion'}, "
    return ""


def in_quotation(doc: Document, sentence: Sentence) -> bool:
    para = doc.paragraphs[sentence.paragraph]
    before = doc.text[para.start:sentence.start]
    opened = before.count("“") - before.count("”")
    stripped = sentence.text.lstrip()
    return opened > 0 or stripped.startswith("“") or stripped.startswith('"')


def build_context(doc: Document, sentence: Sentence, person_names: set[str]) -> Context:
    quoted = in_quotation(doc, sentence)
    ctx = Context(sentence, None, quoted, attribution_for(doc, quoted))
    text = sentence.text
    words = len(text.split())
    if doc.paragraphs[sentence.paragraph].kind not in ("prose", "footnote"):
        ctx.problem = "not prose (heading, list, table or page furniture)"
    elif text.rstrip("”\"’ ").endswith("?"):
        ctx.problem = "the sentence is a question"
    elif words < 6:
        ctx.problem = "sentence too short to stand alone"
    elif words > 55:
        ctx.problem = "sentence too long for a fair stem"
    elif re.match(r"^[\s“\"]*(?:\.\.\.|…)", text):
        ctx.problem = "fragment of a quotation (starts with an ellipsis)"
    elif re.match(r"^[\s“\"(]*[a-z]", text):
        ctx.problem = "fragment (starts in lower case)"
    elif _FIRST_PERSON.search(_strip_quotes_inner(text)):
        ctx.problem = "first-person remark: not a fact of the text"
    elif text.rstrip().endswith(":"):
        ctx.problem = "introduces a quotation: not a complete statement"
    elif quoted and not _quote_whole(text):
        ctx.problem = "mixes quotation and narration"
    if ctx.problem:
        return ctx
    needs_prev = bool(_ANAPHOR_START.match(text)) or _dangling_pronoun(text, person_names)
    if needs_prev:
        prev = _previous_sentence(doc, sentence)
        if prev is None:
            ctx.problem = "unresolved reference at the start of a paragraph"
        elif _ANAPHOR_START.match(prev.text) or len(prev.text.split()) > 45 or prev.text.rstrip().endswith(":"):
            ctx.problem = "unresolved reference: the sentence before does not resolve it"
        elif in_quotation(doc, prev) != quoted:
            ctx.problem = "unresolved reference across a quotation"
        elif _dangling_pronoun(prev.text + " " + text, person_names):
            ctx.problem = "unresolved pronoun"
        else:
            ctx.previous = prev
    return ctx


def _quote_whole(text: str) -> bool:
    """A quoted sentence is usable when it is quotation from end to end."""
    t = _TRAILING_CITATION.sub("", text).strip()
    inner = t[1:] if t.startswith("“") else t
    return "“" not in inner and ("”" not in inner or re.search(r"”\s*$|”\s*\([^)]*\)[.]?$", inner) is not None) \
        and re.search(r"”[^”]*\w", inner.rstrip("”. ")) is None


def _strip_quotes_inner(text: str) -> str:
    """First-person words inside a quotation are the quoted speaker's, not the author's."""
    return re.sub(r"“[^”]*”", "", text)


def _dangling_pronoun(text: str, person_names: set[str]) -> bool:
    m = _PRONOUN_MID.search(text)
    if not m:
        return False
    before = text[: m.start()]
    return not any(name in before for name in person_names)


def _previous_sentence(doc: Document, sentence: Sentence) -> Sentence | None:
    if sentence.index == 0:
        return None
    prev = doc.sentences[sentence.index - 1]
    if prev.paragraph == sentence.paragraph:
        return prev
    return None


def clean_sentence(text: str) -> str:
    """The sentence as shown in a stem: no footnote markers, no trailing source citation."""
    text = _FOOTNOTE.sub("", text)
    text = _TRAILING_CITATION.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def strip_discourse(text: str) -> str:
    """'But Stakhanovism could not…' -> 'Stakhanovism could not…'."""
    m = _DISCOURSE_START.match(text)
    if not m:
        return text
    rest = text[m.end():]
    return rest[0].upper() + rest[1:] if rest and rest[0].islower() else rest


def unquote(text: str) -> str:
    t = text.strip()
    if t.startswith("“"):
        t = t[1:]
        if t.count("“") < t.count("”"):
            t = t[::-1].replace("”", "", 1)[::-1]
    return t.strip()


def starts_with_proper_noun(text: str) -> bool:
    m = re.match(r"[“\"]?([A-Za-z][\w’'-]*)", text)
    if not m:
        return True
    word = m.group(1)
    if word == "I" or word.isupper() and len(word) > 1:
        return True
    if word in lexicon.NOT_NAMES:
        return False
    if word in lexicon.NATIONALITIES or word in lexicon.COUNTRIES or word in lexicon.FAMOUS_PEOPLE:
        return True
    if word in lexicon.MONTH_NAMES:
        return True
    return _zipf(word.lower()) < 3.2 or word[1:].lower() != word[1:]


def with_attribution(attribution: str, text: str) -> str:
    """'According to X, ' + sentence, lower-casing its first word unless it is a name."""
    if not attribution:
        return text
    if re.match(r"(?i)according to\b", text):
        return text
    if text.startswith(BLANK) or starts_with_proper_noun(text):
        return attribution + text
    return attribution + text[0].lower() + text[1:]


def stem_text(doc: Document, ctx: Context, sentence_text: str | None = None) -> str:
    """The context as one statement, attribution included."""
    body = sentence_text if sentence_text is not None else ctx.sentence.text
    body = clean_sentence(body)
    if ctx.quoted:
        body = unquote(body)
    body = strip_discourse(body)
    if ctx.previous is not None:
        prev = clean_sentence(ctx.previous.text)
        if ctx.quoted:
            prev = unquote(prev)
        return with_attribution(ctx.attribution, prev) + " " + body
    return with_attribution(ctx.attribution, body)


def blank_out(sentence: Sentence, start: int, end: int, replacement: str = BLANK) -> str:
    """The sentence text with [start, end) (document offsets) replaced."""
    s = start - sentence.start
    e = end - sentence.start
    return sentence.text[:s] + replacement + sentence.text[e:]
