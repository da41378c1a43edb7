"""The site's URL rules as a table, kept in tests/routes.txt so that no URL changes by
accident: tests/test_routes.py compares the app's rules with it.

    python -m tools.routes      # (`make routes`) rewrite tests/routes.txt after a change on purpose
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "routes.txt"
HEADER = ("# Every URL rule of the site: rule, methods, endpoint; sorted. Written by `make routes`;\n"
          "# tests/test_routes.py fails when the app's rules differ, so that none changes by accident.\n")
IMPLIED_METHODS = {"HEAD", "OPTIONS"}  # Flask adds them to every rule


def route_table(app) -> str:
    rows = sorted((rule.rule, ",".join(sorted(set(rule.methods) - IMPLIED_METHODS)), rule.endpoint)
                  for rule in app.url_map.iter_rules())
    return HEADER + "".join(f"{rule}  {methods}  {endpoint}\n" for rule, methods, endpoint in rows)


def main() -> None:
    from app import create_app
    from askfirst.config import TestConfig

    SNAPSHOT.write_text(route_table(create_app(TestConfig())), encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
