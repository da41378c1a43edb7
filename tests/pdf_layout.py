"""Measures sheets as WeasyPrint lays them out, in a process of its own, for
tests/test_pdf_print_fit.py: a test process must never load WeasyPrint (test_pdf_slots
checks that a page worker does not, in the same process). Tests only.

Reads documents from stdin, each as a line with its length in bytes and then the HTML;
writes one line of JSON for each: its page count, its smallest body text in points, and
each answer space's two lines (where the first is, and how much room is under it), in
CSS pixels."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from askfirst.pdf.engine import Engine  # noqa: E402  (after the path)

# Classes of the sheet's body text, and of the fine print that may be smaller (the source
# of a rights box, the disclaimer, the QR code's address).
BODY_TEXT = {"sheet-intro", "staff-note", "sheet-header", "ask", "explain", "rights", "law", "authorities"}
FINE_PRINT = {"source", "disclaimer", "made-by", "qr-block", "url"}
POINT = 96 / 72  # CSS pixels per point


def boxes(document):
    """Every box of every page, with the classes of its element and of the elements it is in."""
    def walk(box, inherited):
        own = set(((box.element.get("class") or "") if box.element is not None else "").split())
        yield box, inherited | own
        for child in getattr(box, "children", ()):
            yield from walk(child, inherited | own)

    for page in document.pages:
        yield from walk(page._page_box, set())


def measure(document) -> dict:
    laid = list(boxes(document))
    sizes = [box.style["font_size"] for box, names in laid
             if type(box).__name__ == "TextBox" and names & BODY_TEXT and not names & FINE_PRINT]
    spaces = []
    for box, names in laid:
        if "answer-space" in names and box.element_tag == "p" and type(box).__name__ == "BlockBox":
            # The line under the first line of writing (::before) and the box's own bottom line.
            first = next((child for child in box.children if child.element_tag == "p::before"), None)
            lines = [width for width in (box.border_bottom_width, first.border_bottom_width if first else 0) if width]
            spaces.append({"lines": len(lines), "first": first.border_height() if first else 0,
                           "rest": box.border_height() - (first.border_height() if first else 0)})
    return {"pages": len(document.pages), "smallest_pt": min(sizes) / POINT if sizes else None, "spaces": spaces}


def main() -> None:
    engine = Engine(str(ROOT / "static"))
    for line in sys.stdin.buffer:
        html = sys.stdin.buffer.read(int(line)).decode("utf-8")
        sys.stdout.write(json.dumps(measure(engine.layout(html))) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
