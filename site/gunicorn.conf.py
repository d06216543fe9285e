"""gunicorn settings for the portal: `gunicorn -c site/gunicorn.conf.py portal.wsgi`.

Workers are recycled after max_requests as a guard against slow memory growth. With 2,000 ± 200
(until 12/2026) that cost visitors: under cached-page traffic (`make bench`, #21) both workers
of a server were recycled within the same second every 8–10 s, each replacement started some
seconds later and then imported Django and Wagtail again, and wrk saw requests time out. Now:
- a limit of 50,000 with a jitter of 25,000: a worker is recycled every 50–75,000 requests
  (at 50 req/s per worker, every 17–25 minutes), and two workers started together far apart.
  Measured on the same server at load 10, `wrk -c 8` for 30 s on the bare cached view:
  1,000 ± 500 gave 7 restarts, 40 timeouts and 242 req/s; 50,000 ± 25,000 gave no restart
  and 657 req/s;
- preload_app: the application is imported once, in the master, and a new worker is a fork of
  it that does not import it again. Connections (database, Redis, Elasticsearch) are opened
  lazily, by each worker. Consequence: a new release needs `systemctl restart portal` (as
  site/DEPLOY.md says), not a HUP reload.
- keepalive = 0: every response closes its connection, so each request is accepted afresh by
  whichever worker is free. With keep-alive, a threaded worker keeps every connection it
  accepted for as long as the client keeps it open; when one worker had taken all of a load's
  connections, one core did the work of two. Side by side with bakerydemo (#21, wrk -c 8, quiet
  machine) the uncached article swung between about 65 and 130 req/s from one 8-second round
  to the next (ratios 1.99 / 0.96 / 1.06); with keepalive = 0, 112-137 req/s (1.83 / 1.78 /
  1.68), home 84-94 req/s instead of 44-87. Nginx opens a new loopback connection per request
  then, which costs far less than a core left idle.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
keepalive = 0
graceful_timeout = 30
preload_app = True
max_requests = 50000
max_requests_jitter = 25000
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
