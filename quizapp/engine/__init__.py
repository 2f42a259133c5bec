"""QuizApp's engine: documents, facts, question generation and grading.

Pure Python: nothing here imports Flask or SQLAlchemy (tests/test_engine_purity.py
proves it), so the engine can be tested and benchmarked on its own.
"""
