"""Serve a built site on 127.0.0.1 the way a static host would (for browser tests and tools)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _Handler(SimpleHTTPRequestHandler):
    gzip_text = False

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip_text and wants_gzip and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().do_GET()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_directory(root: Path, gzip_text: bool = False):
    """Yield the base URL (http://127.0.0.1:PORT/) of a server for `root`; stop it on exit.

    With gzip_text, text files are sent gzip-compressed, as a production static host would.
    """
    handler = functools.partial(type("Handler", (_Handler,), {"gzip_text": gzip_text}),
                                directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
