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
    qtype: str = ""


def draw(candidates: Sequence[Candidate], count: int, rng: random.Random, prioritized: bool = False) -> list[str]:
    """Pick up to ``count`` question ids from the candidates.

    Never two questions from the same sentence, nor two that exclude each other: one would give the
    other away. Without ``prioritized`` the pick is a random sample (the candidates are sorted
    first, so that the same seed and the same bank give the same draw), spread over the question
    types in proportion to the pool (``spread_types``): a bank of 40% true/false gives about four
    in ten every time, not two in one attempt and seven in the next. With ``prioritized``,
    candidates are taken in the order given (most wanted first). Either way the order of
    presentation is shuffled.

    A question met early can bar so many others that fewer than ``count`` remain although another
    pick would have had enough: then the draw tries again, a few more random orders and last one
    that takes the questions that bar fewest first, and keeps the largest pick. Fewer than
    ``count`` come back only when no pick tried had enough.
    """
    pool = list(candidates)
    if not prioritized:
        pool.sort(key=lambda c: c.id)
        rng.shuffle(pool)
        pool = spread_types(pool, rng)
    picked = _greedy(pool, count)
    # no pick can hold more than one question per sentence
    most = min(count, len({c.sentence_id or f"question:{c.id}" for c in pool}))
    if len(picked) < most and any(c.excludes for c in pool):
        orders = []
        if not prioritized:
            for _ in range(RETRIES):
                order = pool[:]
                rng.shuffle(order)
                orders.append(order)
        # the questions that bar fewest of the others first (stable: ties keep the random or the
        # prioritized order); ids that are not candidates bar nothing here
        ids = {c.id for c in pool}
        orders.append(sorted(pool, key=lambda c: len(ids.intersection(c.excludes or ()))))
        for order in orders:
            again = _greedy(order, count)
            if len(again) > len(picked):
                picked = again
            if len(picked) >= most:
                break
    rng.shuffle(picked)
    return picked


def spread_types(pool: Sequence[Candidate], rng: random.Random) -> list[Candidate]:
    """The pool reordered so that every prefix holds each question type in about its share of the
    pool (systematic sampling within each type: the i-th of a type's n questions, in their random
    order, goes to position (i + u) / n, with one random offset u per type). Each question keeps
    the same chance of coming early; only the mix of a prefix is steadied."""
    by_type: dict[str, list[Candidate]] = {}
    for c in pool:
        by_type.setdefault(c.qtype, []).append(c)
    if len(by_type) < 2:
        return list(pool)
    keyed = []
    for rank, qtype in enumerate(sorted(by_type)):
        group = by_type[qtype]
        offset, n = rng.random(), len(group)
        keyed += [((i + offset) / n, rank, c) for i, c in enumerate(group)]
    keyed.sort(key=_position)
    return [k[2] for k in keyed]


def _position(k: tuple) -> tuple:
    return k[0], k[1]


RETRIES = 8


def _greedy(pool: Sequence[Candidate], count: int) -> list[str]:
    """The candidates in order, skipping any whose sentence is taken or that a pick bars, or that
    bars a pick (the relation is kept both ways, but a bank reloaded after a teacher's question was
    placed among its questions lists it on the teacher's side only)."""
    picked: list[str] = []
    sentences: set[str] = set()
    barred: set[str] = set()
    chosen: set[str] = set()
    for c in pool:
        key = c.sentence_id or f"question:{c.id}"
        if key in sentences or c.id in barred or (c.excludes and not chosen.isdisjoint(c.excludes)):
            continue
        sentences.add(key)
        barred.update(c.excludes or ())
        picked.append(c.id)
        chosen.add(c.id)
        if len(picked) >= count:
            break
    return picked
