"""QuizApp: turn reading material into grounded, cited quizzes."""
from __future__ import annotations

import os

from flask import Flask

from quizapp import cli


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(SECRET_KEY="dev-only")
    if test_config is not None:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)

    cli.register(app)
    return app
