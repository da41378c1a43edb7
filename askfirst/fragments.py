"""Parts of the question sheet that are the same for everyone, rendered once at start-up.

Each question's block and each country's rights box depend only on the language, so a
sheet is assembled from them instead of rendering ~15 blocks per request. Everything
is rendered up front, not on first use: a cache filled by requests would keep a trace
of which questions and countries people asked about.
"""

from flask import Flask, g, render_template
from markupsafe import Markup

from .answers import REGION_OF_COUNTRY
from .content import Library
from .sheet import rights_box


class SheetFragments:
    def __init__(self, app: Flask, library: Library):
        self._html: dict[tuple[str, str, str], Markup] = {}
        for lang in app.config["LANGUAGES"]:
            with app.test_request_context(f"/{lang}/"):
                g.lang = lang
                for question in library.bank:
                    self._html["question", question.id, lang] = Markup(render_template(
                        "sheet/question.html", qid=question.id, texts=library.question(question.id, lang)))
                for country in REGION_OF_COUNTRY:  # every country, plus "other" and "unsure"
                    box = rights_box(library, {"country": (country,)}, lang)
                    self._html["rights", country, lang] = Markup(render_template("sheet/rights.html", box=box))

    def question(self, qid: str, lang: str) -> Markup:
        return self._html["question", qid, lang]

    def rights(self, country: str, lang: str) -> Markup:
        return self._html["rights", country, lang]
