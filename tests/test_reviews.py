"""Review as the state of each piece: a page says "not reviewed yet" while any piece it shows
is unreviewed, or changed since its review; `review-status` names them; the review command
records only what can be reviewed.

Each test records reviews in a copy of content/ (and of translations/, where a catalog
changes), as a reviewer would with tools/translations.py, and starts the site on it.
"""

import shutil
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

from app import create_app
from askfirst import content_layout as layout
from askfirst import pieces, review_map, review_notice
from askfirst.config import ROOT, TestConfig
from conftest import check_page, compile_catalogs
from tools import translations

ROLE = "native speaker, health writer"
# A question only a sheet for the United States asks, and the help in one's own language
# that a sheet for Germany shows to a reader of another language (and the help page lists).
US_ONLY = "question server-risk-analysis-us"
GERMAN_LANGUAGE_HELP = "interpreters de"


def extract(template):
    """What `make extract` writes: every message of the code, into `template`."""
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "--no-location",
                    "-k", "_l", "-k", "lazy_gettext", "-k", "pgettext:1c,2", "-o", str(template), "."],
                   cwd=ROOT, check=True, capture_output=True)


# The tests' French is complete in every piece whatever the state of the real one
# (translators bring it up to date after each change of the English): its content is the
# English, stamped, and its catalog gives the English where the real one has no translation
# yet. What is under test is the review state, not the words.

def complete_french(folder):
    copy = folder / "content"
    shutil.copytree(layout.SHIPPED, copy)
    for english in layout.language_dir(copy, "en").iterdir():
        shutil.copy(english, layout.language_dir(copy, "fr") / english.name)
    translations.stamp("fr", copy)
    return copy


@pytest.fixture()
def content(tmp_path):
    return complete_french(tmp_path)


@pytest.fixture()
def catalogs(tmp_path):
    """A copy of translations/, brought up to date with the code as `make update` would, to
    edit as Weblate or Poedit would."""
    copy = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", copy, ignore=shutil.ignore_patterns("*.mo"))
    extract(copy / "messages.pot")
    po = copy / "fr" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    with (copy / "messages.pot").open("rb") as handle:
        catalog.update(read_po(handle))
    for message in catalog:
        if message.id and (message.fuzzy or not all(message.string if message.pluralizable else [message.string])):
            message.string, message.flags = message.id, set()
    with po.open("wb") as handle:
        write_po(handle, catalog)
    compile_catalogs(copy)
    return copy


def site(content, catalogs, **settings):
    """The site on this content and these catalogs, in English, French and German."""
    config = TestConfig()
    config.CONTENT_DIR, config.BABEL_TRANSLATION_DIRECTORIES = content, str(catalogs)
    config.LANGUAGES = ["en", "fr", "de"]
    for name, value in settings.items():
        setattr(config, name, value)
    return create_app(config).test_client()


def noticed(client, url, lang="fr") -> bool:
    """Whether the page says that a native speaker has not checked it."""
    page = check_page(client.get(url), status=404 if "no-such" in url else 200, lang=lang)
    return bool(page.select(".review-note"))


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_nothing_is_reviewed_yet_so_every_translated_page_says_so():
    for lang in translations.languages():
        report = translations.status_report(lang)
        assert report.startswith(f"{lang}: 0 reviewed, 0 stale, ")


# Every kind of page, on the web and in kiosk mode.
EVERY_KIND = ["/fr/", *(f"/fr/{name}" for name in layout.PAGES if name not in ("home", "help")),
              "/fr/rights?country=ca&province=on", "/fr/breach?country=de&land=by&operator=public",
              "/fr/check/country", "/fr/check/exam?country=fr", "/fr/check/review?country=fr&exam=ct",
              "/fr/sheet?country=fr&exam=ct&worry=rights", "/fr/sheet?country=es&exam=mri&more=1&also=en",
              "/fr/sheet?person=child&country=ca&province=on&exam=xray&worry=authorities",
              "/fr/rights?country=fr", "/fr/next-steps?person=other&country=us&state=tx&exam=ct",
              "/fr/next-steps?country=fr&exam=ct", "/fr/next-steps?country=fr&stage=followup&received=2026-11-01",
              "/fr/next-steps?country=gb&stage=complaint&received=2026-11-01",
              "/fr/poster", "/fr/poster?langs=en,es,fr,de,ar&for=clinic&country=fr", "/fr/tablet?country=de",
              "/fr/partners?link_lang=fr&country=fr", "/fr/no-such-page",
              "/kiosk/fr/", "/kiosk/fr/check/exam", "/kiosk/fr/why"]


def test_a_page_whose_every_piece_is_reviewed_and_current_has_no_notice(content, catalogs):
    everything = [name for name in pieces.sources(content, catalogs) if name not in (US_ONLY, GERMAN_LANGUAGE_HELP)]
    translations.review("fr", ROLE, everything, content=content, translations=catalogs)
    client = site(content, catalogs)
    assert [url for url in EVERY_KIND if noticed(client, url)] == []
    # The pieces not reviewed are on the American sheet (under "More questions" if not
    # higher), and on the German one and the help page.
    assert noticed(client, "/fr/sheet?country=us&exam=ct")
    assert noticed(client, "/fr/sheet?country=de&exam=ct")
    assert noticed(client, "/fr/help")
    # German is not reviewed at all; English is the source.
    assert noticed(client, "/de/why", lang="de")
    assert not noticed(client, "/en/why", lang="en")


def test_a_reviewed_piece_whose_english_changes_shows_the_notice_again(content, catalogs):
    translations.review("fr", ROLE, ["page why", "message *"], content=content, translations=catalogs)
    assert not noticed(site(content, catalogs), "/fr/why")
    append(layout.page_path(content, "en", "why"), "\nOne more sentence.\n")
    client = site(content, catalogs)
    assert noticed(client, "/fr/why")
    assert noticed(client, "/fr/about")  # never reviewed


def test_a_reviewed_message_edited_in_the_catalog_shows_the_notice_again(content, catalogs):
    translations.review("fr", ROLE, ["page why", "message *"], content=content, translations=catalogs)
    assert not noticed(site(content, catalogs), "/fr/why")
    edit(catalogs / "fr" / "LC_MESSAGES" / "messages.po", 'msgid "Skip to main content"\nmsgstr "',
         'msgid "Skip to main content"\nmsgstr "Aller au contenu : ')
    # (The page may still show the old words: Flask-Babel keeps a language's catalog for the
    # whole process, whichever app loaded it. The review state reads the catalog anew.)
    assert noticed(site(content, catalogs), "/fr/why")  # the layout's words are on every page
    report = translations.status_report("fr", content, catalogs)
    assert "    message Skip to main content  (native speaker, health writer, " in report
    assert "; the translation changed since)" in report


def test_review_status_names_what_is_reviewed_stale_and_unreviewed(content):
    translations.review("fr", ROLE, ["page why", "page home", "page help"], day="2027-01-12", content=content)
    append(layout.page_path(content, "en", "home"), "\nOne more sentence.\n")
    append(layout.page_path(content, "fr", "help"), "\nUne phrase de plus.\n")
    report = translations.status_report("fr", content).splitlines()
    total = len(pieces.sources(content))
    assert report[0] == f"fr: 1 reviewed, 2 stale, {total - 3} unreviewed (of {total} pieces)"
    reviewed, stale, unreviewed = (report.index(f"  {state}") for state in
                                   ("reviewed (1):", "stale (2):", f"unreviewed ({total - 3}):"))
    assert report[reviewed + 1:stale] == ["    page why  (native speaker, health writer, 2027-01-12)"]
    assert report[stale + 1:unreviewed] == [
        "    page home  (native speaker, health writer, 2027-01-12; the English changed since)",
        "    page help  (native speaker, health writer, 2027-01-12; the translation changed since)"]
    assert "    page about" in report[unreviewed:] and "    message Back" in report[unreviewed:]
    assert "    page why" not in report[unreviewed:]


def test_a_review_is_recorded_only_for_what_can_be_reviewed(content, capsys):
    refused = translations.ReviewRefused
    append(layout.page_path(content, "en", "why"), "\nOne more sentence.\n")  # French not yet brought up to date
    with pytest.raises(refused, match="page why \\(translated from older English: translate and stamp it first\\)"):
        translations.review("fr", ROLE, ["page *"], content=content)
    with pytest.raises(refused, match="no such piece: page nowhere"):
        translations.review("fr", ROLE, ["page about", "page nowhere"], content=content)
    with pytest.raises(refused, match="not who"):
        translations.review("fr", "reviewer@example.org", ["page about"], content=content)
    with pytest.raises(refused, match="'en' is not a translated language"):
        translations.review("en", ROLE, ["page about"], content=content)
    assert not layout.reviews_path(content, "fr").exists()  # nothing written
    assert translations.review("fr", ROLE, ["page about"], day="2027-01-12", content=content) == ["page about"]
    assert "- by: native speaker, health writer\n  day: '2027-01-12'\n  pieces:\n    page about: " in (
        layout.reviews_path(content, "fr").read_text(encoding="utf-8"))
    # Reviewed again: the latest review is the one that counts, and the older one empties.
    translations.review("fr", "native speaker, lawyer", ["page about", "page help"], day="2027-02-01", content=content)
    assert layout.reviews_path(content, "fr").read_text(encoding="utf-8").count("- by: ") == 1
    assert "    page about  (native speaker, lawyer, 2027-02-01)" in translations.status_report("fr", content)


# --- the map of what each kind of page shows ---------------------------------------------------

# A page of each kind, with the kind its view declares.
KINDS = [("/fr/why", "page"), ("/fr/", "page"), ("/fr/help", "page"), ("/fr/rights", "place-page"),
         ("/fr/rights?country=ca&province=on", "place-page"), ("/fr/breach?country=de&land=unsure", "place-page"),
         ("/fr/rights?country=us&state=ca", "place-page"),
         ("/fr/check/country", "step"), ("/fr/check/exam?country=fr", "step"),
         ("/fr/check/review?country=fr&exam=ct&worry=breach", "review"),
         ("/fr/sheet?country=us&exam=ct&channel=portal&setting=mobile&worry=sharing", "sheet"),
         ("/fr/sheet?country=de&land=by&operator=catholic&exam=mri&more=1", "sheet"),
         ("/fr/sheet?person=other&country=gb&exam=ct&worry=authorities", "sheet"),
         ("/fr/next-steps?country=fr&exam=ct&want=recipients&by=disc", "next-steps"),
         ("/fr/next-steps?person=child&country=us&state=tx&exam=ct", "next-steps"),
         ("/fr/next-steps?country=ca&province=on&stage=complaint&received=2026-11-01", "next-steps"),
         ("/fr/poster?for=clinic", "poster"),
         ("/fr/poster?langs=en,es,fr,de,ar&for=clinic&name=X&country=fr", "poster"),
         ("/fr/tablet", "place-page"), ("/fr/tablet?tablet_lang=es&country=ca&province=on", "place-page"),
         ("/fr/partners?link_lang=fr&country=fr", "partners"),
         ("/fr/no-such-page", "error")]


@pytest.fixture(scope="module")
def recording(tmp_path_factory):
    """A site that renders everything per request, and a record of the messages it translates
    in French and of the kind each page declares."""
    record = {"messages": set(), "screens": []}

    def keep(method, name_of):
        def recorded(self, *args):
            record["messages"].add(name_of(*args))
            return method(self, *args)
        return recorded

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Translations, "ugettext", keep(Translations.ugettext, lambda msgid: pieces.message(msgid)))
        patch.setattr(Translations, "ungettext", keep(Translations.ungettext,
                                                      lambda one, _more, _n: pieces.message(one)))
        patch.setattr(Translations, "upgettext", keep(Translations.upgettext,
                                                      lambda context, msgid: pieces.message(msgid, context)))
        declare = review_notice.shows
        patch.setattr(review_notice, "shows", lambda screen, *rest: (record["screens"].append(screen),
                                                                       declare(screen, *rest)))
        yield site(complete_french(tmp_path_factory.mktemp("recording")), pieces.TRANSLATIONS, PRERENDER=False), record


@pytest.mark.parametrize(("url", "kind"), KINDS)
def test_each_kind_of_page_counts_every_message_it_shows(recording, url, kind):
    """The notice can only be honest if review_map.py knows every word a page shows."""
    client, record = recording
    record["messages"].clear(), record["screens"].clear()
    check_page(client.get(url), status=404 if kind == "error" else 200, lang="fr")
    assert record["screens"][-1] == kind
    assert record["messages"], "nothing was recorded: is the French catalog still a babel Translations?"
    assert record["messages"] - review_map.screen_messages()[kind] == set()


def test_the_map_finds_the_messages_make_extract_finds(tmp_path):
    """review_map.py reads the files as `make extract` does."""
    extract(tmp_path / "messages.pot")
    every_file = [str(path.relative_to(ROOT)) for pattern in ("app.py", "askfirst/**/*.py", "templates/**/*.html")
                  for path in ROOT.glob(pattern)]
    found = set().union(*(review_map.file_messages(file) for file in every_file))
    assert found == set(pieces.catalog_sources(tmp_path))


def test_the_fast_yaml_emitter_hashes_as_the_stamps_were_made():
    """pieces.text_hash uses PyYAML's C emitter; the stamps in translated-from.yaml were made
    with the pure-Python one. Both must write every shipped piece alike."""
    import hashlib

    import yaml

    def pure(value):
        text = value if isinstance(value, str) else yaml.safe_dump(value, sort_keys=True, allow_unicode=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    for lang in layout.language_folders():
        for name, value in pieces.content_pieces(lang).items():
            assert pieces.text_hash(value) == pure(value), f"{lang}: {name}"
