"""The shipped bank (questions/bank/) is the generator's output on questions/sources/:
regenerating it gives the same files, and it meets the bank's rules."""
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from quizapp.engine import pipeline
from quizapp.engine.reader import load_sources

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "questions" / "bank"
SOURCES = ROOT / "questions" / "sources"


@pytest.fixture(scope="module")
def shipped():
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(BANK.glob("*.json"))}


@pytest.fixture(scope="module")
def documents():
    return {d.id: d for d in load_sources(SOURCES)}


def published(shipped):
    return [q for data in shipped.values() for q in data["questions"] if q["status"] == "published"]


def test_regenerating_gives_the_shipped_bank_byte_for_byte(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    pipeline.generate_paths([], tmp_path / "bank")
    fresh = sorted(p.name for p in (tmp_path / "bank").iterdir())
    assert fresh == sorted(p.name for p in BANK.iterdir()), "run `quizapp generate` and commit questions/bank/"
    for name in fresh:
        assert (tmp_path / "bank" / name).read_bytes() == (BANK / name).read_bytes(), \
            f"{name} differs: run `quizapp generate` and commit questions/bank/"


def test_one_file_per_document_with_its_header(shipped, documents):
    assert len(shipped) == len(documents) == 3
    for data in shipped.values():
        doc = documents[data["document"]["id"]]
        assert data["document"]["title"] == doc.title
        assert data["document"]["sha256"] == doc.sha256
        assert (SOURCES / data["document"]["source_file"]).exists()


def test_at_least_250_published_questions_of_at_least_six_types(shipped):
    pub = published(shipped)
    assert len(pub) >= 250
    assert len(Counter(q["type"] for q in pub)) >= 6


def test_every_citation_is_exact_and_every_answer_is_inside_its_quote(shipped, documents):
    for data in shipped.values():
        doc = documents[data["document"]["id"]]
        for q in data["questions"]:
            c = q["citation"]
            assert c["document"] == doc.id
            assert doc.text[c["start"]:c["end"]] == c["quote"], q["id"]
            assert c["start"] <= c["sentence"]["start"] < c["sentence"]["end"] <= c["end"]
            if q["type"] in ("multiple_choice", "multiple_response") and q["fact_kind"] not in ("event", "statements"):
                for choice in q["choices"]:
                    if choice["correct"]:
                        assert choice["text"] in c["quote"], q["id"]
            if q["type"] in ("short_answer", "numeric"):
                assert q["answer"] in c["quote"], q["id"]
            if c["answer"]:
                assert c["start"] <= c["answer"]["start"] < c["answer"]["end"] <= c["end"]


def test_ids_are_unique_and_fields_in_range(shipped):
    ids = [q["id"] for data in shipped.values() for q in data["questions"]]
    assert len(ids) == len(set(ids))
    for data in shipped.values():
        for q in data["questions"]:
            assert 0 <= q["quality"] <= 1 and 0 <= q["difficulty"] <= 1
            assert q["status"] in ("published", "needs_review")
            if q["status"] == "needs_review":
                assert q["reasons"], f"{q['id']} needs review but says not why"
            if q["type"] == "multiple_choice":
                assert len(q["choices"]) == 4 and sum(c["correct"] for c in q["choices"]) == 1
            if q["type"] == "true_false":
                assert [c["text"] for c in q["choices"]] == ["True", "False"]
            if q["type"] == "matching":
                assert len(q["pairs"]) >= 2
            if q["type"] == "ordering":
                assert 3 <= len(q["sequence"]) <= 5


def test_argument_and_discussion_claims_are_attributed(shipped):
    for data in shipped.values():
        kind = data["document"]["kind"]
        if kind == "reference":
            continue
        for q in data["questions"]:
            assert "According to" in q["prompt"] or data["document"]["attribution"] in q["prompt"], q["prompt"]


def test_every_section_with_facts_is_covered_or_its_rejections_are_reported(shipped, documents):
    """Section by section: a section with numbers in its prose has a published question, or (when
    every candidate there failed a filter) the report says why, and such sections are rare."""
    uncovered = []
    for data in shipped.values():
        doc = documents[data["document"]["id"]]
        covered = {q["citation"]["section"] for q in data["questions"] if q["status"] == "published"}
        for section in doc.sections:
            sentences = [s for s in doc.sentences if s.section == section.index
                         and doc.paragraphs[s.paragraph].kind == "prose"]
            if len(sentences) >= 3 and re.search(r"\d", " ".join(s.text for s in sentences)) \
                    and section.title not in covered:
                rejected_here = [r for r in data["rejected"] if section.start <= r["start"] < section.end]
                assert rejected_here, f"{doc.id}: section {section.title!r} has no question and no reported rejection"
                uncovered.append(section.title)
    assert len(uncovered) <= 1, uncovered


def test_no_page_furniture_in_published_questions(shipped):
    for q in published(shipped):
        assert not re.search(r"Transcribed|Last updated|Accepted answer|More post|ETOL|pp\. \d", q["prompt"]), q["prompt"]


def test_the_report_lists_rejected_candidates_with_reasons():
    report = (BANK / "REPORT.md").read_text(encoding="utf-8")
    assert "### Rejected candidates" in report
    assert re.search(r"\d+ × [a-z]", report)
