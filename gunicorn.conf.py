"""gunicorn's configuration: ``gunicorn -c gunicorn.conf.py`` from the top of the repository.

Every setting can be changed with an environment variable (README, "Production serving"):
GUNICORN_BIND (127.0.0.1:8000; several separated by commas), GUNICORN_WORKERS (2 × cores + 1),
GUNICORN_THREADS (4), GUNICORN_TIMEOUT (30), GUNICORN_GRACEFUL_TIMEOUT (30), GUNICORN_KEEPALIVE
(5), GUNICORN_WORKER_CONNECTIONS (1000), GUNICORN_BACKLOG (2048), GUNICORN_MAX_REQUESTS (0) and
GUNICORN_MAX_REQUESTS_JITTER (0), GUNICORN_PRELOAD (off), GUNICORN_ACCESSLOG (- = stdout; empty =
off), GUNICORN_ERRORLOG (- = stderr), GUNICORN_LOGLEVEL (info), GUNICORN_FORWARDED_ALLOW_IPS
(127.0.0.1). The app itself reads DATABASE_URL, SECRET_KEY, REDIS_URL… as always.
"""
from quizapp import serving

_settings = serving.settings()
wsgi_app = _settings["wsgi_app"]
bind = _settings["bind"]
worker_class = _settings["worker_class"]
workers = _settings["workers"]
threads = _settings["threads"]
timeout = _settings["timeout"]
graceful_timeout = _settings["graceful_timeout"]
keepalive = _settings["keepalive"]
worker_connections = _settings["worker_connections"]
backlog = _settings["backlog"]
max_requests = _settings["max_requests"]
max_requests_jitter = _settings["max_requests_jitter"]
preload_app = _settings["preload_app"]
accesslog = _settings["accesslog"]
errorlog = _settings["errorlog"]
loglevel = _settings["loglevel"]
forwarded_allow_ips = _settings["forwarded_allow_ips"]


def post_worker_init(worker):
    """Each worker's own database connections, never the master's (see serving.after_fork)."""
    serving.configure_logging(loglevel)
    serving.after_fork(worker.wsgi)
    if worker.age == 1:  # the first worker speaks for all
        serving.warn_unshared_throttles(worker.wsgi, workers)
