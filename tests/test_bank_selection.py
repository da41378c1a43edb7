"""The question choice, on a small made-up bank so each rule is seen on its own."""

import pytest

from askfirst.answers import clean
from askfirst.bank import TOPICS, Question, select_questions


def q(qid, topic="server", priority=2, **when):
    return Question(qid, topic, priority, {key: frozenset(values) for key, values in when.items()})


BANK = (
    q("always", "server", 1),
    q("us-contract", "sharing", 2, region=["us"]),
    q("eu-contract", "sharing", 2, region=["eu", "uk"]),
    q("plain-contract", "sharing", 2, region=["ca", "other", "unsure"]),
    q("portal-login", "online_access", 1, channel=["portal", "link"]),
    q("disc-lock", "copies", 2, channel=["disc"]),
    q("mobile-van", "proxy", 2, setting=["mobile"]),
    q("for-a-parent", "proxy", 3, worry=["authorities"]),
    q("mri-only", "research", 3, exam=["mri"]),
)


def ids(groups):
    return [question.id for group in groups for question in group.questions]


def pick(limit=20, **raw):
    return ids(select_questions(BANK, clean({k: v if isinstance(v, list) else [v] for k, v in raw.items()}), limit))


def test_region_specific_questions_follow_the_country():
    assert "us-contract" in pick(country="us")
    assert "us-contract" not in pick(country="es")
    assert "eu-contract" in pick(country="es")
    assert "eu-contract" in pick(country="gb")
    assert "eu-contract" in pick(country="no")  # EEA: GDPR applies
    assert "plain-contract" in pick(country="ca")


def test_unsure_country_gets_no_law_specific_question():
    chosen = pick(country="unsure")
    assert "us-contract" not in chosen and "eu-contract" not in chosen
    assert "plain-contract" in chosen
    assert pick() == pick(country="unsure")  # no answer is the same as not sure


def test_channel_picks_its_questions_and_unsure_keeps_them_all():
    assert "portal-login" in pick(channel="portal")
    assert "disc-lock" not in pick(channel="portal")
    assert "disc-lock" in pick(channel=["portal", "disc"])
    assert {"portal-login", "disc-lock"} <= set(pick(channel="unsure"))


def test_setting_and_exam_conditions():
    assert "mobile-van" in pick(setting="mobile")
    assert "mobile-van" not in pick(setting="hospital")
    assert "mri-only" in pick(exam="mri")
    assert "mri-only" not in pick(exam="ct")


def test_worry_condition_needs_the_worry():
    assert "for-a-parent" not in pick()
    assert "for-a-parent" not in pick(worry="unsure")
    assert "for-a-parent" in pick(worry="authorities")


def test_a_worry_moves_its_topic_first():
    groups = select_questions(BANK, clean({"country": ["us"], "worry": ["research"], "exam": ["mri"]}), 20)
    assert groups[0].topic == "research"
    default = select_questions(BANK, clean({"country": ["us"], "exam": ["mri"]}), 20)
    assert default[0].topic == "server"


def test_limit_keeps_the_most_important():
    # Priority 1 first; of those, the one that fits a definite answer (portal) leads.
    assert pick(limit=2, country="us", channel="portal") == ["portal-login", "always"]
    assert pick(limit=1, country="us") == ["always"]


def test_a_worry_can_lift_a_low_priority_question_into_a_short_sheet():
    assert "mri-only" not in pick(limit=3, country="us", exam="mri", channel="portal")
    assert "mri-only" in pick(limit=3, country="us", exam="mri", channel="portal", worry="research")


def test_topics_are_grouped_and_never_repeat():
    groups = select_questions(BANK, clean({"channel": ["unsure"], "setting": ["unsure"]}), 20)
    topics = [group.topic for group in groups]
    assert len(topics) == len(set(topics))
    assert set(topics) <= set(TOPICS)


def test_invalid_answers_are_ignored():
    assert clean({"country": ["xx", "es"], "exam": ["<script>"], "channel": ["disc", "disc", "bogus"]}) == {
        "person": (), "country": ("es",), "state": (), "province": (), "land": (), "operator": (), "exam": (),
        "channel": ("disc",), "setting": (), "worry": ()}


def test_an_old_link_that_asked_for_someone_else_as_a_worry_now_says_who_the_scan_is_for():
    # Before the "who is the scan for" step, asking for someone else was the worry
    # `someone_else`: such a link now means a scan for someone the patient cares for.
    assert clean({"worry": ["someone_else", "breach"]})["person"] == ("other",)
    assert clean({"worry": ["someone_else"], "person": ["child"]})["person"] == ("child",)
    assert clean({"worry": ["someone_else"]})["worry"] == ()


def test_asking_for_someone_else_brings_the_caregiver_questions_first():
    caregiver = q("proof", "proxy", 2, person=["child", "other"])
    bank = (*BANK, caregiver)
    for person in ("child", "other"):
        assert select_questions(bank, clean({"country": ["us"], "person": [person]}), 20)[0].topic == "proxy"
    assert "proof" not in ids(select_questions(bank, clean({"country": ["us"], "person": ["self"]}), 20))


@pytest.mark.parametrize("raw, kept", [
    ({"country": ["ca"], "province": ["on"], "land": ["by"], "operator": ["public"]},
     {"province": ("on",), "land": (), "operator": ()}),
    ({"country": ["de"], "province": ["on"], "land": ["by"], "operator": ["public"]},
     {"province": (), "land": ("by",), "operator": ("public",)}),
    ({"country": ["es"], "province": ["on"], "land": ["by"], "operator": ["public"]},
     {"province": (), "land": (), "operator": ()}),
    ({"province": ["on"], "land": ["by"]}, {"province": (), "land": (), "operator": ()}),
    ({"country": ["ca"], "province": ["ontario", "zz"]}, {"province": (), "land": (), "operator": ()}),
    ({"country": ["de"], "land": ["by", "be"], "operator": ["unsure"]},
     {"province": (), "land": ("by",), "operator": ("unsure",)}),
])
def test_an_answer_below_the_country_is_kept_only_for_the_country_that_asks_it(raw, kept):
    answers = clean(raw)
    assert {field: answers[field] for field in ("province", "land", "operator")} == kept


def test_unsure_beside_real_choices_is_dropped():
    assert clean({"worry": ["unsure", "research"]})["worry"] == ("research",)
    assert clean({"worry": ["unsure"]})["worry"] == ("unsure",)


def test_a_short_sheet_stays_broad():
    bank = tuple(q(f"share-{n}", "sharing", 1) for n in range(6)) + (q("server", "server", 2),)
    chosen = ids(select_questions(bank, clean({"worry": ["sharing"]}), limit=4, per_topic=3))
    assert chosen.count("server") == 1 and len(chosen) == 4
    # With nothing else left, the cap gives way rather than leave the sheet short.
    assert len(ids(select_questions(bank, clean({}), limit=7, per_topic=3))) == 7
