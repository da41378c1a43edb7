"""The question bank: loading it, and choosing the questions for a set of answers.

Pure Python with no Flask import, so the choice can be tested on its own. The bank's
format is described in content/README.md.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .answers import FIELD_BY_NAME, FIELDS, UNSURE, Answers, with_region

# Topics in their default order of importance: an exposed server puts every image at
# risk at once, so it leads; the rest follow how often they matter for a patient.
TOPICS = ("server", "online_access", "sharing", "copies", "incidents", "rights",
          "identifiers", "research", "retention", "proxy", "authorities")

# What each worry brings up the sheet.
TOPICS_OF_WORRY = {
    "who_sees": ("online_access", "server"),
    "internet": ("server", "online_access"),
    "sharing": ("sharing",),
    "research": ("research",),
    "copies": ("copies",),
    "identity": ("identifiers",),
    "keeping": ("retention",),
    "breach": ("incidents",),
    "rights": ("rights",),
    "authorities": ("authorities",),
}
# A scan for someone else brings the caregiver's questions first, as a worry would.
TOPICS_OF_PERSON = {"child": ("proxy",), "other": ("proxy",)}

# What a rule's `when` may test: every answer field, except that the country is tested
# through its legal region (a new step's field can be tested as soon as it exists).
CONDITION_KEYS = ("region", *(field.name for field in FIELDS if field.name != "country"))
# The answer each condition rests on: `region` is derived from the country.
FIELD_OF_CONDITION = {"region": "country"}
# How much each part weighs when ranking: priority first, then the patient's worries,
# then how closely the question fits their answers.
PRIORITY_WEIGHT = {1: 30, 2: 20, 3: 10}
WORRY_BONUS = 15
FIT_BONUS = 4
# At most this many questions of one topic on a sheet (while others are left), so that
# a short sheet stays broad: two worries must not push the server questions off it.
PER_TOPIC = 2
# The questions marked to ask first if there is time for nothing else: three do as well as
# many more (Roe 2021; Mariano 2020).
FIRST = 3


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    priority: int
    when: Mapping[str, frozenset[str]]
    # Always among the questions to ask first, whatever the worries (the exposed server).
    must_ask: bool = False


@dataclass(frozen=True)
class TopicGroup:
    topic: str
    questions: tuple[Question, ...]


def parse_rules(entries: list[dict]) -> tuple[Question, ...]:
    """The bank from questions.yaml's entries, which content_checks has already checked
    (each topic, priority and `when` value, unique ids) when the Library loads."""
    return tuple(Question(id=entry["id"], topic=entry["topic"], priority=entry["priority"],
                          when={key: frozenset(values) for key, values in (entry.get("when") or {}).items()},
                          must_ask=entry.get("must_ask") is True)
                 for entry in entries)


def _fit(question: Question, answers: Answers) -> int | None:
    """How many conditions the answers meet with a definite choice, or None if one fails."""
    return _fit_to(question, *_given(answers))


def _given(answers: Answers) -> tuple[dict[str, frozenset[str]], set[str]]:
    """What the conditions test, worked out once for all the bank's questions (profiled:
    done per question and condition, it was most of choosing a sheet's questions): the
    values given for each condition key, and the keys left open, where no definite answer
    was given to a field for which that means any answer may apply."""
    given = {key: frozenset(answers.get(key, ())) for key in CONDITION_KEYS}
    open_keys = {key for key, values in given.items() if (not values or values == {UNSURE})
                 and FIELD_BY_NAME[FIELD_OF_CONDITION.get(key, key)].unsure_matches_all}
    return given, open_keys


def _fit_to(question: Question, given: Mapping[str, frozenset[str]], open_keys: set[str]) -> int | None:
    fit = 0
    for key, allowed in question.when.items():
        if not given[key].isdisjoint(allowed):  # no set made, as `given[key] & allowed` would
            fit += 1
        elif key not in open_keys:  # a definite answer, and not one this question is for
            return None
    return fit


def _ranked(bank: Sequence[Question], answers: Answers) -> tuple[list[Question], set[str]]:
    """Every question that applies to these answers, best first, and the worried topics."""
    answers = with_region(answers)
    worried = {topic for worry in answers.get("worry", ()) for topic in TOPICS_OF_WORRY.get(worry, ())}
    worried |= {topic for person in answers.get("person", ()) for topic in TOPICS_OF_PERSON.get(person, ())}
    given, open_keys = _given(answers)
    ranked = []
    for position, question in enumerate(bank):
        fit = _fit_to(question, given, open_keys)
        if fit is None:
            continue
        score = (PRIORITY_WEIGHT[question.priority] + FIT_BONUS * fit
                 + (WORRY_BONUS if question.topic in worried else 0))
        ranked.append((-score, TOPICS.index(question.topic), position, question))
    return [entry[-1] for entry in sorted(ranked)], worried


def _groups(questions: Sequence[Question], worried: set[str]) -> list[TopicGroup]:
    """Questions grouped by topic: the patient's worries first, as the check promises;
    within each part, topics keep the order of their best question."""
    ordered = sorted(questions, key=lambda question: question.topic not in worried)
    groups: dict[str, list[Question]] = {}
    for question in ordered:
        groups.setdefault(question.topic, []).append(question)
    return [TopicGroup(topic, tuple(questions)) for topic, questions in groups.items()]


def _chosen(ordered: list[Question], limit: int, per_topic: int) -> list[Question]:
    """The best-ranked questions, at most `per_topic` of a topic while others are left (a
    sheet is filled beyond it only when nothing else applies), in rank order."""
    taken: dict[str, int] = {}
    chosen, spare = [], []
    for question in ordered:
        if taken.get(question.topic, 0) < per_topic:
            taken[question.topic] = taken.get(question.topic, 0) + 1
            chosen.append(question)
        else:
            spare.append(question)
    chosen = (chosen + spare)[:limit]
    return _in_rank_order(chosen, ordered)


def _in_rank_order(questions: Sequence[Question], ordered: Sequence[Question]) -> list[Question]:
    """`questions` in the order they have in `ordered`: by a rank looked up once per
    question, not `ordered.index` (a scan of the whole list for every comparison)."""
    rank = {id(question): position for position, question in enumerate(ordered)}
    return sorted(questions, key=lambda question: rank[id(question)])


def select_questions(bank: Sequence[Question], answers: Answers, limit: int,
                     per_topic: int = PER_TOPIC) -> list[TopicGroup]:
    """The questions to ask for these answers, at most `limit`, grouped by topic.

    The best-ranked questions are kept, at most `per_topic` of a topic while others are
    left. Topics the patient worries about come first, then the rest, each part most
    important first (a topic ranks as its best question); questions within a topic
    likewise. Ties keep the bank's own order.
    """
    ordered, worried = _ranked(bank, answers)
    return _groups(_chosen(ordered, limit, per_topic), worried)


@dataclass(frozen=True)
class SheetPlan:
    first: tuple[Question, ...]  # ask these if there is time for nothing else
    topics: list[TopicGroup]  # the rest of the printed sheet
    more: list[TopicGroup]  # every other question that applies ("More questions")


def plan_sheet(bank: Sequence[Question], answers: Answers, limit: int, per_topic: int = PER_TOPIC,
               first: int = FIRST) -> SheetPlan:
    """The sheet for these answers: the questions to ask first, the rest of the printed
    sheet (`limit` questions in all), and every other question that applies.

    The first ones are those marked `must_ask` (the exposed server: a worry never pushes it
    off), then the best-ranked questions of the patient's worries, then the best of the rest.
    """
    ordered, worried = _ranked(bank, answers)
    chosen = _chosen(ordered, limit, per_topic)
    # A question that must be asked is on the sheet even where the worries outrank it: it
    # takes the place of the last one chosen.
    missing = [question for question in ordered if question.must_ask and question not in chosen]
    if missing:
        chosen = _in_rank_order([*chosen[:max(limit - len(missing), 0)], *missing], ordered)
    # A worry's own best question leads, as the worry step promises; the exposed server
    # comes right after it (never pushed off the first ones); then the rest by need.
    by_need = sorted(chosen, key=lambda question: (question.topic not in worried, not question.must_ask))
    lead = [question for question in by_need[:1] if question.topic in worried]
    must = [question for question in by_need if question.must_ask and question not in lead]
    placed = {id(question) for question in (*lead, *must)}
    firsts = tuple([*lead, *must, *(question for question in by_need if id(question) not in placed)][:first])
    # By identity: a question's == compares every field, and these run for each question.
    first_ids = {id(question) for question in firsts}
    rest = [question for question in chosen if id(question) not in first_ids]
    taken = {id(question) for question in chosen}
    others = [question for question in ordered if id(question) not in taken]
    return SheetPlan(firsts, _groups(rest, worried), _groups(others, worried))
