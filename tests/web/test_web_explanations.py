"""Explanations (gated), problem reports, and the document reader."""
import re

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Document, Question, Report
from quizapp.services.documents import highlight, reader_blocks


def _html(response):
    return response.get_data(as_text=True)


def _finished_attempt(driver, right=True, skip=()):
    aid = driver.start()
    items = {i["question_id"]: i for i in driver.items(aid)}
    for qid, item in items.items():
        if qid not in skip:
            driver.answer(aid, item, right=right)
    driver.finish(aid)
    return aid, items


def test_explanations_open_only_after_finishing(client, student, driver):
    aid = driver.start()
    item = driver.items(aid)[0]
    driver.answer(aid, item)
    response = client.get(f"/attempts/{aid}/q/{item['slot']}/explanation")
    assert response.status_code == 403 and "when you finish" in _html(response)
    driver.finish(aid)
    assert client.get(f"/attempts/{aid}/q/{item['slot']}/explanation").status_code == 200


def test_no_explanation_for_a_question_left_unanswered(client, student, driver):
    aid, items = _finished_attempt(driver, skip={"hl-sa-daughter"})
    slot = items["hl-sa-daughter"]["slot"]
    response = client.get(f"/attempts/{aid}/q/{slot}/explanation")
    assert response.status_code == 403
    assert "Mary Reed" not in _html(response)
    results = _html(client.get(f"/attempts/{aid}/results"))
    assert f"/attempts/{aid}/q/{slot}/explanation" not in results


def test_the_explanation_page_quotes_the_passage(client, student, driver):
    aid, items = _finished_attempt(driver, right=False)
    slot = items["hl-sa-daughter"]["slot"]
    html = _html(client.get(f"/attempts/{aid}/q/{slot}/explanation"))
    assert "Who kept the light after Thomas Reed?" in html
    assert "zzz" in html  # the student's answer
    assert "Wrong" in html and "Mary Reed" in html  # the right one
    assert "Also accepted: Mary" in html
    assert "His daughter, Mary Reed, kept the light after him." in html  # the explanation
    # The passage: the whole paragraph, the source sentence highlighted, the answer marked.
    assert "The first keeper was Thomas Reed, who served for 22 years." in html
    assert re.search(r'<mark class="source">His daughter, <strong class="answer">Mary Reed</strong>, kept the light '
                     r'after him and wrote a logbook of every ship that passed\.</mark>', html)
    assert "The first keeper was" not in re.search(r"<mark.*?</mark>", html, re.S).group(0)
    # The citation and the link into the reader.
    assert "<cite>The Harbour Lighthouse</cite>, QuizApp test suite" in html
    assert "section “Keepers”" in html and "paragraph 2" in html
    assert 'href="/documents/harbour-lighthouse#p-2"' in html
    reader = _html(client.get("/documents/harbour-lighthouse"))
    assert re.search(r'<p class="para" id="p-2">.*His daughter, Mary Reed', reader)


def test_choice_feedback_and_the_key(app, client, student, driver):
    with app.app_context():
        db.session.get(Question, "hl-mc-breakwater").status = "retired"  # so hl-mc-built is drawn
        db.session.commit()
    aid = driver.start()
    item = next(i for i in driver.items(aid) if i["question_id"] == "hl-mc-built")
    wrong = next(oid for oid, i in item["layout"]["options"] if item["spec"]["choices"][i]["text"] == "1831")
    client.post(f"/attempts/{aid}/q/{item['slot']}", data={"answer": wrong, "go": "save"})
    driver.finish(aid)
    html = _html(client.get(f"/attempts/{aid}/q/{item['slot']}/explanation"))
    assert "No: the text says 1852." in html  # the feedback of the chosen option
    assert "Yes: the first sentence" not in html  # not that of the others
    assert re.search(r"The right answer</h3>\s*<ul class=\"answer-rows\">\s*<li>1852</li>", html)
    assert '<strong class="answer">1852</strong>' in html


def test_matching_explanation_shows_each_pair_and_the_rule(client, student, driver):
    aid, items = _finished_attempt(driver, right=True)
    html = _html(client.get(f"/attempts/{aid}/q/{items['hl-match-dates']['slot']}/explanation"))
    assert "1907 → The lamp was changed from oil to gas" in html
    assert "How this is marked:" in html
    # A multi-sentence citation: the whole cited span is highlighted.
    assert '<mark class="source">In 1907 the lamp was changed from oil to gas. In 1931' in html


def test_explanation_navigation_between_answered_questions(client, student, driver):
    aid, items = _finished_attempt(driver)
    html = _html(client.get(f"/attempts/{aid}/q/1/explanation"))
    assert f"/attempts/{aid}/q/2/explanation" in html and "Next explanation" in html
    assert "Previous explanation" not in html


def test_reports_are_stored_for_the_teachers(app, client, student, driver):
    aid, items = _finished_attempt(driver)
    item = items["hl-sa-daughter"]
    url = f"/attempts/{aid}/q/{item['slot']}/report"
    response = client.post(url, data={"kind": "unclear", "comment": "Which lighthouse?"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/attempts/{aid}/q/{item['slot']}/explanation")
    bad = client.post(url, data={"kind": "rude", "comment": "x"})
    assert bad.status_code == 400 and 'id="kind-error"' in _html(bad)
    with app.app_context():
        [report] = db.session.scalars(select(Report)).all()
        assert (report.question_id, report.kind, report.comment, report.status, report.attempt_id) == \
            ("hl-sa-daughter", "unclear", "Which lighthouse?", "open", aid)


def test_a_problem_can_be_reported_during_the_attempt(app, client, student, driver):
    aid = driver.start()
    assert client.get(f"/attempts/{aid}/q/1/report").status_code == 200
    response = client.post(f"/attempts/{aid}/q/1/report", data={"kind": "typo"})
    assert response.headers["Location"].endswith(f"/attempts/{aid}/q/1")
    with app.app_context():
        assert db.session.scalar(select(Report.kind)) == "typo"


# --- the reader ----------------------------------------------------------------------------


def test_the_reader_shows_sections_numbered_paragraphs_and_the_licence(client):
    html = _html(client.get("/documents/harbour-lighthouse"))
    assert "<h1>The Harbour Lighthouse</h1>" in html
    assert '<h2 id="s-1" class="reader-heading">Keepers</h2>' in html
    assert '<a href="#s-2">Visitors</a>' in html  # contents
    for n in (1, 2, 3, 4):
        assert f'id="p-{n}"' in html and f'aria-label="Paragraph {n}">{n}</a>' in html
    assert 'id="p-5"' not in html
    assert '<p class="furniture">Last updated: 2024</p>' in html  # shown muted, not numbered
    assert "Licence: CC0 1.0" in html and "QuizApp test suite" in html
    assert "= The Harbour Lighthouse =" not in html and "==Keepers==" not in html


def test_the_reader_is_public_and_lists_documents(client):
    html = _html(client.get("/documents"))
    assert 'href="/documents/harbour-lighthouse"' in html


def test_table_debris_is_not_shown_as_prose(app, client):
    text = "Intro text.\n\n1926\n\n1,200\n\nOutro text."
    with app.app_context():
        doc = Document(id="t", title="T", text=text, structure={
            "sections": [{"index": 0, "title": "", "level": 1, "start": 0, "end": len(text)}],
            "paragraphs": [
                {"index": 0, "number": 1, "start": 0, "end": 11, "section": 0, "kind": "prose"},
                {"index": 1, "number": 2, "start": 13, "end": 17, "section": 0, "kind": "table"},
                {"index": 2, "number": 3, "start": 19, "end": 24, "section": 0, "kind": "table"},
                {"index": 3, "number": 4, "start": 26, "end": len(text), "section": 0, "kind": "prose"}]})
        assert [b.kind for b in reader_blocks(doc)] == ["prose", "tablegroup", "prose"]
        db.session.add(doc)
        db.session.commit()
    html = _html(client.get("/documents/t"))
    assert html.count('<p class="para"') == 2
    details = re.search(r'<details class="table-debris">.*?</details>', html, re.S).group(0)
    assert "(paragraphs 2–3)" in details and 'id="p-3"' in details and "1,200" in details


def test_a_markdown_block_quotation_and_an_image_line_are_shown_as_such(app, client):
    text = ("Fleming warned:\n\n> \"The time may come <b>soon</b>.\"\n> — Fleming, 1945\n\nAfter.\n\n"
            "![Fleming in his laboratory](fleming.jpg)")
    q_start = text.index(">")
    q_end = text.index("\n\nAfter")
    image = text.index("![")
    with app.app_context():
        doc = Document(id="q", title="Q", text=text, source_format="markdown", structure={
            "sections": [{"index": 0, "title": "", "level": 1, "start": 0, "end": len(text)}],
            "paragraphs": [
                {"index": 0, "number": 1, "start": 0, "end": 15, "section": 0, "kind": "prose"},
                {"index": 1, "number": 2, "start": q_start, "end": q_end, "section": 0, "kind": "quote"},
                {"index": 2, "number": 3, "start": q_end + 2, "end": image - 2, "section": 0, "kind": "prose"},
                {"index": 3, "number": 0, "start": image, "end": len(text), "section": 0, "kind": "furniture"}]})
        db.session.add(doc)
        db.session.commit()
    html = _html(client.get("/documents/q"))
    quote = re.search(r'<blockquote class="para reader-quote" id="p-2">.*?</blockquote>', html, re.S).group(0)
    assert "&gt; " not in quote and "The time may come &lt;b&gt;soon&lt;/b&gt;" in quote and "— Fleming, 1945" in quote
    assert '<p class="furniture">Image: Fleming in his laboratory</p>' in html  # a picture's caption, said to be one


def test_highlight_escapes_the_text():
    text = 'Say <script>alert("x")</script> & 42 things.'
    at = 100 + text.index("42")
    html = str(highlight(text, 100, (100, 100 + len(text)), (at, at + 2)))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert '<strong class="answer">42</strong>' in html
    assert html.startswith('<mark class="source">') and html.endswith("</mark>")


def test_a_markdown_passage_shows_no_markup_around_the_highlighted_answer():
    text = "Corals live with algae called **zooxanthellae**, as [a survey](https://example.org/s) found."
    at = 100 + text.index("zooxanthellae")
    html = str(highlight(text, 100, (100, 100 + len(text)), (at, at + len("zooxanthellae")), markdown=True))
    assert '<strong class="answer">zooxanthellae</strong>' in html
    assert "*" not in html and "](" not in html and "example.org" not in html and "as a survey found." in html
    # the same text from a plain text file is shown as it is
    assert "**" in str(highlight(text, 100, None, None))


def test_every_link_inside_a_document_page_has_its_target(make_app):
    """Contents links (run-in heads such as STAKHANOVISM: included) and paragraph numbers all
    land somewhere, on the sample corpus as well as on the test document."""
    from quizapp.config import PROJECT_ROOT
    from quizapp.services import catalog
    app = make_app()
    with app.app_context():
        catalog.load_sources(PROJECT_ROOT / "questions" / "sources")
        db.session.commit()
        ids = list(db.session.scalars(select(Document.id)))
    client = app.test_client()
    assert len(ids) >= 2
    for doc_id in ids:
        html = _html(client.get(f"/documents/{doc_id}"))
        targets = set(re.findall(r'href="#([\w-]+)"', html))
        present = set(re.findall(r'id="([\w-]+)"', html))
        assert targets and targets <= present, (doc_id, targets - present)
