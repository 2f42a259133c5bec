"""Loading the library: the sample sources, the question bank and the default quizzes."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.engine import reader
from quizapp.extensions import db
from quizapp.models import Document
from quizapp.services import bank, documents, quizzes

log = logging.getLogger(__name__)

# What a load can fail with, each with a message that names the file.
LOAD_ERRORS = (reader.DocumentError, bank.BankError, quizzes.SeedError)


@dataclass
class CatalogReport:
    documents: list[str] = field(default_factory=list)
    bank: bank.LoadReport | None = None
    practice_quizzes: int = 0
    seeded_quizzes: int = 0

    def render(self) -> str:
        lines = [f"sources: {len(self.documents)} document(s): {', '.join(self.documents) or '-'}"]
        if self.bank is not None:
            lines.append(self.bank.render())
        lines.append(f"quizzes: {self.practice_quizzes} practice quiz(zes), {self.seeded_quizzes} "
                     "default quiz(zes) added from the seed file")
        return "\n".join(lines)


def load_sources(sources_dir: Path) -> list[Document]:
    """Read the sources with the engine's reader and store them (insert or update)."""
    sources_dir = Path(sources_dir)
    if not sources_dir.is_dir():
        log.warning("no sources at %s", sources_dir)
        return []
    rows = []
    for doc in reader.load_sources(sources_dir):
        rows.append(documents.upsert_document(doc, source_file=doc.meta.get("file")))
    return rows


def load_library(sources_dir: Path, bank_dir: Path, seed_file: Path | None,
                 practice_count: int = 10, practice_pass_mark: int = 60) -> CatalogReport:
    """Sources, then the bank, then the quizzes: safe to run again and again."""
    report = CatalogReport()
    report.documents = [d.id for d in load_sources(sources_dir)]
    report.bank = bank.load_bank_dir(bank_dir)
    for doc_id in report.bank.documents:
        document = db.session.get(Document, doc_id)
        quizzes.ensure_practice_quiz(document, count=practice_count, pass_mark=practice_pass_mark)
        report.practice_quizzes += 1
    quizzes.ensure_missed_quiz()
    if seed_file is not None and Path(seed_file).exists():
        report.seeded_quizzes = quizzes.seed_quizzes(Path(seed_file))
    return report
