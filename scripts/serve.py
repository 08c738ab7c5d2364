"""A static file server for dist/ on 127.0.0.1 that sends application/wasm
for .wasm (needed for streaming compilation) and, like any production web
server, gzip: a file's `.gz` twin (written by scripts/build-web) is sent with
`Content-Encoding: gzip` when the browser accepts it. Serves only files under
the folder; no directory listings.

Every response carries the headers docs/deployment.md asks a production
server to send: above all `Content-Security-Policy: frame-ancestors`, which
browsers ignore in the page's <meta> policy, so only a header stops another
site from framing the checker (clickjacking). The frame ancestors are
`'none'` unless YEKUO_FRAME_ANCESTORS names others (e.g. "'self'
https://portal.example.cn").

Usage: serve.py DIR PORT"""
import http.server
import os
import sys
from functools import partial

FRAME_ANCESTORS = os.environ.get("YEKUO_FRAME_ANCESTORS", "'none'")

# The page's <meta> policy still governs scripts, styles and connections; a
# header policy is enforced alongside it, so this one adds only what a meta
# policy cannot say, plus the restrictions that must hold even if the page's
# markup were replaced.
HEADERS = {
    "Content-Security-Policy": f"frame-ancestors {FRAME_ANCESTORS}; object-src 'none'; base-uri 'none'; form-action 'none'",
    "X-Frame-Options": "DENY" if FRAME_ANCESTORS == "'none'" else "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
    }

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        gz = path + ".gz"
        if "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(gz):
            f = open(gz, "rb")
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return f
        return super().send_head()

    def list_directory(self, path):
        self.send_error(404)

    def end_headers(self):
        for name, value in HEADERS.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    folder, port = sys.argv[1], int(sys.argv[2])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=folder))
    print(f"serving {folder} on http://127.0.0.1:{port}/", flush=True)
    server.serve_forever()
