"""`quizapp generate`: sample sources by default, plain files given on the command line, clear errors."""
import json

from click.testing import CliRunner

from quizapp.cli import generate_command

NOTES = """# The Great Canal

## Building

Construction began in 1820 and employed 12,400 labourers. About 35 percent of them were immigrants from Ireland.

## Traffic

In 1829, the canal carried 3,640 boats. Tolls brought in 1.2 million dollars in 1837.
"""

PAGE = """<html><head><title>Lighthouses</title><script>var x = 1;</script></head><body>
<nav>Home | About</nav><h1>Lighthouses of the North</h1>
<p>The first lighthouse on the coast was lit in 1791. It stood 41 metres tall.</p>
<h2>Keepers</h2><p>In 1872, the service employed 140 keepers, and 15 percent of them were women.</p></body></html>
"""


def test_generate_plain_files_without_metadata(tmp_path):
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "plain.txt").write_text("Lighthouse keepers in 1900 numbered 4,310 across the country's coasts.\n",
                                        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(generate_command, [str(tmp_path / "notes.md"), str(tmp_path / "page.html"),
                                                   str(tmp_path / "plain.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "documents: 3" in result.output
    assert "questions:" in result.output and "rejected candidates:" in result.output
    notes = json.loads((out / "notes.json").read_text(encoding="utf-8"))
    assert notes["document"]["title"] == "The Great Canal"
    page = json.loads((out / "page.json").read_text(encoding="utf-8"))
    assert page["document"]["title"] == "Lighthouses of the North"
    assert page["questions"], "questions from the HTML page"
    for q in page["questions"]:
        assert "alert" not in q["prompt"] and "Home | About" not in q["prompt"]
    assert (out / "REPORT.md").exists()


def test_progress_goes_to_stderr_and_summary_to_stdout(tmp_path):
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    result = CliRunner().invoke(generate_command, [str(tmp_path / "notes.md"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "[1/1] The Great Canal" in result.stderr
    assert "documents: 1" in result.stdout


def test_unreadable_input_is_a_clear_error_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfeA\x00B\x00")
    out = tmp_path / "out"
    result = CliRunner().invoke(generate_command, [str(bad), "--out", str(out)])
    assert result.exit_code != 0
    assert "UTF-8" in result.output
    assert not out.exists()
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    result = CliRunner().invoke(generate_command, [str(pdf), "--out", str(out)])
    assert result.exit_code != 0 and ".pdf" in result.output
    assert not out.exists()
