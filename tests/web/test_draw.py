"""The draw: one question per sentence, never two that give each other away, reproducible."""
import random

from quizapp.services.draw import Candidate, draw

PAIRS = [(f"q{n}", f"s{n // 2}") for n in range(40)]  # two questions per sentence


def pool(excludes=None):
    excludes = excludes or {}
    return [Candidate(qid, sid, tuple(excludes.get(qid, ()))) for qid, sid in PAIRS]


def test_never_two_of_one_sentence_and_the_same_seed_draws_the_same():
    picked = draw(pool(), 10, random.Random(7))
    assert len(picked) == 10 and len({int(q[1:]) // 2 for q in picked}) == 10
    assert draw(pool(), 10, random.Random(7)) == picked


def test_never_two_that_exclude_each_other():
    # q0 gives away every question of sentences s1..s9, and they it: whichever comes first bars the rest
    barred = {f"q{n}" for n in range(2, 20)}
    candidates = pool({"q0": barred, **{q: {"q0"} for q in barred}})
    for seed in range(200):
        picked = set(draw(candidates, 15, random.Random(seed)))
        assert not ("q0" in picked and picked & barred), seed
    # and q0 is still drawn, by the seeds that meet it first, when the draw can have it and enough
    assert any("q0" in draw(candidates, 11, random.Random(seed)) for seed in range(200))


def test_exclusions_can_leave_fewer_questions_than_asked():
    everyone = {a: {b for b, _ in PAIRS if b != a} for a, _ in PAIRS}  # every one bars every other
    assert len(draw(pool(everyone), 10, random.Random(1))) == 1


def test_a_question_that_bars_many_does_not_cut_the_draw_short():
    # q0 bars every question of sentences s1..s9: met early, it leaves 11 sentences; without it, 20
    barred = {f"q{n}" for n in range(2, 20)}
    candidates = pool({"q0": barred, **{q: {"q0"} for q in barred}})
    for seed in range(300):
        assert len(draw(candidates, 15, random.Random(seed))) == 15, seed


def test_the_retry_keeps_the_draw_reproducible_and_prioritized_order_first():
    barred = {f"q{n}" for n in range(2, 20)}
    candidates = pool({"q0": barred, **{q: {"q0"} for q in barred}})
    assert [draw(candidates, 15, random.Random(s)) for s in range(20)] == \
        [draw(candidates, 15, random.Random(s)) for s in range(20)]
    # prioritized (the missed-questions quiz): q0 first would leave too few, so the ones that bar
    # fewest come first, and every one of them is still a candidate asked for
    picked = draw(candidates, 15, random.Random(3), prioritized=True)
    assert len(picked) == 15 and "q0" not in picked


def test_the_prioritized_fallback_counts_only_candidates_and_keeps_the_wanted_first():
    # the missed-questions quiz, most wanted first: a hub barring ten others leaves too few
    xs, ys = [f"x{n}" for n in range(10)], [f"y{n}" for n in range(10)]
    gone = tuple(f"gone{n}" for n in range(20))  # ids no longer in the bank bar nothing
    candidates = ([Candidate("hub", "s-hub", tuple(xs))] + [Candidate(x, f"s-{x}", ("hub",) + gone) for x in xs]
                  + [Candidate(y, f"s-{y}") for y in ys])
    picked = draw(candidates, 15, random.Random(1), prioritized=True)
    # the ys bar nothing, each x bars only the hub: the five most wanted xs make it, not the hub
    assert set(picked) == set(ys) | set(xs[:5])


def test_no_retry_once_every_sentence_is_drawn():
    calls = []

    class CountingRandom(random.Random):
        def shuffle(self, x):
            calls.append(len(x))
            super().shuffle(x)

    # 20 sentences and exclusions, 30 asked: the first pick has one question per sentence, the most any can have
    candidates = pool({"q0": ("q39",), "q39": ("q0",)})
    assert len(draw(candidates, 30, CountingRandom(5))) == 20
    assert calls == [40, 20]  # the first order only, then the order of presentation of the 20 picked


def test_an_exclusion_listed_on_one_side_only_still_holds():
    # a bank reloaded after a teacher's question was placed lists the pair on the teacher's side only
    candidates = pool({"t": ("q0",)}) + [Candidate("t", "teacher", ("q0",))]
    for seed in range(200):
        picked = set(draw(candidates, 21, random.Random(seed)))
        assert not {"t", "q0"} <= picked, seed


def test_the_types_are_spread_in_proportion_to_the_pool():
    # 40 true/false, 20 short answer, 20 numeric, 10 multiple choice, 10 matching: 100 sentences
    shares = {"true_false": 40, "short_answer": 20, "numeric": 20, "multiple_choice": 10, "matching": 10}
    candidates, n = [], 0
    for qtype, count in shares.items():
        for _ in range(count):
            candidates.append(Candidate(f"q{n:03d}", f"s{n}", (), qtype))
            n += 1
    by_type = {t: [] for t in shares}
    for seed in range(300):
        picked = draw(candidates, 10, random.Random(seed))
        assert len(picked) == 10
        kinds = [candidates[int(q[1:])].qtype for q in picked]
        for t in shares:
            by_type[t].append(kinds.count(t))
    # each draw of 10 holds every type about in its share: 4 true/false, 2, 2, 1 and 1
    assert set(by_type["true_false"]) == {4}
    assert set(by_type["short_answer"]) <= {1, 2, 3} and set(by_type["multiple_choice"]) <= {0, 1, 2}
    # and every question keeps its chance: over 300 draws each is drawn about 30 times
    counts = {c.id: 0 for c in candidates}
    for seed in range(300):
        for q in draw(candidates, 10, random.Random(seed)):
            counts[q] += 1
    assert min(counts.values()) >= 10 and max(counts.values()) <= 60


def test_the_order_of_presentation_is_shuffled():
    candidates = [Candidate(f"q{n:02d}", f"s{n}", (), "true_false" if n % 2 else "numeric") for n in range(20)]
    orders = {tuple(draw(candidates, 20, random.Random(seed))) for seed in range(10)}
    assert len(orders) == 10
    firsts = {candidates[int(draw(candidates, 20, random.Random(seed))[0][1:])].qtype for seed in range(40)}
    assert firsts == {"true_false", "numeric"}
