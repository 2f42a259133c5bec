"""The question pools that starts draw from, kept in each process between requests.

A start needs every candidate of its quiz (the published questions its rules select, as
``draw.Candidate``: id, sentence, the questions it excludes; a few hundred rows) and the type,
prompt and spec of the ones it draws. Reading and building them was most of a start's cost, and
they are the same for every student of the class: so each process keeps them, and reads, in the
same statement as the quiz, the bank's stamp (``models.BankStamp``), which database triggers
change in the same transaction as any change to the questions table. A different stamp: everything kept is dropped. The rules
are the quiz's own, read with it, so a change to the quiz needs no stamp.

Correct across processes and servers sharing one database: each one compares the stamp itself.
What is kept under a stamp was read after that stamp (in the same transaction on SQLite; in a
later statement on PostgreSQL, so at worst newer, never older). Kept per engine: each app (a test
makes many) has its own.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from sqlalchemy import Engine, bindparam, select

from quizapp.extensions import db
from quizapp.models import BankStamp, Question, Quiz
from quizapp.services import quizzes
from quizapp.services.draw import Candidate

# Snapshots of questions outside every pool kept (drawn for practise-what-I-missed) that a process
# keeps, about 1 kB each; past that it starts over. (A pool's own are kept with it, as many as it has.)
SNAPSHOT_LIMIT = 5000

# Built once: a statement object that is used again keeps its cache key (SQLAlchemy memoizes it).
STAMP = select(BankStamp.stamp).where(BankStamp.id == 1)
QUIZ_WITH_STAMP = select(Quiz, STAMP.scalar_subquery()).where(Quiz.id == bindparam("quiz_id"))
SNAPSHOT_COLUMNS = (Question.id, Question.type, Question.prompt, Question.spec)
SNAPSHOTS = select(*SNAPSHOT_COLUMNS).where(Question.id.in_(bindparam("ids", expanding=True)))


@dataclass
class _Kept:
    stamp: str
    pools: dict[tuple, list[Candidate]] = field(default_factory=dict)
    snapshots: dict[str, dict] = field(default_factory=dict)


_kept: weakref.WeakKeyDictionary[Engine, _Kept] = weakref.WeakKeyDictionary()


def quiz_with_stamp(quiz_id: int) -> tuple[Quiz | None, str | None]:
    """The quiz (None if there is none) and the bank's stamp, in one statement."""
    row = db.session.execute(QUIZ_WITH_STAMP, {"quiz_id": quiz_id}).first()
    return (None, None) if row is None else (row[0], row[1])


def current_stamp() -> str | None:
    return db.session.scalar(STAMP)


def _kept_for(stamp: str | None) -> _Kept | None:
    if stamp is None:  # no stamp row (a database being rebuilt): keep nothing
        return None
    engine = db.session.get_bind()
    kept = _kept.get(engine)
    if kept is None or kept.stamp != stamp:
        kept = _kept[engine] = _Kept(stamp)
    return kept


def _rules_key(rules: dict) -> tuple:
    return tuple(tuple(rules.get(name) or ()) for name in ("documents", "sections", "types"))


def candidates(quiz: Quiz, user, stamp: str | None) -> list[Candidate]:
    """``quizzes.candidates_for``, kept while the stamp holds. The list is shared: do not change it."""
    kept = _kept_for(stamp)
    if quiz.kind == "missed" or kept is None:  # the student's own history: nothing to share
        return quizzes.candidates_for(quiz, user)
    key = _rules_key(quiz.rules or {})
    pool = kept.pools.get(key)
    if pool is None:  # the candidates, and what an attempt keeps of each, in one statement
        rows = db.session.execute(
            quizzes.rule_filter(select(Question.sentence_id, Question.excludes, *SNAPSHOT_COLUMNS), quiz.rules or {})
            .order_by(Question.id)).all()
        kept.snapshots.update(_snapshot(row[2:]) for row in rows)
        pool = kept.pools[key] = [Candidate(row.id, row.sentence_id, tuple(row.excludes or ()), row.type) for row in rows]
    return pool


def _snapshot(row) -> tuple[str, dict]:
    qid, qtype, prompt, spec = row
    return qid, {"type": qtype, "prompt": prompt, "spec": spec}


def snapshots(ids: list[str], stamp: str | None) -> dict[str, dict]:
    """``{question id: {"type", "prompt", "spec"}}`` of ``ids``: what an attempt item keeps of
    its question. The dicts are shared: do not change them."""
    kept = _kept_for(stamp)
    found: dict[str, dict] = {}
    if kept is not None:
        kept_snapshots = kept.snapshots  # (another thread may replace it meanwhile)
        for qid in ids:
            snapshot = kept_snapshots.get(qid)
            if snapshot is not None:
                found[qid] = snapshot
    missing = [qid for qid in ids if qid not in found]
    if missing:
        loaded = dict(_snapshot(row) for row in db.session.execute(SNAPSHOTS, {"ids": missing}))
        found.update(loaded)
        if kept is not None:
            if len(kept.snapshots) + len(loaded) > SNAPSHOT_LIMIT:
                kept.snapshots = {}
            kept.snapshots.update(loaded)
    return found
