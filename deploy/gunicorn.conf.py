"""Gunicorn's settings for the app servers: `gunicorn -c deploy/gunicorn.conf.py collabmodel.wsgi`
(docs/deploy.md). GUNICORN_CMD_ARGS overrides any of them, e.g. "--bind 127.0.0.1:8001"."""

import os

# Behind nginx on the same machine; nginx terminates TLS and forwards X-Forwarded-Proto.
bind = "127.0.0.1:8000"
forwarded_allow_ips = "127.0.0.1,::1"
# Sync workers: each answers one request at a time, and nginx buffers slow clients for them.
# Two per core is a good start; PDF workbooks render in the worker service, not here.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
timeout = 30
graceful_timeout = 30
# A worker is replaced after this many requests, so that no slow leak grows without bound.
max_requests = 2000
max_requests_jitter = 200
# Access and error logs on standard output and error: systemd's journal keeps them.
accesslog = "-"
errorlog = "-"
