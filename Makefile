# Two commands matter: `make run` (demo site on SQLite) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate demo admin-login check serve collectstatic bench-deps bench bench-search bench-contact bench-slow-clients bench-insights bench-booking lighthouse backup restore browser-deps clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when the requirements change.
$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo_content

admin-login: migrate
	$(PY) manage.py ensure_admin --site-url http://$(HOST):$(PORT)

# Scheduled posts go live on time: one publishing loop runs beside the web server and stops with it.
WITH_PUBLISHER = PYTHON=$(PY) scripts/with-publisher.sh

run: demo admin-login
	$(WITH_PUBLISHER) $(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(VENV)/bin/pytest

check: install-dev
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .

# --- Production on this machine -------------------------------------------
# `make serve` runs the production settings (DEBUG off, WhiteNoise serving
# compressed hashed static files, gunicorn with threaded workers from
# config/gunicorn.py, so slow connections cannot stop the site) on plain HTTP
# at 127.0.0.1, so the HTTPS-only switches are turned off for this local run only.
WORKERS ?= 3
SERVE_ENV = DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY="$$(cat .serve-secret-key)" ALLOWED_HOSTS=127.0.0.1,localhost PUBLIC_URL=http://$(HOST):$(PORT) \
	SECURE_SSL_REDIRECT=false SECURE_COOKIES=false SECURE_HSTS_SECONDS=0 SERVE_MEDIA=true \
	EMAIL_FILE_PATH="$(CURDIR)/sent-mail"

.serve-secret-key:
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

collectstatic: install .serve-secret-key
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input -v0

# E-mails the site sends under `make serve` are written to sent-mail/ (owner-only: they hold visitors' details).
serve: demo collectstatic
	@mkdir -p -m 700 sent-mail
	$(SERVE_ENV) $(WITH_PUBLISHER) $(VENV)/bin/gunicorn config.wsgi -c config/gunicorn.py --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile -

# --- Backups ------------------------------------------------------------------
backup: install
	$(PY) manage.py backup

restore: install
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=archives/practice-backup-….tar.gz"; exit 1; }
	$(PY) manage.py restore "$(FILE)"

# --- Benchmarks (not tests) -----------------------------------------------------
# The load figures use wrk, from Debian (installed here when run as root).
bench-deps:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq --no-install-recommends wrk; } \
		|| { echo "wrk is needed for the load figures: sudo apt-get install wrk"; exit 1; }

bench: install-dev bench-deps .serve-secret-key
	$(PY) bench/run.py
	$(PY) bench/booking_queries.py

bench-search: install-dev
	$(PY) bench/search_bench.py

bench-contact: install-dev
	$(PY) bench/contact_concurrency.py

# 50 idle or half-sent connections held 30 s; other visitors must be answered within 1 s.
bench-slow-clients: install-dev .serve-secret-key
	$(PY) bench/slow_clients.py

bench-insights: install-dev bench-deps .serve-secret-key
	$(PY) bench/insights_overhead.py

# 50 requests for one time, 200 for different times, then 200 with a worker killed; then the times offered
# in the weeks the clocks change (bench/README.md). SQLite; PostgreSQL (and Redis) too when given, e.g.
# make bench-booking BENCH_POSTGRES=postgresql://postgres@127.0.0.1:5432/practice_bench BENCH_REDIS=redis://127.0.0.1:6379/0
bench-booking: install-dev .serve-secret-key
	$(PY) bench/booking_concurrency.py $(if $(BENCH_POSTGRES),--postgres $(BENCH_POSTGRES)) $(if $(BENCH_REDIS),--redis $(BENCH_REDIS))
	$(PY) bench/booking_clock_change.py
	$(if $(BENCH_POSTGRES),$(PY) bench/booking_clock_change.py --postgres $(BENCH_POSTGRES))

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* db.cache.sqlite3* media static sent-mail .serve-secret-key

# Debian's Chromium (as root) and the npm tools the browser tests use; never a downloaded browser.
browser-deps:
	bash scripts/install-browser-deps.sh
	$(MAKE) --no-print-directory node_modules/.package-lock.json

# npm ci only when package-lock.json changed since the last install.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Lighthouse's four scores for each page type, on a throwaway demo site (bench/lighthouse.py --help).
lighthouse: install-dev browser-deps
	$(PY) bench/lighthouse.py
