"""The CSV exports opened in a real spreadsheet (LibreOffice Calc, headless), read back cell by cell.

Calc imports each CSV as a user opening the file would, with its Text Import defaults (comma
separated, double quotes, UTF-8 as the file's byte-order mark says; formulas evaluated), then
saves it as flat OpenDocument XML; the test reads every cell's type and value from
that file: names are text (commas, quotes, accents and would-be formulas intact, nothing run),
scores and percentages are numbers with the right values, times are dates.
"""
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from test_stats import QIDS, plant

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(autouse=True)
def _calc_is_there():
    if SOFFICE is None:
        message = "LibreOffice Calc (soffice) is not installed; scripts/test-services installs it as root"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
NAMES = ["Smith, Anna", 'Bob "the Builder" Jones', "=1+1", '=HYPERLINK("http://evil";"x")', "@SUM(A1)", "Zoë Ñúñez"]
SCORES = [(1, 1, 1), (1, 1, 0), (1, 0, 0), (0, 1, 0), (0, 0, 0), (1, 0, 1)]


def _q(ns: str, name: str) -> str:
    return f"{{{NS[ns]}}}{name}"


def open_in_calc(csv_bytes: bytes, tmp_path: Path) -> list[list[tuple[str, object]]]:
    """Rows of (type, value) cells as Calc reads the CSV: type is 'float', 'string', 'date', …"""
    source = tmp_path / "export.csv"
    source.write_bytes(csv_bytes)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "fods",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120)
    root = ET.parse(tmp_path / "export.fods").getroot()
    rows = []
    for row in root.iter(_q("table", "table-row")):
        cells = []
        for cell in row.findall(_q("table", "table-cell")):
            assert cell.get(_q("table", "formula")) is None, "a cell was read as a formula"
            kind = cell.get(_q("office", "value-type"), "empty")
            if kind == "float":
                value: object = float(cell.get(_q("office", "value")))
            elif kind == "date":
                value = cell.get(_q("office", "date-value"))
            else:
                value = "\n".join("".join(p.itertext()) for p in cell.findall(_q("text", "p")))
            repeat = int(cell.get(_q("table", "number-columns-repeated"), "1"))
            cells.extend([(kind, value)] * min(repeat, 50))
        while cells and cells[-1][0] == "empty":
            cells.pop()
        if cells:
            rows.append(cells)
    return rows


def test_attempts_csv_opens_in_a_spreadsheet_with_the_right_numbers(app, client, teacher, tmp_path):
    quiz_id = plant(app, SCORES, names=NAMES)
    response = client.get(f"/teacher/quizzes/{quiz_id}/attempts.csv?sort=student&dir=asc")
    assert response.status_code == 200
    rows = open_in_calc(response.get_data(), tmp_path)
    header = [value for _, value in rows[0]]
    assert header[:3] == ["attempt_id", "student", "email"] and header[-4:] == ["score", "max_score", "percent", "passed"]
    col = {name: i for i, name in enumerate(header)}
    by_name = {row[col["student"]][1]: row for row in rows[1:]}
    assert len(by_name) == len(NAMES)
    # Would-be formulas are text, shown with the apostrophe that stopped them; the rest is intact.
    assert set(by_name) == {"Smith, Anna", 'Bob "the Builder" Jones', "'=1+1", "'=HYPERLINK(\"http://evil\";\"x\")",
                            "'@SUM(A1)", "Zoë Ñúñez"}
    assert all(row[col["student"]][0] == "string" for row in rows[1:])
    for n, name in enumerate(NAMES):
        row = by_name[name if name[0] not in "=@" else "'" + name]
        total = sum(SCORES[n])
        assert row[col["score"]] == ("float", float(total))
        assert row[col["max_score"]] == ("float", 3.0)
        assert row[col["percent"]] == ("float", round(100 * total / 3, 2))
        assert row[col["passed"]] == ("string", "yes" if 100 * total / 3 >= 50 else "no")
        assert row[col["duration_seconds"]] == ("float", float(60 * (10 + n)))
        kind, started = row[col["started_utc"]]
        assert kind == "date" and started.startswith(f"2026-01-05T{9 + n:02d}:00:00")


def test_grid_csv_opens_in_a_spreadsheet_with_the_right_numbers(app, client, teacher, tmp_path):
    quiz_id = plant(app, SCORES[:3], names=["=cmd|' /C calc'!A0", "Ann, B", "Zoë"])
    response = client.get(f"/teacher/quizzes/{quiz_id}/grid.csv")
    rows = open_in_calc(response.get_data(), tmp_path)
    header = [value for _, value in rows[0]]
    assert header[:4] == ["student", "email", "attempts", "percent"]
    header = header[:4] + [h.split(": ", 1)[0] for h in header[4:]]  # 'hl-mc-built: In which year …'
    assert header[4:] == sorted(QIDS[:3])
    cells = {row[0][1]: dict(zip(header, row)) for row in rows[1:]}
    assert set(cells) == {"'=cmd|' /C calc'!A0", "Ann, B", "Zoë"}
    for name, scores in zip(["'=cmd|' /C calc'!A0", "Ann, B", "Zoë"], SCORES[:3]):
        row = cells[name]
        assert row["attempts"] == ("float", 1.0)
        assert row["percent"] == ("float", round(100 * sum(scores) / 3, 2))
        for qid, x in zip(QIDS[:3], scores):
            assert row[qid] == ("float", float(x))
