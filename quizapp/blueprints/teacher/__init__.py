"""The teachers' blueprint: one blueprint, its views in two modules (the workspace, and the
score review and item analysis) that share its teachers-only guard and URL prefix."""
from quizapp.blueprints.teacher import stats  # noqa: F401  (adds the statistics views to bp)
from quizapp.blueprints.teacher.views import bp

__all__ = ["bp"]
