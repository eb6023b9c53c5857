"""Serve a built site with Debian's nginx and the site's own rules (site/_nginx.conf, written by
the build): what `make preview` runs, and what the browser and link tests talk to. What nginx
sends (redirects, error pages, cache policy, security headers) is decided when the site is built,
in publish/serving.py; this only runs it.

nginx runs from a configuration file of its own, in the foreground, with its pid and temporary
files in a folder it can write, so it needs neither /etc/nginx/nginx.conf nor a system service.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from helpcenter.publish.serving import EVENTS_LOG
from helpcenter.tools.system_packages import NEEDS, hint, missing

MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_path() -> str | None:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    return found if found and MODULE.exists() else None


def _quoted(path: Path) -> str:
    """A path as an nginx string: quoted, so that a folder name with a space stays one word."""
    return '"' + str(path).replace("\\", "\\\\").replace('"', '\\"') + '"'


def config(site: Path, port: int, work: Path, logs: Path, host: str = "127.0.0.1") -> str:
    """A whole nginx.conf serving `site` on host:port with the site's rules; readers' events and
    the access log (without the client's address or user agent) are written in `logs`."""
    temp = {name: _quoted(work / name) for name in ("client", "proxy", "fastcgi", "uwsgi", "scgi")}
    # The site's rules, with this preview's events log in place of the production one.
    rules = (site / "_nginx.conf").read_text(encoding="utf-8")
    (work / "site.conf").write_text(rules.replace(f" {EVENTS_LOG} ", f" {_quoted(logs / 'events.log')} "),
                                    encoding="utf-8")
    # As root, workers would drop to 'nobody', who may not read a site under a private folder.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    return f"""# Written by scripts/helpcenter/tools/nginx.py for a local preview.
{user}daemon off;
worker_processes 1;
pid {_quoted(work / "nginx.pid")};
error_log stderr warn;
load_module {_quoted(MODULE)};
events {{ worker_connections 256; }}
http {{
    include {_quoted(MIME_TYPES)};
    default_type application/octet-stream;
    types {{ application/manifest+json webmanifest; application/json map; }}
    log_format hc_access '- - [$time_local] "$request" $status $body_bytes_sent "-" "-"';
    access_log {_quoted(logs / "access.log")} hc_access;
    include {_quoted(site.resolve() / "_nginx_http.conf")};
    log_not_found off;
    sendfile on;
    client_body_temp_path {temp["client"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    server {{
        listen {host}:{port};
        server_name localhost;
        root {_quoted(site.resolve())};
        include {_quoted(work / "site.conf")};
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _command(site: Path, port: int, logs: Path | None) -> Iterator[list[str]]:
    """The command that runs nginx on the site, with its configuration in a folder of its own
    for as long as the block runs (and its logs there too, unless `logs` names a folder)."""
    binary = nginx_path()
    if binary is None:
        raise RuntimeError(hint(missing(NEEDS["preview"])))
    with tempfile.TemporaryDirectory(prefix="hc-nginx-") as folder:
        work = Path(folder)
        logs = logs or work
        logs.mkdir(parents=True, exist_ok=True)
        (work / "nginx.conf").write_text(config(site, port, work, logs), encoding="utf-8")
        yield [binary, "-c", str(work / "nginx.conf"), "-p", str(work)]


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def run_nginx(site: Path, port: int, logs: Path) -> int:
    """Run nginx on the site in the foreground until it stops (Ctrl-C, or SIGTERM: nginx is
    stopped and its folder removed either way), its logs in `logs`; its exit status."""
    with socket.socket() as probe:  # a port in use: one line, before nginx's own complaints
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise RuntimeError(f"port {port} is in use: stop what listens there, or choose another "
                               f"(PORT={port + 1} make preview)") from None
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with _command(site, port, logs) as command:
            process = subprocess.Popen(command)
            try:
                _wait_for(port, process)
                print(f"Serving {site}/ with nginx at http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
                return process.wait()
            except KeyboardInterrupt:
                return 0
            finally:
                if process.poll() is None:
                    process.terminate()
                    process.wait(timeout=10)
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def serve_with_nginx(site: Path, port: int | None = None, logs: Path | None = None) -> Iterator[str]:
    """Run nginx on the site until the block ends, its logs in `logs` (by default, gone with it);
    yields its base URL."""
    port = port or free_port()
    with _command(site, port, logs) as command:
        process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        try:
            _wait_for(port, process)
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = process.stderr.read().strip() if process.stderr else "see above"
            raise RuntimeError(f"nginx stopped: {said}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not answer on port {port}")
