"""The explanation passage of a question built on sentences far apart shows only their paragraphs."""
from types import SimpleNamespace

from quizapp.services.documents import passage

TEXT = "First para, term one (gloss one).\n\nFiller.\n\nMore filler.\n\nLast para, term two (gloss two).\n"


def doc():
    paras, pos, n = [], 0, 0
    for block in TEXT.split("\n\n"):
        start = TEXT.index(block, pos)
        n += 1
        paras.append({"start": start, "end": start + len(block.rstrip("\n")), "number": n})
        pos = start + len(block)
    return SimpleNamespace(text=TEXT, paragraphs=paras)


def test_far_apart_sentences_show_only_their_paragraphs():
    d = doc()
    first = (0, TEXT.index("\n"))
    last_start = TEXT.index("Last")
    last = (last_start, TEXT.index("\n", last_start))
    citation = {"start": 0, "end": last[1], "quote": TEXT[0:last[1]], "section": "",
                "sentence": {"start": first[0], "end": first[1]},
                "sentences": [{"start": first[0], "end": first[1]}, {"start": last[0], "end": last[1]}],
                "answer": None}
    shown = passage(d, citation, "matching")
    assert [p["number"] for p in shown.paragraphs] == [1, 4]
    assert all('<mark class="source">' in str(p["html"]) for p in shown.paragraphs)
    assert "Filler" not in "".join(str(p["html"]) for p in shown.paragraphs)


def test_without_sentence_list_the_whole_span_is_shown():
    d = doc()
    citation = {"start": 0, "end": len(TEXT.rstrip()), "quote": TEXT.rstrip(), "section": "",
                "sentence": {"start": 0, "end": 10}, "answer": None}
    shown = passage(d, citation, "matching")
    assert [p["number"] for p in shown.paragraphs] == [1, 2, 3, 4]
