"""Law citations inside right-to-left text read left to right, in the order they are written.

Without isolation the bidi algorithm splits "45 CFR §164.524" into a number and a Latin run
and lays them out right to left: a reader sees "CFR §164.524 45". AskFirst isolates each
Latin run of a right-to-left text (askfirst/content.py, LATIN_RUN): with <bdi dir="ltr"> in
texts shown as HTML, with Unicode's isolates (LRI ... PDI) in the letters, which are also
e-mailed and put in a calendar file.
"""

import re

import pytest

from askfirst.content import LRI, PDI, isolate_plain, latin_runs, render_inline
from askfirst.i18n import direction
from browser import serving
from conftest import LANGUAGES, check_page

RIGHT_TO_LEFT = [lang for lang in LANGUAGES if direction(lang) == "rtl"]

# Where a substring lies on screen: the left edge of its first and of its last character.
EDGES = """([selector, text]) => {
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let node, whole = '', nodes = [];
    while ((node = walker.nextNode())) { nodes.push([node, whole.length]); whole += node.data; }
    const at = whole.indexOf(text);
    if (at < 0) continue;
    const rect = index => {
      const [n, start] = nodes.filter(([n, s]) => s <= index).pop();
      const range = document.createRange();
      range.setStart(n, index - start); range.setEnd(n, index - start + 1);
      return range.getBoundingClientRect();
    };
    const first = rect(at), last = rect(at + text.length - 1);
    return {first: first.left, last: last.left, sameLine: Math.abs(first.top - last.top) < 2};
  }
  return null;
}"""


def written_runs(text: str) -> list[str]:
    """The Latin runs of a text as written, without the isolates around them."""
    bare = text.replace(LRI, "").replace(PDI, "")
    return [bare[start:end] for start, end in latin_runs(bare)]


def test_latin_runs_are_whole_citations_not_lone_words_or_numbers():
    text = "يحق لك (45 CFR §164.524(c)(2)) خلال 30 يومًا وفق UK GDPR، لا HIPAA، والقضية C-154/21."
    runs = [text[start:end] for start, end in latin_runs(text)]
    assert runs == ["45 CFR §164.524(c)(2)", "UK GDPR", "C-154/21"]
    assert isolate_plain("انظر 45 CFR §164.524.") == f"انظر {LRI}45 CFR §164.524{PDI}."
    assert str(render_inline("وفق Art. 15(3) GDPR.", right_to_left=True)) == 'وفق <bdi dir="ltr">Art. 15(3) GDPR</bdi>.'
    # Left-to-right languages need none: their text stays as written.
    assert "<bdi" not in str(render_inline("article 15, paragraphe 3, du RGPD (45 CFR §164.524)"))


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
def test_citations_in_right_to_left_pages_are_isolated(client, lang):
    page = check_page(client.get(f"/{lang}/rights?country=us"), lang=lang)
    main = page.one("main")
    for bdi in main.select("bdi"):
        bdi.decompose()
    left_bare = [main_text for main_text in (node.strip() for node in main.find_all(string=True)) if main_text
                 for start, end in latin_runs(main_text) if any(char.isdigit() for char in main_text[start:end])]
    assert left_bare == [], "citations with numbers left to the bidi algorithm"


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
def test_the_letters_legal_line_isolates_its_citations_in_the_text_that_is_sent(client, lang):
    page = check_page(client.get(f"/{lang}/next-steps?country=fr&exam=ct"), lang=lang)
    legal = page.one(f'section.letter[lang="{lang}"] .letter-legal').get_text()
    assert written_runs(legal), "the EU letter's legal line cites the Court's cases (C-154/21)"
    outside = re.sub(f"{LRI}[^{PDI}]*{PDI}", " ", legal)
    assert [run for run in written_runs(outside) if re.search(r"\d", run)] == []
    mail = page.one(f'section.letter[lang="{lang}"] a[href^="mailto:"]')["href"]
    assert "%E2%81%A6" in mail and "%E2%81%A9" in mail  # the isolates go into the e-mail too


@pytest.mark.parametrize("path, where, citation, reads", [
    ("/ar/rights?country=us", "main", "45 CFR §164.524", "ltr"),  # a page, from Markdown
    ("/ar/next-steps?country=us&person=other", 'section.letter[lang="ar"] .letter-legal', "164.502(g)", "ltr"),
    # "بند 3 مادهٔ 12 GDPR": article 12 of the GDPR; its number belongs to the Persian
    # sentence, so it is read first, to the right of "GDPR".
    ("/fa/next-steps?country=es", 'section.letter[lang="fa"] .letter-legal', "12 GDPR", "rtl"),
])
def test_chromium_shows_right_to_left_citations_in_written_order(browser, app, path, where, citation, reads):
    """As a reader sees it: a Latin citation's first character left of its last (left to
    the bidi algorithm, "45 CFR §164.524" shows as "CFR §164.524 45", and "164.502(g)" as
    "(g)164.502"); a number of the sentence's own, read first, on the right."""
    page = browser.new_page()
    try:
        with serving(app) as base:
            page.goto(base + path)
            edges = page.evaluate(EDGES, [where, citation])
            assert edges is not None, f"{citation} is not on {path}"
            assert edges["sameLine"]
            assert (edges["first"] < edges["last"]) == (reads == "ltr")
    finally:
        page.close()
