"""Markdown's inline markup is found by offset and left out of what a reader sees."""
import pytest

from quizapp.engine.markup import markup_offsets, plain


@pytest.mark.parametrize("text,shown", [
    ("Most corals are *hermatypic*, i.e. reef-building.", "Most corals are hermatypic, i.e. reef-building."),
    ("The **Great Barrier Reef** is large.", "The Great Barrier Reef is large."),
    ("A _zooxanthella_ and a __bold__ word.", "A zooxanthella and a bold word."),
    ("See [the report](https://x.org/a \"title\") for 2019.", "See the report for 2019."),
    ("**[a bold link](http://a.b)**", "a bold link"),
    ("Run `a*b*c` now.", "Run a*b*c now."),
    ("*_____* is the word.", "_____ is the word."),
    ("chartered the **SS *Great Eastern***, the largest ship", "chartered the SS Great Eastern, the largest ship"),
    ("the ***Titanic*** sank", "the Titanic sank"),
    ("named it *penicillin*.[^1] He", "named it penicillin. He"),
    ("See ![Fleming at work](f.jpg \"x\") here.", "See  here."),
])
def test_markup_is_left_out(text, shown):
    assert plain(text) == shown


@pytest.mark.parametrize("text", [
    "The term _____ means reef.",  # the blank
    "The ratio 2 * 3 * 4 is 24.",
    "He wrote snake_case and my_var names.",
    "An asterisk* alone, and [brackets] alone.",
])
def test_what_only_looks_like_markup_stays(text):
    assert plain(text) == text and markup_offsets(text) == []


def test_offsets_point_at_the_markers():
    text = "a **b** c"
    assert markup_offsets(text) == [2, 3, 5, 6]
