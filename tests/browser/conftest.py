"""Headless Chromium for the page tests: one browser for the session, pages opened offline.

A missing Chromium or Playwright fails these tests with a message saying what to install; it
never skips them (CI installs Chromium through scripts/system-deps.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.sources import load_dataset
from kg.viz import build_view, write_html
from kg.viz.browser import BrowserError, PageLog, open_browser, open_page, wait_until_settled

FIXTURE = Path(__file__).parent.parent / "fixtures" / "viz.trig"

# name -> (view, max_nodes): the pages the tests open, written once per session
PAGES = {
    "full": ("full", None),
    "actors": ("actors", None),
    "guterres": ("actor:غوتيريش", None),
    "cut": ("full", 10),
}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        with open_browser() as chromium:
            yield chromium
    except BrowserError as err:
        pytest.fail(f"the browser tests need headless Chromium and Playwright: {err}", pytrace=False)


@pytest.fixture(scope="session")
def dataset():
    return load_dataset([FIXTURE])


@pytest.fixture(scope="session")
def views(dataset) -> dict[str, Any]:
    return {name: build_view(dataset, view, max_nodes=cut) for name, (view, cut) in PAGES.items()}


@pytest.fixture(scope="session")
def pages(views, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    return {name: write_html(view, folder / f"{name}.html") for name, view in views.items()}


@pytest.fixture
def open_settled(browser):
    """Open a page offline and wait for its physics to stop: `open_settled(path) -> (page, log)`."""
    opened = []

    def opener(path: Path) -> tuple[Any, PageLog]:
        context = open_page(browser, path)
        page, log = context.__enter__()
        opened.append(context)
        wait_until_settled(page, timeout_s=60)
        return page, log

    yield opener
    for context in reversed(opened):
        context.__exit__(None, None, None)

