"""Make docs/screenshot.png: the chat page with a cited answer, from the real index.

Run after `make index`:  .venv/bin/python docs/screenshot.py
Needs Debian's chromium (apt-get install chromium).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

QUESTION = "Ik zorg voor mijn zieke moeder in Leiderdorp, bij wie kan ik terecht?"
OUT = Path(__file__).with_name("screenshot.png")


def main() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    wegwijzer = Path(sys.executable).with_name("wegwijzer")
    server = subprocess.Popen([str(wegwijzer), "serve", "--port", str(port)], env={**os.environ, "HF_HUB_OFFLINE": "1"})
    try:
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1100, "height": 1000}, locale="nl-NL")
            page.goto(f"http://127.0.0.1:{port}/")
            page.fill("#question", QUESTION)
            page.click(".ask-form button[type=submit]")
            page.locator("#conversation article.turn:not(.pending) a.cite").first.wait_for(timeout=60_000)
            page.screenshot(path=str(OUT), full_page=True)
            browser.close()
    finally:
        server.terminate()
        server.wait()
    print(f"Wrote {OUT}")


if __name__ == "__main__":
    main()
