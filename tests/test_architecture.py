"""The package's shape, as the developers' guide sets it: imports go down only (engine, then the
low-level helpers, then models, then services and forms, then blueprints, then the factory), no
blueprint imports another, no import is hidden inside a function, no module reaches a thousand
lines, and nothing prints instead of logging."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "quizapp"

# The layer of each part of the package; a module may import from its own layer or a lower one.
LAYERS = {
    "engine": 0,
    # helpers below the models: the db object, settings, hashing, question types, SQLite's locking
    "extensions": 1, "config": 1, "hashing": 1, "passwords": 1, "qtypes": 1, "sqlite": 1, "converters": 1,
    "models": 2,
    "services": 3, "forms": 3,
    "filters": 4, "security": 4, "requestguard": 4, "blueprints": 4,
    "cli": 5, "__init__": 5, "console": 6, "serving": 6, "gunicorn_worker": 6,
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, path.relative_to(PACKAGE).parts


def _part(parts: tuple[str, ...]) -> str:
    return parts[0].removesuffix(".py")


def _imports(tree: ast.AST) -> list[tuple[str, int]]:
    """(module imported from the package, line) for each import of quizapp in the file."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                and node.module.split(".")[0] == "quizapp":
            mod = node.module.split(".")
            if len(mod) == 1:  # 'from quizapp import qtypes, sqlite'
                out += [(alias.name, node.lineno) for alias in node.names]
            else:
                out.append((".".join(mod[1:]), node.lineno))
        elif isinstance(node, ast.Import):
            out += [(a.name.split(".", 1)[1], node.lineno) for a in node.names
                    if a.name.startswith("quizapp.")]
    return out


def test_every_part_of_the_package_has_a_layer():
    assert sorted({_part(p) for _, p in _modules()} - set(LAYERS)) == []


def test_imports_go_down_only():
    upward = []
    for path, parts in _modules():
        here = LAYERS[_part(parts)]
        for target, line in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            there = LAYERS.get(target.split(".")[0], 5)
            if there > here:
                upward.append(f"{'/'.join(parts)}:{line} imports quizapp.{target}")
    assert upward == []


def test_no_blueprint_imports_another():
    crossing = []
    for path, parts in _modules():
        if parts[0] != "blueprints" or len(parts) < 2:
            continue
        own = parts[1].removesuffix(".py")
        for target, line in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            bits = target.split(".")
            if bits[0] == "blueprints" and len(bits) > 1 and bits[1] != own:
                crossing.append(f"{'/'.join(parts)}:{line} imports quizapp.{target}")
    assert crossing == []


def test_no_import_is_hidden_inside_a_function():
    hidden = []
    for path, parts in _modules():
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                hidden += [f"{'/'.join(parts)}:{n.lineno}" for n in ast.walk(fn)
                           if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert hidden == []


def test_no_module_reaches_a_thousand_lines():
    long = [f"{'/'.join(parts)}: {n}" for path, parts in _modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) >= 1000]
    assert long == []


def test_nothing_prints_instead_of_logging():
    prints = []
    for path, parts in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                prints.append(f"{'/'.join(parts)}:{node.lineno}")
    assert prints == []
