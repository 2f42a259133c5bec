"""Drawing the questions of an attempt: random, reproducible from a seed, one per sentence, and
never two that give each other away."""
from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from typing import NamedTuple


class Candidate(NamedTuple):
    """A question a quiz may draw: its id, its sentence, and the questions it must never share an
    attempt with (the bank's ``excludes``: one states what the other asks)."""
    id: str
    sentence_id: str | None
    excludes: Collection[str] = ()


def draw(candidates: Sequence[Candidate], count: int, rng: random.Random, prioritized: bool = False) -> list[str]:
    """Pick up to ``count`` question ids from the candidates.

    Never two questions from the same sentence, nor two that exclude each other: one would give the
    other away. Without ``prioritized`` the pick is a random sample (the candidates are sorted
    first, so that the same seed and the same bank give the same draw). With it, candidates are
    taken in the order given (most wanted first) and only the order of presentation is shuffled.
    """
    pool = list(candidates)
    if not prioritized:
        pool.sort(key=lambda c: c.id)
        rng.shuffle(pool)
    picked: list[str] = []
    sentences: set[str] = set()
    barred: set[str] = set()
    for c in pool:
        key = c.sentence_id or f"question:{c.id}"
        if key in sentences or c.id in barred:
            continue
        sentences.add(key)
        barred.update(c.excludes or ())
        picked.append(c.id)
        if len(picked) >= count:
            break
    if prioritized:
        rng.shuffle(picked)
    return picked
