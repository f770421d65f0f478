"""Opening a generated page in headless Chromium, offline: for screenshots, tests and benchmarks.

Uses Playwright for Python with the system's Chromium (Debian's `chromium`); it never downloads
a browser. Every http(s) request the page tries is aborted and recorded, so a caller can check
that none was made.

    from kg.viz.browser import screenshot
    screenshot("exports/graph.html", "exports/graph.png")
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError, UsageError

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = (
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-default-apps",
    "--disable-extensions", "--mute-audio",
)


class BrowserError(KgError):
    """Headless Chromium or Playwright is missing, or the page did not load or settle."""


def find_chromium() -> str:
    """The Chromium to drive: $KG_CHROMIUM, else the usual system paths, else `chromium` on PATH."""
    given = os.environ.get("KG_CHROMIUM")
    if given:
        if not Path(given).is_file():
            raise BrowserError(f"KG_CHROMIUM={given}: no such file")
        return given
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise BrowserError(
        "no Chromium found (looked at $KG_CHROMIUM, " + ", ".join(CHROMIUM_CANDIDATES)
        + " and PATH); install Debian's chromium: apt-get install chromium (scripts/system-deps.sh does)"
    )


@dataclass
class PageLog:
    """What happened while a page was open: console errors, uncaught errors, blocked requests, dialogs."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@contextmanager
def open_browser() -> Iterator[Any]:
    """A headless Chromium (a Playwright Browser), closed on exit."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        raise BrowserError("Playwright for Python is not installed: pip install playwright "
                           "(kg uses the system Chromium; no `playwright install` is needed)") from err
    executable = find_chromium()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        except PlaywrightError as err:
            raise BrowserError(f"{executable}: Chromium did not start ({str(err).splitlines()[0]})") from err
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser: Any, html: str | Path, *, width: int = 1400, height: int = 900) -> Iterator[tuple[Any, PageLog]]:
    """Open a generated page from file:// with the network cut off; yields (page, log)."""
    path = Path(html).resolve()
    if not path.is_file():
        raise UsageError(f"{path}: no such page")
    log = PageLog()
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ar",
                                  service_workers="block")

    def refuse(route: Any) -> None:
        url = route.request.url
        if url.startswith("file:") or url.startswith("data:"):
            route.continue_()
        else:
            log.blocked_requests.append(url)
            route.abort("internetdisconnected")

    context.route("**/*", refuse)
    page = context.new_page()
    page.on("console", lambda message: log.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))

    def on_dialog(dialog: Any) -> None:
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        page.goto(path.as_uri(), wait_until="load")
        yield page, log
    finally:
        context.close()


def wait_until_settled(page: Any, timeout_s: float = 120.0) -> float:
    """Wait for the layout to settle (physics stopped); returns the page's own time to settle, in ms.

    Polls with plain evaluations: Playwright's wait_for_function takes seconds per call on a page
    holding a large graph (13 s on a settled 5k-node page), and evaluates expressions with eval(),
    which the page's Content-Security-Policy forbids."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate("() => Boolean(window.kgViz && window.kgViz.isSettled())"):
        if time.monotonic() > deadline:
            raise BrowserError(f"the network did not settle within {timeout_s:.0f} s")
        time.sleep(0.1)  # not page.wait_for_timeout, which also lags seconds behind on large pages
    return float(page.evaluate("() => window.kgViz.settledAfterMs()"))


def screenshot(html: str | Path, png: str | Path, *, width: int = 1600, height: int = 1000,
               timeout_s: float = 180.0, browser: Any = None) -> Path:
    """Open a generated page offline in headless Chromium, wait until its physics has stopped, and
    write a PNG screenshot of it (`width` x `height` pixels). Starts its own Chromium unless given
    a Playwright `browser`. Raises BrowserError if the page fails to draw or settle."""
    if browser is None:
        with open_browser() as own:
            return screenshot(html, png, width=width, height=height, timeout_s=timeout_s, browser=own)
    png = Path(png)
    with open_page(browser, html, width=width, height=height) as (page, log):
        try:
            wait_until_settled(page, timeout_s)
        except Exception as err:  # ours for a timeout, or Playwright's when the page broke
            problems = "; ".join(log.page_errors + log.console_errors) or str(err).splitlines()[0]
            raise BrowserError(f"{html}: the network did not settle ({problems})") from err
        if log.page_errors:
            raise BrowserError(f"{html}: the page raised: {log.page_errors[0]}")
        page.wait_for_timeout(150)  # one more frame after physics stopped
        data = page.screenshot()
    from kg.atomic import write_output

    return write_output(png, data, "the screenshot")  # whole or not at all


def page_screenshot(html: str | Path, png: str | Path, *, width: int = 1200, height: int = 900,
                    browser: Any = None) -> Path:
    """A screenshot of a plain page (the `kg report` page: nothing to settle), whole length."""
    if browser is None:
        with open_browser() as own:
            return page_screenshot(html, png, width=width, height=height, browser=own)
    with open_page(browser, html, width=width, height=height) as (page, log):
        page.wait_for_load_state("load")
        if log.page_errors:
            raise BrowserError(f"{html}: the page raised: {log.page_errors[0]}")
        data = page.screenshot(full_page=True)
    from kg.atomic import write_output

    return write_output(png, data, "the screenshot")
