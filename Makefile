# Two commands for a fresh machine (see README):
#   make serve   - install pinned dependencies, serve the site at http://127.0.0.1:8000
#   make test    - install, then every test, lint and types included (as root, installs the
#                  Debian packages the tests need: Chromium, nginx, a CJK font, Java, npm)
# and: make build (static site in site/), make preview (the built site behind nginx, as in
# production, at http://127.0.0.1:8080; PORT=... to change; its logs in logs/), make report (the
# help team's report from those logs), make screenshots, make benchmark, make benchmark-scale,
# make css (Material's stylesheet cut to what the pages use), make fresh-check (both set-up
# commands in a fresh Debian 12 root), make clean.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
NODE   := node_modules/.package-lock.json

# The tools are one command line, `python -m helpcenter <command>` (--help lists them): scripts/
# is on the virtual environment's path (a .pth file written at install).
HC := $(BIN)/python -m helpcenter
# The Debian packages a target needs beyond Python (Chromium, a CJK font, Java, nginx with its
# Brotli module, npm: the list and the checks are in scripts/helpcenter/tools/system_packages.py).
# As root, what is missing is installed from Debian; otherwise one line names it and the target
# stops. Never a browser download from a test tool. The machine's Python runs it, before the
# virtual environment exists.
SYSTEM := PYTHONPATH=scripts $(PYTHON) -m helpcenter system-packages
HAS_PYTHON := command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11"; exit 1; }

# Material 9.8 prints an end-of-life / MkDocs 2 banner on every run; the README says why the
# versions are pinned and where the migration goes. Keep the build log to what matters.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

PORT ?= 8080

.PHONY: serve build preview report test screenshots share-cards benchmark benchmark-scale fresh-check clean css

$(STAMP): requirements.txt
	@$(HAS_PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	echo "$(CURDIR)/scripts" > "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/helpcenter.pth"
	rm -f $(VENV)/.installed-* && touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# nginx in the foreground with the rules the build wrote (site/_nginx.conf); Ctrl-C stops it.
preview:
	@$(HAS_PYTHON) && $(SYSTEM) preview
	@$(MAKE) --no-print-directory build
	$(HC) preview site --port $(PORT)

# The help team's report from the logs make preview (or a server) wrote: logs/ -> report/<lang>/.
# SINCE=2026-12-01 UNTIL=2026-12-31 make report for a date range; LOGS=/var/log/nginx for a server's.
LOGS ?= logs
report: $(STAMP)
	$(HC) report --logs $(LOGS) $(if $(SINCE),--since $(SINCE)) $(if $(UNTIL),--until $(UNTIL))

# Checkers for the tests and benchmarks (axe-core, vnu-jar, lighthouse), pinned in package-lock.json.
# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; the machine's Java is used.
$(NODE): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# The system packages first: without root, a missing one stops the run before anything installs.
test:
	@$(HAS_PYTHON) && $(SYSTEM) test
	@$(MAKE) --no-print-directory $(STAMP) $(NODE)
	$(BIN)/python -m pytest tests -ra

screenshots:
	@$(HAS_PYTHON) && $(SYSTEM) screenshots
	@$(MAKE) --no-print-directory $(STAMP)
	$(HC) screenshots screenshots

# The link-preview cards (overrides/assets/images/share-card.<lang>.png), made again when the
# site's name or question changes (a test says when).
share-cards:
	@$(HAS_PYTHON) && $(SYSTEM) share-cards
	@$(MAKE) --no-print-directory $(STAMP)
	$(HC) share-cards

benchmark:
	@$(HAS_PYTHON) && $(SYSTEM) benchmark
	@$(MAKE) --no-print-directory $(STAMP) $(NODE)
	$(HC) benchmark

# The data grown 10x and 50x in a scratch copy: build time against bare Material, sizes, first
# visit and first search (FACTORS=1,10 to choose).
FACTORS ?= 1,10,50
benchmark-scale:
	@$(HAS_PYTHON) && $(SYSTEM) preview && $(SYSTEM) screenshots
	@$(MAKE) --no-print-directory $(STAMP)
	$(HC) benchmark-scale --factors $(FACTORS)

# Material's stylesheets cut to the rules the site uses, by PurgeCSS (Node.js, from npm): written to
# overrides/assets/stylesheets/material.css and committed, so that a build needs Python only.
# Again when pages or templates need more of Material: tests/test_css.py says when.
css:
	@$(MAKE) --no-print-directory $(STAMP) $(NODE)
	$(HC) reduce-css

# Both set-up commands of the README in a Debian 12 root that holds only their prerequisites
# (as root; downloads several hundred MB; not part of make test).
fresh-check:
	PYTHONPATH=scripts $(PYTHON) -m helpcenter fresh-check

clean:
	rm -rf site .site.* screenshots .pytest_cache tests/.pytest_cache
