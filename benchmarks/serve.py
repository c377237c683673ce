"""Serve a built site on 127.0.0.1 the way a static host does: gzip for text, caching headers.

Python's http.server sends every file uncompressed, which would make Lighthouse measure a
site several times heavier than GitHub Pages serves it.
"""

from __future__ import annotations

import gzip
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")


class Handler(SimpleHTTPRequestHandler):
    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in TEXT):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    port, root = int(sys.argv[1]), sys.argv[2]
    ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=root)).serve_forever()


if __name__ == "__main__":
    main()
