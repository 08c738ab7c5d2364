"""Makes the single-file kiosk build: one HTML file with the wasm (gzip,
base64), its JS glue, the styles, rules and calendar inside, opening from
file:// with no server and no network.

It carries the kiosk copy's module (yekuo-www built with the `kiosk`
feature, issue 16): the start bundle's pages for a kiosk. A passer-by gets
the homeowner's questions and answer (what to bring, how long, their
rights), tapped, with nothing to type, in big type, wiped when idle or
finished. The full form and the contractor question, which the served
site's kiosk reaches through the full app, are not in this copy; it says
where to ask instead (www/src/view/answer.rs `goes_beyond`). That keeps
the file at about half the full app's size (docs/performance.md).

It is always the kiosk: the module is built as one, and the page says so
too (`data-mode`, which the wipe reads), so `?mode=clerk` in the address
bar cannot turn it into an autosaving form on a shared machine.

The Content-Security-Policy stays strict: the one inline script and the one
inline style are allowed by their SHA-256 hashes, not by 'unsafe-inline'.
The wasm sits in a non-executable <script type="application/octet-stream">
data block, which CSP does not govern.

Usage: build_single.py DIST_DIR KIOSK_PKG_DIR OUT_FILE
"""
import base64
import gzip
import hashlib
import sys
from pathlib import Path

dist, pkg, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
page = (dist / "index.html").read_text(encoding="utf-8")
glue = (pkg / "yekuo_kiosk.js").read_text(encoding="utf-8")
css = (dist / "style.css").read_text(encoding="utf-8")
wasm = (pkg / "yekuo_kiosk_bg.wasm").read_bytes()
packed = base64.b64encode(gzip.compress(wasm, compresslevel=9, mtime=0)).decode("ascii")

# The glue is an ES module: it stays one, with the start code appended.
script = glue + """
// Single-file start: unpack the wasm carried in the page and run it.
{
  const text = document.getElementById('yekuo-wasm').textContent.trim();
  const packed = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  const bytes = await new Response(stream).arrayBuffer();
  await __wbg_init({ module_or_path: bytes });
}
"""


def sha(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


csp = (
    "default-src 'none'; script-src " + sha(script) + " 'wasm-unsafe-eval'; style-src " + sha(css)
    + "; img-src data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'"
)


def replace_once(text, old, new):
    assert text.count(old) == 1, f"index.html changed: {old!r} not found exactly once"
    return text.replace(old, new)


start = page.index('<meta http-equiv="Content-Security-Policy"')
end = page.index(">", start) + 1
page = page[:start] + f'<meta http-equiv="Content-Security-Policy" content="{csp}">' + page[end:]
# The page's own markup is edited first, then the inlined parts go in, so a
# string inside the glue can never be mistaken for markup.
assert "</script" not in script.lower() and "</style" not in css.lower()
page = replace_once(page, '<link rel="manifest" href="./manifest.webmanifest">\n', "")
page = replace_once(page, '<div id="app">', '<div id="app" data-mode="kiosk">')
page = replace_once(page, "</body>", '<script type="application/octet-stream" id="yekuo-wasm">\nWASM\n</script>\n</body>')
page = replace_once(page, '<link rel="stylesheet" href="./style.css">', "<style>CSS</style>")
page = replace_once(page, '<script type="module" src="./boot.js"></script>', '<script type="module">SCRIPT</script>')
page = page.replace("\nWASM\n", f"\n{packed}\n").replace("<style>CSS</style>", f"<style>{css}</style>")
page = page.replace('<script type="module">SCRIPT</script>', f'<script type="module">{script}</script>')
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(page, encoding="utf-8")
