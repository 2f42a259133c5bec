"""The engine is pure Python: it imports nothing from Flask or SQLAlchemy."""
import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "quizapp" / "engine"
FORBIDDEN = ("flask", "flask_sqlalchemy", "sqlalchemy", "flask_wtf", "wtforms", "flask_login", "werkzeug")


def test_engine_sources_import_no_web_or_db_module():
    offenders = []
    for path in ENGINE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_the_engine_loads_no_web_or_db_module():
    mods = [p.stem for p in ENGINE.glob("*.py") if p.stem != "__init__"]
    code = (
        "import sys, importlib\n"
        f"for m in {mods!r}: importlib.import_module('quizapp.engine.' + m)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    # quizapp/__init__ imports Flask, so load the engine package without running it.
    code = (
        "import sys, types, pathlib\n"
        f"pkg = types.ModuleType('quizapp'); pkg.__path__ = [{str(ENGINE.parent)!r}]\n"
        "sys.modules['quizapp'] = pkg\n" + code
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
