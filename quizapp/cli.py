"""Command-line interface: ``quizapp <command>`` and ``flask --app quizapp <command>``."""
from __future__ import annotations

import logging
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_migrate import upgrade

from quizapp.engine import pipeline
from quizapp.extensions import db
from quizapp.services import accounts, bankadmin, catalog, quizzes, transfer

log = logging.getLogger(__name__)


@click.command("generate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Where to write the bank files (default: questions/bank/ for the sample "
                   "sources, ./bank/ for files given on the command line).")
@click.option("--quiet", is_flag=True, help="No progress output.")
def generate_command(paths: tuple[Path, ...], out_dir: Path | None, quiet: bool) -> None:
    """Generate a question bank from documents (default: questions/sources/)."""
    progress = None if quiet else (lambda msg: click.echo(msg, err=True))
    try:
        summary = pipeline.generate_paths(list(paths), out_dir, progress=progress)
    except pipeline.GenerationError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summary.render())


def _load_library() -> catalog.CatalogReport:
    cfg = current_app.config
    return catalog.load_library(
        Path(cfg["QUIZAPP_SOURCES_DIR"]), Path(cfg["QUIZAPP_BANK_DIR"]), Path(cfg["QUIZAPP_SEED_FILE"]),
        practice_count=cfg["PRACTICE_QUESTION_COUNT"], practice_pass_mark=cfg["PRACTICE_PASS_MARK"])


@click.command("init")
@click.option("--base-url", envvar="QUIZAPP_BASE_URL", default="http://127.0.0.1:5000", show_default=True,
              help="Where the app will be served, for the first teacher's one-time link.")
@with_appcontext
def init_command(base_url: str) -> None:
    """Upgrade the database, load the sample sources, bank and quizzes (safe to run again)."""
    upgrade(directory=current_app.config["QUIZAPP_MIGRATIONS_DIR"])
    try:
        report = _load_library()
    except catalog.LOAD_ERRORS as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(report.render())
    if not accounts.teacher_exists():
        token = accounts.issue_setup_token()
        db.session.commit()
        link = f"{base_url.rstrip('/')}/auth/setup/{token}"
        click.echo("\nNo teacher account yet. Open this one-time link to create the first one")
        click.echo(f"(it works once, for 7 days; running `quizapp init` again replaces it):\n\n    {link}\n")
        click.echo("Or create it here: quizapp users create --role teacher --email you@example.org --name 'Your Name'")


@click.command("load")
@with_appcontext
def load_command() -> None:
    """Reload the sources, the question bank and the default quizzes into the database."""
    try:
        report = _load_library()
    except catalog.LOAD_ERRORS as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(report.render())


@click.command("seed")
@click.option("--file", "seed_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A quizzes JSON file (default: the packaged quizapp/data/quizzes.json).")
@with_appcontext
def seed_command(seed_file: Path | None) -> None:
    """Add the default quizzes of a seed file (existing quizzes are left as they are)."""
    try:
        added = quizzes.seed_quizzes(seed_file or Path(current_app.config["QUIZAPP_SEED_FILE"]))
    except quizzes.SeedError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"{added} quiz(zes) added")


@click.group("users")
def users_group() -> None:
    """Manage accounts."""


@users_group.command("create")
@click.option("--role", type=click.Choice(["teacher", "student"]), default="student", show_default=True)
@click.option("--email", prompt="E-mail address")
@click.option("--name", prompt="Name")
@click.option("--password", envvar="QUIZAPP_PASSWORD", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Prompted for when not given (or set QUIZAPP_PASSWORD).")
@with_appcontext
def users_create_command(role: str, email: str, name: str, password: str) -> None:
    """Create an account, for example the first teacher: quizapp users create --role teacher."""
    if "@" not in email:
        raise click.ClickException("that is not an e-mail address")
    try:
        user = accounts.create_user(email, name, password, role=role)
    except accounts.AccountError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"created {user.role} {user.email}")


@click.group("bank")
def bank_group() -> None:
    """Import and export questions (GIFT or the JSON bank format)."""


@bank_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help='Import nothing: print the questions as {"questions": [...]}.')
@click.option("--format", "fmt", type=click.Choice(transfer.FORMATS), default=None,
              help="Default: from the file's extension or content.")
@click.option("--document", "document_id", default=None, help="Attach questions without a citation to this document.")
@with_appcontext
def bank_import_command(file: Path, dry_run: bool, fmt: str | None, document_id: str | None) -> None:
    """Import a GIFT or JSON bank file, all or nothing."""
    try:
        parsed = transfer.parse(file.read_bytes(), file.name, fmt)
    except transfer.ImportFailed as exc:
        raise click.ClickException(f"{file.name}: nothing imported:\n" + "\n".join(exc.errors)) from exc
    for line in parsed.skipped:
        click.echo(f"not imported: {line}", err=True)
    if dry_run:
        click.echo(transfer.dry_run_json(parsed))
        return
    try:
        report = transfer.store(parsed, None, document_id)
    except transfer.ImportFailed as exc:
        db.session.rollback()
        raise click.ClickException("; ".join(exc.errors)) from exc
    db.session.commit()
    click.echo(f"{len(parsed.questions)} question(s): {report.added} added, {report.updated} updated, "
               f"{report.unchanged} unchanged, {len(parsed.skipped)} not imported")


@bank_group.command("export")
@click.option("--format", "fmt", type=click.Choice(transfer.FORMATS), required=True)
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Default: stdout.")
@click.option("--document", default="", help="Only this document's questions.")
@click.option("--status", default="", help="Only questions with this status.")
@with_appcontext
def bank_export_command(fmt: str, out: Path | None, document: str, status: str) -> None:
    """Export questions as GIFT or JSON (ordering questions have no GIFT form: they are named in a comment)."""
    filters = bankadmin.Filters.from_args({"document": document, "status": status})
    try:
        text = transfer.export_filtered(filters, fmt)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"written to {out}", err=True)


def register(app: Flask) -> None:
    app.cli.add_command(generate_command)
    app.cli.add_command(init_command)
    app.cli.add_command(load_command)
    app.cli.add_command(seed_command)
    app.cli.add_command(users_group)
    app.cli.add_command(bank_group)
