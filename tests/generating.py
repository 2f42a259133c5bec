"""Helpers shared by the generation tests: a reference document read from text and generated."""
from quizapp.engine import pipeline
from quizapp.engine.reader import document_from_text


def generate_reference(text, doc_id, source_format="text"):
    """A reference document (no attribution in its stems) read from ``text``, and its generation result."""
    doc = document_from_text(text, doc_id=doc_id, source_format=source_format, meta={"kind": "reference"})
    return doc, pipeline.generate_documents([doc]).results[0]


def by_type(result, qtype):
    return [q for q in result.questions if q["type"] == qtype]
