"""Run search queries in the real search box, in Chromium, and read the results.

Shared by tests/test_search.py and scripts/benchmark_search.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

# Records the first keystroke, the last change of the query and the last change of the
# results, in page time.
_TIMER = """() => {
  const field = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result");
  window.hcT0 = null; window.hcT1 = null; window.hcTLast = null;
  if (!window.hcTimer) {
    field.addEventListener("keydown", () => {
      if (window.hcT0 === null) window.hcT0 = performance.now();
    }, true);
    field.addEventListener("input", () => { window.hcTLast = performance.now(); }, true);
    new MutationObserver(() => { window.hcT1 = performance.now(); })
      .observe(list, {childList: true, subtree: true, characterData: true});
    window.hcTimer = true;
  }
}"""


@dataclass
class Result:
    query: str
    expected: str  # page path, e.g. "/causes/installment-limit/"
    paths: list[str]  # result pages, best first
    millis: float  # first keystroke to results on screen
    after_last_key: float  # last change of the query to results on screen (the search itself)

    @property
    def rank(self) -> int | None:
        return self.paths.index(self.expected) + 1 if self.expected in self.paths else None


def clear_query(page) -> None:
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("")


def type_query(page, query: str) -> None:
    """Type like a reader; the last keystroke ends IME composition for a Chinese reader."""
    field = page.locator("input.md-search__input")
    field.press_sequentially(query, delay=5)
    field.press("End")


def search(page, query: str, expected: str = "") -> Result:
    """Type `query` into the search box of the loaded page, wait for results, read them."""
    clear_query(page)
    page.wait_for_timeout(50)
    page.evaluate(_TIMER)
    type_query(page, query)
    page.wait_for_function(
        """(q) => document.querySelector(".md-search-result__meta").textContent.trim() !== ""
                  && document.querySelector("input.md-search__input").value === q
                  && window.hcT1 !== null""", arg=query)
    page.wait_for_timeout(150)  # let the last update land
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("as => as.map(a => a.href)")
    paths = []
    for href in hrefs:
        path = urlsplit(href).path
        if path not in paths:
            paths.append(path)
    first, last = page.evaluate("[window.hcT1 - window.hcT0, window.hcT1 - window.hcTLast]")
    return Result(query, expected, paths, first, last)
