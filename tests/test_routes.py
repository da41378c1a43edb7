"""No URL changes by accident: the app's rules match the snapshot in tests/routes.txt."""

import difflib

import pytest

from tools.routes import SNAPSHOT, route_table


def test_no_url_changes_by_accident(app):
    kept, current = SNAPSHOT.read_text(encoding="utf-8"), route_table(app)
    if current != kept:
        diff = "".join(difflib.unified_diff(kept.splitlines(keepends=True), current.splitlines(keepends=True),
                                            "tests/routes.txt", "the app's routes"))
        pytest.fail(f"The site's URLs differ from tests/routes.txt:\n{diff}\n"
                    "If the change is on purpose, run `make routes` and commit tests/routes.txt.", pytrace=False)
