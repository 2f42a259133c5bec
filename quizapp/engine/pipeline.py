"""Generation pipeline: read documents, find facts, write the bank (work in progress)."""
from __future__ import annotations


class GenerationError(Exception):
    """A document could not be read or generated from; the message says why."""


def generate_paths(paths, out_dir, progress=None):
    raise GenerationError("generation is not implemented yet")
