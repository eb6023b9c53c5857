"""Readers' feedback and events (issue 22): the widget, what the pages send, what nginx writes, and
the help team's report; its reading of bad log lines."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from helpcenter.tools import report
from helpcenter.tools.nginx import serve_with_nginx
from helpcenter.tools.searchcheck import search
from support.site import PREFIX


@pytest.fixture
def collector(site, tmp_path):
    """The site behind nginx, as `make preview` serves it, with its logs in a folder of the test's."""
    logs = tmp_path / "logs"
    with serve_with_nginx(site, logs=logs) as url:
        yield url, logs


def events(logs: Path) -> list[dict]:
    """The events nginx wrote: each line as written, its event decoded."""
    lines = [json.loads(line) for line in (logs / "events.log").read_text(encoding="utf-8").splitlines()]
    for line in lines:
        assert set(line) == {"time", "limit", "event"}  # nothing about the reader
        line["event"] = json.loads(unquote(line["event"]))
    return lines


def settle(page, logs: Path, count: int) -> list[dict]:
    page.wait_for_function("() => true")
    for _ in range(50):
        found = events(logs) if (logs / "events.log").exists() else []
        if len(found) >= count:
            return found
        page.wait_for_timeout(100)
    return found


def test_a_reader_session_is_logged_as_exactly_its_events_and_reported(page, collector, helpcenter, tmp_path):
    base, logs = collector
    cause = helpcenter.causes[1]
    # "No", with a reason, on a cause page.
    page.goto(f"{base}causes/{cause.slug}/")
    widget = page.locator("[data-hc-feedback]")
    widget.locator("button[data-vote=no]").click()
    reason = helpcenter.feedback_reasons[1].id
    widget.locator(f"button[data-reason={reason}]").click()
    assert widget.locator(".hc-feedback__contact a").is_visible()
    # A covered search, its first result opened; an uncovered one, and the box left.
    covered = search(page, "分期额度不够")
    assert covered.paths
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state()
    uncovered = search(page, "小米分期利息多少")
    assert uncovered.uncovered
    page.locator("input.md-search__input").blur()
    page.wait_for_timeout(600)
    # The troubleshooter to its first end, "yes" all the way.
    page.goto(f"{base}troubleshoot/")
    while page.locator(".hc-wizard button[data-answer=yes]").count():
        page.locator(".hc-wizard button[data-answer=yes]").click()
    page.locator(".hc-wizard [data-hc-feedback] button[data-vote=yes]").click()
    found = [line["event"] for line in settle(page, logs, 5)]
    assert all(line["limit"] == "PASSED" for line in events(logs))
    assert [e["type"] for e in found] == ["feedback", "search", "search", "tree", "feedback"]
    assert found[0] == {"type": "feedback", "page": cause.code, "vote": "no", "reason": reason, "lang": "zh"}
    assert found[1]["query"] == "分期额度不够" and found[1]["rank"] == 1 and found[1]["causes"] >= 1
    assert found[1]["opened"] == covered.paths[0]
    assert found[2]["query"] == "小米分期利息多少" and found[2]["uncovered"] is True and found[2]["opened"] is None
    assert found[3]["type"] == "tree" and found[3]["answers"][0].endswith(":yes")
    assert found[4]["page"] == f"troubleshooter/{found[3]['end']}"
    assert not page.context.cookies()
    # The report shows them.
    out = tmp_path / "report"
    assert report.main(["--logs", str(logs), "--out", str(out)]) == 0
    html = (out / "zh" / "index.html").read_text(encoding="utf-8")
    assert "分期额度不够" in html and "小米分期利息多少" in html and reason in html
    assert f"{cause.code} · {cause.title['zh']}" in html
    rows = (out / "zh" / "searches_without_a_cause.csv").read_text(encoding="utf-8")
    assert "小米分期利息多少" in rows and "分期额度不够" not in rows


def test_an_answer_is_remembered_and_asked_once(page, collector, helpcenter):
    base, logs = collector
    page.goto(f"{base}en/causes/{helpcenter.causes[0].slug}/")
    widget = page.locator("[data-hc-feedback]")
    widget.locator("button[data-vote=yes]").click()
    assert widget.locator(".hc-feedback__done").inner_text() == helpcenter.label("fb_thanks", "en")
    page.reload()
    assert widget.locator("button[data-vote=yes]").get_attribute("aria-pressed") == "true"
    assert widget.locator("button[data-vote=yes]").is_disabled()
    assert len(settle(page, logs, 1)) == 1


def test_keyboard_alone_votes_and_picks_a_reason(page, collector, helpcenter):
    base, logs = collector
    page.goto(f"{base}causes/{helpcenter.causes[2].slug}/")
    page.locator("[data-hc-feedback] button[data-vote=no]").focus()
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.dataset.reason")
    assert focused == helpcenter.feedback_reasons[0].id  # the reasons take the focus
    page.keyboard.press("Enter")
    assert settle(page, logs, 1)[0]["event"]["reason"] == focused


def test_nothing_is_sent_under_global_privacy_control(page, collector, helpcenter):
    base, logs = collector
    page.add_init_script("Object.defineProperty(navigator, 'globalPrivacyControl', {value: true})")
    page.goto(f"{base}causes/{helpcenter.causes[0].slug}/")
    page.locator("[data-hc-feedback] button[data-vote=yes]").click()
    page.wait_for_timeout(500)
    assert not (logs / "events.log").exists() or events(logs) == []


def test_queries_are_cut_and_numbers_masked_before_they_leave(page, plain_url):
    page.goto(plain_url)
    assert page.evaluate("hcEvents.query('  订单号 5012 3456 7890 分期  ')") == "订单号 # 分期"
    assert page.evaluate("hcEvents.query('Call 138-0013-8000 About 12 Months')") == "call # about 12 months"
    assert len(page.evaluate("hcEvents.query('分'.repeat(300))")) == 100


def test_a_static_host_drops_events_without_an_error(page, plain_url, helpcenter):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{plain_url}{PREFIX['en']}causes/{helpcenter.causes[0].slug}/")
    page.locator("[data-hc-feedback] button[data-vote=no]").click()
    page.locator("[data-hc-feedback] button[data-reason]").first.click()
    page.wait_for_timeout(500)
    assert errors == []


def test_over_the_rate_an_event_is_dropped_and_still_answered_204(collector):
    import urllib.request

    base, logs = collector
    statuses = [urllib.request.urlopen(f"{base}_hc/event?e=x").status for _ in range(60)]
    assert set(statuses) == {204}
    limits = [line["limit"] for line in (json.loads(x) for x in (logs / "events.log").read_text().splitlines())]
    assert limits.count("PASSED") >= 20 and "REJECTED" in limits  # the burst, then the rate


def line(event, limit: str = "PASSED", time: str = "2026-12-01T10:00:00+08:00") -> str:
    text = event if isinstance(event, str) else quote(json.dumps(event, ensure_ascii=False))
    return json.dumps({"time": time, "limit": limit, "event": text}) + "\n"


GOOD = {"type": "search", "query": "分期", "causes": 2, "uncovered": False, "opened": None, "rank": None, "lang": "zh"}


def test_bad_lines_are_counted_and_skipped_and_markup_shows_as_text(tmp_path, helpcenter):
    logs, out = tmp_path / "logs", tmp_path / "out"
    logs.mkdir()
    hostile = dict(GOOD, query="<script>alert(1)</script><b>分期</b>")
    with (logs / "events.log").open("wb") as stream:
        stream.write(line(GOOD).encode())
        stream.write(line(hostile).encode())
        stream.write(b'{"time": "2026-12-01T10:00:00+08:00", "limit": "PASSED", "event": "%7B%22ty')  # cut
        stream.write(b"\n\xff\xfe not utf-8 \xc3\n")
        stream.write(line({"type": "feedback", "page": "FQ-01", "vote": "maybe", "lang": "zh"}).encode())
        stream.write(line(GOOD | {"query": "x" * 20000}).encode())  # huge
        stream.write(line("%E4%B8").encode())  # percent-encoding of half a character
        stream.write(line(GOOD, limit="REJECTED").encode())
        stream.write(b"[1, 2, 3]\n")
    # An older, rotated log, gzipped, and one cut off mid-way.
    with gzip.open(logs / "events.log.2.gz", "wb") as stream:
        stream.write(line(GOOD | {"query": "旧的"}).encode())
    whole = gzip.compress(line(GOOD | {"query": "断的"}).encode() * 50)
    (logs / "events.log.1.gz").write_bytes(whole[: len(whole) // 2])
    tally = report.read_events(report.log_files(logs, "events.log"), None, None, tmp_path / "events.csv")
    assert tally.dropped == 1
    assert tally.skipped["not UTF-8"] == 1 and tally.skipped["not JSON"] == 1 and tally.skipped["too long"] == 1
    assert tally.skipped["not an event"] == 2 and tally.skipped["not an event line"] == 1
    assert tally.skipped["truncated file"] == 1
    assert report.main(["--logs", str(logs), "--out", str(out)]) == 0
    html = (out / "zh" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;分期&lt;/b&gt;" in html
    assert "旧的" in html


def test_the_dates_asked_for_and_short_links_from_the_access_log(tmp_path):
    logs, out = tmp_path / "logs", tmp_path / "out"
    logs.mkdir()
    (logs / "events.log").write_text(line(GOOD | {"query": "十一月"}, time="2026-11-30T23:00:00+08:00")
                                     + line(GOOD | {"query": "十二月"}), encoding="utf-8")
    (logs / "access.log").write_text(
        '- - [01/Dec/2026:10:00:00 +0800] "GET /go/FQ-02/ HTTP/1.1" 301 162 "-" "-"\n'
        '203.0.113.9 - - [01/Dec/2026:10:00:01 +0800] "GET /en/go/fq-02/?utm=x HTTP/1.1" 301 162 "-" "Mozilla"\n'
        '- - [02/Dec/2026:10:00:00 +0800] "GET /go/fq-05 HTTP/1.1" 301 162 "-" "-"\n'
        "garbage\n", encoding="utf-8")
    assert report.main(["--logs", str(logs), "--out", str(out), "--since", "2026-12-01", "--until", "2026-12-01"]) == 0
    assert "十二月" in (out / "zh" / "searches.csv").read_text(encoding="utf-8")
    assert "十一月" not in (out / "zh" / "searches.csv").read_text(encoding="utf-8")
    assert (out / "zh" / "short_links.csv").read_text(encoding="utf-8").splitlines()[1:] == ["FQ-02,1"]
    assert (out / "en" / "short_links.csv").read_text(encoding="utf-8").splitlines()[1:] == ["FQ-02,1"]


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_the_widget_never_shifts_the_page(page, base_url, helpcenter, width):
    """Shown from the first paint (html.js is set in <head>): nothing moves as the page loads. The
    viewport is as tall as the page, so that a shift anywhere on it counts."""
    page.set_viewport_size({"width": width, "height": 12000})
    page.goto(f"{base_url}causes/{helpcenter.causes[0].slug}/", wait_until="load")
    assert page.locator("[data-hc-feedback]").is_visible()
    page.wait_for_timeout(300)
    shift = page.evaluate("""() => new Promise(done => {
        let sum = 0;
        new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) sum += e.value; }))
            .observe({type: "layout-shift", buffered: true});
        setTimeout(() => done(sum), 200);
    })""")
    assert shift < 0.01


def test_checked_events_from_elsewhere_as_parquet_give_the_same_report(tmp_path):
    """The scale plan: events checked once and kept as Parquet (or JSON) anywhere DuckDB reads."""
    import duckdb

    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "events.log").write_text(line(GOOD) * 3 + line(GOOD | {"query": "额度", "causes": 0}), encoding="utf-8")
    report.read_events(report.log_files(logs, "events.log"), None, None, tmp_path / "events.csv")
    duckdb.connect().read_csv(str(tmp_path / "events.csv"), header=True, dtype=report.TYPES) \
        .write_parquet(str(tmp_path / "events.parquet"))
    assert report.main(["--logs", str(logs), "--out", str(tmp_path / "a")]) == 0
    assert report.main(["--events", str(tmp_path / "events.parquet"), "--out", str(tmp_path / "b")]) == 0
    for name in report.QUERIES:
        assert (tmp_path / "a/zh" / f"{name}.csv").read_bytes() == (tmp_path / "b/zh" / f"{name}.csv").read_bytes()
