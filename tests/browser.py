"""Shared pieces of the browser tests: the site served on a free local port, and Debian's
Chromium driven by Playwright (Playwright's own browser download is not used)."""

import contextlib
import importlib.resources
import shutil
import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

# Flags for a root user in a closed network: no sandbox, no calls home, no GPU.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_SOURCE = (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
RUN_AXE = """async ([tags, off]) => {
  const rules = Object.fromEntries(off.map(id => [id, {enabled: false}]));
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}"""


@contextlib.contextmanager
def serving(app):
    """The app on a free local port, in a thread, for as long as the block runs."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def live_server(app):
    with serving(app) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium is missing: `make test` installs it (Debian package chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def axe_violations(page, rules_off=(), inject=True) -> list[str]:
    """axe-core's WCAG A and AA violations on the page as it is now. `inject=False` runs
    it again on a page it was put into already (after a resize, say)."""
    if inject:
        page.evaluate(AXE_SOURCE)  # through DevTools, so the page's strict CSP does not block it
    return page.evaluate(RUN_AXE, [WCAG_TAGS, list(rules_off)])
