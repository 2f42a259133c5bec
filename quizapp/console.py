"""The ``quizapp`` console script: Flask's CLI group bound to the app factory."""
from flask.cli import FlaskGroup

from quizapp import create_app

main = FlaskGroup(create_app=create_app, help="QuizApp command line.")
