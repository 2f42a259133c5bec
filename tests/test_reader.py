"""The document reader: files, HTML, uploads, the manifest and error messages."""
import hashlib
import json
from pathlib import Path

import pytest

from quizapp.engine.reader import (
    DocumentError,
    SUPPORTED_SUFFIXES,
    document_from_text,
    extract_html,
    load_sources,
    read_document,
    readable_stem,
)

SOURCES = Path(__file__).resolve().parents[1] / "questions" / "sources"


def _check(doc):
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    for p in doc.paragraphs:
        assert doc.text[p.start:p.end].strip() == doc.text[p.start:p.end]


# ---------------------------------------------------------------- files


def test_load_sources_reads_the_manifest_sorted_by_file():
    docs = load_sources(SOURCES)
    assert [d.id for d in docs] == [
        "foreign-workers-in-the-soviet-union",
        "westerners-who-entered-the-soviet-bloc",
        "the-crisis-in-the-soviet-union",
    ]
    assert [d.meta["file"] for d in docs] == sorted(d.meta["file"] for d in docs)
    wright = docs[2]
    assert wright.title == "The Crisis in the Soviet Union"
    assert wright.meta["author"] == "John G. Wright" and wright.kind == "argument"
    assert docs[1].kind == "discussion" and docs[0].kind == "reference"
    for d in docs:
        raw = (SOURCES / d.meta["file"]).read_bytes()
        assert d.sha256 == hashlib.sha256(raw).hexdigest()
        assert d.text == raw.decode("utf-8")  # verbatim
        assert d.source_format == "text"
        _check(d)
    assert any(s.title == "Stakhanovism" for s in wright.sections)


def test_manifest_order_does_not_matter(tmp_path):
    (tmp_path / "b.txt").write_text("Bee text here.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay text here.\n", encoding="utf-8")
    manifest = {"documents": [{"file": "b.txt", "id": "bee", "title": "Bee"}, {"file": "a.txt", "id": "ay"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    docs = load_sources(tmp_path)
    assert [d.id for d in docs] == ["ay", "bee"]
    assert docs[1].title == "Bee" and docs[0].title == "A"


def test_load_sources_errors(tmp_path):
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DocumentError, match="not valid JSON"):
        load_sources(tmp_path)
    (tmp_path / "manifest.json").write_text(json.dumps({"documents": [{"file": "missing.txt"}]}), encoding="utf-8")
    with pytest.raises(DocumentError, match="no such file"):
        load_sources(tmp_path)


def test_titles_without_metadata(tmp_path):
    p = tmp_path / "my_notes-2.txt"
    p.write_text("Just some prose here. Nothing else.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.title == "My notes 2" and doc.id == "my-notes-2"
    p = tmp_path / "x.txt"
    p.write_text("= Real Title =\n\nBody text.\n", encoding="utf-8")
    assert read_document(p).title == "Real Title"
    p = tmp_path / "y.md"
    p.write_text("Intro line.\n\n# Markdown Title\n\nBody text.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.title == "Markdown Title" and doc.source_format == "markdown"
    assert read_document(p, meta={"title": "From Meta"}, doc_id="z").title == "From Meta"
    assert read_document(p, doc_id="z").id == "z"
    # the Wright essay without its manifest entry: the title from its front matter
    assert read_document(SOURCES / "002_77bc83882fa68282.txt").title == "The Crisis in the Soviet Union"
    assert read_document(SOURCES / "001_7dd978347f9ce702.txt").title.startswith("Were there any westerners")


def test_readable_stem():
    assert readable_stem("my_notes-2") == "My notes 2"
    assert readable_stem("report") == "Report"


def test_utf8_bom_is_accepted(tmp_path):
    p = tmp_path / "bom.txt"
    raw = "\ufeffHello there. Second one.\n".encode("utf-8")
    p.write_bytes(raw)
    doc = read_document(p)
    assert doc.text.startswith("Hello") and doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert [s.text for s in doc.sentences] == ["Hello there.", "Second one."]


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("latin.txt", "Caf\xe9 au lait.".encode("latin-1"), r"not UTF-8 text: byte 0xe9 at byte offset 3"),
        ("u16.txt", "Hello".encode("utf-16"), "UTF-16"),
        ("empty.txt", b"", "is empty"),
        ("blank.md", b"  \n\n\t\n", "is empty"),
        ("binary.txt", b"abc\x00def", "binary"),
        ("doc.pdf", b"%PDF-1.4", r"unsupported file type '\.pdf'"),
        ("noext", b"text", "unsupported file type"),
        ("empty.html", b"<html><head><script>x()</script></head><body> </body></html>", "no readable text"),
    ],
)
def test_unreadable_input(tmp_path, name, data, message):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(DocumentError, match=message):
        read_document(p)


def test_document_error_is_a_value_error_and_missing_file(tmp_path):
    assert issubclass(DocumentError, ValueError)
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm"}


# ---------------------------------------------------------------- HTML

PAGE = """<!doctype html>
<html><head><title>Page Title - Site</title><style>p { color: red }</style>
<script>var s = "<p>not text</p>";</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/a">Archive</a></nav>
<h1>The Main Title</h1>
<p>First paragraph with &amp; an entity,   <b>bold</b>
text and caf&eacute;. Second sentence here.</p>
<h2>History</h2>
<p>Dr. Smith arrived in 1920.<br>He left in 1930.</p>
<ul><li>Alpha item</li><li>Beta <i>item</i></li></ul>
<table><tr><th>Year</th><th>Count</th></tr><tr><td>1920</td><td>10</td></tr></table>
<h3>Details</h3>
<div>Closing words of the page.</div>
<footer>Some footer words in the page footer.</footer>
</body></html>"""


def test_extract_html():
    text, hints, title = extract_html(PAGE)
    assert title == "Page Title - Site"
    assert "not text" not in text and "color" not in text
    assert "# The Main Title\n\nFirst paragraph with & an entity, bold text and café. Second sentence here." in text
    assert "## History\n\nDr. Smith arrived in 1920.\nHe left in 1930." in text
    assert "- Alpha item\n- Beta item" in text
    assert "Year | Count\n1920 | 10" in text
    assert "### Details\n\nClosing words of the page." in text
    for start, end, kind, level in hints:
        assert text[start:end] == text[start:end].strip()


def test_html_document(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    doc = read_document(p)
    _check(doc)
    assert doc.source_format == "html" and doc.title == "The Main Title"
    assert doc.sha256 == hashlib.sha256(PAGE.encode("utf-8")).hexdigest()
    assert [(s.title, s.level) for s in doc.sections] == [("The Main Title", 1), ("History", 2), ("Details", 3)]
    kinds = [(p.kind, doc.text[p.start:p.end][:12]) for p in doc.paragraphs]
    assert kinds == [
        ("furniture", "Home | Archi"),
        ("heading", "# The Main T"),
        ("prose", "First paragr"),
        ("heading", "## History"),
        ("prose", "Dr. Smith ar"),
        ("list", "- Alpha item"),
        ("table", "Year | Count"),
        ("heading", "### Details"),
        ("prose", "Closing word"),
        ("furniture", "Some footer "),
    ]
    assert [s.text for s in doc.sentences] == [
        "First paragraph with & an entity, bold text and café.",
        "Second sentence here.",
        "Dr. Smith arrived in 1920.",
        "He left in 1930.",
        "Alpha item",
        "Beta item",
        "Closing words of the page.",
    ]


def test_html_title_falls_back_to_title_tag():
    doc = document_from_text("<title>Only &amp; Title</title><p>Body text here.</p>", doc_id="t", source_format="html")
    assert doc.title == "Only & Title"
    assert doc.text == "Body text here."


def test_html_layout_table_cells_are_paragraphs():
    html = "<table><tr><td><p>" + "word " * 30 + "end.</p><p>Second block here.</p></td></tr></table>"
    doc = document_from_text(html, doc_id="t", source_format="html")
    assert [p.kind for p in doc.paragraphs] == ["prose", "prose"]


# ---------------------------------------------------------------- uploads


def test_document_from_text():
    raw = b"Some uploaded text. It has two sentences.\n"
    doc = document_from_text(raw.decode(), doc_id="up-1", meta={"kind": "discussion"}, raw=raw)
    assert doc.id == "up-1" and doc.kind == "discussion" and doc.source_format == "text"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.title == "Up 1"
    assert [s.text for s in doc.sentences] == ["Some uploaded text.", "It has two sentences."]
    doc = document_from_text("# Heading\n\nBody.", doc_id="m", source_format="markdown")
    assert doc.title == "Heading" and doc.sha256 == hashlib.sha256("# Heading\n\nBody.".encode()).hexdigest()
    with pytest.raises(DocumentError, match="empty"):
        document_from_text("   \n", doc_id="e")
    with pytest.raises(DocumentError, match="unsupported format"):
        document_from_text("x", doc_id="e", source_format="pdf")


def test_a_byline_under_the_title_gives_the_author_and_date_unless_the_teacher_did():
    html = ("<html><body><h1>The Panama Canal</h1><p>By Maria Lopez, Engineering History Review, March 2019</p>"
            "<h2>French attempt</h2><p>The French began work on a canal across the Isthmus of Panama on "
            "January 1, 1881.</p></body></html>")
    doc = document_from_text(html, doc_id="panama", source_format="html")
    assert (doc.title, doc.meta.get("author"), doc.meta.get("date")) == ("The Panama Canal", "Maria Lopez", "March 2019")
    doc = document_from_text(html, doc_id="panama", source_format="html", meta={"author": "M. López", "date": "2019"})
    assert (doc.meta["author"], doc.meta["date"]) == ("M. López", "2019")
    md = "# Coral Reefs\n\n*Posted by Daniel Okafor on 4 June 2022*\n\nReefs shelter about 25% of all marine species.\n"
    doc = document_from_text(md, doc_id="coral", source_format="markdown")
    assert (doc.meta.get("author"), doc.meta.get("date")) == ("Daniel Okafor", "4 June 2022")
    # a line in the body that starts with 'By' is not a byline
    text = "# Coral Reefs\n\nReefs shelter about 25% of all marine species.\n\nBy Jane Doe, staff writer\n"
    assert "author" not in document_from_text(text, doc_id="coral", source_format="markdown").meta
