"""Plain data types shared by every stage of the engine.

Offsets are Python ``str`` indices into ``Document.text`` (the UTF-8-decoded
file as read; for HTML, the text extracted from it), so that
``document.text[x.start:x.end]`` is exactly the passage for every span below.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal["reference", "discussion", "argument"]
ParagraphKind = Literal["prose", "heading", "list", "furniture", "table", "footnote"]


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
