"""People in a report: names as printed, honorifics, role prefixes, role phrases.

No model and no gazetteer of people: a person's name is a run of capitalised words
that is not an organisation, a place, a month or a role, found where the report puts
people (before a reporting verb, after an honorific or a role, before an appositive).
A single capitalised word ("Chad", "Peru", "Okafor") is never a person on its own:
it can only be the surname of someone the report names in full.

Why one module of this size: about a third of it is lexicons (honorifics, role words,
organisation and place words, particles) that the name rules read together; the rules
themselves (mentions, appositives, surnames, aliases) decide jointly what is a name.
Moving the lexicons to a data module of their own is the obvious split.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# ------------------------------------------------------------------ lexicons

HONORIFICS = (
    "H.E. Mr.",
    "H.E. Ms.",
    "H.E. Mrs.",
    "H.E. Dr.",
    "H.E.",
    "HE",
    "His Excellency",
    "Her Excellency",
    "Ambassador Dr.",
    "Ambassador Dr",
    "Ambassador",
    "Amb.",
    "Rear Admiral (LH)",
    "Rear Admiral",
    "Vice Admiral",
    "Admiral",
    "Commodore",
    "Air Chief Marshal",
    "Air Vice-Marshal",
    "Air Vice Marshal",
    "Air Marshal",
    "Lieutenant General",
    "Lt. Gen.",
    "Major General",
    "Maj. Gen.",
    "Brigadier General",
    "Brigadier",
    "General",
    "Gen.",
    "Lieutenant Colonel",
    "Lt. Col.",
    "Colonel",
    "Col.",
    "Dr.",
    "Dr",
    "Mr.",
    "Mr",
    "Ms.",
    "Ms",
    "Mrs.",
    "Mrs",
    "Miss",
    "Prof.",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Judge",
    "Senator",
    "Rev.",
    "Reverend",
    "Father",
    "Sister",
    "Archbishop",
    "Bishop",
    "Cardinal",
    "Imam",
    "Rabbi",
    "Sheikh",
    "The Honourable",
    "The Honorable",
    "Hon.",
    "HRH",
)
_HONORIFIC_RE = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")"
    # "Rear Admiral (ret.)", "General (Retd.)": a retired officer keeps the rank
    r"(?:\s\((?:[Rr]et|[Rr]etd|[Rr]td|[Rr]etired)\.?\))?(?=\s)",
)

_HONORIFIC_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "amb",
        "h.e",
        "he",
        "hon",
        "rev",
        "sir",
        "dame",
        "lord",
        "lady",
        "baroness",
        "commodore",
        "brigadier",
        "archbishop",
        "miss",
        "sheikh",
        "hrh",
    ]
)

MALE_HONORIFICS = frozenset({"Mr.", "Mr", "Sir", "Lord", "H.E. Mr.", "Father", "His Excellency"})
FEMALE_HONORIFICS = frozenset(
    {
        "Ms.",
        "Ms",
        "Mrs.",
        "Mrs",
        "Miss",
        "Dame",
        "Lady",
        "Baroness",
        "H.E. Ms.",
        "H.E. Mrs.",
        "Sister",
        "Her Excellency",
    }
)


# Singular heads of a role phrase that can stand for a person ("the ministry spokesperson").
ROLE_HEADS = frozenset(
    [
        # the parts people play at an event ("Host Ana Bettencourt opened the webinar")
        "host",
        "co-host",
        "presenter",
        "discussant",
        "facilitator",
        "convenor",
        "convener",
        "president",
        "secretary",
        "secretary-general",
        "under-secretary-general",
        "assistant-secretary-general",
        "director",
        "director-general",
        "minister",
        "ambassador",
        "representative",
        "envoy",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "co-chair",
        "head",
        "chief",
        "officer",
        "adviser",
        "advisor",
        "counsellor",
        "counselor",
        "coordinator",
        "commissioner",
        "professor",
        "fellow",
        "dean",
        "rector",
        "lecturer",
        "researcher",
        "analyst",
        "editor",
        "founder",
        "co-founder",
        "ceo",
        "governor",
        "mayor",
        "senator",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "leader",
        "manager",
        "rapporteur",
        "judge",
        "prosecutor",
        "commander",
        "general",
        "admiral",
        "colonel",
        "chancellor",
        "premier",
        "delegate",
        "observer",
        "expert",
        "scientist",
        "economist",
        "diplomat",
        "official",
        "mediator",
        "negotiator",
        "moderator",
        "panelist",
        "panellist",
        "author",
        "correspondent",
        "lawyer",
        "activist",
        "administrator",
        "speaker",
        "representative-designate",
        "minister-designate",
    ]
)

# Words of a role phrase: its heads (above) and the words that qualify them.
ROLE_WORDS = ROLE_HEADS | frozenset(
    [
        "vice",
        "deputy",
        "special",
        "high-commissioner",
        "provost",
        "coo",
        "cfo",
        "congressman",
        "congresswoman",
        "prime",
        "foreign",
        "justice",
        "major",
        "captain",
        "lieutenant",
        "brigadier",
        "marshal",
        "king",
        "queen",
        "prince",
        "princess",
        "crown",
        "hrh",
        "pope",
        "bishop",
        "archbishop",
        "cardinal",
        "emir",
        "sultan",
        "associate",
        "assistant",
        "principal",
        "partner",
        "member",
        "permanent",
        "emeritus",
        "emerita",
        "interim",
        "acting",
        "former",
        "incoming",
        "outgoing",
        "distinguished",
        "visiting",
        "non-resident",
        "resident",
        "honourable",
        "honorable",
        "excellency",
        "journalist",
        "reporter",
        "president-elect",
        "secretary-general-designate",
        "designate",
        "attorney",
        "chief-executive",
        "executive",
        "undersecretary",
        "under-secretary",
        "superintendent",
        "inspector",
        "auditor",
        "registrar",
        "treasurer",
        "clerk",
        "president-designate",
        "principal-deputy",
    ]
)

ORG_WORDS = frozenset(
    [
        "institute",
        "institution",
        "council",
        "nations",
        "ministry",
        "department",
        "university",
        "college",
        "school",
        "foundation",
        "office",
        "mission",
        "committee",
        "commission",
        "assembly",
        "organization",
        "organisation",
        "agency",
        "fund",
        # "the Peace Finance Facility", "the Ocean Data Platform": an organisation's name
        "facility",
        "finance",
        "platform",
        "mechanism",
        "consortium",
        "taskforce",
        "hub",
        "dialogue",
        "crescent",
        # "the UN Standby Team of Mediation Experts", "the Panel of Experts"
        "team",
        # companies: "Meridian Subsea Systems", "Orbis Space Technologies"
        "systems",
        "technologies",
        "industries",
        "labs",
        "laboratories",
        "airlines",
        "motors",
        "enterprises",
        "communications",
        "telecom",
        # armed services: "the Royal Malaysian Navy", "the Coast Guard"
        "navy",
        "fleet",
        "command",
        "guard",
        "brigade",
        "battalion",
        "regiment",
        "marines",
        # places: "the Sarmatian Gulf", "the Mano River basin" are no one's names
        "gulf",
        "sea",
        "ocean",
        "river",
        "valley",
        "basin",
        "peninsula",
        "strait",
        "straits",
        "islands",
        "archipelago",
        "province",
        "region",
        "desert",
        "highlands",
        "plateau",
        "accord",
        "compact",
        "collective",
        "nexus",
        "endowment",
        "partners",
        "ventures",
        "holdings",
        "solutions",
        "programme",
        "program",
        "group",
        "center",
        "centre",
        "republic",
        "union",
        "states",
        "kingdom",
        "government",
        "forum",
        "conference",
        "division",
        "service",
        "section",
        "unit",
        "court",
        "bank",
        "party",
        "army",
        "force",
        "forces",
        "corps",
        "police",
        "company",
        "corporation",
        "inc",
        "ltd",
        "association",
        "society",
        "federation",
        "network",
        "alliance",
        "coalition",
        "initiative",
        "project",
        "board",
        "secretariat",
        "directorate",
        "bureau",
        "authority",
        "parliament",
        "congress",
        "senate",
        "house",
        "cabinet",
        "embassy",
        "consulate",
        "delegation",
        "observatory",
        "academy",
        "library",
        "museum",
        "hospital",
        "church",
        "times",
        "post",
        "journal",
        "news",
        "press",
        "review",
        "magazine",
        "report",
        "summit",
        "convention",
        "charter",
        "treaty",
        "agreement",
        "declaration",
        "act",
        "law",
        "strategy",
        "plan",
        "agenda",
        "goals",
        "series",
        "lecture",
        "award",
        "prize",
        "hotel",
        "hall",
        "building",
        "street",
        "avenue",
        "square",
        "plaza",
        "road",
        "airport",
        "station",
        "security",
        "peace",
        "operations",
        "affairs",
        "relations",
        "studies",
        "research",
        "development",
        "cooperation",
        "rights",
        "policy",
        "islands",
        "island",
        "sea",
        "ocean",
        "river",
        "lake",
        "mountains",
        "valley",
        "strip",
        "coast",
        "province",
        "state",
        "county",
        "city",
        "region",
        "district",
        "territory",
        "crisis",
        "war",
        "conflict",
        "movement",
        "front",
        "brigade",
        "battalion",
        "command",
        "headquarters",
        "meeting",
        "meetings",
        "session",
        "sessions",
        "panel",
        "debate",
        "briefing",
        "caucus",
        "club",
        "league",
        "trust",
        "partnership",
        "alliance",
        "capital",
        "management",
        "consulting",
        "associates",
        "media",
        "radio",
        "television",
        "network",
        "times",
        "herald",
        "tribune",
        "gazette",
        "daily",
        "weekly",
        "online",
        "channel",
        "company",
        "laboratory",
        "lab",
        "centre",
        "center",
        "programmes",
        "observatory",
        "index",
        # words of organisation names that never name a person ("Amnesty International")
        "international",
        "internationale",
        "watch",
        "aid",
        "relief",
        "frontières",
        "frontieres",
        "borders",
        "worldwide",
        "foundation",
    ]
)

STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "at",
        "on",
        "as",
        "but",
        "and",
        "or",
        "for",
        "of",
        "by",
        "from",
        "with",
        "to",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "our",
        "his",
        "her",
        "their",
        "meanwhile",
        "however",
        "moreover",
        "furthermore",
        "additionally",
        "lastly",
        "finally",
        "first",
        "second",
        "third",
        "despite",
        "following",
        "after",
        "before",
        "during",
        "while",
        "when",
        "where",
        "what",
        "why",
        "how",
        "who",
        "which",
        "although",
        "though",
        "if",
        "because",
        "since",
        "many",
        "some",
        "most",
        "all",
        "both",
        "each",
        "every",
        "other",
        "another",
        "such",
        "several",
        "no",
        "not",
        "yes",
        "also",
        "against",
        "among",
        "under",
        "over",
        "through",
        "until",
        "unless",
        "whether",
        "even",
        "only",
        "just",
        "thus",
        "therefore",
        "hence",
        "today",
        "yesterday",
        "tomorrow",
        "citing",
        "noting",
        "pointing",
        "presenting",
        "speaking",
        "opening",
        "closing",
        "welcome",
        "photo",
        "featured",
        "keynote",
        "moderated",
        "delegates",
        "renowned",
        "release",
        "incoming",
        "outgoing",
        "there",
        "here",
        "then",
        "now",
        "later",
        "earlier",
        "according",
        "asked",
        "when",
        "given",
        "having",
        "being",
        "once",
        "again",
        "overall",
        "instead",
        "indeed",
        "still",
        "yet",
        "so",
        "nor",
        "either",
        "neither",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "nearly",
        "about",
        "around",
        "more",
        "less",
    ]
)

MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)

PLACE_STARTS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "new",
        "united",
        "upper",
        "lower",
        "greater",
    ]
)
PLACES = frozenset(
    """saudi arabia|sri lanka|costa rica|burkina faso|sierra leone|el salvador|hong kong|
    puerto rico|cabo verde|cape verde|timor leste|timor-leste|san marino|los angeles|
    addis ababa|buenos aires|tel aviv|abu dhabi|kuala lumpur|rio de janeiro|sao paulo|
    são paulo|papua new guinea|solomon islands|marshall islands|gaza strip|west bank|
    golan heights|latin america|middle east|horn of africa|lake chad|ivory coast|
    côte d’ivoire|côte d'ivoire|bosnia herzegovina|trinidad tobago|antigua barbuda|
    guinea bissau|guinea-bissau|equatorial guinea|dominican republic|czech republic|
    viet nam|el fasher|port-au-prince|port au prince|sana’a|santo domingo|san jose|
    san josé|san francisco|las vegas|st pancras|wall street|downing street|capitol hill""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)

PARTICLES = frozenset(
    [
        "van",
        "von",
        "den",
        "der",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "dos",
        "das",
        "do",
        "los",
        "las",
        # Maasai: "Joseph Lekishon ole Sankale"
        "ole",
        "des",
        "dei",
        "degli",
        "delle",
        "op",
        "la",
        "le",
        "bin",
        "bint",
        "binti",
        "ould",
        "ibn",
        "zu",
        "af",
        "y",
        "al",
        "el",
        "ter",
        "ten",
        "ben",
        "abu",
        "mac",
        "st",
    ]
)
_CAP_PARTICLES = frozenset({"Di", "De", "Da", "Van", "Von", "Le", "La", "Del", "Al", "El", "Abu"})

PRONOUNS_MALE = frozenset({"he", "him", "his"})
PRONOUNS_FEMALE = frozenset({"she", "her", "hers"})

# Lower-case words that may stand in a role phrase before a name or a role head.
ROLE_MODIFIERS = frozenset(
    [
        "former",
        "acting",
        "deputy",
        "senior",
        "foreign",
        "chief",
        "executive",
        "special",
        "permanent",
        "assistant",
        "associate",
        "vice",
        "incoming",
        "outgoing",
        "current",
        "then",
        "new",
        "interim",
        "top",
        "environmental",
        "regional",
        "national",
        "international",
        "general",
        "principal",
        "leading",
        "veteran",
        "independent",
        "visiting",
        "resident",
        "non-resident",
        "military",
        "political",
        "legal",
        "humanitarian",
        "economic",
        "civilian",
        "defence",
        "defense",
        "finance",
        "health",
        "trade",
        "justice",
        "interior",
        "education",
        "climate",
        "security",
        "human",
        "rights",
        "development",
        "research",
        "policy",
        "press",
        "senior-most",
        "us",
        "u.s.",
        "un",
        "u.n.",
        "eu",
    ]
)


# ------------------------------------------------------------------ helpers


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents off, curly apostrophes straight: for comparing names.
    Cached: a report folds the same few thousand words over and over."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("\u00a0", " "))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def slug(text: str) -> str:
    """A lower-case ASCII id: words joined by hyphens ("Agnès Coutou" → "agnes-coutou")."""
    words = re.findall(r"[a-z0-9]+", fold(text).replace("'", ""))
    return "-".join(words) or "x"


_WORD = re.compile(
    r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+(?:[’'\-](?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+)*"
)


class Word(NamedTuple):
    start: int
    end: int
    text: str


def words(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


# "al-Khatib", "el-Sayed", "bin-Talal", "d’Almeida": a lower-case particle joined to a
# capitalised name is a name word.
_JOINED_PARTICLE = re.compile(
    r"^(?:al|el|ul|ad|ar|as|at|az|bin|ibn|ben|abu|ould|da|de|di|d|l)[-’'](?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])"
)


def _is_name_word(word: str) -> bool:
    if _is_cap(word):
        return True
    m = _JOINED_PARTICLE.match(word)
    # "al-Khatib", never "de-escalation" or "as-yet"
    return m is not None and word[m.end() - 1].isupper() and word[-1:].islower()


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _possessive(word: str) -> bool:
    return word.endswith(("’s", "'s")) and len(word) > 2


_PREFIXED = re.compile(r"(?:vice|deputy|co|acting|assistant|under|former|ex)-(.+)")


def _prefixed_role(low: str) -> bool:
    """ "vice-minister", "co-chair": a role with a prefix joined by a hyphen."""
    pm = _PREFIXED.fullmatch(low)
    return pm is not None and pm.group(1) in ROLE_WORDS


def non_name(word: str) -> bool:
    """A capitalised word that cannot be part of a person's name."""
    low = fold(word)
    if _possessive(word):
        low = fold(word[:-2])
    return (
        low in ROLE_WORDS
        or _prefixed_role(low)
        or low in _HONORIFIC_WORDS
        or low in ORG_WORDS
        or low in STOP_WORDS
        or low in MONTHS
        or _is_acronym(word)
        or (low.endswith("s") and low[:-1] in ORG_WORDS)
    )


class Mention(NamedTuple):
    """A person named in full (two words or more), or a surname after a title.

    ``start``/``end`` delimit the name as printed; ``lead`` is where the mention starts
    counting its honorific and role prefix (``text[lead:end]`` is e.g. "IPI Vice
    President Adam Lupel").
    """

    start: int
    end: int
    name: str
    honorific: str | None
    role_prefix: str
    lead: int
    single: bool


def _honorific_before(text: str, start: int) -> tuple[str | None, int]:
    """The honorific printed right before ``start`` (and where it begins)."""
    before = text[max(0, start - 30) : start]
    best: tuple[str | None, int] = (None, start)
    for m in _HONORIFIC_RE.finditer(before):
        if before[m.end() :].strip(" \u00a0") == "":
            offset = start - len(before) + m.start()
            if best[0] is None or offset < best[1]:
                best = (m.group(), offset)
    return best


_ROLE_HONORIFICS = frozenset(
    {
        "Ambassador",
        "General",
        "Senator",
        "Judge",
        "Professor",
        "Admiral",
        "Rear Admiral",
        "Vice Admiral",
        "Colonel",
        "Lieutenant General",
        "Major General",
        "Brigadier General",
        "Brigadier",
        "Commodore",
        "Air Chief Marshal",
        "Air Vice-Marshal",
        "Air Vice Marshal",
        "Air Marshal",
        "Lieutenant Colonel",
    }
)


_LOOK_BACK = 300  # characters before a name that can hold its title or role
_PARTICLE_BEFORE = re.compile(r"(?<![\w’'-])([a-z]+)[ \u00a0]$")


def _role_prefix_before(text: str, start: int) -> tuple[str, int]:
    """A role printed right before a name ("IPI Vice President", "the Irish foreign
    minister", "Peru's UN Ambassador"), and where it begins; ("", start) if none."""
    # only the words just before the name can be its role: a window, not the whole
    # paragraph (a paragraph of thousands of names must not cost names × paragraph)
    lo = max(0, start - _LOOK_BACK)
    ws = [Word(w.start + lo, w.end + lo, w.text) for w in words(text[lo:start])]
    if not ws or text[ws[-1].end : start].strip(" \u00a0"):
        return "", start
    first: int | None = None
    i = len(ws) - 1
    while i >= 0:
        w = ws[i]
        after = ws[i + 1].start if i + 1 < len(ws) else start
        gap = text[w.end : after].strip(" \u00a0")
        if gap and not (gap == "." and len(w.text) <= 2) and gap not in ("'", "’"):
            break
        low = fold(w.text)
        base = fold(w.text[:-2]) if _possessive(w.text) else low
        if low in ("the", "a", "an"):
            if first is not None:
                first = w.start
            break
        if low in STOP_WORDS and base not in ROLE_WORDS:
            break
        if (
            base in ROLE_WORDS
            or _prefixed_role(base)
            or first is not None
            and (
                _is_cap(w.text) or low in ROLE_MODIFIERS or _possessive(w.text) or len(w.text) <= 2
            )
        ):
            first = w.start
        else:
            break
        i -= 1
    if first is None:
        return "", start
    return text[first:start].rstrip(" \u00a0"), first


def find_mentions(text: str) -> list[Mention]:
    """People named in ``text`` (quotation contents should be masked by the caller)."""
    ws = words(text)
    mentions: list[Mention] = []
    i = 0
    while i < len(ws):
        w0 = ws[i]
        if not _is_name_word(w0.text) or (
            len(w0.text) == 1 and w0.start > 0 and text[w0.start - 1] == "."
        ):
            i += 1
            continue
        # a run of capitalised words, particles and initials, joined by single spaces
        run = [w0]
        j = i + 1
        while j < len(ws):
            gap = text[run[-1].end : ws[j].start]
            w = ws[j].text
            # "J. R. Okonkwo", and "A.B. Okafor" with the initials run together
            initial = len(run[-1].text) == 1 and (
                gap in (". ", ".\u00a0")
                or (
                    gap == "."
                    and len(w) == 1
                    # "H.E." is a title, not initials
                    and not (
                        (hm := _HONORIFIC_RE.match(text, run[-1].start)) and hm.end() > run[-1].end
                    )
                )
            )
            if (gap not in (" ", "\u00a0") and not initial) or _possessive(run[-1].text):
                break
            if _is_name_word(w) or w in PARTICLES:
                run.append(ws[j])
                j += 1
            else:
                break
        mention = _capitals_name(text, run) or _mention_from_run(text, run)
        if (
            mention is not None
            and not _ORG_NOUN_BEFORE.search(text, max(0, run[0].start - 80), run[0].start)
            and not (
                len(run) <= 2 and _THE_BEFORE.search(text, max(0, run[0].start - 5), run[0].start)
            )
            and not _in_body_name(text, run[0].start)
        ):
            mentions.append(mention)
        i = j
    return mentions


# "the satellite operator Orbis Iberia", "the charity Open Hands": a body's name after
# the noun that says what it is
_ORG_NOUN_BEFORE = re.compile(
    r"(?<![\w’'-])(?i:operator|company|firm|charity|ngo|agency|start-?up|consultancy|"
    r"broadcaster|newspaper|magazine|outlet|airline|manufacturer|insurer|bank|provider|"
    r"platform|network|movement|militia|group|coalition|alliance|foundation|"
    r"think[ -]tank|organi[sz]ation|nonprofit|non-profit|conglomerate|subsidiary|"
    r"contractor|developer|giant|maker|operator's|firm's)\s+"
    # "the charity Médecins en Première Ligne": the body's first words, then the run
    r"(?:[A-Z][\w’'-]*\s+(?:(?:en|de|du|des|di|da|del|la|le|y|e|et|and|of|for|sans)\s+)?){0,3}$",
)
_BODY_OF = re.compile(r"([A-Z][\w’'-]*)\s+(?:for|of|on)\s+(?:the\s+)?$")


def _in_body_name(text: str, start: int) -> bool:
    """ "the Geneva International Centre for Humanitarian Demining": capitals right after
    a body's noun and its "for", "of" or "on" go on naming the body, not a person."""
    m = _BODY_OF.search(text, max(0, start - 40), start)
    return m is not None and fold(m.group(1)) in ORG_WORDS


# "on the Tonle Sap", "across the Sahel Belt": a run right after a small "the" is a place
# or a thing; a person after "the" has a role between ("the economist Ana Lopes")
_THE_BEFORE = re.compile(r"(?<![\w’'-])the\s+$")


_CAPS_ACRONYMS = frozenset(
    [
        "un",
        "eu",
        "au",
        "us",
        "uk",
        "usa",
        "uae",
        "nato",
        "osce",
        "oas",
        "asean",
        "ecowas",
        "sadc",
        "igad",
        "opec",
        "who",
        "wfp",
        "ilo",
        "imf",
        "iom",
        "icrc",
        "ipi",
        "undp",
        "unicef",
        "unhcr",
        "unep",
        "unfpa",
        "unesco",
        "ocha",
        "dppa",
        "dpo",
        "dos",
        "ngo",
        "ngos",
        "cso",
        "csos",
        "ceo",
        "mp",
        "mps",
        "tv",
        "ai",
        "icc",
        "icj",
        "csw",
        "hrc",
        "ga",
        "sc",
        "ecosoc",
    ]
)


def _capitals_name(text: str, run: list[Word]) -> Mention | None:
    """ "MARIA ROSSI (Italy) said …", "JEAN-LUC VAN DER BERG, Director …": meetings
    coverage prints a speaker's name in capitals at the start of their paragraph. Two
    to five capitalised words that are no acronym, role or organisation, at a line's
    start or after a comma, before "(", "," or a reporting verb."""
    if not 2 <= len(run) <= 8:
        return None
    if not all(w.text.isupper() for w in run):
        return None
    # "GUSTAVO ADOLFO PEÑA DE LOS RÍOS": up to five words besides the particles
    core = [w for w in run if fold(w.text) not in PARTICLES]
    if not 2 <= len(core) <= 5:
        return None
    for w in core:
        low = fold(w.text)
        if (
            len(low) < 2
            or low in _CAPS_ACRONYMS
            or low in ROLE_WORDS
            or low in ORG_WORDS
            or low in STOP_WORDS
            or low in _HONORIFIC_WORDS
            or low in MONTHS
            or not re.search(r"[aeiouy]", low)
        ):
            return None
    start, end = run[0].start, run[-1].end
    before = text[max(0, start - _LOOK_BACK) : start].rstrip(" \u00a0")
    if (
        before
        and not before.endswith(("\n", ",", ":", ";"))
        # "“…,” said KATARINA VUKOVIĆ-ABENA, Assistant Secretary-General"
        and not re.search(r"(?<![\w’'-])(?:said|says|added|noted|stressed|asked)$", before)
    ):
        return None
    after = text[end : end + _LOOK_BACK]
    if not re.match(
        r"\s*\(|,\s|\s+(?:also\s+|then\s+)?(?:said|says|noted|stressed|added|told|asked|"
        r"urged|warned|recalled|emphasi[sz]ed|underlined|expressed|welcomed|"
        r"called|described|highlighted|argued|explained|observed|agreed)\b",
        after,
    ):
        return None
    honorific, hon_start = _honorific_before(text, start)
    return Mention(start, end, text[start:end], honorific, "", min(hon_start, start), False)


def _mention_from_run(text: str, run: list[Word]) -> Mention | None:
    k = len(run)
    while (
        k > 0
        and (
            run[k - 1].text in PARTICLES
            or not non_name(run[k - 1].text)
            # an initial ("A. B. Okafor"), not the article
            or (len(run[k - 1].text) == 1 and text[run[k - 1].end : run[k - 1].end + 1] == ".")
        )
    ):
        k -= 1
    tail = run[k:]
    while tail and tail[0].text in PARTICLES:
        tail = tail[1:]
    while tail and tail[-1].text in PARTICLES:
        tail = tail[:-1]
    if not tail:
        return None
    last = tail[-1]
    name_text = text[tail[0].start : last.end]
    if _possessive(last.text):
        name_text = name_text[:-2]
    name_words = name_text.split()
    core = [w for w in name_words if w not in PARTICLES]
    if fold(name_text) in PLACES or fold(name_words[0]) in PLACE_STARTS or len(core) > 5:
        return None
    if (
        tail[0] is run[0]
        and _in_role_phrase(text, tail[0].start)
        and not _courtesy_before(text, tail[0].start)
        and not _person_after_and(text, tail)
    ):
        # "Director for Field Support" names a field; "President of Ghana Kofi Mensah"
        # ends with a name after the complement
        if len(core) < 3:
            return None
        keep = [w for w in tail if w.text not in PARTICLES][-2:]
        first = tail.index(keep[0])
        while first > 0 and tail[first - 1].text in PARTICLES:
            first -= 1
        tail = tail[first:]
        name_text = text[tail[0].start : last.end]
        if _possessive(last.text):
            name_text = name_text[:-2]
        name_words = name_text.split()
    start = tail[0].start
    if tail[0] is run[0] and _honorific_before(text, start)[0] is None:
        # "Mr. de la Fuente": the lower-case particles after a title belong to the name
        back = start
        while (pm := _PARTICLE_BEFORE.search(text, max(0, back - 40), back)) and (
            pm.group(1) in PARTICLES
        ):
            back = pm.start(1)
        if back < start and _honorific_before(text, back)[0] in _COURTESY:
            name_text = text[back:start] + name_text
            start = back
            name_words = name_text.split()
    if tail[-1].text in _SUFFIXES and text[last.end : last.end + 1] == "." and len(core) > 2:
        name_text += "."  # "Ngozi Okonjo-Iweala Jr."
    end = start + len(name_text)
    honorific, hon_start = _honorific_before(text, start)
    prefix, pre_start = "", start
    if honorific is None:
        prefix, pre_start = _role_prefix_before(text, start)
    elif honorific not in _ROLE_HONORIFICS:
        # "Institute President Dr. Helena Brandt"
        prefix, pre_start = _role_prefix_before(text, hon_start)
    else:
        # "Peru's UN Ambassador Ana Lopes": a role, not a courtesy title
        before, before_start = _role_prefix_before(text, start)
        if before and before_start < hon_start:
            prefix, pre_start = before, before_start
            honorific, hon_start = None, start
    if not prefix:
        # "President of Ghana Kwesi Mensah", "Director of the Institute Dr. Jo Park"
        prefix, pre_start = _role_complement_before(text, min(hon_start, start))
    single = len([w for w in name_words if w not in PARTICLES]) < 2
    if single and honorific is None and not prefix:
        return None
    lead = min(hon_start, pre_start)
    return Mention(start, end, name_text, honorific, prefix, lead, single)


_ROLE_PREPOSITION = re.compile(
    r"(?<![\w’'-])([\w’'-]+)\s+(?:for|of|at|with|in|on|from)\s+"
    r"(?:(?:the|[A-Z][\w’'.-]*|and|of|for|&)\s+)*$"
)


_COURTESY = (
    frozenset(HONORIFICS)
    - _ROLE_HONORIFICS
    # religious and noble titles: not the courtesy titles a surname takes ("Mr. Ba")
    - {"Father", "Sister", "Archbishop", "Bishop", "Cardinal", "Imam", "Rabbi", "Lord", "Lady"}
)


def _courtesy_before(text: str, start: int) -> bool:
    """Is a courtesy title ("Dr.", "Ms.", "H.E.") printed right before ``start``? Then
    a person's name follows, whatever role precedes it."""
    honorific, _at = _honorific_before(text, start)
    return honorific in _COURTESY


_REPORTING_AFTER = re.compile(
    r"\s+(?:(?:also|then|later|further|has|had)\s+)?(?:said|says|told|tells|added|noted|"
    r"stressed|argued|warned|explained|observed|emphasi[sz]ed|underlined|highlighted|"
    r"asked|replied|urged|called|recalled|insisted|pointed|remarked|suggested|concluded)\b"
)


def _person_after_and(text: str, tail: list[Word]) -> bool:
    """ "the Director for Peace and Jo Park said": after "and", a run of two words or more
    that are no organisation's and that a reporting verb follows is a second person,
    not the end of the complement ("Director for Peace and Security")."""
    before = text[max(0, tail[0].start - 5) : tail[0].start]
    if not re.search(r"(?<![\w’'-])and\s$", before):
        return False
    core = [w for w in tail if w.text not in PARTICLES]
    if len(core) < 2 or any(non_name(w.text) for w in core):
        return False
    return _REPORTING_AFTER.match(text, tail[-1].end) is not None


def _role_complement_before(text: str, start: int) -> tuple[str, int]:
    """A role with its complement printed right before a name, with no comma ("President
    of Ghana Kwesi Mensah", "Special Envoy for the Sahel Jo Park"): the role and where it
    begins; ("", start) if none."""
    before = text[max(0, start - 80) : start]
    if not before.endswith((" ", "\u00a0")):
        return "", start
    cut = max(before.rfind(c) for c in ",;:()\n" + "¤")
    base = start - len(before) + cut + 1
    m = _ROLE_PREPOSITION.search(text, base, start)
    if m is None or m.end() != start:
        return "", start
    head_word = m.group(1)
    head = fold(head_word[:-2] if _possessive(head_word) else head_word)
    if not _is_cap(head_word) or head not in ROLE_WORDS:
        return "", start
    phrase_start = m.start(1)
    more, more_start = _role_prefix_before(text, phrase_start)
    if more:
        phrase_start = more_start
    phrase = text[phrase_start:start].rstrip(" \u00a0")
    # "the Director for Peace and Jo Park": two people, not one role
    if len(phrase.split()) > 12 or fold(phrase.split()[-1]) in ("and", "&", "of", "for", "the"):
        return "", start
    return phrase, phrase_start


def _in_role_phrase(text: str, start: int) -> bool:
    """Is the run at ``start`` the complement of a role ("Director for Field Support",
    "a journalist with Deutsche Welle", "Senior Fellow at the Lisbon Centre")? Then it
    names a field or an organisation, never a person."""
    before = text[max(0, start - 80) : start]
    cut = max(before.rfind(c) for c in ",;:()\n" + "¤")
    before = before[cut + 1 :]
    m = _ROLE_PREPOSITION.search(before)
    if m is None:
        return False
    head = fold(m.group(1))
    if _possessive(m.group(1)):
        head = fold(m.group(1)[:-2])
    return (
        head in ROLE_WORDS
        or (head.endswith("s") and head[:-1] in ROLE_HEADS)
        # "the Department of Field Support", "the Office for Outer Space"
        or (_is_cap(m.group(1)) and (head in ORG_WORDS or head.rstrip("s") in ORG_WORDS))
    )


_SUFFIXES = frozenset({"Jr", "Sr", "Jr.", "Sr.", "II", "III", "IV"})


def surname_of(name: str) -> str:
    """The surname as printed: the last word, with the particles before it
    ("van den Berg", "Di Razza", "Ba-Konaré"); a suffix ("Jr.") is not it."""
    parts = name.split()
    while len(parts) > 2 and parts[-1] in _SUFFIXES:
        parts = parts[:-1]
    if len(parts) < 2:
        return name
    i = len(parts) - 1
    # "PIETER VAN DER BERGHE" as UN meetings coverage prints a speaker: its particles
    # are those of "van der Berghe"
    caps = name.isupper()
    while i > 1 and (
        parts[i - 1] in PARTICLES
        or parts[i - 1] in _CAP_PARTICLES
        or (caps and parts[i - 1].lower() in PARTICLES)
    ):
        i -= 1
    return " ".join(parts[i:])


def gender_of_honorific(honorific: str | None) -> str | None:
    if honorific in MALE_HONORIFICS:
        return "m"
    if honorific in FEMALE_HONORIFICS:
        return "f"
    return None


def role_head(phrase: str) -> str | None:
    """The singular role noun that heads a phrase ("the ministry spokesperson" →
    "spokesperson"; "the bank's chief economist on trade" → "economist"), or None.
    Plural heads ("experts", "delegates") are groups, not people: None."""
    ws = [fold(w.text) for w in words(phrase)]
    if not ws or len(ws) > 14:
        return None
    # the head stands before the first preposition of a complement
    cut = len(ws)
    for idx, w in enumerate(ws):
        if idx > 0 and w in ("of", "on", "for", "at", "in", "to", "from", "with"):
            cut = idx
            break
    head_zone = ws[:cut]
    for w in reversed(head_zone):
        if w in ROLE_HEADS:
            return w
        if w.endswith("s") and w[:-1] in ROLE_HEADS:
            return None  # a group
        # "the Vice-Minister", "the co-chair": a prefixed head is still that role
        pm = re.fullmatch(r"(?:vice|deputy|co|acting|assistant|under|former|ex)-(.+)", w)
        if pm and pm.group(1) in ROLE_HEADS:
            return pm.group(1)
        break
    return None


_ORG_AT = re.compile(r"\b(?:at|of|in|with|from)\s+((?:the\s+)?[A-Z][^,;]*)$")


_BODY_NAME = re.compile(
    r"[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|for|and|on|the|de|du|des|la|le))*"
)


def organisations_from_role(role: str) -> list[str]:
    """Organisations named in a role ("Adviser at the Permanent Mission of France" →
    "Permanent Mission of France"): as printed, in order, no duplicates."""
    out: list[str] = []
    parts: list[str] = []
    for piece in re.split(r",\s+(?=(?:and\s+)?)|\s+and\s+(?=(?:a|an|the)\s)", role):
        bare = re.sub(r"^and\s+", "", piece)
        if (
            parts
            and re.match(
                r"(?:and\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s+(?:at|of|in)\s|$)", piece
            )
            and not any(fold(w) in ROLE_WORDS for w in bare.split()[:1])
            and parts[-1].rstrip()[-1:].isalpha()
            and parts[-1].split()[-1][:1].isupper()
        ):
            # "Division of Policy, Evaluation, and Training", "Institute for Global Peace,
            # Security, and Justice": a name's own series, not a second role
            parts[-1] += ", " + piece
        else:
            parts.append(bare)
    for part in parts:
        part = part.strip()
        if not part:
            continue
        lead = part.split()[0] if part.split() else ""
        lead = lead[:-2] if _possessive(lead) else lead
        if (
            _is_acronym(lead)
            and re.search(r"\b(?:at|with|from|of|in)\s+(?:the\s+)?[A-Z]", part)
            and lead not in out
        ):
            # "IPI Non-Resident Fellow and professor at the University of Montreal"
            out.append(lead)
        org = None
        m = re.search(
            r"\b(?:at|with|from)\s+(?:the\s+)?([A-Z](?:[^,;]|,\s+(?:and\s+)?[A-Z])*)$", part
        )
        body = re.sub(r"^the\s+", "", part)
        if m:
            org = m.group(1)
        elif (
            _BODY_NAME.fullmatch(body)
            and any(fold(w) in ORG_WORDS or fold(w).rstrip("s") in ORG_WORDS for w in body.split())
            and not any(fold(w) in ROLE_WORDS for w in body.split())
        ):
            # "the US Institute of Peace": the whole name, not "Peace" after its "of"
            org = body
        else:
            m = re.search(r"\b(?:of|in)\s+(?:the\s+)?([A-Z][^,;]*)$", part)
            if m:
                cand = m.group(1)
                # "of the UN Department of X" keeps the last organisation named
                inner = re.search(r"\b(?:of|in)\s+(?:the\s+)?([A-Z][^,;]*)$", cand)
                org = cand
                if inner and any(fold(w) in ORG_WORDS for w in cand.split()[:3]) is False:
                    org = inner.group(1)
        if org is None:
            # "the Royal Moroccan Navy", "Mercy Corps": a body's name, no role in it
            body = re.sub(r"^the\s+", "", part)
            ws = body.split()
            if (
                len(ws) >= 2
                and all(w[:1].isupper() for w in ws if w not in ("of", "and", "for", "the"))
                and not any(fold(w) in ROLE_WORDS for w in ws)
            ):
                org = body
        if org is None:
            first = part.split()[0] if part.split() else ""
            first = first[:-2] if _possessive(first) else first
            if _is_acronym(first):
                org = first
            else:
                m = re.search(r"\b([A-Z]{2,}(?:[\w/]|-[A-Z]\w*)*)", part)
                if m:
                    org = m.group(1)
        if org:
            org = org.strip().rstrip(".")
            if org and org not in out and fold(org) not in ROLE_WORDS:
                out.append(org)
    return out
