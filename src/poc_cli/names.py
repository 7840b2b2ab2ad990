"""Who does a name mean?  Speaker and session resolution.

Speakers
    :func:`resolve_speakers` takes whatever a person typed (``mamiya``, ``Agnes``,
    ``van den berg``, ``Ba Konare``, ``Dr. Lupel``, ``Mamya``) and returns **every**
    ``(event id, Speaker)`` record of every person it fits, in corpus order.  Speaker
    ids are local to their event, so a person is an id *and* a name
    (:func:`person_key`): the same id under the same name in several events is one
    person, and all of that person's records come back; the same id under another
    name is someone else.  Matching is tried in three tiers and the first tier with an answer wins,
    so a fuzzy match never drowns an exact one ("Day" is Adam Day, not Eiko Ikegaya):

    1. the folded name (case, diacritics, hyphens and spaces ignored; a leading title
       such as "Dr." or "General" dropped) equals the person's full name, an alias,
       the surname, the first name or the name with its spaces squeezed out;
    2. every word typed is one of the person's name words ("Alpha Oumar");
    3. a typo: rapidfuzz similarity over the same forms, keeping every person within a
       few points of the best.

    Nothing fits: :class:`~poc_cli.errors.NotFound`, whose message offers "did you
    mean" names (real names only, from :func:`suggest_names`).

    The ``*_in`` variants take the ``(event id, Speaker)`` records themselves, so the
    search index can resolve names without a :class:`~poc_cli.model.Corpus`.

Sessions
    :func:`resolve_session` takes an id (``session-1``), a number (``1``, ``2``), or a
    word of the title or kind (``keynote``, ``mali``, ``opening``), case- and
    accent-insensitively and forgiving typos, and returns the matching
    ``(event id, Session)`` records.  Nothing fits:
    :class:`~poc_cli.errors.UsageError` listing the valid ids.

rapidfuzz is imported only when a typo has to be forgiven.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from .errors import NotFound, UsageError, listing, unknown
from .model import Corpus, Session, Speaker
from .text.normalise import fold

__all__ = [
    "PersonKey",
    "SessionRecord",
    "SpeakerMatch",
    "SpeakerRecord",
    "match_speakers",
    "match_speakers_in",
    "forms_that_could_match",
    "name_keys",
    "person_key",
    "query_keys",
    "resolve_session",
    "resolve_session_in",
    "session_ids_named",
    "topic_ids_named",
    "resolve_speakers",
    "resolve_speakers_in",
    "suggest_names",
    "suggest_names_in",
]

SpeakerRecord = tuple[str, Speaker]  # (event id, speaker)
PersonKey = tuple[str, str]  # (speaker id, cleaned name): see person_key
SessionRecord = tuple[str, Session]  # (event id, session)

FUZZY_CUTOFF = 80.0
"""Lowest rapidfuzz ratio (0–100) at which a typed name counts as a typo of a real one."""
FUZZY_SPREAD = 4.0
"""People within this many points of the best fuzzy match are all returned."""
SUGGEST_CUTOFF = 55.0

_TITLES = (
    "rear admiral (lh)",
    "rear admiral",
    "vice admiral",
    "lieutenant general",
    "major general",
    "brigadier general",
    "general",
    "admiral",
    "colonel",
    "ambassador",
    "professor",
    "prof",
    "doctor",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "lh",
)
_PUNCT = re.compile(r"[^\w\s]|_")


def _clean(text: str) -> str:
    """Folded, punctuation dropped, single spaces: "Dr. Ba-Konaré" → "dr ba konare"."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


_CLEAN_TITLES = tuple(_clean(t) + " " for t in _TITLES)
_TITLE_WORDS = frozenset(t.split()[0] for t in _CLEAN_TITLES)


def _strip_title(key: str) -> str:
    if " " in key and key.split(" ", 1)[0] in _TITLE_WORDS:
        for title in _CLEAN_TITLES:
            if key.startswith(title):
                return key[len(title) :]
    return key


def name_keys(speaker: Speaker) -> frozenset[str]:
    """Every cleaned form under which ``speaker`` is found exactly (tier 1)."""
    return _name_keys(speaker.name, speaker.honorific, tuple(speaker.aliases or ()))


@lru_cache(maxsize=65536)
def _name_keys(name: str, honorific: str | None, aliases: tuple[str, ...]) -> frozenset[str]:
    # Cached by the three fields it reads: the same person's record in every event
    # (whose role and parts differ) is one entry.
    keys: set[str] = set()
    forms = [name, *aliases]
    if honorific:
        forms.append(f"{honorific} {name}")
    for form in forms:
        key = _strip_title(_clean(form))
        if not key:
            continue
        keys.add(key)
        keys.add(key.replace(" ", ""))
    parts = _clean(name).split()
    if parts:
        keys.add(parts[0])  # first name
        keys.add(parts[-1])  # surname
    if len(parts) > 2:
        # "van den berg", "di razza" (a surname of several words), "ba konare"
        for i in range(1, len(parts)):
            tail = " ".join(parts[i:])
            keys.add(tail)
            keys.add(tail.replace(" ", ""))
        keys.add(f"{parts[0]} {parts[-1]}")
    elif len(parts) == 2:
        keys.add(f"{parts[1]} {parts[0]}")
    return frozenset(k for k in keys if k)


def is_a_form_of_the_name(name: str, keys: set[str]) -> bool:
    """True if one of ``keys`` is a form of ``name`` itself, not of an alias or an
    honorific: then every record of the person (:func:`person_key`: the same id under
    the same cleaned name) has it among its :func:`name_keys`."""
    return not keys.isdisjoint(_name_keys(name, None, ()))


def query_keys(name: str) -> set[str]:
    """The forms of a typed name to look up among :func:`name_keys` (tier 1)."""
    query = _strip_title(_clean(name))
    return {query, query.replace(" ", "")} if query else set()


def forms_that_could_match(forms: Sequence[str], name: str) -> set[str] | None:
    """Of a corpus's distinct name forms (:func:`name_keys` of every speaker), those
    through which someone could fit ``name`` when no form equals it: a form within
    typo reach (a rapidfuzz ratio of at least SUGGEST_CUTOFF, as ``_fuzzy_scores``
    asks), or one holding a word typed.  Everyone :func:`match_speakers_in` could
    return or suggest has one of them, so a big corpus need load only those people.
    None: no way to narrow (every word typed is a title such as "General")."""
    from rapidfuzz import fuzz, process

    query = _strip_title(_clean(name))
    if not query:
        return None
    words = {w for w in query.split() if w not in _TITLE_WORDS}
    if not words:
        return None
    # A person's name words (tier 2) are all among their forms' words, titles aside.
    found = {f for f in forms if words & set(f.split())}
    for q in {query, query.replace(" ", "")}:
        found.update(
            f
            for f, _, _ in process.extract(
                q, forms, scorer=fuzz.ratio, limit=None, score_cutoff=SUGGEST_CUTOFF
            )
        )
    return found


def topic_ids_named(topics: Iterable[tuple[str, str]], text: str) -> list[str]:
    """The ids of the ``(id, label)`` topics that ``text`` names, by id or label, case,
    accents, spaces, hyphens and underscores aside (``Mali``, ``use of force``,
    ``counterterrorism`` for ``counter-terrorism``).  UsageError, listing the valid
    ids, when it names none."""
    topics = list(topics)

    def key(value: str) -> str:
        return "".join(ch for ch in fold(value) if ch.isalnum())

    wanted = key(text)
    found = [i for i, label in topics if wanted and wanted in (key(i), key(label))]
    if not found:
        raise unknown("topic", text, sorted({i for i, _ in topics}))
    return list(dict.fromkeys(found))


def _name_words(speaker: Speaker) -> set[str]:
    words: set[str] = set()
    for form in (speaker.name, *speaker.aliases):
        words.update(_clean(form).split())
    return words


def person_key(speaker: Speaker) -> PersonKey:
    """Who a speaker record stands for, across events: its id and its cleaned name.

    Ids are local to their event: two files may give the id ``agnes-coutou`` to two
    different people, and taking the id alone for the person attributed one person's
    words to the other.  The same id under the same name (case, accents and
    punctuation aside) is taken to be the same person.
    """
    return (speaker.id, _clean(speaker.name))


def _people(records: Iterable[SpeakerRecord]) -> dict[PersonKey, list[SpeakerRecord]]:
    people: dict[PersonKey, list[SpeakerRecord]] = {}
    for record in records:
        people.setdefault(person_key(record[1]), []).append(record)
    return people


def _person_name_keys(records: Sequence[SpeakerRecord]) -> frozenset[str]:
    """Every name form of one person, from all their records: an alias given in one
    event only still names them (as the search index, which holds every record's
    forms, has it)."""
    if len(records) == 1:
        return name_keys(records[0][1])
    return frozenset().union(*(name_keys(s) for _, s in records))


def _fuzzy_scores(
    query: str, people: dict[PersonKey, list[SpeakerRecord]]
) -> dict[PersonKey, float]:
    """Best rapidfuzz ratio of ``query`` against each person's name forms."""
    from rapidfuzz import fuzz, process

    choices: list[str] = []
    owners: list[PersonKey] = []
    for person, records in people.items():
        for key in _person_name_keys(records):
            choices.append(key)
            owners.append(person)
    best: dict[PersonKey, float] = {}
    compact = query.replace(" ", "")
    for q in {query, compact}:
        for _choice, score, index in process.extract(
            q, choices, scorer=fuzz.ratio, limit=None, score_cutoff=SUGGEST_CUTOFF
        ):
            owner = owners[index]
            if score > best.get(owner, 0.0):
                best[owner] = float(score)
    return best


class SpeakerMatch(NamedTuple):
    """Whom a typed name was taken for."""

    records: list[SpeakerRecord]
    typo: bool  # nobody's name fits as typed: these are the closest (tier 3)

    def typo_note(self, name: str) -> str | None:
        """What to tell the user when the name was taken for a typo, else None."""
        if not self.typo:
            return None
        names = ", ".join(dict.fromkeys(s.name for _, s in self.records))
        return f"no one is named {name!r}; taking it for the closest name: {names}"


def resolve_speakers_in(records: Sequence[SpeakerRecord], name: str) -> list[SpeakerRecord]:
    """Every record of every person ``name`` fits; see the module docstring."""
    return match_speakers_in(records, name).records


def match_speakers_in(records: Sequence[SpeakerRecord], name: str) -> SpeakerMatch:
    """:func:`resolve_speakers_in`, saying whether the name was taken for a typo."""
    query = _strip_title(_clean(name))
    if not query:
        raise UsageError("a speaker name must contain letters or digits")
    people = _people(records)
    compact = query.replace(" ", "")

    exact = [pid for pid, recs in people.items() if {query, compact} & _person_name_keys(recs)]
    if exact:
        return SpeakerMatch([r for pid in exact for r in people[pid]], typo=False)

    typed = set(query.split())
    partial = [
        pid
        for pid, recs in people.items()
        if typed <= set().union(*(_name_words(s) for _, s in recs))
    ]
    if partial:
        return SpeakerMatch([r for pid in partial for r in people[pid]], typo=False)

    scores = _fuzzy_scores(query, people)
    top = max(scores.values(), default=0.0)
    if top >= FUZZY_CUTOFF:
        chosen = [pid for pid, s in scores.items() if s >= top - FUZZY_SPREAD]
        return SpeakerMatch([r for pid in people if pid in chosen for r in people[pid]], typo=True)

    suggestions = _suggest(scores, people)
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise NotFound(f"no speaker matches {name!r}{hint}")


def _suggest(
    scores: dict[PersonKey, float], people: dict[PersonKey, list[SpeakerRecord]]
) -> list[str]:
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    return [people[pid][0][1].name for pid, _ in ranked[:3]]


def suggest_names_in(records: Sequence[SpeakerRecord], name: str, limit: int = 3) -> list[str]:
    """Up to ``limit`` real speaker names closest to ``name``, best first."""
    query = _strip_title(_clean(name))
    if not query:
        return []
    people = _people(records)
    ranked = sorted(_fuzzy_scores(query, people).items(), key=lambda item: -item[1])
    return [people[pid][0][1].name for pid, _ in ranked[:limit]]


def match_speakers(corpus: Corpus, name: str) -> SpeakerMatch:
    """:func:`resolve_speakers`, saying whether the name was taken for a typo."""
    return match_speakers_in([(e.id, s) for e, s in corpus.speakers], name)


def resolve_speakers(corpus: Corpus, name: str) -> list[SpeakerRecord]:
    """Every ``(event id, Speaker)`` of every person ``name`` fits, in corpus order.

    Raises :class:`~poc_cli.errors.NotFound` (with suggestions) when nobody fits and
    :class:`~poc_cli.errors.UsageError` for a name with no letters or digits.
    """
    return resolve_speakers_in([(e.id, s) for e, s in corpus.speakers], name)


def suggest_names(corpus: Corpus, name: str, limit: int = 3) -> list[str]:
    """Up to ``limit`` real speaker names closest to ``name``, best first."""
    return suggest_names_in([(e.id, s) for e, s in corpus.speakers], name, limit)


# ------------------------------------------------------------------ sessions


def _session_number(session_id: str) -> str | None:
    match = re.fullmatch(r"\D*?(\d+)", session_id)
    return match.group(1) if match else None


def _id_tiers(text: str) -> tuple[Callable[[str], bool], ...]:
    """The first tiers of session matching, which look at the id alone: the id itself,
    then its number ("2" or "session 2" for ``session-2``)."""
    query = _clean(text)
    number = query.removeprefix("session ").strip()
    return (
        lambda sid: _clean(sid) == query or sid == text.strip(),
        lambda sid: _session_number(sid) == number,
    )


def session_ids_named(ids: Iterable[str], text: str) -> list[str]:
    """The session ids that ``text`` names by id or number, as :func:`resolve_session_in`
    would find them first; empty if only a title, kind or typo could name one.

    On a big corpus the ids are few and the sessions many: this answers "2" without
    every event's sessions."""
    ids = list(ids)
    for tier in _id_tiers(text):
        found = [i for i in ids if tier(i)]
        if found:
            return found
    return []


def resolve_session_in(
    records: Sequence[SessionRecord], text: str, event: str | None = None
) -> list[SessionRecord]:
    """The ``(event id, Session)`` records ``text`` names; see the module docstring."""
    if event is not None:
        records = [r for r in records if r[0] == event]
    query = _clean(text)
    valid = sorted({s.id for _, s in records})
    if not query:
        raise UsageError(f"a session must be named; valid sessions: {listing(valid)}")

    def by(pred: object) -> list[SessionRecord]:
        assert callable(pred)
        return [r for r in records if pred(r[1])]

    by_id, by_number = _id_tiers(text)
    tiers = (
        lambda s: by_id(s.id),
        lambda s: by_number(s.id),
        lambda s: _clean(s.title) == query or _clean(s.kind) == query,
        lambda s: set(query.split()) <= set(_clean(f"{s.id} {s.title} {s.kind}").split()),
    )
    for tier in tiers:
        found = by(tier)
        if found:
            return found
    where = f" in event {event}" if event else ""
    if any(ch.isdigit() for ch in query):
        # A number names one session exactly or none: "session-99" is not a typo of
        # "session-1", and fuzzy matching would say it was.
        raise UsageError(f"no session {text!r}{where}; valid sessions: {listing(valid)}")

    from rapidfuzz import fuzz

    scored: list[tuple[float, SessionRecord]] = []
    for record in records:
        s = record[1]
        words = _clean(f"{s.id} {s.title} {s.kind}").split()
        best = max(
            [fuzz.ratio(query, _clean(s.title)), fuzz.ratio(query, _clean(s.id))]
            + [fuzz.ratio(query, w) for w in words]
        )
        scored.append((best, record))
    top = max((score for score, _ in scored), default=0.0)
    if top >= FUZZY_CUTOFF:
        return [r for score, r in scored if score >= top - FUZZY_SPREAD]
    raise UsageError(f"no session {text!r}{where}; valid sessions: {listing(valid)}")


def resolve_session(corpus: Corpus, text: str, event: str | None = None) -> list[SessionRecord]:
    """Every ``(event id, Session)`` that ``text`` names (optionally in one event).

    Raises :class:`~poc_cli.errors.UsageError` naming the valid ids when none does.
    """
    return resolve_session_in([(e.id, s) for e, s in corpus.sessions], text, event)


class PeopleSelection(NamedTuple):
    """The ``(event id, speaker id)`` keys a typed name selects, and what to tell the
    user about how it was read (a typo taken for a name, several people)."""

    keys: list[tuple[str, str]]
    notes: list[str]


def select_people(corpus: Corpus, name: str, *, event: str | None = None) -> PeopleSelection:
    """Resolve a typed name to (event, speaker id) keys, with the notes to show.

    The rule of every command (:mod:`poc_cli.filters`): a name that fits several people
    shows them all, and a note says so.  ``event``: of the people the name fits
    (matched over the whole corpus, so an alias given in another event counts), those
    in that event only: two people of one name in different events are then told
    apart.  Empty if none is in it.
    """
    from .filters import people_notes

    match = match_speakers(corpus, name)
    matches = [r for r in match.records if event is None or r[0] == event]
    notes = people_notes(match, name, matches)
    return PeopleSelection([(event_id, speaker.id) for event_id, speaker in matches], notes)
