"""Serve a built site on 127.0.0.1 as a plain static host would, with no configuration: files as
they are, and the nearest 404.html for a missing path (the tests' "plain host", the injection
test's poisoned build, screenshots and the search benchmark). The production rules are nginx's
(nginx.py)."""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.exists(path):
            error_page = self.nearest_error_page(path)
            if error_page:
                return self.send_file(error_page, 404)
        return super().do_GET()

    def nearest_error_page(self, path: str) -> str | None:
        """The 404.html nearest to a missing path (en/x/ -> en/404.html), as static hosts such
        as Cloudflare Pages look it up; None when the site has none."""
        root = Path(self.directory).resolve()
        folder = Path(path).resolve().parent
        while folder == root or root in folder.parents:
            if (folder / "404.html").is_file():
                return str(folder / "404.html")
            folder = folder.parent
        return None

    def send_file(self, path: str, status: int) -> None:
        body = Path(path).read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_directory(root: Path):
    """Yield the base URL (http://127.0.0.1:PORT/) of a server for `root`; stop it on exit."""
    handler = functools.partial(_Handler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
