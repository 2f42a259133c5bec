"""Drawing the questions of an attempt: random, reproducible from a seed, one per sentence."""
from __future__ import annotations

import random
from collections.abc import Sequence


def draw(candidates: Sequence[tuple[str, str | None]], count: int, rng: random.Random,
         prioritized: bool = False) -> list[str]:
    """Pick up to ``count`` question ids from ``(question_id, sentence_id)`` candidates.

    Never two questions from the same sentence: one would give the other away. Without
    ``prioritized`` the pick is a random sample (the candidates are sorted first, so that the
    same seed and the same bank give the same draw). With it, candidates are taken in the order
    given (most wanted first) and only the order of presentation is shuffled.
    """
    pool = list(candidates)
    if not prioritized:
        pool.sort(key=lambda c: c[0])
        rng.shuffle(pool)
    picked: list[str] = []
    sentences: set[str] = set()
    for question_id, sentence_id in pool:
        key = sentence_id or f"question:{question_id}"
        if key in sentences:
            continue
        sentences.add(key)
        picked.append(question_id)
        if len(picked) >= count:
            break
    if prioritized:
        rng.shuffle(picked)
    return picked
