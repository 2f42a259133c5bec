"""Documents: storing what the reader made of a source, and rendering it back for students."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape
from sqlalchemy import select

from quizapp.engine import markup, model as engine_model
from quizapp.extensions import db
from quizapp.models import Document

_QUOTE_MARKER = re.compile(r"(?m)^[ \t]*>[ \t]?")

META_FIELDS = ("author", "publication", "date", "kind", "licence", "attribution")


def upsert_document(doc: engine_model.Document, source_file: str | None = None) -> Document:
    """Store a document read by ``quizapp.engine.reader`` (insert or update by id)."""
    row = db.session.get(Document, doc.id)
    if row is None:
        row = Document(id=doc.id)
        db.session.add(row)
    row.title = doc.title
    meta = doc.meta or {}
    for name in META_FIELDS:
        value = meta.get(name)
        setattr(row, name, value if name == "date" else (value or ""))
    row.kind = meta.get("kind") or "reference"
    row.source_file = source_file or meta.get("source_file") or row.source_file
    row.source_format = doc.source_format
    row.sha256 = doc.sha256
    row.text = doc.text
    row.structure = {
        "sections": [{"index": s.index, "title": s.title, "level": s.level, "start": s.start, "end": s.end}
                     for s in doc.sections],
        "paragraphs": [{"index": p.index, "number": p.number, "start": p.start, "end": p.end,
                        "section": p.section, "kind": p.kind} for p in doc.paragraphs],
    }
    db.session.flush()
    return row


def all_documents() -> list[Document]:
    return list(db.session.scalars(select(Document).order_by(Document.title)))


# --- the reader ----------------------------------------------------------------------------

_HEADING_MARKUP = re.compile(r"^[=#\s]+|[=\s]+$")


def heading_text(text: str) -> str:
    """'==1920s==' -> '1920s', '## Notes' -> 'Notes', 'STAKHANOVISM:' -> 'STAKHANOVISM'."""
    return _HEADING_MARKUP.sub("", text).rstrip(":").strip() or text.strip()


@dataclass
class Block:
    kind: str  # heading | prose | footnote | furniture | listgroup | tablegroup
    text: str = ""
    number: int = 0
    level: int = 2
    anchor: str = ""
    items: list["Block"] = field(default_factory=list)  # a group's list items or table cells
    extra_anchors: list[str] = field(default_factory=list)  # run-in sections that start here

    @property
    def numbers(self) -> str:
        """'83–108': the paragraph numbers a group spans."""
        nums = [b.number for b in self.items if b.number]
        if not nums:
            return ""
        return str(nums[0]) if nums[0] == nums[-1] else f"{nums[0]}–{nums[-1]}"


def reader_blocks(document: Document) -> list[Block]:
    """The document as blocks for the reader: headings, numbered paragraphs, lists, tables.

    Every titled section gets an anchor ``s-<index>``: on its heading, or, for a run-in head
    (``STAKHANOVISM: ...``) that has no heading paragraph, on the paragraph it starts in.
    """
    sections = document.sections
    headed = {p["section"] for p in document.paragraphs if p["kind"] == "heading"}
    run_in = sorted((s["start"], f"s-{s['index']}") for s in sections if s["index"] not in headed and s["title"])
    blocks: list[Block] = []
    for p in document.paragraphs:
        text = document.text[p["start"]:p["end"]].strip()
        if not text:
            continue
        kind = p["kind"]
        anchors = [a for start, a in run_in if start < p["end"] and start >= p["start"]]
        if kind == "heading":
            level = 2
            if 0 <= p["section"] < len(sections):
                level = sections[p["section"]]["level"]
            if level <= 1 and heading_text(text).casefold() == document.title.casefold():
                continue  # the title is the page's h1 already
            blocks.append(Block("heading", heading_text(text), level=2 if level <= 2 else 3,
                                anchor=f"s-{p['section']}", extra_anchors=anchors))
            continue
        if document.source_format == "markdown":
            image = markup.IMAGE.fullmatch(text)  # '![caption](fig.jpg)' alone
            text = f"Image: {image.group(1)}" if image and image.group(1).strip() else markup.plain(text)
        if kind == "quote":
            text = _QUOTE_MARKER.sub("", text)  # '> ' at each line's start
        anchor = f"p-{p['number']}" if p["number"] else ""
        block = Block(kind, text, number=p["number"], anchor=anchor, extra_anchors=anchors)
        if kind in ("list", "table"):  # runs of list items, and of loose table cells, go together
            group = kind + "group"
            if blocks and blocks[-1].kind == group:
                blocks[-1].items.append(block)
            else:
                blocks.append(Block(group, items=[block]))
        else:
            blocks.append(block)
    return blocks


def contents(document: Document) -> list[dict]:
    """The table of contents: titled sections below the document title."""
    return [{"title": s["title"], "anchor": f"s-{s['index']}", "level": s["level"]}
            for s in document.sections if s["title"] and s["level"] >= 2]


# --- passages ------------------------------------------------------------------------------


@dataclass
class Passage:
    paragraphs: list[dict]  # {number, html}
    section: str
    exact: bool  # False when the document text no longer holds the quote


def _spans(citation: dict, qtype: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    sentence = citation.get("sentence") or {}
    highlight = (sentence.get("start"), sentence.get("end"))
    if qtype in ("matching", "ordering") or None in highlight:
        highlight = (citation.get("start"), citation.get("end"))
    answer = citation.get("answer") or None
    answer_span = (answer["start"], answer["end"]) if answer else None
    return (highlight if None not in highlight else None), answer_span


def highlight(text: str, offset: int, sentence: tuple[int, int] | None,
              answer: tuple[int, int] | None, markdown: bool = False) -> Markup:
    """``text`` (which starts at ``offset`` in the document) with the source sentence in
    ``<mark>`` and the answer in ``<strong class="answer">``, everything else escaped. With
    ``markdown``, the inline markup (``**``, ``*``, links' brackets and targets) is left out."""
    hidden = set(markup.markup_offsets(text)) if markdown else set()
    end = offset + len(text)
    points = {offset, end}
    for span in (sentence, answer):
        if span:
            points.update(x for x in span if offset < x < end)
    points = sorted(points)

    def inside(span, a, b):
        return bool(span) and span[0] <= a and b <= span[1]

    out: list[str] = []
    open_mark = False
    for a, b in zip(points, points[1:]):
        in_sentence, in_answer = inside(sentence, a, b), inside(answer, a, b)
        if in_sentence and not open_mark:
            out.append('<mark class="source">')
            open_mark = True
        elif not in_sentence and open_mark:
            out.append("</mark>")
            open_mark = False
        raw = text[a - offset:b - offset]
        if hidden:
            raw = "".join(c for i, c in enumerate(raw, start=a - offset) if i not in hidden)
        piece = str(escape(raw))
        out.append(f'<strong class="answer">{piece}</strong>' if in_answer else piece)
    if open_mark:
        out.append("</mark>")
    return Markup("".join(out))


def passage(document: Document | None, citation: dict, qtype: str) -> Passage:
    """The paragraph(s) that hold the citation, with the sentence and the answer marked."""
    start, end = citation.get("start"), citation.get("end")
    quote = citation.get("quote", "")
    section = citation.get("section", "")
    sentence, answer = _spans(citation, qtype)
    if (document is None or start is None or end is None
            or document.text[start:end] != quote or not document.paragraphs):
        # Show the quote alone when the stored text does not hold it (a changed document).
        return Passage([{"number": citation.get("paragraph") or 0, "html": escape(quote)}], section, False)
    cited = [(x["start"], x["end"]) for x in citation.get("sentences") or []]
    if cited:
        # A question built on sentences far apart: show the paragraphs that hold them, not all between.
        paras = [p for p in document.paragraphs if any(p["start"] <= a < p["end"] for a, _ in cited)]
    else:
        paras = [p for p in document.paragraphs if p["start"] < end and p["end"] > start]
    if not paras:
        paras = [{"start": start, "end": end, "number": citation.get("paragraph") or 0}]
    out = []
    for p in paras:
        text = document.text[p["start"]:p["end"]]
        here = [(a, b) for a, b in cited if p["start"] <= a < p["end"]]
        mark = (min(a for a, _ in here), max(b for _, b in here)) if here else sentence
        out.append({"number": p["number"], "html": highlight(text, p["start"], mark, answer,
                                                             markdown=getattr(document, "source_format", "") == "markdown")})
    return Passage(out, section, True)
