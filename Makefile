# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export REPO_INSTANCE ?= $(CURDIR)/instance
# The database tests also run against PostgreSQL when it answers here; skipped otherwise.
export TEST_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

# Debian packages the product uses: OCR with Vietnamese and English data, the headless browser
# for the end-to-end tests, wrk for the HTTP benchmark. Installed when missing and root.
DEBIAN_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-script-viet chromium wrk

.PHONY: demo test check-hard lint install system-packages serve clean corpus check-es

system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || printf '%s ' $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages: $$missing"; \
	    (apt-get install -y -qq $$missing >/dev/null 2>&1 || \
	     (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing)) >/dev/null; \
	  else \
	    echo "Missing Debian packages (install them as root): $$missing"; \
	  fi; \
	fi

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: system-packages $(BIN)/.installed

demo: install
	$(BIN)/repo-app init
	$(BIN)/repo-app ingest corpus_samples --report $(REPO_INSTANCE)/ingest-report.json
	$(BIN)/repo-app demo-data
	$(BIN)/repo-app tracker demo-data
	@echo "Open http://$(HOST):$(PORT)/ in a browser."
	$(BIN)/repo-app serve --host $(HOST) --port $(PORT)

serve: install
	$(BIN)/repo-app serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check schemas indexer repo_app tests benchmarks corpus_samples

test: lint
	$(BIN)/python -m pytest

# The tests marked ``hard`` (left out of ``make test``): commands killed with SIGKILL and run
# again, load. CI runs them after ``make test``.
check-hard: install
	$(BIN)/python -m pytest -m hard

# The first live run of the Elasticsearch engine (scripts/check_es.py, docs/elasticsearch.md):
# skipped, with a message, when ELASTICSEARCH_URL is unset.
check-es:
	@if [ -z "$$ELASTICSEARCH_URL" ]; then \
	  echo "check-es: skipped, ELASTICSEARCH_URL is not set (e.g. ELASTICSEARCH_URL=http://127.0.0.1:9200 make check-es)."; \
	else \
	  $(MAKE) --no-print-directory install && $(BIN)/python scripts/check_es.py; \
	fi

corpus: install
	$(BIN)/python corpus_samples/generate.py

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
