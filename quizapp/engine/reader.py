"""Reading documents: files, uploads and the sample-corpus manifest.

``read_document(path)`` returns a fully structured :class:`Document`:
``Document.text`` is the decoded file verbatim for ``.txt`` / ``.md`` and the
extracted text for HTML (headings become ``#`` lines, list items ``- `` lines,
blocks blank-line-separated paragraphs, script/style dropped, entities decoded),
and every section, paragraph and sentence offset points into that text.
"""
from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from .genre import answers_start, front_matter, infer_kind, thread_question
from .transcript import transcript_title
from .model import Document
from .structure import analyse

__all__ = [
    "DocumentError",
    "SUPPORTED_SUFFIXES",
    "read_document",
    "load_sources",
    "document_from_text",
    "extract_html",
    "readable_stem",
]

SUPPORTED_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_FORMATS = {"text": "text", "txt": "text", "markdown": "markdown", "md": "markdown", "html": "html", "htm": "html"}


class DocumentError(ValueError):
    """A document cannot be read; the message says why in words a user understands."""


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"{name} is UTF-16 encoded; only UTF-8 text is supported (save it as UTF-8)")
    try:
        text = data.decode("utf-8-sig")  # plain UTF-8, and UTF-8 with a byte-order mark
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        raise DocumentError(
            f"{name} is not UTF-8 text: byte 0x{bad} at byte offset {exc.start} cannot be decoded "
            f"({exc.reason}); save the file as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        raise DocumentError(f"{name} looks like a binary file (it contains NUL bytes), not text")
    return text


def readable_stem(stem: str) -> str:
    """ "my_notes-2" -> "My notes 2"."""
    words = re.sub(r"[_\-.\s]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


def _slug(s: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return slug or "document"


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

_EDIT_LINK_CLASS = re.compile(r"\beditsection\b|\bmw-editsection\b")
# A block of readers' comments ('<section class="comments">', '<div id="respond">'): what readers say of
# the page, not the page (first-sight review of new-documents-24)
COMMENTS_SHARE = 0.4  # above this share of the page's text, its "comments" are its content (a thread)
_COMMENTS_CLASS = re.compile(r"(?i)\b(?:comments?|comment-list|replies|respond|discussion|disqus)\b")
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select", "textarea"}
_FURNITURE_TAGS = {"nav", "footer", "aside", "figcaption", "caption"}  # captions are no prose of the text
_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption",
    "hr", "address", "form", "fieldset", "details", "summary", "center", "body", "html", "caption",
    "table", "tr", "td", "th", "thead", "tbody", "tfoot", "legend", "menu",
}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_FOOTNOTE_MARK = re.compile(r"\s*\[?(?:\d{1,3}|[a-z]|[*†‡§])\]?\s*")  # a <sup>'s '1', '[2]', 'a', '*'
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BR = "\x00"  # a line break inside a block
_PARA = "\x01"  # a block boundary inside a table cell
_DT_END = " – "  # after a definition list's term, before its meaning
_WS = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")


def _clean(parts: list[str], keep_breaks: bool = True) -> str:
    s = _WS.sub(" ", "".join(parts))
    if keep_breaks:
        s = re.sub(r" ?\x00 ?", "\n", s)
        s = re.sub(r"\n{2,}", "\n", s)
    else:
        s = s.replace(_BR, " ")
    return s.strip()


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list] = []  # [kind, text, level, furniture, group]
        self.buf: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title: list[str] = []
        self.heading = 0
        self.pre = 0
        self.furniture = 0
        self.comments: list[list] = []  # [tag, depth] of the comment blocks we are inside
        self.quote = 0  # inside a <blockquote>: someone else's words
        self.sup = 0  # inside a <sup>: a footnote's marker ('granodiorite<sup>1</sup>') is left out
        self.chrome = 0  # inside a wiki's '[edit]' link beside a heading (<span class="mw-editsection">)
        self.lists: list[list] = []  # [ordered, counter]
        self.list_group = 0
        self.table = 0
        self.cell: list[str] | None = None
        self.row: list[str] = []
        self.rows: list[list[str]] = []

    # -- helpers
    def furn(self) -> bool | str:
        """Whether a block is furniture: True in a nav, footer or aside; "comments" in readers' comments,
        which are furniture only where the page has more of its own (see ``html_to_text``)."""
        return self.furniture > 0 or ("comments" if self.comments else False)

    def flush(self, kind: str = "p") -> None:
        if self.cell is not None:
            return
        if self.pre and kind == "p":
            kind = "pre"
        if kind == "pre":
            raw = "".join(self.buf).replace(_BR, "\n").strip("\n")
            text = re.sub(r"\n[ \t]*\n+", "\n", raw).rstrip()
            if not text.strip():
                text = ""
        else:
            text = _clean(self.buf)
        self.buf = []
        if not text:
            return
        if kind == "p" and self.lists:
            kind = "li"
        if kind == "li":
            text = text.removesuffix(_DT_END.strip())  # a term with no meaning after it
        elif kind == "p" and self.quote:
            kind = "quote"
        level = self.heading if kind == "h" else len(self.lists)
        self.blocks.append([kind, text, level, self.furn(), self.list_group])

    def end_table(self) -> None:
        rows = [r for r in self.rows if any(c.strip() for c in r)]
        self.rows = []
        if not rows:
            return
        cells = [c for r in rows for c in r if c.strip()]
        layout = any(len(c.split()) > 25 for c in cells) or all(sum(1 for c in r if c.strip()) <= 1 for r in rows)
        if layout:
            for c in cells:
                for piece in c.split(_PARA):
                    text = _clean([piece])
                    if text:
                        self.blocks.append(["p", text, 0, self.furn(), 0])
        else:
            lines = [" | ".join(_clean([c.replace(_PARA, " ")], False) for c in r) for r in rows]
            self.blocks.append(["table", "\n".join(lines), 0, self.furn(), 0])

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs) -> None:
        if self.chrome or (tag == "span" and _EDIT_LINK_CLASS.search(dict(attrs).get("class") or "")):
            self.chrome += tag == "span"
            return
        if tag in _SKIP_TAGS:
            if tag not in _VOID:
                self.skip += 1
            return
        if self.skip:
            return
        if tag == "title":
            self.in_title = True
            return
        if tag == "br":
            (self.cell if self.cell is not None else self.buf).append(_BR)
            return
        if tag == "img":
            return
        if tag == "sup":
            self.sup += 1
            return
        if tag == "table":
            if self.table == 0:
                self.flush()
                self.rows = []
            self.table += 1
            return
        if self.table == 1 and tag in ("td", "th"):
            self.end_cell()
            self.cell = []
            return
        if self.table == 1 and tag == "tr":
            self.end_cell()
            self.end_row()
            return
        if self.cell is not None:
            if tag in _BLOCK_TAGS:
                self.cell.append(_PARA)
            return
        if tag in _FURNITURE_TAGS:
            self.flush()
            self.furniture += 1
            return
        if self.comments and tag == self.comments[-1][0]:
            self.comments[-1][1] += 1
        elif tag in ("section", "div", "ol", "ul", "aside") and _COMMENTS_CLASS.search(
                " ".join(v or "" for k, v in attrs if k in ("class", "id"))):
            self.flush()
            self.comments.append([tag, 1])
        if tag in ("ul", "ol", "menu"):
            self.flush()
            if not self.lists:
                self.list_group += 1
            self.lists.append([tag == "ol", 0])
            return
        if tag == "li":
            self.flush()
            if self.lists:
                self.lists[-1][1] += 1
            return
        if tag == "dl":
            self.flush()
            self.list_group += 1
            return
        if tag == "dd" and "".join(self.buf).rstrip().endswith(_DT_END.rstrip()):
            return  # the meaning goes on the line of its term: 'Gutta-percha – A natural latex …'
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.flush()
            self.heading = int(tag[1])
            return
        if tag == "pre":
            self.flush()
            self.pre += 1
            return
        if tag == "blockquote":
            self.flush()
            self.quote += 1
            return
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            return
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def end_cell(self) -> None:
        if self.cell is not None:
            self.row.append("".join(self.cell))
            self.cell = None

    def end_row(self) -> None:
        if self.row:
            self.rows.append(self.row)
        self.row = []

    def handle_endtag(self, tag: str) -> None:
        if self.chrome:
            self.chrome -= tag == "span"
            return
        if tag in _SKIP_TAGS:
            if tag not in _VOID and self.skip:
                self.skip -= 1
            return
        if self.skip:
            return
        if tag == "title":
            self.in_title = False
            return
        if tag == "sup":
            self.sup = max(0, self.sup - 1)
            return
        if tag == "table":
            if self.table == 1:
                self.end_cell()
                self.end_row()
                self.end_table()
            self.table = max(0, self.table - 1)
            return
        if self.table == 1 and tag in ("td", "th"):
            self.end_cell()
            return
        if self.table == 1 and tag == "tr":
            self.end_cell()
            self.end_row()
            return
        if self.cell is not None:
            if tag in _BLOCK_TAGS:
                self.cell.append(_PARA)
            return
        if tag in _FURNITURE_TAGS:
            self.flush()
            self.furniture = max(0, self.furniture - 1)
            return
        if self.comments and tag == self.comments[-1][0]:
            self.comments[-1][1] -= 1
            if not self.comments[-1][1]:
                self.flush()
                self.comments.pop()
        if tag in ("ul", "ol", "menu"):
            self.flush()
            if self.lists:
                self.lists.pop()
            return
        if tag == "li":
            self.flush()
            return
        if tag == "dt":
            if _clean(self.buf):
                self.buf.append(_DT_END)
            return
        if tag == "dd":
            self.flush("li")
            return
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            if self.heading:
                self.flush("h")
            self.heading = 0
            return
        if tag == "pre":
            self.flush("pre")
            self.pre = max(0, self.pre - 1)
            return
        if tag == "blockquote":
            self.flush()
            self.quote = max(0, self.quote - 1)
            return
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip or self.chrome:
            return
        if self.sup and _FOOTNOTE_MARK.fullmatch(data) and self.cell is None and not self.in_title:
            tail = "".join(self.buf[-3:])[-6:]
            if not re.search(r"(?:\d|\b(?:km|cm|mm|m|ft|in|mi|yd|s|x|n|10))$", tail):
                return  # a footnote's marker after a word: left out
            data = data.strip().translate(_SUPERSCRIPT)  # '5 km<sup>2</sup>', '10<sup>6</sup>': an exponent, kept
        if self.in_title:
            self.title.append(data)
        elif self.cell is not None:
            self.cell.append(data)
        elif self.pre:
            self.buf.append(data.replace("\n", _BR))
        else:
            self.buf.append(data)

    def close(self) -> None:
        super().close()
        if self.table:
            self.end_cell()
            self.end_row()
            self.end_table()
            self.table = 0
        self.flush("h" if self.heading else "p")


def extract_html(source: str) -> tuple[str, list[tuple[int, int, str, int]], str]:
    """(text, block hints, <title>) for an HTML page.

    Hints are ``(start, end, kind, level)`` for each block of the text, kind one of
    "heading", "list", "table", "furniture", "pre", "quote" (a block quotation), "p".
    """
    parser = _HTMLText()
    parser.feed(source)
    parser.close()
    # readers' comments under a page are furniture; a thread saved as HTML is all "comments", and its posts
    # are the text
    said = sum(len(b[1]) for b in parser.blocks if b[3] == "comments")
    if said > COMMENTS_SHARE * max(1, sum(len(b[1]) for b in parser.blocks)):
        for b in parser.blocks:
            b[3] = False if b[3] == "comments" else b[3]
    # join consecutive list items of the same list into one paragraph
    groups: list[list] = []
    for kind, text, level, furn, group in parser.blocks:
        if kind == "li":
            line = "  " * max(0, level - 1) + "- " + text.replace("\n", " ")
            if groups and groups[-1][0] == "li" and groups[-1][3] == group and groups[-1][2] == furn:
                groups[-1][1] += "\n" + line
                continue
            groups.append(["li", line, furn, group])
        elif kind == "h":
            level = min(max(level, 1), 6)
            groups.append(["h", "#" * level + " " + text.replace("\n", " "), furn, min(level, 3)])
        else:
            groups.append([kind, text, furn, 0])
    parts: list[str] = []
    hints: list[tuple[int, int, str, int]] = []
    pos = 0
    for kind, text, furn, extra in groups:
        if parts:
            parts.append("\n\n")
            pos += 2
        hkind = {"li": "list", "h": "heading", "table": "table", "pre": "pre", "quote": "quote"}.get(kind, "p")
        if furn:
            hkind = "furniture"
        hints.append((pos, pos + len(text), hkind, extra if kind == "h" else 0))
        parts.append(text)
        pos += len(text)
    return "".join(parts), hints, _clean(parser.title, False)


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------


def _build(text: str, *, doc_id: str, fmt: str, meta: dict | None, sha: str, name: str, fallback_title: str) -> Document:
    html_title = ""
    hints = None
    if fmt == "html":
        text, hints, html_title = extract_html(text)
        if not text.strip():
            raise DocumentError(f"{name} contains no readable text")
    elif not text.strip():
        raise DocumentError(f"{name} is empty")
    structure = analyse(text, fmt, hints)
    meta = dict(meta or {})
    if structure.byline and not meta.get("author"):  # 'By Maria Lopez, …, March 2019' under the title
        meta["author"] = structure.byline[0]
        if structure.byline[1] and not meta.get("date"):
            meta["date"] = structure.byline[1]
    fm = front_matter(text) if fmt == "markdown" else None
    for key, value in (fm[0].items() if fm else ()):
        if key != "kind" or value in ("reference", "discussion", "argument"):
            meta.setdefault(key, value)
    if structure.transcript and not meta.get("kind"):
        # a transcript of questions and answers: each answer is its speaker's claim; the doc-wide attribution
        # (for questions drawn from several sentences) is the speaker who answers most
        speakers = [p.speaker for p in structure.paragraphs if p.speaker and p.kind == "prose"]
        meta["kind"], meta["transcript"] = "discussion", True
        meta["turns_start"] = structure.turns_start
        if speakers:
            meta.setdefault("attribution", max(speakers, key=speakers.count))
        named = transcript_title(text)  # 'Transcript: Questions and answers following …'
        if named and not meta.get("title"):
            meta["title"] = named
    if not meta.get("kind"):
        byline = structure.byline or ((meta["author"], str(meta.get("date") or "")) if meta.get("author") else None)
        inferred = infer_kind(text, byline)
        if inferred:
            meta["kind"] = inferred[0]
            meta.setdefault("attribution", inferred[1])
            if inferred[0] == "discussion":
                meta["answers_start"] = answers_start(text)
                asked = thread_question(text)
                if asked and not meta.get("title"):
                    meta["title"] = asked  # 'Why did the Library of Alexandria decline?', not the site's name
    title = (
        (meta.get("title") or "").strip()
        or structure.title
        or html_title
        or (structure.title_candidates[0] if structure.title_candidates else "")
        or fallback_title
    )
    return Document(
        id=doc_id,
        title=title,
        text=text,
        sha256=sha,
        source_format=fmt,
        meta=meta,
        sections=structure.sections,
        paragraphs=structure.paragraphs,
        sentences=structure.sentences,
    )


def read_document(path: Path, meta: dict | None = None, doc_id: str | None = None) -> Document:
    """Read and structure one file (.txt, .md, .markdown, .html, .htm)."""
    path = Path(path)
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise DocumentError(f"{path.name}: unsupported file type {path.suffix or '(none)'!r}; use one of {supported}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{path.name}: no such file ({path})") from None
    except OSError as exc:
        raise DocumentError(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise DocumentError(f"{path.name} is empty")
    text = _decode(data, path.name)
    meta = dict(meta or {})
    meta.setdefault("file", path.name)
    doc_id = doc_id or meta.get("id") or _slug(path.stem)
    return _build(
        text,
        doc_id=doc_id,
        fmt=fmt,
        meta=meta,
        sha=hashlib.sha256(data).hexdigest(),
        name=path.name,
        fallback_title=readable_stem(path.stem),
    )


def document_from_text(
    text: str,
    *,
    doc_id: str,
    source_format: str = "text",
    meta: dict | None = None,
    raw: bytes | None = None,
) -> Document:
    """Structure already-decoded text (an upload); ``raw`` are the uploaded bytes, for the hash."""
    fmt = _FORMATS.get((source_format or "text").lower())
    if fmt is None:
        raise DocumentError(f"unsupported format {source_format!r}; use text, markdown or html")
    if "\x00" in text:
        raise DocumentError("the upload looks like a binary file (it contains NUL bytes), not text")
    sha = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    name = (meta or {}).get("file") or doc_id
    return _build(
        text,
        doc_id=doc_id,
        fmt=fmt,
        meta=meta,
        sha=sha,
        name=str(name),
        fallback_title=readable_stem(Path(str(name)).stem if (meta or {}).get("file") else doc_id),
    )


def load_sources(directory: Path) -> list[Document]:
    """The documents listed in ``directory/manifest.json``, with their metadata, sorted by file name.

    Without a manifest, every supported file in the directory is read.
    """
    directory = Path(directory)
    manifest = directory / "manifest.json"
    if not manifest.exists():
        files = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        return [read_document(p) for p in files]
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DocumentError(f"{manifest} is not valid JSON: {exc}") from None
    entries = data.get("documents") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise DocumentError(f"{manifest} has no \"documents\" list")
    docs = []
    for entry in sorted(entries, key=lambda e: str(e.get("file", "")) if isinstance(e, dict) else ""):
        if not isinstance(entry, dict) or not entry.get("file"):
            raise DocumentError(f"{manifest}: every document needs a \"file\" entry ({entry!r})")
        meta = {k: v for k, v in entry.items()}
        docs.append(read_document(directory / entry["file"], meta=meta, doc_id=entry.get("id")))
    return docs
