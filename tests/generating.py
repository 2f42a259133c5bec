"""Helpers shared by the generation tests: a reference document read from text and generated."""
from quizapp.engine import pipeline
from quizapp.engine.reader import document_from_text


def generate_reference(text, doc_id, source_format="text"):
    """A reference document (no attribution in its stems) read from ``text``, and its generation result."""
    doc = document_from_text(text, doc_id=doc_id, source_format=source_format, meta={"kind": "reference"})
    return doc, pipeline.generate_documents([doc]).results[0]


def by_type(result, qtype):
    return [q for q in result.questions if q["type"] == qtype]


def generate_as_read(text, doc_id, source_format="text"):
    """A document read from ``text`` with no metadata (its kind and title as the reader finds them), and its
    generation result."""
    doc = document_from_text(text, doc_id=doc_id, source_format=source_format)
    return doc, pipeline.generate_documents([doc]).results[0]


def keyed(result, *keys):
    """The questions whose answer (typed, or a correct option) is one of ``keys``."""
    return [q for q in result.questions if q.get("answer") in keys
            or any(c["correct"] and c["text"] in keys for c in q.get("choices", []))]
