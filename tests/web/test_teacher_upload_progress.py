"""Uploading a long document streams the generator's progress, line by line, then the outcome."""
import re
from io import BytesIO

import pytest

from quizapp.engine import pipeline
from quizapp.extensions import db
from quizapp.models import Document, Question

NAMES = ["Baker", "Godwin", "Turner", "Fletcher", "Mason", "Cooper", "Harper", "Walker", "Porter", "Wright"]


def long_text(paragraphs: int = 230) -> str:
    """About 2,300 different sentences: enough for the generator to report its progress."""
    out = ["= The Mills of the Wey =", ""]
    for i in range(paragraphs):
        if i % 40 == 0:
            out += [f"== Part {i // 40 + 1} ==", ""]
        name = NAMES[i % len(NAMES)]
        sentences = [f"In {1700 + i} the mill at {name}ford number {i} ground {100 + i} tonnes of corn.",
                     f"Its wheel was {3 + i % 7} metres wide and turned {20 + i} times a minute.",
                     f"The miller {name} {i} worked there for {10 + i % 30} years.",
                     f"In {1750 + i} the mill at {name}ford number {i} was sold for {500 + 7 * i} pounds.",
                     f"The river beside it was {i % 9 + 2} metres deep at the weir number {i}.",
                     f"A flood in {1800 + i} closed it for {i % 11 + 1} weeks.",
                     f"By {1850 + i} it employed {i % 13 + 2} workers from the village number {i}.",
                     f"Its stones came from a quarry {i % 17 + 3} miles away.",
                     f"In {1900 + i % 99} the building number {i} was restored.",
                     f"Visitors counted {1000 + 3 * i} sacks stored in the loft number {i}."]
        out += [" ".join(sentences), ""]
    return "\n".join(out)


def post(client, text, title="The Mills of the Wey"):
    return client.post("/teacher/documents", data={"file": (BytesIO(text.encode()), "mills.md"), "title": title,
                                                   "kind": "reference"}, content_type="multipart/form-data",
                       buffered=False)


def test_a_long_upload_streams_its_progress_then_the_outcome(app, client, teacher):
    response = post(client, long_text())
    assert response.status_code == 200 and response.mimetype == "text/html"
    chunks = [c.decode() for c in response.response]
    response.close()
    body = "".join(chunks)
    steps = re.findall(r'<li class="progress-step">([^<]*)</li>', body)
    # the page is sent in pieces: the head first, each step on its own, then the end
    assert len(chunks) >= len(steps) + 2 and "<h1>" in chunks[0] and "progress-step" not in chunks[0]
    assert steps[0].startswith("Read “The Mills of the Wey”") and "sentence(s)" in steps[0]
    facts = [tuple(map(int, m)) for m in re.findall(r"facts (\d+)/(\d+) sentences", body)]
    questions = [tuple(map(int, m)) for m in re.findall(r"questions (\d+)/(\d+) sentences", body)]
    assert len(facts) >= 5 and len(questions) >= 5  # the engine's own progress on a long document
    assert [f[0] for f in facts] == sorted(f[0] for f in facts) and facts[0][1] >= 2000
    done = re.search(r'<li class="progress-done">Done: (\d+) new question', body)
    assert done and int(done.group(1)) > 0
    assert body.index(": facts ") < body.index(": questions ") < body.index("progress-done")
    assert 'href="/teacher/documents/the-mills-of-the-wey"' in body and body.rstrip().endswith("</html>")
    with app.app_context():
        qs = db.session.scalars(db.select(Question).where(Question.document_id == "the-mills-of-the-wey")).all()
        assert len(qs) == int(done.group(1)) and {q.status for q in qs} == {"needs_review"}


def test_a_failing_generation_says_so_and_stores_nothing(app, client, teacher, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the generator broke")
    monkeypatch.setattr(pipeline, "generate_documents", broken)
    body = post(client, "= Short =\n\nThe mill was built in 1794.\n", title="Short").get_data(as_text=True)
    assert '<li class="progress-error">Generation failed, nothing was stored: the generator broke</li>' in body
    assert "progress-done" not in body
    with app.app_context():
        assert db.session.get(Document, "short") is None


def test_an_upload_without_a_title_takes_the_documents_heading(app, client, teacher):
    # the issue: "A file with no metadata still works: its title comes from its first heading or its name"
    text = ("# Coral Reefs Under Pressure\n\n*Posted by Daniel Okafor on 4 June 2022*\n\n## Bleaching\n\n"
            "Corals expel their algae and turn white, a process known as **bleaching**. The first global "
            "bleaching event was recorded in 1998, when an estimated 16 percent of reef-building corals died.\n")
    response = client.post("/teacher/documents", data={"file": (BytesIO(text.encode()), "coral.md"), "title": "",
                                                       "kind": "reference"}, content_type="multipart/form-data")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "progress-done" in body, body[-600:]
    with app.app_context():
        doc = db.session.get(Document, "coral")
        assert doc is not None and doc.title == "Coral Reefs Under Pressure"
        prompts = [q.prompt for q in db.session.scalars(db.select(Question).where(Question.document_id == "coral"))]
    assert prompts and not [p for p in prompts if "*" in p or "Okafor" in p]
    # the generator's report does not call the questions published: the upload holds them for review
    report = client.get("/teacher/documents/coral").get_data(as_text=True)
    line = re.search(r"questions: (\d+) \(([^)]*)\)", report)
    assert line and "published" not in line.group(2), line and line.group(0)
    assert f"{len(prompts)} new, waiting in the review queue" in line.group(2)
    page = client.get("/documents/coral").get_data(as_text=True)
    assert "<p>Daniel Okafor.</p>" in page  # the byline gave the author
    assert "**" not in page and "*Posted" not in page and "a process known as bleaching" in page  # the reader shows no markup
    bare = "# Reef Notes\n\nReefs shelter about 25% of all marine species, and they cover 1% of the ocean floor.\n"
    client.post("/teacher/documents", data={"file": (BytesIO(bare.encode()), "notes.md"), "title": "",
                                            "kind": "reference"}, content_type="multipart/form-data").get_data()
    page = client.get("/documents/notes").get_data(as_text=True)
    assert "Source not stated." in page and "<p>.</p>" not in page
