"""Scale: the site with its data grown by a factor (causes, topics, troubleshooter), built and
measured beside a bare Material + static-i18n site with the same pages.

    python -m helpcenter benchmark-scale [--factors 1,10,50] [--runs N] [--keep DIR]

Each factor works in a scratch copy of the project (never in docs/): `grow` makes the causes
and topics `factor` times as many, copies of the real ones with their own codes, slugs, titles
and keywords, and leads the troubleshooter to every new cause. Then, per factor: the strict
build time of this site and of the bare one (median of --runs: 3 at 1x, 1 above), the site on
disk, the search index per language, what a first visit and a first search transfer (Brotli,
as nginx serves the site), the largest page, and the time to a first query's results in
Chromium. One table; a build that fails is one line in it. Printed, not asserted.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import brotli
import yaml

from helpcenter import urls
from helpcenter.errors import DataError
from helpcenter.languages import from_mkdocs_yml
from helpcenter.load.article import RELATED_HEADER, TRAILING_CHROME
from helpcenter.tools import command_parser, copy_project
from helpcenter.tools.benchmark_quality import bare_reference, fetched_size, first_visit, pages, timed_build
from helpcenter.tools.browser import launch
from helpcenter.tools.nginx import serve_with_nginx
from helpcenter.tools.searchcheck import search

DATA = "docs/data"
# The first search of a page in each language (words of the site, so no pinyin table is needed).
QUERIES = {"zh": "额度不足", "en": "credit limit"}
CAUSE_PAGE = "cause (zh)"  # a page type of benchmark_quality.PAGE_TYPES

# Where a shopper meets a cause: a new cause is a real one met there (title, question, keywords).
# (zh, en, English keyword word, slug part)
CONTEXTS = (
    ("App 内", "in the app", "app", "app"),
    ("微信小程序", "in the WeChat mini program", "mini program", "mini-program"),
    ("电脑端", "on a computer", "desktop", "desktop"),
    ("小米之家门店", "at a Mi Home store", "mi home", "mi-home"),
    ("以旧换新订单", "with a trade-in order", "trade-in", "trade-in"),
    ("预售订单", "with a pre-order", "pre-order", "pre-order"),
    ("企业账户", "with a business account", "business account", "business"),
    ("新注册用户", "as a new user", "new user", "new-user"),
    ("更换手机号后", "after changing your phone number", "new number", "new-number"),
    ("大促期间", "during a big sale", "big sale", "big-sale"),
    ("礼品卡组合支付", "paying partly with a gift card", "gift card", "gift-card"),
    ("国际版 App", "in the international app", "international app", "global-app"),
)
# How a related title is retold: (zh, en, id part), "{t}" the title; the first leaves it as it is.
QUALIFIERS = (
    ("{t}", "{t}", ""),
    ("{t}（2025年版）", "{t} (2025 edition)", "2025"),
    ("新手必看：{t}", "For beginners: {t}", "beginners"),
    ("{t}：常见误区", "{t}: common mistakes", "mistakes"),
    ("学生党必读：{t}", "For students: {t}", "students"),
    ("{t}（真实案例）", "{t} (real cases)", "cases"),
    ("上班族视角：{t}", "For office workers: {t}", "office-workers"),
    ("{t}（图文详解）", "{t} (illustrated)", "illustrated"),
    ("{t}（律师解读）", "{t} (a lawyer explains)", "lawyer"),
    ("{t}（网友问答）", "{t} (readers' questions)", "qa"),
    ("{t}（2024年版）", "{t} (2024 edition)", "2024"),
    ("{t}（简明版）", "{t} (the short version)", "short"),
)


# -- the data, grown ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Growth:
    causes: int
    topics: int
    questions: int
    copies: dict[str, list[str]] = field(default_factory=dict)  # a real cause's code -> its copies'



def grow(project: Path, factor: int) -> Growth:
    """The data of the project copy at `project` made `factor` times as large: causes (each new
    one a real one's copy with its pages), topics (real titles retold, in the article too) and a
    troubleshooter question leading to each new cause."""
    causes = _read(project, urls.CAUSES_DATA)
    real = list(causes["causes"])
    new = [_cause_copy(real[i % len(real)], len(real) + 1 + i, Variant(i // len(real)))
           for i in range(len(real) * (factor - 1))]
    causes["causes"] = real + [cause.data for cause in new]
    _write(project, urls.CAUSES_DATA, causes)
    copies: dict[str, list[str]] = {cause["code"]: [] for cause in real}
    for cause in new:
        copies[cause.template].append(cause.code)
        _copy_pages(project, cause.template, cause.code)
    questions = _grow_tree(project, {cause.code: cause for cause in new}, copies)
    topics = _grow_topics(project, factor, copies)
    return Growth(len(causes["causes"]), topics, questions, copies)


def _read(project: Path, rel: str) -> dict:
    return yaml.safe_load((project / "docs" / rel).read_text(encoding="utf-8"))


def _write(project: Path, rel: str, data: dict) -> None:
    # Quoted where YAML 1.1 would read a word as something else ('yes': ..., 'no': ...).
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    (project / "docs" / rel).write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Variant:
    """The n-th retelling of a real cause: a context, and past the contexts' count a case number."""

    n: int

    @property
    def context(self) -> tuple[str, str, str, str]:
        return CONTEXTS[self.n % len(CONTEXTS)]

    @property
    def case(self) -> int:
        return self.n // len(CONTEXTS) + 1

    def label(self, lang: str) -> str:
        zh, en, _, _ = self.context
        if lang == "zh":
            return zh if self.case == 1 else f"{zh}，情形 {self.case}"
        return en if self.case == 1 else f"{en}, case {self.case}"

    def keyword(self, lang: str, word: str) -> str:
        zh, _, en, _ = self.context
        case = "" if self.case == 1 else str(self.case)
        return f"{zh}{case}{word}" if lang == "zh" else f"{word} {en}{case and ' ' + case}"

    @property
    def slug(self) -> str:
        part = self.context[3]
        return part if self.case == 1 else f"{part}-{self.case}"


def _lead(lang: str, label: str, text: str) -> str:
    """`text` said of `label`'s context: "App 内：…", "In the app: …"."""
    return f"{label}：{text}" if lang == "zh" else f"{label[:1].upper()}{label[1:]}: {text}"


@dataclass(frozen=True)
class NewCause:
    data: dict  # its entry in causes.yml
    template: str  # the code of the real cause it copies
    variant: Variant

    @property
    def code(self) -> str:
        return self.data["code"]


def _cause_copy(cause: dict, number: int, variant: Variant) -> NewCause:
    """A help-team cause numbered `number`: the real `cause` met in `variant`'s context."""
    label = {lang: variant.label(lang) for lang in cause["title"]}
    data = {
        "code": f"FQ-{number:02d}", "number": number, "source": "help-team",
        "slug": f"{cause['slug']}-{variant.slug}", "former_slugs": [],
        "confused_with": [cause["code"], *cause.get("confused_with", [])][:3],
        # Plain keywords only: a word with companions keeps them for the real cause.
        "keywords": {lang: [variant.keyword(lang, word) for word in words if isinstance(word, str)]
                     for lang, words in cause["keywords"].items()},
        "title": {lang: f"{text}（{label[lang]}）" if lang == "zh" else f"{text} ({label[lang]})"
                  for lang, text in cause["title"].items()},
        "seen": {lang: _lead(lang, label[lang], text) for lang, text in cause["seen"].items()},
        "summary": {lang: _lead(lang, label[lang], text) for lang, text in cause["summary"].items()},
    }
    return NewCause(data, cause["code"], variant)


def _copy_pages(project: Path, template: str, code: str) -> None:
    """The real cause's pages, in every language it has, for the copy."""
    langs = from_mkdocs_yml(project / "mkdocs.yml")
    for suffix in map(langs.suffix, langs.codes):
        source = project / "docs" / urls.cause_source(template, suffix)
        if source.exists():
            shutil.copyfile(source, project / "docs" / urls.cause_source(code, suffix))


def _grow_tree(project: Path, new: dict[str, NewCause], copies: dict[str, list[str]]) -> int:
    """A question for each new cause, asked right after the main line's question about the cause
    it copies (so the tree keeps its order: quick looks first, the limit last): "yes" leads to
    it, "no" and "not sure" on along the main line, as the real questions do."""
    data = _read(project, urls.TREE)
    questions = [{_answer_key(k): v for k, v in q.items()} for q in data["questions"]]
    main_line = _main_line({q["id"]: q for q in questions}, data["start"])
    on_line = {q["about"]: q for q in main_line}
    added = []
    for real, codes in copies.items():
        # The question that decides the cause: the main line's, or the one its "yes" leads to
        # ("only this item?" then "a discounted item?").
        line = on_line.get(real)
        template = line if line and line["yes"] == real else next(q for q in questions if q["yes"] == real)
        chain = [_question_copy(template, new[code]) for code in codes]
        _splice(on_line.get(real, main_line[-1]), chain)  # a cause off the main line: at its end
        added += chain
    data["questions"] = questions + added
    _write(project, urls.TREE, data)
    return len(data["questions"])


def _answer_key(key: Any) -> Any:
    """yes: and no: as the words they are (YAML 1.1 reads them as booleans)."""
    return ("yes" if key else "no") if isinstance(key, bool) else key


def _main_line(by_id: dict[str, dict], start: str) -> list[dict]:
    """The questions a shopper who answers "no" to everything is asked, in order."""
    line = [by_id[start]]
    while line[-1]["no"] in by_id:
        line.append(by_id[line[-1]["no"]])
    return line


def _question_copy(template: dict, cause: NewCause) -> dict:
    """`template`'s question asked in the new cause's context; its "yes" leads to the cause."""
    copy = {"id": cause.data["slug"], "about": cause.code, "effort": template["effort"],
            "question": {lang: _lead(lang, cause.variant.label(lang), text)
                         for lang, text in template["question"].items()}}
    if template.get("hint"):
        copy["hint"] = template["hint"]
    return {**copy, "yes": cause.code, "no": None, "unsure": None}


def _splice(question: dict, chain: list[dict]) -> None:
    """`chain` asked after `question` on its "no" (and its "not sure", where that went the same
    way), each of them going on to the next, the last to where `question` went."""
    if not chain:
        return
    after, same = question["no"], question["unsure"] == question["no"]
    for here, following in zip(chain, [*chain[1:], None], strict=True):
        here["no"] = here["unsure"] = following["id"] if following else after
    question["no"] = chain[0]["id"]
    if same:
        question["unsure"] = chain[0]["id"]


def _grow_topics(project: Path, factor: int, copies: dict[str, list[str]]) -> int:
    """Topics `factor` times as many: real titles retold (on another platform, with a qualifier),
    each new zh title added to the article's related list, as the loader requires."""
    data = _read(project, urls.TOPICS)
    real = list(data["topics"])
    wanted = len(real) * (factor - 1)
    taken = {t["title"]["zh"] for t in real}
    ids = {t["id"] for t in real} | {t["id"] for t in data["themes"]} | {f"p-{p['id']}" for p in data["platforms"]}
    new: list[dict] = []
    turns: Counter[str] = Counter()
    for topic in _retellings(real, data["platforms"], taken):
        if len(new) == wanted:
            break
        topic["causes"] = [_spread(code, copies, turns) for code in topic["causes"]]
        topic["id"] = _unique(topic["id"], ids)
        new.append(topic)
    if len(new) < wanted:
        raise ValueError(f"only {len(new)} distinct retold titles; {wanted} wanted")
    data["topics"] = real + new
    _write(project, urls.TOPICS, data)
    _add_related_titles(project, [t["title"]["zh"] for t in new])
    return len(data["topics"])


Retelling = tuple[tuple[str, str, str], dict | None, dict | None]  # qualifier, platform from, to


def _retellings(real: list[dict], platforms: list[dict], taken: set[str]) -> Iterator[dict]:
    """New topics, a round at a time over the real ones (so every subject grows alike): the title
    on another platform, then with a qualifier too."""
    options = [_options(topic, platforms) for topic in real]
    for n in range(max(map(len, options))):
        for topic, choices in zip(real, options, strict=True):
            if n < len(choices):
                retold = _retell(topic, *choices[n])
                if retold["title"]["zh"] not in taken:
                    taken.add(retold["title"]["zh"])
                    yield retold


def _options(topic: dict, platforms: list[dict]) -> list[Retelling]:
    """The ways to retell a topic, the unchanged title left out. Only a topic on one platform,
    named in both its titles, moves to another platform."""
    own = next((p for p in platforms if [p["id"]] == topic["platforms"]), None)
    movable = own is not None and own["zh"] in topic["title"]["zh"] and own["en"] in topic["title"]["en"]
    moves: list[dict | None] = [None, *(p for p in platforms if p is not own)] if movable else [None]
    return [(q, own, to) for q in QUALIFIERS for to in moves if q[2] or to is not None]


def _retell(topic: dict, qualifier: tuple[str, str, str], old: dict | None, new: dict | None) -> dict:
    zh, en, part = qualifier
    title, topic_id, on = dict(topic["title"]), topic["id"], topic["platforms"]
    if old is not None and new is not None:
        title = {"zh": title["zh"].replace(old["zh"], new["zh"]),
                 "en": title["en"].replace(old["en"], new["en"]).replace(old["zh"], new["zh"])}
        topic_id = topic_id.replace(old["id"], new["id"]) if old["id"] in topic_id else f"{topic_id}-{new['id']}"
        on = [new["id"]]
    return {**topic, "id": f"{topic_id}-{part}" if part else topic_id, "platforms": list(on),
            "title": {"zh": zh.replace("{t}", title["zh"]), "en": en.replace("{t}", title["en"])}}


def _spread(code: str, copies: dict[str, list[str]], turns: Counter[str]) -> str:
    """A retold topic about a cause relates to one of its copies, the next in turn, then to the
    cause again: related topics spread over the causes as the causes grow."""
    family = [*copies.get(code, []), code]
    turns[code] += 1
    return family[(turns[code] - 1) % len(family)]


def _unique(wanted: str, ids: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in ids:
        candidate, n = f"{wanted}-{n}", n + 1
    ids.add(candidate)
    return candidate


def _add_related_titles(project: Path, titles: list[str]) -> None:
    """The titles at the end of the article's related list (before the page's own "To Top")."""
    langs = from_mkdocs_yml(project / "mkdocs.yml")
    path = project / "docs" / urls.article_source(langs.default)
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    if RELATED_HEADER not in (line.strip() for line in lines):
        raise ValueError(f"{path}: no '{RELATED_HEADER}' list to add titles to")
    end = len(lines) - (lines[-1].strip() in TRAILING_CHROME)
    lines[end:end] = titles
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- builds and measures -----------------------------------------------------------------------


@dataclass
class Row:
    """One factor's figures; None where a build failed or a figure was not measured."""

    factor: int
    causes: int
    topics: int
    ours: tuple[float, float] | None = None  # build: seconds, processor seconds
    bare: tuple[float, float] | None = None
    failed: str | None = None  # "ours: build failed: ..." and the like
    size: tuple[int, int | None] | None = None  # site on disk, ours and bare
    index: dict[str, tuple[int, int]] = field(default_factory=dict)  # lang -> raw, Brotli
    heaviest: tuple[str, int] | None = None  # page type, first-visit bytes
    cause_page: int | None = None
    largest: tuple[int, str] | None = None  # bytes, path
    first_search: dict[str, int] = field(default_factory=dict)  # lang -> bytes
    first_query: dict[str, float] = field(default_factory=dict)  # lang -> ms


def one_line(log: str) -> str:
    """What a failed build said, in one line: its first ERROR (MkDocs prints "Aborted ..." on the
    other stream, which may come first), else its last line."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    errors = [line.removeprefix("ERROR").lstrip(" -") for line in lines if line.startswith("ERROR")]
    return (errors or lines[-1:] or ["(no output)"])[0][:300]


def timed(project: Path, site: Path, runs: int) -> tuple[tuple[float, float] | None, str | None]:
    """The median seconds and processor seconds of `runs` strict builds after one that is not
    timed (a rebuild, as an editor's: Python's bytecode, jieba's dictionary and our content cache
    are warm, as they are after any first build), or the first failure in one line."""
    times = []
    for _ in range(runs + 1):
        shutil.rmtree(site, ignore_errors=True)
        elapsed, cpu, failed = timed_build(project, site)
        if failed is not None:
            return None, one_line(failed)
        times.append((elapsed, cpu))
    return (statistics.median(t[0] for t in times[1:]), statistics.median(t[1] for t in times[1:])), None


def disk_size(site: Path) -> int:
    """Bytes of every file the build wrote (the .br and .gz beside each text file included)."""
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def index_sizes(site: Path, prefixes: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Each language's search index, raw and Brotli (the .br the build wrote, as nginx sends it)."""
    out = {}
    for lang, prefix in prefixes.items():
        index = site / prefix / "search/search_index.json"
        packed = index.with_name(index.name + ".br")
        raw = index.read_bytes()
        out[lang] = (len(raw), packed.stat().st_size if packed.exists() else len(brotli.compress(raw)))
    return out


def largest_page(site: Path) -> tuple[int, str]:
    size, path = max((p.stat().st_size, p) for p in site.rglob("*.html"))
    return size, path.relative_to(site).as_posix()


def first_search(browser, base: str, path: str, query: str) -> tuple[int, float]:
    """A reader's first search on a freshly loaded page: the bytes it transfers (Brotli: the
    index, the worker and whatever the query loads) and the ms to its results on screen."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(180_000)  # at scale, the first query waits for a large index
    page.goto(base + path, wait_until="networkidle")
    urls_after: list[str] = []
    pending = [0, time.monotonic()]

    def started(request) -> None:
        urls_after.append(request.url)
        pending[0] += 1

    def ended(_request) -> None:
        pending[0], pending[1] = pending[0] - 1, time.monotonic()

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    result = search(page, query)
    while pending[0] > 0 or time.monotonic() - pending[1] < 0.5:  # until the network is quiet
        page.wait_for_timeout(100)
    context.close()
    return sum(fetched_size(url, "br") for url in urls_after if url.startswith(base)), result.millis


def measure(row: Row, site: Path, root: Path) -> None:
    """The served site's figures: first visits, first searches, in Chromium against nginx."""
    from playwright.sync_api import sync_playwright

    langs = from_mkdocs_yml(root / "mkdocs.yml")
    prefixes = {lang: langs.prefix(lang) for lang in langs.codes}
    row.index = index_sizes(site, prefixes)
    row.largest = largest_page(site)
    with serve_with_nginx(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        visits = {name: sum(first_visit(browser, base, path)[0].values()) for name, path in pages(site, root)}
        row.heaviest = max(visits.items(), key=lambda item: item[1])
        row.cause_page = visits.get(CAUSE_PAGE)
        for lang, query in QUERIES.items():
            row.first_search[lang], row.first_query[lang] = first_search(browser, base, prefixes[lang], query)
        browser.close()


def run_factor(factor: int, folder: Path, runs: int) -> Row:
    project = copy_project(folder / "project")
    growth = grow(project, factor)
    row = Row(factor, growth.causes, growth.topics)
    row.ours, failed = timed(project, folder / "site-ours", runs)
    notes = [f"ours: build failed: {failed}"] if failed else []
    try:  # the bare site's pages are made by our loader and templates, from the grown data
        bare = bare_reference(folder / "bare", project)
    except DataError as error:
        notes.append("bare: not made (our loader: the same error)" if failed and str(error) in failed
                     else f"bare: not made (our loader): {error}")
    else:
        row.bare, bare_failed = timed(bare, folder / "site-bare", runs)
        notes += [f"bare: build failed: {bare_failed}"] if bare_failed else []
        notes += [f"bare: {row.bare[0]:.2f} s"] if failed and row.bare is not None else []
    row.failed = "; ".join(notes) or None
    if row.ours is not None:
        row.size = (disk_size(folder / "site-ours"), disk_size(folder / "site-bare") if row.bare is not None else None)
        measure(row, folder / "site-ours", project)
    return row


# -- the table ---------------------------------------------------------------------------------

# (heading, width); a heading ending in "<" is a left-aligned column (a figure, then a name).
COLUMNS = (("factor", 6), ("causes", 6), ("topics", 6), ("ours s", 7), ("bare s", 7), ("ratio", 5),
           ("ours cpu", 8), ("bare cpu", 8), ("ratio", 5),
           ("site ours", 11), ("site bare", 11), ("index zh", 9), ("zh br", 7), ("index en", 9), ("en br", 7),
           ("1st visit: heaviest<", 27), ("cause", 7), ("largest HTML<", 30),
           ("search zh", 9), ("search en", 9), ("query zh", 8), ("query en", 8))


def _line(values: list[str]) -> str:
    return "  ".join(f"{v:<{w}}" if name.endswith("<") else f"{v:>{w}}"
                     for v, (name, w) in zip(values, COLUMNS, strict=False))


def _n(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def cells(row: Row) -> list[str]:
    head = [f"{row.factor}x", f"{row.causes:,}", f"{row.topics:,}"]
    if row.ours is None:
        return head
    ours = row.ours
    bare: tuple[float | None, float | None] = row.bare or (None, None)
    ratios = [ours[i] / b if (b := bare[i]) else None for i in (0, 1)]
    size = row.size or (0, None)
    index = [v for lang in QUERIES for v in row.index.get(lang, (None, None))]
    heaviest = f"{row.heaviest[1]:,} {row.heaviest[0]}" if row.heaviest else "-"
    largest = f"{row.largest[0]:,} {row.largest[1]}" if row.largest else "-"
    return head + [_n(ours[0], 2), _n(bare[0], 2), _n(ratios[0], 2), _n(ours[1], 2), _n(bare[1], 2), _n(ratios[1], 2),
                   _n(size[0]), _n(size[1]),
                   *(_n(v) for v in index), heaviest, _n(row.cause_page), largest,
                   *(_n(row.first_search.get(lang)) for lang in QUERIES),
                   *(_n(row.first_query.get(lang)) for lang in QUERIES)]


def print_table(rows: list[Row], runs: dict[int, int]) -> None:
    print("\nScale: the data grown by each factor (causes, topics, troubleshooter), this site against "
          "bare Material + static-i18n with the same pages")
    print(f"build s: strict build, median of {', '.join(f'{n} at {f}x' for f, n in runs.items())} after one "
          "not timed (a rebuild: caches warm); cpu: its processor seconds, steadier on a busy machine; "
          "sizes in bytes; site: every file on disk (ours has .br and .gz beside each text file); "
          "index: search/search_index.json raw and Brotli per language;")
    print("1st visit: bytes a first visit transfers with Brotli from nginx (the heaviest page type, and a "
          "cause page (zh)); largest HTML: raw bytes and path;")
    print(f"search: bytes the first search of a fresh page transfers (Brotli); query: ms to its results "
          f"(searchcheck.search): zh {QUERIES['zh']!r} on /, en {QUERIES['en']!r} on /en/")
    print(_line([name.rstrip("<") for name, _ in COLUMNS]))
    for row in rows:
        print(_line(cells(row)) + (f"  {row.failed}" if row.failed else ""))


@contextmanager
def scratch(keep: Path | None) -> Iterator[Path]:
    """The folder the copies and builds go in: `keep` (left there), or a temporary one."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="hc-scale-") as folder:
        yield Path(folder)


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("benchmark-scale", __doc__)
    parser.add_argument("--factors", default="1,10,50", help="comma-separated growth factors (default 1,10,50)")
    parser.add_argument("--runs", type=int, default=None, help="builds per site (default 3 at 1x, 1 above)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the copies and sites in this folder")
    args = parser.parse_args(argv)
    factors = [int(f) for f in args.factors.split(",") if f.strip()]
    if not factors or min(factors) < 1:
        parser.error("--factors: whole numbers from 1")
    runs = {f: args.runs or (3 if f == 1 else 1) for f in factors}
    rows = []
    started = time.perf_counter()
    with scratch(args.keep) as folder:
        for factor in factors:
            print(f"{factor}x: growing, building and measuring in {folder / f'{factor}x'} ...", flush=True)
            rows.append(run_factor(factor, folder / f"{factor}x", runs[factor]))
    print_table(rows, runs)
    print(f"\n({time.perf_counter() - started:.0f} s in all)")
    return 0
