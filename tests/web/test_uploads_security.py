"""Uploads (documents and question banks): a size limit answered with 413 before the body is
read, only the allowed types (by extension and by the first bytes), and file names that are
labels only, never paths."""
from __future__ import annotations

import builtins
import io
import os
import socket
import threading
import time
from io import BytesIO

import pytest
from werkzeug.serving import make_server

from harden_helpers import World, snapshot, world  # noqa: F401  (``world`` is a fixture)
from quizapp.extensions import db
from quizapp.models import AuditEntry, Document, Question
from quizapp.services import uploads

TEXT = b"""= The Old Mill =

The Old Mill was built in 1794 beside the river Wey. Its wheel is 6 metres wide.

==Owners==
The first miller was Samuel Baker, who worked there for 31 years. In 1880 the mill was sold to the Godwin family.
"""


class CountingStream(io.RawIOBase):
    """A request body of ``size`` bytes that counts how much of it the app reads."""

    def __init__(self, size: int):
        self.size, self.read_bytes, self.pos = size, 0, 0

    def readable(self):
        return True

    def seekable(self):  # the test client measures the stream; seeking reads nothing
        return True

    def seek(self, offset, whence=0):
        self.pos = {0: offset, 1: self.pos + offset, 2: self.size + offset}[whence]
        return self.pos

    def tell(self):
        return self.pos

    def readinto(self, buffer):
        n = max(0, min(len(buffer), self.size - self.pos))
        buffer[:n] = b"a" * n
        self.pos += n
        self.read_bytes += n
        return n


@pytest.mark.parametrize("url, who", [("/teacher/documents", "teacher"), ("/teacher/import", "teacher"),
                                      ("/auth/login", "anon"), ("/teacher/questions/new", "teacher")])
def test_a_body_over_the_limit_is_413_and_never_read(world, url, who):
    limit = world.app.config["MAX_CONTENT_LENGTH"]
    assert limit and limit <= 16 * 1024 * 1024
    client = world.teacher if who == "teacher" else world.app.test_client()
    stream = CountingStream(limit + 1)
    response = client.post(url, input_stream=stream, headers={"Content-Length": str(limit + 1)},
                           content_type="multipart/form-data; boundary=XyZ")
    assert response.status_code == 413
    assert stream.read_bytes == 0
    assert "too large" in response.get_data(as_text=True)


def test_the_413_comes_before_the_csrf_check_reads_the_body(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    stream = CountingStream(app.config["MAX_CONTENT_LENGTH"] + 1)
    response = app.test_client().post("/auth/login", input_stream=stream,
                                      headers={"Content-Length": str(stream.size)},
                                      content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413 and stream.read_bytes == 0


def test_over_a_real_socket_the_server_answers_413_without_waiting_for_the_body(world):
    """Loopback only: announce 1 GB, send none of it, and get the 413 straight away."""
    server = make_server("127.0.0.1", 0, world.app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        cookie = world.teacher.get_cookie("session").value
        with socket.create_connection(("127.0.0.1", server.server_port), timeout=10) as sock:
            sock.sendall((f"POST /teacher/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          f"Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: {1 << 30}\r\n"
                          f"Cookie: session={cookie}\r\nConnection: close\r\n\r\n").encode())
            started = time.monotonic()
            head = sock.recv(4096).decode("latin-1")
            assert head.startswith("HTTP/1.1 413"), head[:200]
            assert time.monotonic() - started < 5
    finally:
        server.shutdown()
        thread.join(10)


def upload(client, data: bytes, name: str, title: str = "The Old Mill"):
    response = client.post("/teacher/documents", data={"file": (BytesIO(data), name), "title": title,
                                                       "kind": "reference"}, content_type="multipart/form-data")
    response.get_data()
    return response


@pytest.mark.parametrize("name", ["mill.exe", "mill.pdf", "mill.php", "mill.txt.exe", "mill", ".htaccess",
                                  "mill.svg", "mill.TXT.js", "mill.txt\x00.exe"])
def test_only_text_markdown_and_html_names_are_accepted(world, name):
    before = snapshot(world.app)
    response = upload(world.teacher, TEXT, name)
    assert response.status_code == 422
    assert "Only .txt, .md and .html files can be uploaded" in response.get_data(as_text=True)
    assert snapshot(world.app) == before


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "a PDF file"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive"),
    (b"MZ\x90\x00\x03\x00\x00\x00", "a binary file"),  # a Windows program: caught by its NUL bytes
    (b"\x7fELF\x02\x01\x01", "a program"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"The Old Mill\x00\x00\x00 was built", "a binary file"),
])
def test_binary_content_with_a_text_name_is_refused(world, data, kind):
    before = snapshot(world.app)
    for name in ("mill.txt", "mill.md", "mill.html"):
        response = upload(world.teacher, data, name)
        body = response.get_data(as_text=True)
        assert response.status_code == 422 and kind in body, (name, body[-2000:])
    response = world.teacher.post("/teacher/import", data={"file": (BytesIO(data), "bank.gift")},
                                  content_type="multipart/form-data")
    assert response.status_code == 422 and kind in response.get_data(as_text=True)
    assert snapshot(world.app) == before


@pytest.mark.parametrize("name", ["bank.exe", "bank.php", "bank", "bank.gift.sh"])
def test_bank_imports_accept_gift_txt_and_json_names_only(world, name):
    gift = b"::Sky:: The sky is blue. {T}\n"
    before = snapshot(world.app)
    response = world.teacher.post("/teacher/import", data={"file": (BytesIO(gift), name)},
                                  content_type="multipart/form-data")
    assert response.status_code == 422 and "is not a GIFT" in response.get_data(as_text=True)
    assert snapshot(world.app) == before
    for ok in ("bank.gift", "bank.TXT", "bank.json"):
        data = gift if not ok.endswith(".json") else b'{"questions": []}'
        response = world.teacher.post("/teacher/import", data={"file": (BytesIO(data), ok), "dry_run": "y"},
                                      content_type="multipart/form-data")
        assert response.status_code == 200, ok


HOSTILE_NAMES = {
    "../../etc/passwd.txt": "passwd.txt",
    "/etc/passwd.txt": "passwd.txt",
    "..\\..\\Windows\\System32\\drivers\\etc\\hosts.txt": "hosts.txt",
    "C:\\Windows\\win.ini.txt": "win.ini.txt",
    "\\\\server\\share\\evil.txt": "evil.txt",
    "evil\x00.txt": "evil.txt",
    "evil.exe\x00.txt": "evil.exe.txt",
    "./.././evil\t\x1b\x7f.md": "evil.md",
    "%2e%2e%2fevil.txt": "%2e%2e%2fevil.txt",
}


@pytest.fixture
def opened(monkeypatch):
    """Every path the app opens (builtins.open and os.open) while the test runs."""
    paths: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def spy_open(file, *args, **kwargs):
        paths.append(str(file))
        return real_open(file, *args, **kwargs)

    def spy_os_open(path, *args, **kwargs):
        paths.append(str(path))
        return real_os_open(path, *args, **kwargs)
    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    return paths


@pytest.mark.parametrize("name, label", sorted(HOSTILE_NAMES.items()))
def test_file_names_are_labels_never_paths(world, opened, name, label):
    response = upload(world.teacher, TEXT, name, title=f"Mill {len(name)}")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "progress-done" in body, body[-1500:]
    with world.app.app_context():
        doc = db.session.scalar(db.select(Document).where(Document.title == f"Mill {len(name)}"))
        # werkzeug's multipart parser already drops the backslashes of a quoted file name; either
        # way what is kept is a bare label with no separator and no control character.
        assert doc.source_file in (label, uploads.safe_label(name.replace("\\", "")))
        assert not any(c in doc.source_file for c in "/\\\x00\r\n")
        assert doc.id == f"mill-{len(name)}"  # the id comes from the title, not the file name
    stems = {label.rsplit(".", 1)[0], "passwd", "hosts", "win.ini", "evil"}
    assert not [p for p in opened if any(s in p for s in stems)], opened
    # The bank import: the name is a label in the audit log, and never opened either.
    gift = b"::Sky:: The sky is blue. {T}\n"
    response = world.teacher.post("/teacher/import", data={"file": (BytesIO(gift), name), "dry_run": ""},
                                  content_type="multipart/form-data")
    assert response.status_code in (200, 422)
    if response.status_code == 200:
        with world.app.app_context():
            entry = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "bank.imported")
                                      .order_by(AuditEntry.id.desc()))
            assert "/" not in entry.target_id and "\\" not in entry.target_id and "\x00" not in entry.target_id
    assert not [p for p in opened if any(s in p for s in stems)], opened


def test_safe_label_strips_every_directory_and_control_character():
    for name, label in HOSTILE_NAMES.items():
        assert uploads.safe_label(name) == label
    assert uploads.safe_label("") == "upload" and uploads.safe_label("../") == "upload"
    assert uploads.sniff_binary(b"plain text") is None and uploads.sniff_binary(b"%PDF-1.4") == "a PDF file"
    for text in (b"MZ Ltd, annual report", b"GIF8 was the code name", b"Rar! said the lion", b"{\\rtf is a format"):
        assert uploads.sniff_binary(text) is None, text  # text that merely starts like a signature


def test_nothing_of_a_refused_upload_is_stored(world):
    before = snapshot(world.app)
    with world.app.app_context():
        docs = db.session.scalar(db.select(db.func.count()).select_from(Document))
        questions = db.session.scalar(db.select(db.func.count()).select_from(Question))
    for data, name in ((b"%PDF-1.4", "a.txt"), (TEXT, "a.exe"), (b"", "a.txt"), (b"\xff\xfe\x00", "a.md")):
        assert upload(world.teacher, data, name).status_code == 422
    assert snapshot(world.app) == before
    with world.app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Document)) == docs
        assert db.session.scalar(db.select(db.func.count()).select_from(Question)) == questions


class EndlessStream(io.RawIOBase):
    """A chunked body with no Content-Length that never ends: counts what the app reads."""

    def __init__(self):
        self.read_bytes = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = len(buffer)
        buffer[:n] = b"a" * n
        self.read_bytes += n
        return n


def test_a_chunked_body_without_a_length_is_cut_off_at_the_limit(world):
    """No Content-Length to refuse up front: the app reads at most the limit, then answers 413."""
    limit = world.app.config["MAX_CONTENT_LENGTH"]
    stream = EndlessStream()
    response = world.teacher.post("/teacher/documents", content_type="multipart/form-data; boundary=XyZ",
                                  environ_overrides={"wsgi.input": stream, "wsgi.input_terminated": True,
                                                     "HTTP_TRANSFER_ENCODING": "chunked"})
    assert response.status_code == 413
    assert stream.read_bytes <= limit + 64 * 1024  # the limit, plus at most one read buffer
