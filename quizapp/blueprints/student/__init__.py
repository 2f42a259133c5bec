"""The students' blueprint: quizzes, attempts, results, explanations and history (``views``), and
the student's own progress view (``stats``)."""
from quizapp.blueprints.student import stats  # noqa: F401  (adds the progress view to bp)
from quizapp.blueprints.student.views import bp

__all__ = ["bp"]
