# Concord — `make demo` and `make test` work on a machine with only Python 3.11+.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# The demo serves the pages readers get, "not found" included; DEMO_DEBUG=1 shows Django's
# debug pages instead.
DEMO_DEBUG ?= 0

LOCK := requirements/lock.txt
DEV_LOCK := requirements/dev.txt
# The resolver `make lock` uses; the version is the one the dev lock holds.
UV_COMPILE := uv pip compile pyproject.toml --quiet --generate-hashes --universal \
	--python-version 3.11

.PHONY: install lock catalogs migrate demo test bench lint messages clean serve worker

# Exactly the locked versions (every file checked against its hash), then the project itself.
install: $(VENV)/.installed

$(VENV)/.installed: $(DEV_LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The only way versions change: re-resolve both locks from pyproject.toml's ranges
# (`make lock UPGRADE=--upgrade` moves every package to the newest version allowed).
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(BIN)/$(UV_COMPILE) $(UPGRADE) -o $(LOCK)
	$(BIN)/$(UV_COMPILE) $(UPGRADE) --extra dev -c $(LOCK) -o $(DEV_LOCK)

catalogs: install
	$(BIN)/python manage.py compile_catalogs

migrate: catalogs
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py refresh_match_forms

demo: migrate
	$(BIN)/python manage.py load_demo --base-url http://$(HOST)
	@echo "Starting the server at http://$(HOST)/ (Ctrl-C stops it)"
	DJANGO_DEBUG=$(DEMO_DEBUG) $(BIN)/python manage.py runserver $(HOST)

# Production-like run (see README, "Production"): DJANGO_ENV=production, DJANGO_SECRET_KEY,
# DATABASE_URL and CELERY_BROKER_URL come from the environment.
WORKERS ?= 3
serve: install
	$(BIN)/python manage.py compile_catalogs
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py refresh_match_forms
	$(BIN)/python manage.py collectstatic --noinput
	$(BIN)/gunicorn config.wsgi:application --bind $(HOST) --workers $(WORKERS) \
		--timeout 60 --graceful-timeout 30 --access-logfile -

worker: install
	$(BIN)/celery -A config worker --beat --loglevel INFO --concurrency 2

# pytest-xdist: one test process per core, each with its own SQLite test database. A group
# (xdist_group; tests/conftest.py puts each module in one, the browser tests in one) runs on
# one process. `make test XDIST=` runs in a single process: .ci/run's PostgreSQL run needs
# that, its Celery worker reading exactly the database DATABASE_TEST_NAME names.
XDIST ?= -n auto --dist loadgroup
test: catalogs
	$(BIN)/pytest $(XDIST) $(PYTEST_ARGS)

# Sizes of the synthetic archive (defaults in tests/benchmarks/synthetic.py); PostgreSQL with
# `make bench DATABASE_URL=postgres://USER@HOST:PORT/NAME` (see docs/benchmarks.md).
bench: install
	BENCH_RELEASES=$(RELEASES) BENCH_UNITS=$(UNITS) BENCH_CONCEPTS=$(CONCEPTS) \
		$(BIN)/pytest tests/benchmarks -o python_files='bench_*.py' -q -s $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

messages: install
	$(BIN)/python manage.py makemessages -l ja -l ru --ignore=.venv --ignore=var --ignore=tests --no-obsolete
	$(BIN)/python manage.py compile_catalogs

clean:
	rm -rf $(VENV) var .pytest_cache
