"""Run search queries in Chromium and read the results: through the real search box, or straight
through the page's search worker (the same worker and index, without the typing).

Shared by tests/test_search.py and `python -m helpcenter benchmark-search`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from helpcenter import PROJECT

QUERIES = PROJECT / "tests/search_queries.yml"
HELDOUT = PROJECT / "tests/search_heldout.yml"  # never tuned on

# Records the last change of the query and the last change of the results, in page time, and
# the queries the worker has answered (it names each on the "hc-search" channel once ranked).
_TIMER = """() => {
  const field = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result");
  window.hcTLast = null; window.hcT1 = null; window.hcAnswered = new Set();
  if (!window.hcTimer) {
    field.addEventListener("input", () => { window.hcTLast = performance.now(); window.hcT1 = null; }, true);
    new MutationObserver(() => { window.hcT1 = performance.now(); })
      .observe(list, {childList: true, subtree: true, characterData: true});
    new BroadcastChannel("hc-search").addEventListener("message", (event) => {
      window.hcAnswered.add(event.data.query);
    });
    window.hcTimer = true;
  }
}"""

# Loads the page's own worker and index (from Material's page config) and asks it each query,
# as Material's search box does; collects the "not covered" notes it broadcasts.
_WORKER = """async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base + "/", location.href);
  const worker = new Worker(new URL(config.search, location.href));
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const notes = {};
  const channel = new BroadcastChannel("hc-search");
  channel.onmessage = (event) => { notes[event.data.query] = event.data.uncovered; };
  const ask = (message) => new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const out = [];
  for (const query of queries) {
    const result = await ask({type: 2, data: query});
    for (let wait = 0; !(query in notes) && wait < 50; wait++) await new Promise((r) => setTimeout(r, 2));
    const locations = result.data.items.map((group) => group[0].location.split("#")[0]);
    out.push({
      paths: locations.map((location) => new URL(location, base).pathname),
      // As the page shows it (helpcenter.js): the note, or no cause page (nor the contact page)
      // among the results.
      uncovered: notes[query] === true || !locations.some((l) => l.startsWith(index.config.hc.priority)
        || l === index.config.hc.contact.location),
      tags: result.data.items.some((group) => group.some((doc) => doc.tags || doc.keywords || doc.alias)),
    });
  }
  channel.close();
  worker.terminate();
  return out;
}"""


@dataclass
class Query:
    text: str
    expect: str  # a cause code, "topics" or "uncovered"
    kind: str


@dataclass
class Result:
    query: str
    paths: list[str]  # result pages, best first ("/causes/installment-limit/")
    uncovered: bool  # the results say the site may not answer this
    millis: float = 0.0  # last change of the query to results on screen (search box only)
    hidden_fields: bool = False  # the worker passed hidden keyword fields on to the page
    expected: str | None = field(default=None)  # the page that must come first, if any

    @property
    def rank(self) -> int | None:
        return self.paths.index(self.expected) + 1 if self.expected in self.paths else None

    def passes(self, top: int = 1) -> bool:
        """The expected page within the first `top` results; for a question the site does not
        answer, the note (and, for top 1, no cause page first)."""
        if self.expected is None:
            return self.uncovered
        return self.rank is not None and self.rank <= top


def load_queries(path: Path = QUERIES) -> dict[str, list[Query]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [Query(str(q["q"]), str(q["expect"]), q["kind"]) for q in items]
            for lang, items in data.items()}


def expected_path(helpcenter, prefix: str, expect: str) -> str | None:
    """The page a query must find first, as a URL path, or None for an uncovered question."""
    if expect == "uncovered":
        return None
    if expect == "topics":
        return f"/{prefix}topics/"
    return f"/{prefix}causes/{helpcenter.cause_by_code(expect).slug}/"


def ask_worker(page, queries: list[str]) -> list[Result]:
    """Every query through the loaded page's search worker and index, in order."""
    rows = page.evaluate(_WORKER, queries)
    return [Result(q, r["paths"], r["uncovered"], hidden_fields=r["tags"]) for q, r in zip(queries, rows, strict=True)]


def clear_query(page) -> None:
    """Open search (on a phone, by its button in the header) and empty the box."""
    field = page.locator("input.md-search__input")
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible() and not page.evaluate("document.getElementById('__search').checked"):
        button.click()
    field.click()
    field.fill("")


def type_query(page, query: str) -> None:
    """Type like a reader, key by key."""
    page.locator("input.md-search__input").press_sequentially(query, delay=5)


def search(page, query: str) -> Result:
    """Put `query` into the search box of the loaded page at once (as a paste or an input method
    commits it: one input event, no key), wait for the results, read them."""
    clear_query(page)
    page.wait_for_timeout(30)
    page.evaluate(_TIMER)
    page.locator("input.md-search__input").fill(query)
    # Results for this query are on screen once the worker has answered it and the count line
    # says there are none, or the first of them is there. Before that, the list can show an
    # earlier answer: Material writes each answer's count against the query now in the box, so a
    # late answer to the emptied box reads "no results" for this one (under load, the first query
    # of a page also waits for the worker, the index and maybe the pinyin table).
    page.wait_for_function(
        """(q) => {
          const none = JSON.parse(document.getElementById("__config").textContent)
            .translations["search.result.none"];
          const meta = document.querySelector(".md-search-result__meta");
          return document.querySelector("input.md-search__input").value === q && window.hcAnswered.has(q)
            && window.hcT1 !== null && window.hcTLast !== null && meta !== null
            && (meta.textContent.trim() === none || document.querySelector(".md-search-result__item") !== null);
        }""", arg=query)
    page.wait_for_timeout(60)  # let the last update (and the "not covered" note) land
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("as => as.map(a => a.href)")
    paths: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path
        if path not in paths:
            paths.append(path)
    millis = page.evaluate("window.hcT1 - window.hcTLast")
    uncovered = page.locator(".hc-search-help").is_visible()
    return Result(query, paths, uncovered, millis)
