#!/usr/bin/env python3
"""Write a PNG screenshot of a page made by `kg viz`, once its layout has settled (or, with --page,
of the whole of a `kg report` page).

    .venv/bin/python scripts/screenshot.py exports/graph.html exports/graph.png [--width 1600 --height 1000]

Opens the page offline in headless Chromium (Debian's chromium, driven by Playwright). The same
function is kg.viz.browser.screenshot, and `kg viz ... --png FILE` does it in one step.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import KgError
from kg.viz.browser import page_screenshot, screenshot


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", type=Path, help="a page written by kg viz")
    parser.add_argument("png", type=Path, help="the screenshot to write")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--page", action="store_true",
                        help="a plain page (kg report): the whole length, with no network to settle")
    args = parser.parse_args(argv)
    try:
        shoot = page_screenshot if args.page else screenshot
        print(f"wrote {shoot(args.html, args.png, width=args.width, height=args.height)}")
    except KgError as err:
        print(f"screenshot: {err}", file=sys.stderr)
        return err.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
