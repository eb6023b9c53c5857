# Two commands for a fresh machine (see README):
#   make serve   - install pinned dependencies, serve the site at http://127.0.0.1:8000
#   make test    - install, strict build, then every test (browser tests need Debian's chromium)
# and: make build (static site in site/), make preview (the built site behind nginx, as in
# production, at http://127.0.0.1:8080; PORT=... to change), make screenshots, make benchmark,
# make clean.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
NODE   := node_modules/.package-lock.json

# Material 9.8 prints an end-of-life / MkDocs 2 banner on every run; the README says why the
# versions are pinned and where the migration goes. Keep the build log to what matters.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

PORT ?= 8080

.PHONY: serve build preview test system-tools screenshots benchmark clean

$(STAMP): requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# nginx in the foreground with the rules the build wrote (site/_nginx.conf); Ctrl-C stops it.
preview: build system-tools
	$(BIN)/python scripts/preview.py site $(PORT)

# Checkers for the tests and benchmarks (axe-core, vnu-jar, lighthouse), pinned in package-lock.json.
# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; the machine's Java is used.
$(NODE): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

test: $(STAMP) $(NODE) system-tools
	$(BIN)/mkdocs build --strict --quiet
	$(BIN)/python -m pytest tests -ra

# Browser tests drive Debian's Chromium (never a browser download), the HTML checker needs Java,
# and the site is served by Debian's nginx with its Brotli module (make preview, the tests). As
# root, install what is missing from Debian; otherwise those tests fail with a hint.
system-tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$$missing libnginx-mod-http-brotli-static"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ]; then \
		echo "Installing from Debian:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py screenshots

benchmark: $(STAMP) $(NODE) system-tools
	$(BIN)/python scripts/benchmark_quality.py

clean:
	rm -rf site .site.* screenshots .pytest_cache tests/.pytest_cache
