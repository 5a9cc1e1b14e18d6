"""The built documentation in a real browser: nothing cut, no broken internal link, a working search.

``make docs-check`` builds the pages (``make docs``), then runs this script, which:

- checks every internal ``href``/``src`` of every page of ``docs/_build/html``: the file must
  exist and a ``#fragment`` must name an ``id`` of that file;
- serves the pages on a free port of 127.0.0.1 and opens each one in headless Chromium (Debian's
  ``chromium``, driven by Playwright) at a desktop and a phone width, and fails when the page is
  wider than the window, when a box clips or scrolls its content sideways (a code block or a
  table that would need a horizontal scroll bar), when content runs past the window's right
  edge, or when an image, a stylesheet or a script fails to load or raises;
- searches for a word through the search page and expects results;
- saves screenshots of the key pages at both widths in ``docs/_build/screenshots/`` for review.

Usage: ``python docs/_tools/browser_check.py [--html DIR] [--chromium PATH] [--screenshots DIR]``.
Exit status 0 when every page passes; 1 with the list of problems otherwise.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Error, Page, Response

DOCS = Path(__file__).resolve().parent.parent
HTML = DOCS / "_build" / "html"
SCREENSHOTS = DOCS / "_build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class Width:
    name: str
    width: int
    height: int
    mobile: bool


WIDTHS = (Width("1280", 1280, 900, mobile=False), Width("390", 390, 844, mobile=True))
KEY_PAGES = (
    "index.html",
    "backends/granian.html",
    "reference/checks.html",
    "reference/checks/granian.html",
    "choosing.html",
)
"""Screenshotted at every width (full page); the dark variant of the index at the first width."""
SEARCH_WORD = "workers"
# Directories of the build that hold assets, not pages.
NOT_PAGES = {"_static", "_sources", "_images", "_downloads", "screenshots"}


def pages(root: Path) -> list[str]:
    """Every HTML page of the build, as a path relative to ``root``."""
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if not NOT_PAGES & set(path.relative_to(root).parts[:-1])
    )


# ---------------------------------------------------------------------------------------------
# Internal links, read from the HTML files.


class _Links(HTMLParser):
    """The ids an HTML file defines and the internal references it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(str(attributes[name]))
        attribute = {"a": "href", "link": "href", "img": "src", "script": "src"}.get(tag)
        value = attributes.get(attribute) if attribute else None
        if value and _internal(value):
            self.references.append(value)


def _internal(reference: str) -> bool:
    parts = urlsplit(reference)
    return not parts.scheme and not parts.netloc and reference != "#"


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def link_problems(root: Path) -> list[str]:
    """References of the pages to a missing file, or to a missing ``#id`` of an existing page."""
    parsed: dict[Path, _Links] = {}

    def links(path: Path) -> _Links:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    problems = []
    for page in pages(root):
        source = root / page
        for reference in links(source).references:
            parts = urlsplit(reference)
            target = (source.parent / unquote(parts.path)).resolve() if parts.path else source
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or not target.is_relative_to(root.resolve()):
                problems.append(f"{page}: link to a missing file: {reference}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in links(target).ids:
                problems.append(f"{page}: link to a missing anchor: {reference}")
    return problems


# ---------------------------------------------------------------------------------------------
# Layout, measured in the browser.

# Returns one text per box that does not show all its content. Boxes inside one already
# reported are left out (a wide table is one problem, not one per cell).
LAYOUT_SCRIPT = """
() => {
  const doc = document.documentElement;
  const windowWidth = doc.clientWidth;
  const problems = [];
  const reported = [];
  const name = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += "#" + el.id;
    for (const cls of [...el.classList].slice(0, 2)) text += "." + cls;
    const section = el.closest("section[id]");
    return section ? `${text} in #${section.id}` : text;
  };
  const snippet = (el) => (el.innerText || el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60);
  if (doc.scrollWidth > windowWidth + 1) {
    problems.push(`the page is ${doc.scrollWidth}px wide in a ${windowWidth}px window`);
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (reported.some((outer) => outer.contains(el))) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden" || style.position === "fixed") continue;
    const box = el.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) continue;
    let problem = null;
    if (style.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1) {
      problem = `${name(el)} needs a horizontal scroll (${el.scrollWidth}px of content in ${el.clientWidth}px)`;
    } else if (box.left < windowWidth && box.right > windowWidth + 1) {
      problem = `${name(el)} runs ${Math.round(box.right - windowWidth)}px past the window's right edge`;
    }
    if (problem) {
      reported.push(el);
      problems.push(`${problem}: "${snippet(el)}"`);
    }
  }
  for (const image of document.images) {
    if (!image.complete || image.naturalWidth === 0) problems.push(`image not shown: ${image.src}`);
  }
  return problems;
}
"""


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """``root`` over HTTP on a free port of 127.0.0.1, for the time of the block."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _screenshot_name(page: str, width: Width, suffix: str = "") -> str:
    return f"{page.removesuffix('.html').replace('/', '-')}-{width.name}{suffix}.png"


def recorded_errors(page: Page) -> list[str]:
    """The script errors and failed loads of ``page``, as they happen (the caller clears the list)."""
    errors: list[str] = []

    def on_error(error: Error) -> None:
        errors.append(f"script error: {error}")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            errors.append(f"{response.status} for {response.url}")

    page.on("pageerror", on_error)
    page.on("response", on_response)
    return errors


def check_pages(browser: Browser, base: str, names: Sequence[str], shots: Path, key_pages: Sequence[str]) -> list[str]:
    """Open every page at every width, screenshot ``key_pages``; returns the problems found."""
    problems: list[str] = []
    for width in WIDTHS:
        context = browser.new_context(
            viewport={"width": width.width, "height": width.height},
            is_mobile=width.mobile,
            has_touch=width.mobile,
            color_scheme="light",
        )
        page = context.new_page()
        errors = recorded_errors(page)
        for name in names:
            errors.clear()
            page.goto(base + name, wait_until="load")
            found = [*errors, *page.evaluate(LAYOUT_SCRIPT)]
            problems += [f"{name} at {width.name} px: {problem}" for problem in found]
            if name in key_pages:
                page.screenshot(path=str(shots / _screenshot_name(name, width)), full_page=True)
        context.close()
    return problems


def dark_screenshot(browser: Browser, base: str, shots: Path) -> None:
    """The index in the dark color scheme (Furo follows the system's preference)."""
    width = WIDTHS[0]
    context = browser.new_context(viewport={"width": width.width, "height": width.height}, color_scheme="dark")
    page = context.new_page()
    page.goto(base + KEY_PAGES[0], wait_until="load")
    page.screenshot(path=str(shots / _screenshot_name(KEY_PAGES[0], width, "-dark")), full_page=False)
    context.close()


def search_problems(browser: Browser, base: str) -> list[str]:
    """The search page finds pages for a word every page set uses."""
    context = browser.new_context(viewport={"width": WIDTHS[0].width, "height": WIDTHS[0].height})
    page = context.new_page()
    page.goto(f"{base}search.html?q={SEARCH_WORD}", wait_until="load")
    try:
        page.wait_for_selector("#search-results ul.search li", timeout=15_000)
    except Exception:
        return [f"search.html: no result for {SEARCH_WORD!r} after 15 s"]
    finally:
        context.close()
    return []


def run(root: Path, chromium: str, shots: Path, key_pages: Sequence[str] = KEY_PAGES) -> list[str]:
    from playwright.sync_api import sync_playwright

    names = pages(root)
    problems = link_problems(root)
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    with serve(root) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            problems += check_pages(browser, base, names, shots, key_pages)
            problems += search_problems(browser, base)
            dark_screenshot(browser, base, shots)
        finally:
            browser.close()
    print(f"docs-check: {len(names)} pages at {', '.join(w.name + ' px' for w in WIDTHS)}; screenshots in {shots}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="browser_check.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, default=HTML, help="the built HTML (default: docs/_build/html)")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"the browser executable (default: {CHROMIUM})")
    parser.add_argument("--screenshots", type=Path, default=SCREENSHOTS, help="where screenshots go")
    parser.add_argument("--also", action="append", default=[], metavar="PAGE", help="screenshot PAGE too (a.html)")
    options = parser.parse_args(argv)
    if not (options.html / "index.html").is_file():
        print(f"docs-check: no built documentation in {options.html}: run `make docs` first", file=sys.stderr)
        return 1
    if not Path(options.chromium).is_file():
        print(f"docs-check: no browser at {options.chromium}: apt-get install chromium", file=sys.stderr)
        return 1
    started = time.monotonic()
    key_pages = (*KEY_PAGES, *options.also)
    problems = run(options.html.resolve(), options.chromium, options.screenshots, key_pages)
    seconds = time.monotonic() - started
    if problems:
        print(f"docs-check: {len(problems)} problem(s) in {seconds:.0f} s:", file=sys.stderr)
        for problem in problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    print(f"docs-check: no problem ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
