"""CSV exports: header, quoting, names with commas and quotes, and formula injection."""
import csv
import io

import pytest

from quizapp.services import statscsv
from test_stats import QIDS, plant

NAMES = ['Smith, Anna', 'Bob "the Builder" Jones', "=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-3", "@SUM(A1)"]


def _read(response):
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")  # spreadsheets read it as UTF-8
    return text[1:], list(csv.reader(io.StringIO(text[1:])))


def test_attempts_csv_header_quoting_and_formulas(app, client, teacher):
    scores = [(1, 1, 1), (1, 1, 0), (1, 0, 0), (0, 1, 0), (0, 0, 0), (1, 1, 1)]
    quiz_id = plant(app, scores, names=NAMES)
    raw, rows = _read(client.get(f"/teacher/quizzes/{quiz_id}/attempts.csv?sort=student&dir=asc"))
    assert rows[0] == statscsv.ATTEMPT_HEADER
    by_name = {r[1]: r for r in rows[1:]}
    assert len(by_name) == 6
    assert by_name["Smith, Anna"][7:11] == ["3.0", "3.0", "100.0", "yes"]
    assert '"Smith, Anna"' in raw  # the comma is quoted
    assert '"Bob ""the Builder"" Jones"' in raw  # quotes doubled inside quotes
    assert by_name["Bob \"the Builder\" Jones"][9:11] == ["66.67", "yes"]
    for name in NAMES[2:]:
        assert "'" + name in by_name  # shown as text: no spreadsheet runs it
        assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert by_name["'-3"][6] == "840"  # the fifth attempt took 14 minutes


def test_grid_csv_one_row_per_student_one_column_per_question(app, client, teacher):
    quiz_id = plant(app, [(1, 0, 1), (0, 1, 0)], names=["=cmd|' /C calc'!A0", "Ann, B"])
    _, rows = _read(client.get(f"/teacher/quizzes/{quiz_id}/grid.csv"))
    assert rows[0][:4] == ["student", "email", "attempts", "percent"]
    # Each question's column: its id, then the start of what it asks (without the attribution).
    ids = [h.split(": ", 1)[0] for h in rows[0][4:]]
    assert ids == sorted(QIDS[:3])
    assert rows[0][4 + ids.index("hl-mc-built")] == "hl-mc-built: In which year was the Harbour Lighthouse built?"
    cells = {r[0]: dict(zip(["student", "email", "attempts", "percent"] + ids, r)) for r in rows[1:]}
    assert set(cells) == {"'=cmd|' /C calc'!A0", "Ann, B"}
    first = cells["'=cmd|' /C calc'!A0"]
    assert (first["hl-mc-built"], first["hl-mc-breakwater"], first["hl-mc-visitors"]) == ("1.0", "0.0", "1.0")
    assert first["percent"] == "66.67"


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-x", "'-x"), ("@me", "'@me"), ("\tx", "'\tx"),
    ("plain", "plain"), (None, ""), (True, "yes"), (False, "no"), (-1, -1), (0.123456, 0.1235)])
def test_safe_cells(value, expected):
    assert statscsv.safe(value) == expected


def test_grid_headers_are_shortened_at_a_word_and_keep_formulas_out():
    long = "According to “Doc”, in the section “S”, " + "word " * 30
    header = statscsv.grid_csv([("q1", long), ("q2", "=SUM(A1)")], [], gist=lambda p: p.split("”, ", 2)[-1]).split("\r\n")[0]
    first, second = header.split(",")[4:6]
    assert first.startswith("q1: word word") and first.endswith("…") and len(first) <= len("q1: ") + 61
    assert second == "q2: =SUM(A1)"  # not at the start of the cell: no spreadsheet runs it
