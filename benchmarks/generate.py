"""Generate realistic synthetic corpora of seminars in poc's dataset schema (version 1).

The corpus is built from the real seminar (``data/seminar.json``):

* **Sentence shapes.** Every real statement and every sentence of the report becomes a
  template: function words and punctuation are kept, content words become slots.
* **Vocabulary.** Slots are filled from a Zipf-distributed vocabulary: the real content
  words first (in their real order of frequency, so ``neutrality`` stays common), then
  pronounceable pseudo-words.  The vocabulary's size follows Heaps' law, so a bigger
  corpus has more distinct words, as real text does.
* **People.** Speakers come from a shared pool (the real eighteen first) with a Zipf
  popularity, so the same names turn up across many events.

Every event is one JSON file; statement ids carry the event id, so they are unique
across the corpus.  The output is a function of ``(statements, seed)`` only: each event
has its own random generator, so ``--jobs`` does not change a byte.

    python benchmarks/generate.py --size 100k --seed 1 --out /tmp/poc-100k
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import math
import multiprocessing
import os
import random
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SEMINAR = REPO_ROOT / "data" / "seminar.json"
SCHEMA_VERSION = 1
STATEMENTS_PER_EVENT = 50
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def word_list(text: str, sep: str | None = None) -> tuple[str, ...]:
    """A tuple from a block of words (kept as prose so the lists stay readable)."""
    return tuple(w.strip() for w in text.split(sep) if w.strip())


# Words kept as they are in a sentence shape: the skeleton of English prose.
FUNCTION_WORDS = frozenset(
    word_list(
        """a about above after again against all also although an and any are as at be
        because been before being between both but by can could did do does doing down
        during each either even every few for from further had has have having he her here
        him his how however i if in into is it its itself just many may might more most
        much must neither no nor not now of off on once one only or other our out over own
        rather same several she should since so some such than that the their them then
        there these they this those though three through thus to too two under until up
        upon very was we were what when where whether which while who whom whose why will
        with within without would yet you"""
    )
)
FIRST_NAMES = word_list(
    """Aisha Alejandro Amani Ana Anders Anna Aziz Beatriz Bilal Carlos Chen Chiara Daniel
    David Elena Emmanuel Fatima François Grace Hana Hassan Helena Ibrahim Ingrid Isabel James
    Jean-Pierre Joanna John Jorge José Julia Kenji Khadija Kofi Lars Laura Leila Li Lucía
    Mamadou Maria Mariam Marta Mei Mohamed Nadia Nikolai Nour Olga Omar Paolo Paul Priya Rania
    Rashid Ruth Sara Sergio Simone Siobhán Sophie Søren Tariq Thomas Tomás Yasmin Yusuf Zainab
    Zoë"""
)
HONORIFICS = word_list("Dr., Professor, General, Ambassador, Mr., Ms., Colonel", ",")
SURNAME_PARTICLES = ("van den ", "de ", "Di ", "al-", "von ", "Ba-")
COUNTRIES = word_list(
    """Argentina, Bangladesh, Brazil, Canada, Chad, Chile, Colombia, Côte d’Ivoire, Denmark,
    Egypt, Ethiopia, Finland, France, Germany, Ghana, India, Indonesia, Ireland, Italy, Japan,
    Jordan, Kenya, Mali, Mexico, Morocco, Nepal, Niger, Nigeria, Norway, Pakistan, Peru,
    Rwanda, Senegal, Sweden, Tunisia, Uganda, Uruguay, Zambia""",
    ",",
)
PLACES = word_list(
    """Nairobi, Geneva, Brussels, Addis Ababa, Dakar, Bamako, New York, Oslo, The Hague,
    Ottawa, Tokyo, Berlin, Montreal, Accra""",
    ",",
)
ROLES = word_list(
    """Senior Adviser, Research Fellow, Director, Head of Programmes, Policy Officer,
    Senior Military Adviser, Deputy Head of Mission, Protection Adviser, Team Leader,
    Non-Resident Fellow""",
    ",",
)
# Onsets, vowels and codas of the pseudo-words; suffixes make them read like policy prose.
ONSETS = word_list("b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sh st")
ONSETS += word_list("str t th tr v w z")
VOWELS = word_list("a e i o u ai ea ia io ou")
CODAS = ("", "", "", "n", "r", "s", "l", "m", "nt", "st", "ct", "rd")
SUFFIXES = ("", "", "", "ation", "ity", "ism", "ment", "ance", "ive", "al", "ic", "ing", "ed")

TOKEN = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?|\s+|.", re.S)
SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[A-Z“])")


# ---------------------------------------------------------------- material


@dataclass(frozen=True, slots=True)
class Shape:
    """A sentence template: ``template.format(*words)`` fills its ``slots`` slots."""

    template: str
    slots: int
    capitalised: tuple[int, ...]  # slot indexes whose real word started with a capital


@dataclass(frozen=True, slots=True)
class Person:
    id: str  # slug of the name: the speaker id in every event the person attends
    name: str
    honorific: str | None
    role: str
    organisations: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Material:
    """Everything events are made of; built once, shared by every worker."""

    quote_shapes: tuple[Shape, ...]
    paraphrase_shapes: tuple[Shape, ...]
    vocabulary: tuple[str, ...]
    vocabulary_weights: tuple[float, ...]  # cumulative Zipf weights
    people: tuple[Person, ...]
    people_weights: tuple[float, ...]  # cumulative Zipf weights
    topics: tuple[tuple[str, str], ...]  # (id, label); the real topics first
    hosts: tuple[str, ...]


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def is_content_word(token: str) -> bool:
    return token[:1].isalpha() and token.lower() not in FUNCTION_WORDS


def make_shape(text: str) -> Shape:
    parts: list[str] = []
    capitalised: list[int] = []
    slots = 0
    for token in tokens(text):
        if is_content_word(token):
            if token[0].isupper():
                capitalised.append(slots)
            parts.append("{}")
            slots += 1
        else:
            parts.append(token.replace("{", "{{").replace("}", "}}"))
    return Shape("".join(parts), slots, tuple(capitalised))


def balanced(text: str) -> bool:
    return text.count("“") == text.count("”")


def sentences(paragraph: str) -> list[str]:
    """The report's sentences of four words or more, bullets stripped, quotes balanced."""
    lines = (line.strip().lstrip("•").strip() for line in paragraph.splitlines())
    found = (s.strip() for line in lines for s in SENTENCE_END.split(line))
    return [s for s in found if len(s.split()) >= 4 and balanced(s)]


def real_vocabulary(texts: Sequence[str]) -> list[str]:
    """Content words by falling frequency; proper nouns and acronyms keep their capitals."""
    counts: Counter[str] = Counter()
    lowercase_seen: set[str] = set()
    surface: dict[str, str] = {}
    for text in texts:
        for token in tokens(text):
            if not is_content_word(token):
                continue
            key = token.lower()
            counts[key] += 1
            if token == key:
                lowercase_seen.add(key)
            else:
                surface.setdefault(key, token)
    return [w if w in lowercase_seen else surface[w] for w, _ in counts.most_common()]


def pseudo_words(rng: random.Random, count: int, exclude: set[str]) -> list[str]:
    words: list[str] = []
    seen = set(exclude)
    while len(words) < count:
        syllables = rng.choice((1, 2, 2, 2, 3))
        word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
        word += rng.choice(CODAS) + rng.choice(SUFFIXES)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def zipf_cumulative(count: int, exponent: float) -> tuple[float, ...]:
    return tuple(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, count + 1)))


def heaps_vocabulary_size(statements: int) -> int:
    """Distinct words in a corpus of that many statements (Heaps' law, K=30, beta=0.55)."""
    content_words = statements * 14
    return int(30 * content_words**0.55)


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def person_aliases(first: str, surname: str, honorific: str | None) -> tuple[str, ...]:
    full = f"{first} {surname}"
    aliases = [surname, first, full]
    if fold(full) != full:
        aliases += [fold(surname), fold(full)]
    if honorific:
        aliases.append(f"{honorific} {surname}")
    return tuple(dict.fromkeys(a for a in aliases if a))


def make_surname(rng: random.Random, vocabulary: Sequence[str]) -> str:
    stem = rng.choice(vocabulary).capitalize()
    if rng.random() < 0.15:
        stem = stem.replace("e", "é", 1) if "e" in stem else stem.replace("o", "ø", 1)
    if rng.random() < 0.08:
        return rng.choice(SURNAME_PARTICLES) + stem
    if rng.random() < 0.05:
        return f"{stem}-{rng.choice(vocabulary).capitalize()}"
    return stem


def make_organisation(rng: random.Random, vocabulary: Sequence[str]) -> str:
    word = rng.choice(vocabulary).capitalize()
    return rng.choice(
        (
            f"Permanent Mission of {rng.choice(COUNTRIES)} to the UN",
            f"University of {rng.choice(PLACES)}",
            f"Institute for {word} Studies",
            f"{word} Foundation",
            f"Centre for {word} and Security",
            "UN Department of Peace Operations",
            "International Committee of the Red Cross (ICRC)",
            "IPI",
        )
    )


def real_people(seminar: dict[str, Any]) -> list[Person]:
    return [
        Person(
            p["id"],
            p["name"],
            p["honorific"],
            p["role"],
            tuple(p["organisations"]),
            tuple(p["aliases"]),
        )
        for p in seminar["speakers"]
    ]


def make_people(rng: random.Random, count: int, vocabulary: Sequence[str]) -> list[Person]:
    people = []
    surnames = vocabulary[200:5000]  # mid-frequency words make plausible surnames
    for _ in range(count):
        first, surname = rng.choice(FIRST_NAMES), make_surname(rng, surnames)
        honorific = rng.choice(HONORIFICS) if rng.random() < 0.35 else None
        organisations = tuple(
            dict.fromkeys(make_organisation(rng, surnames) for _ in range(rng.choice((1, 1, 2))))
        )
        role = f"{rng.choice(ROLES)} at {organisations[0]}"
        people.append(
            Person(
                slug(f"{first} {surname}"),
                f"{first} {surname}",
                honorific,
                role,
                organisations,
                person_aliases(first, surname, honorific),
            )
        )
    return people


def make_topics(
    rng: random.Random, seminar: dict[str, Any], vocabulary: Sequence[str]
) -> list[tuple[str, str]]:
    topics = [(t["id"], t["label"]) for t in seminar["topics"]]
    seen = {t[0] for t in topics}
    pool = [w for w in vocabulary[:3000] if w.islower()]
    while len(topics) < 300:
        label = " ".join(rng.sample(pool, rng.choice((1, 2, 2))))
        if slug(label) not in seen:
            seen.add(slug(label))
            topics.append((slug(label), label))
    return topics


def build_material(statements: int, seed: int, seminar_path: Path = SEMINAR) -> Material:
    seminar = json.loads(seminar_path.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    texts = [s["text"] for s in seminar["statements"]] + list(seminar["source"]["paragraphs"])
    real_words = real_vocabulary(texts)
    size = max(len(real_words) * 2, heaps_vocabulary_size(statements))
    vocabulary = real_words + pseudo_words(rng, size - len(real_words), set(real_words))
    report_sentences = [s for p in seminar["source"]["paragraphs"] for s in sentences(p)]
    quote_texts = [s["text"] for s in seminar["statements"] if s["kind"] == "quote"]
    quote_texts += [s for s in report_sentences if "“" not in s]
    paraphrases = [
        s["text"].split("\n", 1)[0] for s in seminar["statements"] if s["kind"] == "paraphrase"
    ]
    paraphrases = [t for t in paraphrases if balanced(t)]
    events = math.ceil(statements / STATEMENTS_PER_EVENT)
    people = real_people(seminar) + make_people(rng, max(60, events * 3), vocabulary)
    return Material(
        quote_shapes=tuple(make_shape(t) for t in quote_texts),
        paraphrase_shapes=tuple(make_shape(t) for t in paraphrases),
        vocabulary=tuple(vocabulary),
        vocabulary_weights=zipf_cumulative(len(vocabulary), 1.0),
        people=tuple(people),
        people_weights=zipf_cumulative(len(people), 0.9),
        topics=tuple(make_topics(rng, seminar, vocabulary)),
        hosts=tuple(
            ["International Peace Institute (IPI)"]
            + [f"{rng.choice(vocabulary[:2000]).capitalize()} Institute" for _ in range(40)]
        ),
    )


# ---------------------------------------------------------------- one event


class EventWriter:
    """Builds the dict of one event; all randomness comes from ``rng``."""

    def __init__(self, material: Material, rng: random.Random, event_id: str) -> None:
        self.m = material
        self.rng = rng
        self.event_id = event_id

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.m.vocabulary, cum_weights=self.m.vocabulary_weights, k=count)

    def fill(self, shape: Shape) -> str:
        words = self.words(shape.slots)
        for i in shape.capitalised:
            words[i] = words[i][:1].upper() + words[i][1:]
        return shape.template.format(*words)

    def text(self, kind: str) -> str:
        shapes = self.m.quote_shapes if kind == "quote" else self.m.paraphrase_shapes
        text = self.fill(self.rng.choice(shapes))
        if kind == "quote":
            text = text[:1].upper() + text[1:]
        if self.rng.random() < 0.3:
            text += " " + self.fill(self.rng.choice(self.m.quote_shapes))
        return text

    def pick_people(self, count: int) -> list[Person]:
        chosen: dict[str, Person] = {}
        while len(chosen) < count:
            index = bisect.bisect_left(
                self.m.people_weights, self.rng.random() * self.m.people_weights[-1]
            )
            person = self.m.people[min(index, len(self.m.people) - 1)]
            chosen.setdefault(person.id, person)
        return list(chosen.values())

    def title(self, words: int) -> str:
        return " ".join(w[:1].upper() + w[1:] for w in self.words(words))

    def sessions(
        self, people: list[Person]
    ) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, str]]]]:
        """The agenda, and each person's parts keyed by speaker id."""
        rng = self.rng
        queue = list(people)
        parts: dict[str, list[dict[str, str]]] = {p.id: [] for p in people}
        sessions: list[dict[str, Any]] = []

        def take(session_id: str, part: str, count: int) -> list[str]:
            ids = []
            for _ in range(count):
                person = queue.pop() if queue else rng.choice(people)
                entry = {"session": session_id, "part": part}
                if entry not in parts[person.id]:  # a person taken twice keeps one entry
                    parts[person.id].append(entry)
                ids.append(person.id)
            return ids

        take("opening", "remarks", rng.choice((1, 2, 3)))
        sessions.append(self.session("opening", "Opening remarks", "remarks"))
        panels = rng.choice((1, 2, 2, 3))
        for n in range(1, panels + 1):
            sid = f"session-{n}"
            moderators = take(sid, "moderator", 1)
            paper = None
            if rng.random() < 0.6:
                author = take(sid, "paper-author", 1)[0]
                parts[author].append({"session": sid, "part": "speaker"})
                paper = {"title": self.title(rng.randint(5, 10)), "author": author, "note": None}
            take(sid, "speaker", rng.choice((2, 3, 3, 4)))
            sessions.append(
                self.session(sid, self.title(rng.randint(4, 9)), "panel", paper, moderators)
            )
            if n == 1 and rng.random() < 0.5:
                take("keynote", "keynote", 1)
                sessions.append(self.session("keynote", "Keynote", "keynote"))
        take("closing", "remarks", rng.choice((1, 1, 2)))
        sessions.append(self.session("closing", "Closing remarks", "remarks"))
        return sessions, {k: v for k, v in parts.items() if v}

    @staticmethod
    def session(
        sid: str,
        title: str,
        kind: str,
        paper: dict[str, Any] | None = None,
        moderators: Sequence[str] = (),
    ) -> dict[str, Any]:
        return {
            "id": sid,
            "title": title,
            "kind": kind,
            "paper": paper,
            "moderators": list(moderators),
            "note": None,
        }

    def talkers(
        self, sessions: list[dict[str, Any]], parts: dict[str, list[dict[str, str]]]
    ) -> list[tuple[str, list[str], float]]:
        """For each session: its id, who speaks in it, and its share of statements."""
        weight = {"remarks": 1.0, "keynote": 5.0, "panel": 4.0}
        out = []
        for s in sessions:
            who = [
                pid
                for pid, ps in parts.items()
                for p in ps
                if p["session"] == s["id"] and p["part"] != "moderator"
            ]
            who = list(dict.fromkeys(who)) or list(s["moderators"])
            out.append((s["id"], who, weight[s["kind"]] * len(who)))
        return out

    def statements(
        self, count: int, talkers: list[tuple[str, list[str], float]], topic_ids: list[str]
    ) -> list[dict[str, Any]]:
        rng = self.rng
        order = {sid: i for i, (sid, _, _) in enumerate(talkers)}
        chosen = sorted(
            rng.choices(talkers, weights=[t[2] for t in talkers], k=count),
            key=lambda t: order[t[0]],
        )
        out: list[dict[str, Any]] = []
        speaker = ""
        for n, (session_id, who, _) in enumerate(chosen, start=1):
            if speaker not in who or rng.random() < 0.4:
                speaker = rng.choice(who)
            kind = "quote" if rng.random() < 0.4 else "paraphrase"
            statement: dict[str, Any] = {
                "id": f"{self.event_id}-{n:03d}",
                "speaker": speaker,
                "session": session_id,
                "kind": kind,
                "text": self.text(kind),
                "paragraphs": [],
                "topics": rng.sample(topic_ids, rng.choice((1, 1, 2, 2, 3))),
            }
            if kind == "paraphrase" and rng.random() < 0.05:
                items = [
                    self.fill(rng.choice(self.m.quote_shapes)) for _ in range(rng.randint(2, 4))
                ]
                statement["items"] = items
                statement["text"] += "\n" + "\n".join(f"• {i}" for i in items)
            out.append(statement)
        return out

    def paragraphs(
        self, statements: list[dict[str, Any]], names: dict[str, str], header: list[str]
    ) -> list[str]:
        """The report's text: each paragraph holds one to three statements; a list spills
        into the next paragraph.  Fills in each statement's ``paragraphs``."""
        paragraphs = list(header)
        current: list[str] = []
        speaker = ""
        for s in statements:
            if current and s["speaker"] != speaker:
                paragraphs.append(" ".join(current))
                current = []
            speaker = s["speaker"]
            if not current:
                current.append(names[s["speaker"]] + ",")
            text = f"“{s['text']}”" if s["kind"] == "quote" else s["text"]
            if "items" in s:
                intro, _, bullets = text.partition("\n")
                current.append(intro)
                paragraphs.append(" ".join(current))
                paragraphs.append(bullets)
                s["paragraphs"] = [len(paragraphs) - 1, len(paragraphs)]
                current = []
                continue
            current.append(text)
            s["paragraphs"] = [len(paragraphs) + 1]
            if len(current) > 3 or self.rng.random() < 0.5:
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        return paragraphs

    def build(self, index: int, count: int) -> dict[str, Any]:
        rng = self.rng
        people = self.pick_people(rng.randint(8, 16))
        sessions, parts = self.sessions(people)
        people = [p for p in people if p.id in parts]
        speakers = [self.speaker(p, parts[p.id]) for p in people]
        names = {
            s["id"]: (f"{s['honorific']} {s['name']}" if s["honorific"] else s["name"])
            for s in speakers
        }
        topics = rng.sample(self.m.topics[:22], 5) + rng.sample(
            self.m.topics[22:], rng.randint(3, 12)
        )
        statements = self.statements(count, self.talkers(sessions, parts), [t[0] for t in topics])
        title = self.title(rng.randint(3, 6))
        host = rng.choice(self.m.hosts)
        header = [
            title,
            "\n".join(f"{s['title']}" for s in sessions if s["kind"] == "panel"),
            self.fill(rng.choice(self.m.quote_shapes)),
        ]
        year = 2005 + index % 20
        return {
            "schema_version": SCHEMA_VERSION,
            "event": {
                "id": self.event_id,
                "short_title": title,
                "title": f"{title}: {self.title(rng.randint(4, 8))}",
                "host": host,
                "co_sponsors": [host]
                + [rng.choice(self.m.hosts) for _ in range(rng.randint(0, 2))],
                "venue": rng.choice(PLACES),
                "date": f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}",
                "provenance": {"date": "Synthetic: generated by benchmarks/generate.py."},
            },
            "source": {
                "title": f"{title} (synthetic event report)",
                "file": f"synthetic/{self.event_id}.txt",
                "paragraphs": self.paragraphs(statements, names, header),
            },
            "sessions": sessions,
            "speakers": speakers,
            "topics": [{"id": tid, "label": label} for tid, label in topics],
            "statements": statements,
            "notes": [
                "Synthetic event generated for benchmarks; the words are shuffled and mean nothing."
            ],
        }

    @staticmethod
    def speaker(p: Person, parts: list[dict[str, str]]) -> dict[str, Any]:
        return {
            "id": p.id,
            "name": p.name,
            "honorific": p.honorific,
            "role": p.role,
            "organisations": list(p.organisations),
            "aliases": list(p.aliases),
            "parts": parts,
            "notes": [],
        }


def event_id(index: int) -> str:
    return f"ev{index:05d}"


def build_event(material: Material, seed: int, index: int, count: int) -> dict[str, Any]:
    rng = random.Random(seed * 1_000_003 + index)
    return EventWriter(material, rng, event_id(index)).build(index, count)


# ---------------------------------------------------------------- the corpus


def statement_counts(total: int, seed: int) -> list[int]:
    """About 50 statements per event, between 20 and 80, summing exactly to ``total``."""
    events = max(1, math.ceil(total / STATEMENTS_PER_EVENT))
    base, extra = divmod(total, events)
    counts = [base + (i < extra) for i in range(events)]
    rng = random.Random(seed)
    for i in range(0, events - 1, 2):
        shift = rng.randint(0, max(0, min(counts[i], counts[i + 1]) - 20))
        shift = min(shift, 30)
        counts[i] += shift
        counts[i + 1] -= shift
    return counts


_WORKER_MATERIAL: Material | None = None


def _init_worker(material: Material) -> None:
    global _WORKER_MATERIAL
    _WORKER_MATERIAL = material


def _write_chunk(args: tuple[str, int, list[tuple[int, int]]]) -> int:
    """Write the events of one chunk; returns bytes written."""
    out, seed, jobs = args
    assert _WORKER_MATERIAL is not None
    written = 0
    for index, count in jobs:
        data = json.dumps(build_event(_WORKER_MATERIAL, seed, index, count), ensure_ascii=False)
        path = Path(out, f"{event_id(index)}.json")
        path.write_text(data, encoding="utf-8")
        written += len(data.encode("utf-8"))
    return written


def chunks(counts: Sequence[int], size: int) -> Iterator[list[tuple[int, int]]]:
    items = list(enumerate(counts, start=1))
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True, slots=True)
class Report:
    out: Path
    files: int
    statements: int
    bytes: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"{self.statements:,} statements in {self.files:,} files, "
            f"{self.bytes / 1e6:,.1f} MB, {self.seconds:.1f} s -> {self.out}"
        )


def check_outside_repo(out: Path) -> None:
    resolved = out.resolve()
    if resolved == REPO_ROOT or REPO_ROOT in resolved.parents:
        raise SystemExit(f"refusing to write a corpus inside the repository: {out}")


def generate_corpus(
    statements: int, seed: int = 1, out: Path | None = None, jobs: int | None = None
) -> Report:
    """Write a corpus of ``statements`` statements, one JSON file per event, into ``out``
    (a new temporary folder by default) and say what was written."""
    started = time.perf_counter()
    out = Path(tempfile.mkdtemp(prefix=f"poc-corpus-{statements}-")) if out is None else out
    check_outside_repo(out)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob("*.json")):
        raise SystemExit(f"{out} already holds .json files; choose an empty folder")
    material = build_material(statements, seed)
    counts = statement_counts(statements, seed)
    jobs = jobs or (os.cpu_count() or 1)
    work = [(str(out), seed, chunk) for chunk in chunks(counts, 200)]
    if jobs > 1 and len(counts) > 200:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(material,)) as pool:
            written = sum(pool.imap_unordered(_write_chunk, work))
    else:
        _init_worker(material)
        written = sum(map(_write_chunk, work))
    return Report(out, len(counts), statements, written, time.perf_counter() - started)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    if text in SIZES:
        return SIZES[text]
    multiplier = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    number = text[:-1] if multiplier > 1 else text
    if not number.isdigit() or int(number) * multiplier < 1:
        raise argparse.ArgumentTypeError(
            f"not a corpus size: {text!r} (try 1k, 10k, 100k, 1m or 200)"
        )
    return int(number) * multiplier


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--size",
        type=parse_size,
        default=SIZES["1k"],
        help="statements in all: 1k, 10k, 100k, 1m or a number (default 1k)",
    )
    parser.add_argument("--seed", type=int, default=1, help="same seed, same corpus (default 1)")
    parser.add_argument(
        "--out", type=Path, help="folder to write (default: a new temporary folder)"
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="worker processes (default: CPU count)"
    )
    args = parser.parse_args(argv)
    print(generate_corpus(args.size, args.seed, args.out, args.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
