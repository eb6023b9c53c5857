"""Readers' events under load, measured on demand (printed, not asserted):

1. nginx as the collector: a bounded number of events (50,000) sent from several connections at
   once as fast as this machine's client goes, the per-address rate limit lifted for the run;
   then the events log must hold one line per event nginx accepted (204).
2. The report over one million synthetic events: its time and peak memory.

    python -m helpcenter benchmark-events [--events 50000] [--connections 8] [--report-events 1000000]
"""

from __future__ import annotations

import http.client
import json
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

from helpcenter import urls
from helpcenter.publish.serving import nginx_http_conf
from helpcenter.tools import build_site, command_parser
from helpcenter.tools.nginx import serve_with_nginx


def _sender(base: str, count: int, times: list[float], statuses: list[int]) -> None:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    for i in range(count):
        event = {"type": "search", "query": f"分期 {i % 500}", "causes": i % 4, "uncovered": i % 7 == 0,
                 "opened": None, "rank": None, "lang": "zh"}
        started = time.perf_counter()
        try:
            connection.request("GET", f"{parts.path}{urls.EVENTS}?e={quote(json.dumps(event))}")
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
        except OSError:  # counted as not accepted; the next event goes on a new connection
            statuses.append(0)
            connection.close()
        times.append(time.perf_counter() - started)
    connection.close()


def load(total: int, connections: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site, logs = Path(tmp) / "site", Path(tmp) / "logs"
        build_site(site)
        # The rate limit would turn this run into a test of the limit: lifted, for capacity.
        (site / "_nginx_http.conf").write_text(nginx_http_conf(rate="1000000r/s"), encoding="utf-8")
        times: list[float] = []
        statuses: list[int] = []
        with serve_with_nginx(site, logs=logs) as base:
            share = [total // connections + (i < total % connections) for i in range(connections)]
            threads = [threading.Thread(target=_sender, args=(base, n, times, statuses)) for n in share]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
        lines = (logs / "events.log").read_text(encoding="utf-8").splitlines()
        accepted = statuses.count(204)
        times.sort()
        p99 = times[int(len(times) * 0.99) - 1] * 1000
        print(f"nginx collector: {total:,} events over {connections} connections in {elapsed:.1f} s: "
              f"{total / elapsed:,.0f} events/s; p50 {times[len(times) // 2] * 1000:.2f} ms, p99 {p99:.2f} ms; "
              f"accepted (204) {accepted:,}, failed {statuses.count(0):,}, lines written {len(lines):,}: "
              f"{'equal' if accepted == len(lines) else 'DIFFERENT'}")


def synthetic(path: Path, count: int) -> None:
    """`count` event lines, as nginx writes them, in a mix like readers' (searches the most)."""
    rng = random.Random(7)
    codes = [f"FQ-0{i}" for i in range(1, 7)]
    with path.open("w", encoding="utf-8") as stream:
        for _ in range(count):
            kind = rng.random()
            if kind < 0.6:
                event = {"type": "search", "query": f"分期 问题 {rng.randrange(3000)}", "causes": rng.randrange(5),
                         "uncovered": rng.random() < 0.1, "opened": None, "rank": rng.choice([None, 1, 2, 3])}
            elif kind < 0.85:
                event = {"type": "feedback", "page": rng.choice(codes), "vote": rng.choice(["yes", "no"]),
                         "reason": rng.choice([None, "not-my-situation", "hard-to-understand"])}
            else:
                event = {"type": "tree", "end": rng.choice([*codes, "check", "support"]),
                         "answers": ["q-account:no", "q-region:yes"]}
            event["lang"] = rng.choice(["zh", "zh", "zh", "en"])
            day = f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T10:00:00+08:00"
            stream.write(json.dumps({"time": day, "limit": "PASSED", "event": quote(json.dumps(event))}) + "\n")


def report_at_scale(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        logs = Path(tmp) / "logs"
        logs.mkdir()
        synthetic(logs / "events.log", count)
        size = (logs / "events.log").stat().st_size
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "helpcenter", "report", "--logs", str(logs),
                                 "--out", str(Path(tmp) / "report")], capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"report: {count:,} synthetic events ({size / 1e6:.0f} MB of log) in {elapsed:.1f} s, "
          f"peak memory {peak:.0f} MB; it said: {result.stdout.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("benchmark-events", __doc__)
    parser.add_argument("--events", type=int, default=50_000, help="events for the nginx load test")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--report-events", type=int, default=1_000_000, help="synthetic events for the report")
    args = parser.parse_args(argv)
    load(args.events, args.connections)
    report_at_scale(args.report_events)
    return 0
