"""Translations: every catalog complete and valid, no content stale, honesty about review."""

import os
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from askfirst import content_layout as layout
from askfirst.config import ROOT, SHIPPED_LANGUAGES
from askfirst.i18n import gettext_locale
from tools import translations

TRANSLATED = [code for code in SHIPPED_LANGUAGES if code != "en"]


def catalog(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def msgids(cat):
    return {(message.context, message.id) for message in cat if message.id}


@pytest.fixture(scope="module")
def template():
    return catalog(ROOT / "translations" / "messages.pot")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_is_complete_and_valid(template, lang):
    cat = catalog(ROOT / "translations" / gettext_locale(lang) / "LC_MESSAGES" / "messages.po")
    assert msgids(cat) == msgids(template), "run `make update`, then translate the new entries"
    untranslated = [m.id for m in cat if m.id and not m.string]
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    errors = [(m.id, [str(e) for e in errs]) for m, errs in cat.check()]
    assert not untranslated, f"{lang}: untranslated {untranslated}"
    assert not fuzzy, f"{lang}: fuzzy {fuzzy}"
    assert not errors, f"{lang}: {errors}"


def test_template_holds_every_string_in_the_code(template, tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "--no-location", "-k", "_l", "-k", "lazy_gettext", "-k", "pgettext:1c,2",
                    "-o", str(fresh), "."], cwd=ROOT, check=True, capture_output=True)
    assert msgids(catalog(fresh)) == msgids(template), "run `make update`"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_translated_text_is_older_than_its_english(lang):
    assert translations.stale(lang) == []


def test_a_changed_english_text_is_reported_stale(tmp_path):
    import shutil
    for lang in ("en", "es"):
        shutil.copytree(layout.language_dir(layout.SHIPPED, lang), layout.language_dir(tmp_path, lang))
    why = layout.page_path(tmp_path, "en", "why")
    why.write_text(why.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert translations.stale("es", tmp_path) == [
        "es: page why is stale (the English changed after it was translated)"]
    translations.stamp("es", tmp_path)
    assert translations.stale("es", tmp_path) == []


def test_unreviewed_language_says_so_and_links_to_english(fetch):
    page = fetch("/es/why?", lang="es")
    note = page.one(".review-note")
    assert note.a["href"] == "/en/why"
    assert note.a["hreflang"] == "en"
    assert not fetch("/en/why").select(".review-note")


def test_review_note_keeps_the_answers(fetch):
    page = fetch("/es/check/exam?country=es&exam=mri", lang="es")
    assert page.one(".review-note a")["href"] == "/en/check/exam?country=es&exam=mri"


def test_a_missing_or_older_compiled_catalog_is_compiled_again(tmp_path):
    from babel.messages.mofile import read_mo

    from conftest import compile_catalogs
    po = ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.po"
    copy = tmp_path / "es" / "LC_MESSAGES" / "messages.po"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(po.read_bytes())
    mo = copy.with_suffix(".mo")
    assert compile_catalogs(tmp_path) == [mo]  # missing
    # Babel reads a context back from a .mo as bytes, and a plural's forms as a list or tuple.
    def key(message):
        context = message.context.decode() if isinstance(message.context, bytes) else message.context
        return context, tuple(message.id) if isinstance(message.id, list | tuple) else message.id

    def text(message):
        return tuple(message.string) if isinstance(message.string, list | tuple) else message.string

    with open(mo, "rb") as handle:
        compiled = {key(m): text(m) for m in read_mo(handle) if m.id}
    assert compiled == {key(m): text(m) for m in catalog(po) if m.id and not m.fuzzy}
    assert compile_catalogs(tmp_path) == []  # up to date
    os.utime(copy, (mo.stat().st_mtime + 10,) * 2)
    assert compile_catalogs(tmp_path) == [mo]  # the .po changed since
