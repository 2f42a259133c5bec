"""The engine's cache of patterns built at run time: the same pattern is compiled once, and the ``re``
module's own cache is left to the engine's fixed patterns."""
import re

from quizapp.engine.patterns import rx


def test_a_pattern_built_twice_is_compiled_once():
    word = "Smeaton"
    first = rx(rf"\b{re.escape(word)}\b")
    assert rx(rf"\b{re.escape(word)}\b") is first
    assert rx(rf"\b{re.escape(word)}\b", re.I) is not first  # the flags are part of the key
    assert first.search("John Smeaton's tower") and not first.search("Smeatonian")


def test_the_engine_builds_no_pattern_through_re_at_run_time():
    # every pattern made from text at run time (an f-string) goes through rx, not re.search & co.
    import ast
    from pathlib import Path
    engine = Path(__file__).resolve().parents[1] / "quizapp" / "engine"
    offenders = []
    for path in engine.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and \
                    node.func.attr in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split") and \
                    node.args and isinstance(node.args[0], ast.JoinedStr):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
