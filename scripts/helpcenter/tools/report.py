"""The help team's report: what readers search and do not find, which results they open, which
causes they reach and find helpful, where the troubleshooter ends, and how short links are used,
per language, from the site's own nginx logs (readers' events and the access log; rotated and
gzipped ones too). Written as static HTML (charts as inline SVG) and CSV files.

    python -m helpcenter report [--logs logs/] [--out report/] [--since 2026-12-01] [--until 2026-12-31]

Each events line is checked before it counts: a malformed, truncated, oversized or non-UTF-8
line, or an event that is not one the pages send, is counted and skipped, never fatal. The
checked events are then counted with DuckDB (embedded: no server), which reads the same events
as JSON or Parquet from any folder or object store as well (--events).
"""

from __future__ import annotations

import csv
import datetime
import gzip
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import duckdb
import jinja2

from helpcenter import PROJECT, urls
from helpcenter.project import project_at
from helpcenter.tools import command_parser

MAX_LINE = 8192  # bytes: an event line is a few hundred; longer is not one the pages sent
COLUMNS = ("day", "lang", "type", "page", "vote", "reason", "query", "causes", "uncovered", "opened", "rank",
           "end_at", "answers")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.:-]{0,80}$")
# The access log's request line (nginx's combined format, or make preview's without the address).
_REQUEST = re.compile(r'\[(\d{2})/(\w{3})/(\d{4}):[^\]]*\] "(?:GET|HEAD) (\S+) HTTP/[0-9.]+" (\d{3}) ')
_MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                      "Nov", "Dec"), start=1)}


@dataclass
class Tally:
    lines: int = 0
    events: int = 0
    dropped: int = 0  # over the rate limit (REJECTED)
    outside: int = 0  # outside the dates asked for
    skipped: Counter = field(default_factory=Counter)  # why a line did not count


def log_files(folder: Path, stem: str) -> list[Path]:
    """A log and its rotations (events.log, events.log.1, events.log.2.gz …), oldest first."""
    def age(path: Path) -> int:
        number = path.name[len(stem):].lstrip(".").split(".")[0]
        return int(number) if number.isdigit() else 0
    return sorted((p for p in folder.glob(stem + "*") if p.is_file()), key=age, reverse=True)


def _lines(paths: list[Path], tally: Tally, progress: Progress) -> Iterator[bytes]:
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        try:
            with opener(path, "rb") as stream:
                for line in stream:
                    progress.advance(path, stream)
                    yield line
        except (EOFError, OSError, gzip.BadGzipFile):  # a truncated or broken gzip: what was read counts
            tally.skipped["truncated file"] += 1


def _event(raw: bytes) -> tuple[dict | None, str]:
    """An event line checked: (the event, "") or (None, why it does not count)."""
    if len(raw) > MAX_LINE:
        return None, "too long"
    try:
        line = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "not UTF-8"
    except ValueError:
        return None, "not JSON"
    if not isinstance(line, dict) or not isinstance(line.get("event"), str) or not isinstance(line.get("time"), str):
        return None, "not an event line"
    if line.get("limit") == "REJECTED":
        return None, "dropped"
    try:
        event = json.loads(unquote(line["event"], errors="strict"))
        day = datetime.date.fromisoformat(line["time"][:10])
    except (UnicodeDecodeError, ValueError):
        return None, "not an event"
    return _checked(event, day)


def _text(value, limit: int) -> bool:
    return isinstance(value, str) and 0 < len(value) <= limit


def _checked(event, day: datetime.date) -> tuple[dict | None, str]:
    if not isinstance(event, dict) or not _text(event.get("lang"), 12) or not _SLUG.match(event["lang"]):
        return None, "not an event"
    row = dict.fromkeys(COLUMNS)
    row.update(day=day.isoformat(), lang=event["lang"], type=event.get("type"))
    if event.get("type") == "feedback":
        reason = event.get("reason")
        if not (_text(event.get("page"), 80) and _SLUG.match(event["page"]) and event.get("vote") in ("yes", "no")
                and (reason is None or (_text(reason, 40) and _SLUG.match(reason)))):
            return None, "not an event"
        row.update(page=event["page"], vote=event["vote"], reason=reason)
    elif event.get("type") == "search":
        causes, rank, opened = event.get("causes"), event.get("rank"), event.get("opened")
        if not (_text(event.get("query"), 100) and isinstance(causes, int) and 0 <= causes <= 1000
                and isinstance(event.get("uncovered"), bool)
                and (opened is None or _text(opened, 300)) and (rank is None or isinstance(rank, int) and rank > 0)):
            return None, "not an event"
        row.update(query=event["query"], causes=causes, uncovered=event["uncovered"], opened=opened, rank=rank)
    elif event.get("type") == "tree":
        answers = event.get("answers")
        if not (_text(event.get("end"), 20) and _SLUG.match(event["end"]) and isinstance(answers, list)
                and len(answers) <= 30 and all(_text(a, 80) and _SLUG.match(a) for a in answers)):
            return None, "not an event"
        row.update(end_at=event["end"], answers=" ".join(answers))
    else:
        return None, "not an event"
    return row, ""


class Progress:
    """A progress bar on stderr, by bytes read, for logs that take a while (and only on a terminal)."""

    def __init__(self, paths: list[Path]):
        self.total = sum(p.stat().st_size for p in paths) or 1
        self.done: dict[Path, int] = {}
        self.shown = self.started = time.monotonic()
        self.on = sys.stderr.isatty()

    def advance(self, path: Path, stream) -> None:
        now = time.monotonic()
        if not self.on or now - self.shown < 0.2:
            return
        self.shown = now
        raw = getattr(stream, "fileobj", None) or stream  # a gzip's place in its compressed file
        self.done[path] = raw.tell()
        share = min(sum(self.done.values()) / self.total, 1.0)
        print(f"\r  reading logs [{'#' * int(share * 30):<30}] {share:4.0%}", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.on:
            print(f"\r  reading logs [{'#' * 30}] 100% in {time.monotonic() - self.started:.1f} s", file=sys.stderr)


def read_events(paths: list[Path], since: datetime.date | None, until: datetime.date | None,
                out: Path) -> Tally:
    """The checked events of `paths` within the dates, as CSV in `out` (what DuckDB reads)."""
    tally, progress = Tally(), Progress(paths)
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for raw in _lines(paths, tally, progress):
            if not raw.strip():
                continue
            tally.lines += 1
            row, why = _event(raw.rstrip(b"\n"))
            if row is None:
                if why == "dropped":
                    tally.dropped += 1
                else:
                    tally.skipped[why] += 1
                continue
            day = datetime.date.fromisoformat(row["day"])
            if (since and day < since) or (until and day > until):
                tally.outside += 1
                continue
            tally.events += 1
            writer.writerow(["" if row[c] is None else row[c] for c in COLUMNS])
    progress.end()
    return tally


def short_link_hits(paths: list[Path], prefixes: dict[str, str], since, until) -> list[tuple[str, str, int]]:
    """(language, code, hits) of the short links (go/<code>/) in the access log; a link's #section
    never reaches a server, so the sections an agent picked are not in it."""
    hits: Counter = Counter()
    others = "|".join(re.escape(p) for p in prefixes.values() if p)
    pattern = re.compile(rf"^/({others})?{urls.SHORT_LINKS}/([^/?#]+)/?")
    by_prefix = {prefix: lang for lang, prefix in prefixes.items()}
    tally = Tally()
    for raw in _lines(paths, tally, Progress([])):
        match = _REQUEST.search(raw.decode("utf-8", "replace"))
        if not match:
            continue
        day = datetime.date(int(match[3]), _MONTHS.get(match[2], 1), int(match[1]))
        link = pattern.match(match[4])
        if link and (not since or day >= since) and (not until or day <= until):
            hits[by_prefix.get(link[1] or "", ""), link[2].upper()] += 1
    return [(lang, code, n) for (lang, code), n in sorted(hits.items())]


QUERIES = {
    "searches": "SELECT query, count(*) AS searches, round(avg(causes), 1) AS cause_results, "
                "sum(CASE WHEN uncovered THEN 1 ELSE 0 END) AS not_covered_note FROM events "
                "WHERE type = 'search' AND lang = $lang GROUP BY query ORDER BY searches DESC, query LIMIT 100",
    "searches_without_a_cause": "SELECT query, count(*) AS searches FROM events WHERE type = 'search' "
                                "AND lang = $lang AND causes = 0 GROUP BY query "
                                "ORDER BY searches DESC, query LIMIT 100",
    "results_opened_by_rank": "SELECT rank, count(*) AS opened FROM events WHERE type = 'search' AND lang = $lang "
                              "AND rank IS NOT NULL GROUP BY rank ORDER BY rank",
    "feedback": "SELECT page, count(*) FILTER (WHERE vote = 'yes') AS helpful, "
                "count(*) FILTER (WHERE vote = 'no') AS not_helpful FROM events WHERE type = 'feedback' "
                "AND lang = $lang GROUP BY page ORDER BY page",
    "feedback_reasons": "SELECT page, coalesce(reason, '(none given)') AS reason, count(*) AS answers "
                        "FROM events WHERE type = 'feedback' AND vote = 'no' AND lang = $lang "
                        "GROUP BY ALL ORDER BY page, answers DESC",
    "troubleshooter_ends": "SELECT end_at AS ended_at, count(*) AS readers FROM events WHERE type = 'tree' "
                           "AND lang = $lang GROUP BY end_at ORDER BY readers DESC, end_at",
}


# The events' columns as DuckDB reads them from the checked CSV.
TYPES = {"day": "DATE", "lang": "VARCHAR", "type": "VARCHAR", "page": "VARCHAR", "vote": "VARCHAR",
         "reason": "VARCHAR", "query": "VARCHAR", "causes": "INTEGER", "uncovered": "BOOLEAN", "opened": "VARCHAR",
         "rank": "INTEGER", "end_at": "VARCHAR", "answers": "VARCHAR"}


def count(events_csv: Path | str, langs: list[str]) -> dict[str, dict[str, tuple[list[str], list[tuple]]]]:
    """Each table of the report, per language: (column names, rows). `events_csv`: the checked
    events as CSV, or any JSON or Parquet file or glob DuckDB reads with the same columns."""
    db = duckdb.connect()
    source = str(events_csv)
    if source.endswith(".parquet"):
        relation = db.read_parquet(source)
    elif source.endswith((".json", ".jsonl", ".ndjson")):
        relation = db.read_json(source, format="newline_delimited")
    else:
        relation = db.read_csv(source, header=True, dtype=TYPES)
    relation.create_view("events")
    out: dict[str, dict[str, tuple[list[str], list[tuple]]]] = {}
    for lang in langs:
        out[lang] = {}
        for name, sql in QUERIES.items():
            result = db.execute(sql, {"lang": lang})
            out[lang][name] = ([d[0] for d in result.description], result.fetchall())
    return out


# The column each table's bars show.
BARS = {"searches": "searches", "searches_without_a_cause": "searches", "results_opened_by_rank": "opened",
        "feedback": "not_helpful", "feedback_reasons": "answers", "troubleshooter_ends": "readers",
        "short_links": "hits"}


def write_report(out: Path, tables: dict, tally: Tally, links: list[tuple[str, str, int]], titles: dict,
                 dates: str) -> list[Path]:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True)
    template = env.get_template("report.html")
    written = []
    for lang, lang_tables in tables.items():
        folder = out / lang
        folder.mkdir(parents=True, exist_ok=True)
        lang_tables = {**lang_tables, "short_links": (["code", "hits"], [(c, n) for of, c, n in links if of == lang])}
        for name, (columns, rows) in lang_tables.items():
            with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(columns)
                writer.writerows(rows)
            written.append(folder / f"{name}.csv")
        html = template.render(lang=lang, tables=lang_tables, tally=tally, titles=titles[lang], dates=dates,
                               bars=BARS, shown=30)
        (folder / "index.html").write_text(html, encoding="utf-8")
        written.append(folder / "index.html")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("report", __doc__)
    parser.add_argument("--logs", type=Path, default=PROJECT / "logs", help="the folder of events.log and access.log")
    parser.add_argument("--out", type=Path, default=PROJECT / "report", help="where the report goes (default: report/)")
    parser.add_argument("--since", type=datetime.date.fromisoformat, help="first day (YYYY-MM-DD)")
    parser.add_argument("--until", type=datetime.date.fromisoformat, help="last day (YYYY-MM-DD)")
    parser.add_argument("--events", help="checked events already collected elsewhere: a JSON or Parquet file or glob")
    args = parser.parse_args(argv)
    started = time.monotonic()
    hc = project_at().hc
    langs = list(hc.langs.codes)
    titles = {lang: {c.code: c.title[lang] for c in hc.causes} for lang in langs}
    with tempfile.TemporaryDirectory() as tmp:
        tally = Tally()
        source: Path | str = args.events or Path(tmp) / "events.csv"
        if not args.events:
            tally = read_events(log_files(args.logs, "events.log"), args.since, args.until, Path(source))
        tables = count(source, langs)
    prefixes = {lang: hc.langs.prefix(lang) for lang in langs}
    links = short_link_hits(log_files(args.logs, "access.log"), prefixes, args.since, args.until)
    dates = f"{args.since or '…'} – {args.until or '…'}"
    written = write_report(args.out, tables, tally, links, titles, dates)
    skipped = sum(tally.skipped.values())
    why = ", ".join(f"{n} {reason}" for reason, n in tally.skipped.most_common())
    if args.events:
        print(f"checked events from {args.events} in {time.monotonic() - started:.1f} s; "
              f"{len(written)} files in {args.out}")
        return 0
    print(f"{tally.events} events ({tally.lines} lines; {tally.dropped} dropped over the rate limit, "
          f"{tally.outside} outside the dates, {skipped} skipped{': ' + why if why else ''}) "
          f"in {time.monotonic() - started:.1f} s; {len(written)} files in {args.out}")
    return 0
