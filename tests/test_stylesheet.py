"""The stylesheet mirrors for right-to-left scripts: logical properties only."""

import re

from askfirst.config import ROOT

PHYSICAL = re.compile(r"\b(margin|padding|border)-(left|right)\b|(?<![-\w])(left|right)\s*:|"
                      r"text-align:\s*(left|right)|float:\s*(left|right)")


def test_no_left_or_right_in_the_stylesheet():
    css = (ROOT / "static" / "style.css").read_text(encoding="utf-8")
    assert PHYSICAL.findall(css) == []
