"""Command-line interface: ``quizapp <command>`` and ``flask --app quizapp <command>``."""
from __future__ import annotations

import logging
from pathlib import Path

import click
from flask import Flask

from quizapp.engine import pipeline

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


def register(app: Flask) -> None:
    app.cli.add_command(generate_command)
