# Treatment CMS: `make run` serves the demo site, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint migrate demo serve-prod clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content --hostname $(HOST) --port $(PORT)

# Links in emails sent outside a request (review notifications) name the address served, not :8000.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
# The webhook worker runs beside the server and stops with it (the trap), however runserver ends.
run: demo
	@echo "Site: http://$(HOST):$(PORT)/  Admin: http://$(HOST):$(PORT)/admin/ (admin / botox-demo; practitioner dr.kim / botox-review)"
	$(BIN)/python manage.py db_worker --backend webhooks --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Production settings under gunicorn (gunicorn.conf.py) on $(HOST):$(PORT). Needs at least SECRET_KEY and
# ALLOWED_HOSTS in the environment; docs/operations.md lists every variable and a local example.
serve-prod: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=cms.settings.production $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=cms.settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.production GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn cms.wsgi

lint: $(VENV)/.installed
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .test-media
