"""How gunicorn serves the site: `gunicorn config.wsgi -c config/gunicorn.py`.

Used by `make serve`, deploy/practice.service and deploy/Containerfile, so all
three behave alike. Command-line options (--bind, --workers) override these.

Threads, not one request per process: gunicorn's default "sync" worker gives
its whole process to one connection until that connection has sent its
request, so three idle or slow connections stop three workers and the site.
A threaded ("gthread") worker waits for request data on a thread and hands a
connection that sends nothing back to its event loop after a few seconds, so
slow visitors tie up threads, not the site. Enough threads per worker that
dozens of slow or half-sent connections still leave room for everyone else.
A buffering proxy in front (nginx: deploy/nginx.conf) remains the real
defence on the internet: it reads each request completely before gunicorn
sees it, and terminates TLS.

The access log records what is needed to see the site working (time, method,
path, status, size, duration) and nothing about who asked or what they
searched for: no query string (search terms, ?service=…), no referrer (it
carries the previous page's query string), no client address and no browser
string, which are personal data under UK GDPR. The README's promise that
searches are not recorded depends on it.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "32"))
# Seconds a kept-alive or silent connection may wait before it is closed.
keepalive = 5
# A worker whose main loop stops answering the arbiter this long is restarted.
timeout = 30
graceful_timeout = 30

accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
