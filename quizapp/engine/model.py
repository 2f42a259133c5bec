"""Plain data types shared by every stage of the engine.

Offsets are Python ``str`` indices into ``Document.text`` (the UTF-8-decoded
file as read; for HTML, the text extracted from it), so that
``document.text[x.start:x.end]`` is exactly the passage for every span below.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

DocumentKind = Literal["reference", "discussion", "argument"]
ParagraphKind = Literal["prose", "heading", "list", "furniture", "table", "footnote", "quote"]


@dataclass(frozen=True)
class Section:
    index: int
    title: str  # "" for the untitled lead before the first heading
    level: int  # 1 = document title, 2 = section, 3 = run-in head (STAKHANOVISM:)
    start: int  # first character of the section (its heading included)
    end: int


@dataclass(frozen=True)
class Paragraph:
    index: int  # 0-based position among all paragraphs of the document
    number: int  # 1-based number among the reader-visible (non-furniture) paragraphs, 0 if furniture
    start: int
    end: int
    section: int  # Section.index
    kind: ParagraphKind
    speaker: str = ""  # in a transcript, who speaks ('Adaeze Okafor (2024)'), as a stem attributes it


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int  # Paragraph.index
    section: int  # Section.index
    text: str  # == document.text[start:end]


@dataclass
class Document:
    id: str
    title: str
    text: str
    sha256: str  # of the file's bytes as read
    source_format: Literal["text", "markdown", "html"] = "text"
    meta: dict = field(default_factory=dict)  # author, publication, date, kind, licence, attribution
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.meta.get("kind") or "reference"

    @cached_property
    def subject(self) -> tuple[str, str] | None:
        """(name, pronoun) when the document is the life of one person: its title is a name of two to four
        capitalised words, its first sentence opens with that name and 'was' or 'is' ('Marie Curie was a
        physicist …'), and it speaks of someone as 'she' (or 'he') far more often than the other."""
        title = self.title.strip()
        if not re.fullmatch(r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}", title) or not self.sentences \
                or title.split()[0] in ("The", "A", "An"):  # 'The Silk Road' is no one's name
            return None
        first = next((x for x in self.sentences if self.paragraphs[x.paragraph].kind == "prose"), None)
        if first is None or not re.match(re.escape(title) + r"\s+(?:was|is)\b", first.text):
            return None
        she = len(re.findall(r"\b[Ss]he\b", self.text))
        he = len(re.findall(r"\b[Hh]e\b", self.text))
        if she >= 2 and he * 4 <= she:
            return title, "she"
        if he >= 2 and she * 4 <= he:
            return title, "he"
        return None

    def section_title(self, index: int) -> str:
        return self.sections[index].title if 0 <= index < len(self.sections) else ""

    def paragraph_of(self, sentence: Sentence) -> Paragraph:
        return self.paragraphs[sentence.paragraph]

    def sentences_in(self, paragraph: Paragraph) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph.index]


@dataclass(frozen=True)
class Fact:
    """An answerable fact found in one sentence.

    ``start``/``end`` are offsets into the document text; ``text`` is the fact
    exactly as written there.
    """

    kind: str  # quantity | percent | year | date | range | number | person | org | place | group | work | term
    text: str
    start: int
    end: int
    sentence: int  # Sentence.index
    value: float | None = None  # numbers, percents, years; the low end of a range
    high: float | None = None  # the high end of a range
    unit: str = ""  # "foreign workers", "tons of copper", "hours", "million", "%" ...
    norm: str = ""  # canonical form used to compare facts across the corpus
    subject: str = ""  # what a number counts: its unit, or the words before a bare number
