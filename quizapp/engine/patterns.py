"""Compiled regular expressions for patterns built at run time (a name, a word of the stem).

The generator builds thousands of such patterns, each from the text it checks. Through ``re.search`` each
one would take a place in the ``re`` module's own small cache and push out the fixed patterns the engine
uses everywhere, which would then be compiled again and again (about a tenth of the generation's time,
``bench/bench_generate.py``). ``rx`` keeps them in a cache of their own.
"""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=16_384)
def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, cached."""
    return re.compile(pattern, flags)
