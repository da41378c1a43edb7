"""Parts of the question sheet that are the same for everyone, rendered once at start-up.

Each question's block and each country's rights box depend only on the language, so a
sheet is assembled from them instead of rendering ~15 blocks per request. Everything
is rendered up front, not on first use: a cache filled by requests would keep a trace
of which questions and countries people asked about.
"""

from flask import Flask, g, render_template
from markupsafe import Markup

from .bank import TOPICS
from .content import Library
from .i18n import lazy_gettext as _l
from .labels import TOPIC_TITLES
from .places import COUNTRY_CODES
from .sheet import rights_box

# The words of the link button that partners put on their sites, in the link's language.
LINK_BUTTON_TEXT = _l("Questions to ask before your scan")


class SheetFragments:
    def __init__(self, app: Flask, library: Library):
        self._html: dict[tuple[str, str, str], Markup] = {}
        for lang in app.config["LANGUAGES"]:
            with app.test_request_context(f"/{lang}/"):
                g.lang = lang
                self._html["poster", "words", lang] = Markup(render_template("parts/poster_block.html"))
                self._html["button", "text", lang] = Markup.escape(str(LINK_BUTTON_TEXT))
                for topic in TOPICS:
                    self._html["topic", topic, lang] = Markup.escape(str(TOPIC_TITLES[topic]))
                for question in library.bank:
                    texts = library.question(question.id, lang)
                    self._html["question", question.id, lang] = Markup(render_template(
                        "sheet/question.html", qid=question.id, texts=texts))
                    # The same question for the clinic's reader, beside the patient's.
                    self._html["echo", question.id, lang] = Markup(render_template(
                        "sheet/question_echo.html", texts=texts))
                for country in COUNTRY_CODES:  # every country, plus "other" and "unsure"
                    box = rights_box(library, {"country": (country,)}, lang)
                    self._html["rights", country, lang] = Markup(render_template("sheet/rights.html", box=box))

    def poster(self, lang: str) -> Markup:
        """The poster's words in one language (a poster may show several)."""
        return self._html["poster", "words", lang]

    def button_text(self, lang: str) -> Markup:
        return self._html["button", "text", lang]

    def topic(self, topic: str, lang: str) -> Markup:
        return self._html["topic", topic, lang]

    def question(self, qid: str, lang: str) -> Markup:
        return self._html["question", qid, lang]

    def echo(self, qid: str, lang: str) -> Markup:
        """The question in a second language, without its own tick box or answer line."""
        return self._html["echo", qid, lang]

    def rights(self, country: str, lang: str) -> Markup:
        return self._html["rights", country, lang]
