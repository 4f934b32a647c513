# Two commands: `make run` (demo on http://127.0.0.1:8000) and `make test` (the whole suite).
# Both work on a fresh Debian/Ubuntu machine with Python 3.11.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDRESS ?= 127.0.0.1:8000

# WeasyPrint's libraries, the fonts decisions are set in, and gettext for the message catalogues.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk gettext
# Browser tests drive Debian's Chromium (never a downloaded browser).
TEST_SYSTEM_PACKAGES := chromium

.PHONY: run test lint format bench system-packages test-system-packages messages migrate demo check-migrations clean

run: system-packages $(BIN)/.runtime messages migrate demo
	@echo ""
	@echo "  Site:   http://$(ADDRESS)/   (redirects to your browser's language, German by default)"
	@echo "  Admin:  http://$(ADDRESS)/admin/"
	@echo "  Health: http://$(ADDRESS)/healthz"
	@echo "  Ctrl-C stops the web server and the task worker."
	@echo ""
	@ADDRESS=$(ADDRESS) PYTHON=$(BIN)/python bin/serve-dev

test: system-packages test-system-packages $(BIN)/.dev messages
	$(BIN)/pytest -n auto --durations=15

lint: $(BIN)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(BIN)/.dev messages
	@set -e; found=0; for script in bench/*.py; do \
		case "$$script" in bench/common.py|bench/_*) continue;; esac; found=1; \
		echo "== $$script"; $(BIN)/python "$$script"; \
	done; [ $$found = 1 ] || echo "No benchmarks in bench/ yet."

system-packages:
	@bin/ensure-system-packages $(SYSTEM_PACKAGES)

test-system-packages:
	@bin/ensure-system-packages $(TEST_SYSTEM_PACKAGES)

$(BIN)/.runtime: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(BIN)/.dev: requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $(BIN)/.runtime $@

messages: $(BIN)/.runtime
	@$(BIN)/python manage.py compilemessages --ignore "$(VENV)" --ignore "demo" -v0

migrate: $(BIN)/.runtime
	$(BIN)/python manage.py migrate --no-input -v0

demo: migrate
	$(BIN)/python manage.py load_demo

check-migrations: $(BIN)/.dev
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var db.sqlite3 db.sqlite3-wal db.sqlite3-shm tests/artifacts
