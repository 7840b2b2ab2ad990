"""Who said what: reporting cues, their subjects, and the statements they make.

One pass over the report's sentences, after a first pass that collects everyone the
report names in full (so a headline's "Okafor: “…”" finds the Lena Okafor named
below it). For every sentence:

* the **cues**: reporting verbs ("said", "told", "warned", "called for" …), their
  participles ("stressing", "noting that"), tags ("“…,” said X"), a headline's
  "X: “…”", and their **subject**: a name (with its honorific, role prefix and
  appositive), a surname or honorific + surname, a role ("the agency spokesperson",
  "Regional Envoy"), a pronoun, or a group or a state (then nobody);
* each quotation goes to the cue nearest before it in its sentence (else the nearest
  after it); a quotation with no cue continues the words of the last speaker, when
  that speaker spoke in this paragraph or the one before (``context``);
* a sentence with a cue whose subject is a person and with reported content outside
  its quotation marks is a paraphrase, verbatim, starting after the speaker's name and
  role when the sentence opens with them.

Roles are people until the end of the report, when each is matched to a named speaker
whose role has the same head noun ("Regional Envoy" → "the Regional Envoy of
the Lake Commission"), or to the person the very next sentence introduces; failing both it stays
a speaker known only by role.

Why one module of this size: the cues, their subjects, pronoun and role resolution
and the statements they make share one running context (who spoke last, who was just
introduced, which roles are open) that every rule reads and updates; split by rule,
that state would have to travel through every module.  The rules are grouped by
section (cues, subjects, context, statements, roles) and each has tests of its own in
tests/extract/.  A next step would move the lexicons (verbs, group words) to a data
module, as people.py's could be.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .paragraphs import Span, split_sentences
from .people import (
    ORG_WORDS,
    PARTICLES,
    ROLE_HEADS,
    ROLE_WORDS,
    STOP_WORDS,
    Mention,
    find_mentions,
    fold,
    gender_of_honorific,
    role_head,
    surname_of,
)
from .quotes import PASSIVE_NAMING, Quote, after_title_noun, find_quotes, is_title

MASK = "¤"

_FINITE = (
    r"said|says|say|told|tells|tell|added|adds|noted|notes|stated|stressed|stresses|"
    r"emphasi[sz]ed|emphasi[sz]es|underscored|underscores|underlined|underlines|highlighted|"
    r"highlights|pointed out|points out|observed|observes|explained|explains|argued|argues|"
    r"warned|warns|warn|cautioned|cautions|recalled|recalls|acknowledged|acknowledges|admitted|"
    r"conceded|asked|asks|continued|continues|concluded|concludes|insisted|insists|cited|"
    r"cites|listed|lists|mentioned|mentions|spoke|speaks|discussed|discusses|described|"
    r"describes|called for|calls for|call for|called on|calls on|urged|urges|urge|claimed|"
    r"suggested|suggests|reiterated|reiterates|remarked|replied|replies|responded|responds|"
    r"answered|announced|announces|declared|declares|expressed|expresses|welcomed|welcomes|"
    r"identified|recounted|proposed|proposes|accused|accuses|rejected|rejects|objected|"
    r"affirmed|reaffirmed|maintained|contended|lamented|agreed|agrees|disagreed|recommended|"
    r"recommends|elaborated|raised|touched upon|touched on|concentrated on|centered on|"
    r"centred on|focused on|focussed on|drew attention|draws attention|outlined|outlines|"
    r"reviewed|assured|predicted|appealed|commended|praised|condemned|denounced|criticized|"
    r"criticised|wrote|writes|tweeted|echoed|countered|questioned|wondered|estimated|confirmed|"
    r"denied|dismissed|reflected|detailed|illustrated|reminded|asserted|asserts|reprimanded|"
    r"voiced|imparted|believes|opined|lauded|hailed|decried|deplored|regretted|quipped|"
    r"summed up|went on|put it|had to say|has to say|shared|informed|"
    r"opened the \w+ by|opened the \w+ with|began by|closed by|ended by|gave the examples?|"
    r"(?:opened|began|closed|ended) with an? (?:\w+ )?(?:warning|appeal|call|plea|reminder|"
    r"observation|remark|note|caution|question)|"
    r"gave examples|was firm in (?:his|her) belief|vowed|pledged|promised|complained|alleged|"
    r"retorted|advised|summari[sz]ed|repeated|characteri[sz]ed|clarified|specified|"
    r"spelled out|exclaimed|demanded|implored|pleaded|testified|indicated|signall?ed|"
    r"commented|comments|mused|conceded|acknowledged|stated|states that|recalled that"
)
_PARTICIPLE = (
    r"saying|adding|noting|stressing|emphasi[sz]ing|underscoring|underlining|highlighting|"
    r"pointing out|observing|explaining|arguing|warning|cautioning|recalling|acknowledging|"
    r"asking|insisting|citing|describing|calling for|calling on|urging|claiming|suggesting|"
    r"reiterating|expressing|welcoming|recounting|proposing|accusing|rejecting|reaffirming|"
    r"affirming|maintaining|lamenting|recommending|reminding|asserting|declaring|announcing|"
    r"questioning|stating|pointing to|referring to|concluding|warning that|telling|calling it|"
    r"describing it as|terming it|dubbing it|labell?ing it"
)
_FINITE_RE = re.compile(rf"(?<![\w’'-])(?:{_FINITE})(?![\w’'-])", re.IGNORECASE)
_PARTICIPLE_RE = re.compile(rf"(?<![\w’'-])(?:{_PARTICIPLE})(?![\w’'-])", re.IGNORECASE)
_NEGATED = re.compile(
    r"(?:\bnever(?:\s+even)?|\bdid\s+not|\bdidn[’']t|\bdoes\s+not|\bdoesn[’']t|\bfailed\s+to|"
    r"\brefused\s+to|\bdeclined\s+to|\bwithout)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_ADVERBS = re.compile(
    r"(?:\s*\b(?:also|further|then|later|quickly|strongly|simply|repeatedly|again|firmly|"
    r"bitterly|clearly|specifically|subsequently|previously|recently|earlier|finally|"
    r"additionally|however|has|have|had|would|could|will|only|even|once|"
    r"rightly|frankly|candidly|openly|pointedly|emphatically|forcefully|likewise|similarly|"
    r"too|first|next|meanwhile|never|in turn|for (?:his|her) part|today|yesterday|tonight|"
    r"(?:on|last|this|late|early)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|morning|afternoon|evening|night|week|month|year)(?:\s+(?:morning|afternoon|"
    r"evening|night))?|on\s+\d{1,2}\s+[a-z]+|on\s+[a-z]+\s+\d{1,2}(?:st|nd|rd|th)?)\b\s*,?)+$",
    re.IGNORECASE,
)
_NAMING = re.compile(
    r"(?<![\w’'-])(called|calls|termed|terms|dubbed|labell?ed|branded|describe[sd]\s+as)"
    r"(?:\s+(?:it|them|this|that|these|those|such\s+[\w’'-]+|the\s+[\w’'-]+|[\w’'-]+"
    # "called the mission’s reporting “…”": a possessive and its noun
    r"|(?:the|its|their|his|her|our)\s+[\w-]+[’']s?\s+[\w’'-]+"
    # "called the detention of some 30,000 people in camps “…”": a longer object
    r"|(?:the|its|their|his|her|our|[A-Z][\w’'-]*)(?:\s+[\w’',-]+){1,9}?))?"
    r"\s+(?:as\s+)?$",
    re.IGNORECASE,
)
# "was careful not to call them “…”", "avoided the word “…”", "no longer used the phrase “…”"
_NOT_USED = re.compile(
    r"(?<![\w’'-])(?:not|never|no\s+longer|avoid\w*|refrain\w*|without|stopped|shunn?\w*|"
    r"eschew\w*|steer\w*\s+clear\s+of|declin\w*\s+to|refus\w*\s+to|"
    # "Neither panelist used the word “…”", "None of the speakers said …"
    r"(?:neither|none|nobody|no\s+one)(?:\s+(?:of\s+)?[\w’'-]+){0,3}?)"
    r"(?:\s+(?:to|even|once|ever|the|a|an|that|this|such|any|her|his|their|its|\w+ly))*\s+"
    r"(?:call(?:s|ed|ing)?(?!\s+(?:for|on|upon)\b)|us(?:e|es|ed|ing)|say|said|saying|utter\w*|"
    r"mention\w*|describ\w*|label\w*|term(?:s|ed|ing)?|words?|phrases?|expressions?|"
    r"speak\w*\s+of)\b(?![^,;:.¤]*\b(?:but|rather|instead)\b)[^,;:.¤]{0,40}$",
    re.IGNORECASE,
)
# "he had been told … that he was “…”": someone else's words, said to the subject
_TOLD = re.compile(
    r"(?<![\w’'-])(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:told|assured|promised|"
    r"reminded|warned|informed|advised|called|labell?ed|branded|described\s+as)(?![\w’'-])",
    re.IGNORECASE,
)


def _clause_before(masked: str, start: int, at: int) -> str:
    """The words between the last clause break of the sentence and ``at``."""
    text = masked[start:at]
    cut = max(text.rfind(c) for c in ",;:(" + MASK)
    return text[cut + 1 :]


def _is_label(paragraph: str, q: Quote) -> bool:
    """ "the three members (“A3”)": a short label in parentheses, not anyone's words."""
    if q.close is None or len(q.text.split()) > 3:
        return False
    return paragraph[: q.open].rstrip().endswith("(") and paragraph[
        q.close + 1 :
    ].lstrip().startswith(")")


_OF_PLACE = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|and|the))*"
    r"|\s*\([^()¤]{1,60}\)"
)
_SPEECH_NOUN = re.compile(
    r"^(?P<who>his|her|[\w’'.\- ]+?[’']s?)\s+(?:speech|remarks|statement|address|"
    r"presentation|keynote|message|talk|intervention|briefing|lecture|comments|testimony)$",
    re.IGNORECASE,
)
# "in remarks delivered by her Chef de Cabinet, Jo Park,": the reader, not the speaker
_DELIVERED_BY = re.compile(
    r"(?<![\w’'-])(?:delivered|read(?:\s+out)?|presented)\s+(?:on\s+(?:his|her|their)\s+"
    r"behalf\s+)?by\s+(?:[^,;:¤]{0,60}(?:,\s*|\s))?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s")
_PLEA = re.compile(
    r"\b(?:and\s+)?(?:his|her)\s+(?:plea|call|appeal|warning|argument|demand|insistence|"
    r"claim|proposal|message|view|assessment|contention|suggestion)\s+(?:to|that|for)\b",
    re.IGNORECASE,
)
_GROUP_WORDS = frozenset(
    [
        "delegates",
        "participants",
        "speakers",
        "panelists",
        "panellists",
        "members",
        "states",
        "countries",
        "experts",
        "officials",
        "representatives",
        "many",
        "some",
        "others",
        "several",
        "they",
        "it",  # an institution or a state ("It has denied …")
        "we",
        "governments",
        "nations",
        "attendees",
        "audience",
        "everyone",
        "everybody",
        "all",
        "both",
        "speakers",
        "critics",
        "observers",
        "analysts",
        "leaders",
        "ministers",
        "ambassadors",
        "diplomats",
        # a body's members, a profession, a community
        "signatories",
        "associations",
        "organisations",
        "organizations",
        "unions",
        "networks",
        "farmers",
        "residents",
        "villagers",
        "protesters",
        "activists",
        "donors",
        "parties",
    ]
)
# who an indefinite subject is when the report does not identify them
_ANON_HEADS = frozenset(
    {
        "participant",
        "speaker",
        "attendee",
        "audience",
        "member",
        "delegate",
        "panelist",
        "panellist",
        "discussant",
        "questioner",
        # "Another correspondent asked …": the press at a briefing, nobody in particular
        "correspondent",
        "journalist",
        "reporter",
        "respondent",
        "contributor",
        "commentator",
        "person",
        "voice",
        "coalition",
        "group",
        "handful",
        "number",
        "couple",
        "few",
        "majority",
        "minority",
    }
)
_DOCUMENT_HEADS = frozenset(
    {
        "draft",
        "text",
        "resolution",
        "statement",
        "report",
        "letter",
        "communique",
        "communiqué",
        "declaration",
        "document",
        "memo",
        "proposal",
        "bill",
        "treaty",
        "agreement",
    }
)
# words that end a noun phrase's head: a participle or preposition of its complement
_AFTER_HEAD = frozenset(
    {
        "seen",
        "obtained",
        "circulated",
        "drafted",
        "issued",
        "released",
        "by",
        "of",
        "from",
        "on",
        "in",
        "at",
        "for",
        "with",
        "that",
        "which",
    }
)
_NON_PERSON_HEADS = frozenset(
    {
        "statement",
        "communique",
        "communiqué",
        "letter",
        "note",
        "authorities",
        "administration",
        "regime",
        "palace",
        "kremlin",
        "ministry",
        "readout",
        "website",
    }
)
_LEAD_CONJ = re.compile(
    r"^(?:and|but|while|whereas|as|so|yet|or|then|meanwhile|however|additionally|lastly|"
    r"finally|further|furthermore|moreover|also|in addition|against this backdrop)\b[\s,]*",
    re.IGNORECASE,
)
_FUNCTION = frozenset(
    [
        "that",
        "the",
        "a",
        "an",
        "and",
        "but",
        "as",
        "he",
        "she",
        "it",
        "is",
        "was",
        "to",
        "of",
        "in",
        "on",
        "so",
        "also",
        "further",
        "then",
        "her",
        "his",
        "their",
        "they",
        "which",
        "who",
        "whom",
        "this",
        "these",
        "those",
        "be",
        "been",
        "were",
        "are",
        "had",
        "has",
        "have",
        "said",
        "says",
        "told",
        "added",
        "adding",
        "saying",
        "stressing",
        "noting",
        "quickly",
        "simply",
        "there",
        "with",
        "by",
        "for",
        "at",
        "from",
        "or",
        "if",
        "however",
        "not",
    ]
)


# ------------------------------------------------------------------ entities


@dataclass(eq=False)
class Entity:
    """A person the report presents (named, or known only by a role)."""

    ident: int
    name: str | None
    honorific: str | None = None
    role: str = ""
    role_prefix: str = ""
    appositive: str = ""
    gender: str | None = None
    variants: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    role_phrases: list[str] = field(default_factory=list)
    head: str | None = None  # for a role-only entity
    listed_role: str = ""  # a role printed after the name outside any statement
    surname: str | None = None  # the surname as the report uses it, when it says so
    first_paragraph: int = 0
    first_sentence: tuple[int, int] = (0, 0)
    merged_into: Entity | None = None

    def root(self) -> Entity:
        entity = self
        while entity.merged_into is not None:
            entity = entity.merged_into
        return entity


@dataclass
class Subject:
    """Who a cue says spoke: a person, or nobody (a group, a state)."""

    entity: Entity | None
    attribution: str  # name | alias | title | pronoun | context | none
    start: int  # where the subject (with its honorific, role and appositive) starts
    end: int  # where it ends (before the verb, or after an inverted name)
    what: str = ""  # the words the report uses ("she", "the envoy", "some delegates")


@dataclass
class Cue:
    verb_start: int
    verb_end: int
    subject: Subject
    participle: bool = False
    inverted: bool = False
    negated: bool = False
    colon: bool = False
    frame: bool = False  # "According to Jo Park, …", "In the words of Jo Park, …"


@dataclass(eq=False)
class Statement:
    paragraph: int  # 0-based
    start: int
    end: int
    kind: str
    text: str
    entity: Entity
    attribution: str
    review: bool = False
    notes: list[str] = field(default_factory=list)
    within: Statement | None = None
    word: str = ""  # the pronoun or title that names the speaker


@dataclass
class LeftOut:
    paragraph: int
    text: str
    reason: str


@dataclass
class Analysis:
    paragraphs: list[str]
    quotes: list[list[Quote]]
    sentences: list[list[Span]]
    statements: list[Statement]
    entities: list[Entity]
    left_out: list[LeftOut]
    mentions: list[list[tuple[Mention, Entity]]]
    cues: list[list[tuple[Span, list[Cue]]]]


# ------------------------------------------------------------------ helpers


_EMPHASIS_OPEN = re.compile(r"(?:(?<=\s)|^)(\*\*|\*|__|_)(?=[^\s*_])")
_EMPHASIS_CLOSE = re.compile(r"(?<=[^\s*_])(\*\*|\*|__|_)([,.;:!?)]?)(?=\s|$|[,.;:!?)])")


def _plain(masked: str) -> str:
    """Markdown emphasis around words ("**Jo Park**, Director …") read as spaces, a
    punctuation mark after a closing marker moved before it: the same length, so every
    offset still points into the paragraph as printed."""
    if "*" not in masked and "_" not in masked:
        return masked
    masked = _EMPHASIS_OPEN.sub(lambda m: " " * len(m.group(1)), masked)
    return _EMPHASIS_CLOSE.sub(lambda m: m.group(2) + " " * len(m.group(1)), masked)


def _mask(paragraph: str, quotes: list[Quote]) -> str:
    chars = list(paragraph)
    for q in quotes:
        for i in range(q.open, q.outer_end):
            chars[i] = MASK
    return _plain("".join(chars))


def _segments(text: str, base: int) -> list[tuple[int, int]]:
    """Comma/semicolon segments of ``text`` outside parentheses, as absolute spans; a
    masked quotation also separates segments."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif (ch in ",;" and depth == 0) or ch == MASK:
            if ch == MASK and i > start and text[start:i].strip(MASK + " ,") == "":
                start = i + 1
                continue
            out.append((base + start, base + i))
            start = i + 1
    out.append((base + start, base + len(text)))
    return [(s, e) for s, e in out if text[s - base : e - base].strip(MASK + " ,")]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u00a0\n":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0\n":
        end -= 1
    return start, end


# Titles printed before a person known by one name ("Pope Francis", "King Abdullah").
_ONE_NAME_TITLES = frozenset(
    [
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "emir",
        "sultan",
        "chancellor",
        "premier",
        "president",
        "governor",
        "mayor",
        "senator",
        "secretary-general",
        "minister",
        "ambassador",
        "general",
        "judge",
        "cardinal",
        "bishop",
        "archbishop",
        "patriarch",
        "imam",
        "rabbi",
    ]
)


def _titled(prefix: str) -> bool:
    words = prefix.split()
    return bool(words) and fold(words[-1]) in _ONE_NAME_TITLES and words[-1][:1].isupper()


def _is_headline(paragraph: str) -> bool:
    """A one-line paragraph in Title Case (or capitals) with no full stop at its end."""
    text = paragraph.strip()
    if "\n" in text or text.endswith(".") or len(text.split()) > 40:
        return False
    # "…, said: “Patience is a policy.”": a sentence that ends inside its quotation
    if re.search(r"[.!?][”’\"')\]]+$", text) and re.search(r"[,:][*_]*\s*[“‘\"]", text):
        return False
    # a Title Case headline capitalises its verbs ("Says", "Tells"); a reporting verb in
    # lower case outside quotation marks is running text ("Jo Park, Director of X, said: …")
    unquoted = re.sub(r"“[^”]*”?|\"[^\"]*\"?", " ", text)
    if any(m.group()[0].islower() for m in _FINITE_RE.finditer(unquoted)):
        return False
    ws = [w for w in re.findall(r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+", text) if len(w) > 3]
    if text.endswith(":") and (
        len([w for w in ws if w[0].islower() and w not in _TITLE_SMALL_WORDS]) >= 2
    ):
        # "Jo Park, Director of X, made the following points:": a sentence opening a list
        return False
    return len(ws) >= 3 and sum(w[0].isupper() for w in ws) >= 0.7 * len(ws)


# words a Title Case headline leaves in lower case
_TITLE_SMALL_WORDS = frozenset(
    {"with", "from", "into", "onto", "over", "upon", "about", "after", "among", "under", "than"}
)


def _learn(entity: Entity, m: Mention) -> None:
    """What a mention tells of its person: the name as printed there, the honorific and,
    from it, the gender, when not known already."""
    if m.name not in entity.variants:
        entity.variants.append(m.name)
    if m.honorific and entity.honorific is None:
        entity.honorific = m.honorific
    if entity.gender is None:
        entity.gender = gender_of_honorific(m.honorific)


class _Doc:
    def __init__(self, paragraphs: list[str]) -> None:
        self.paragraphs = paragraphs
        self.quotes = [find_quotes(p) for p in paragraphs]
        self.masked = [_mask(p, q) for p, q in zip(paragraphs, self.quotes, strict=True)]
        self.sentences = [
            split_sentences(p, [(q.open, q.outer_end) for q in qs])
            for p, qs in zip(paragraphs, self.quotes, strict=True)
        ]
        self.entities: list[Entity] = []
        self.by_name: dict[str, Entity] = {}
        self.by_surname: dict[str, list[Entity]] = {}
        self.full_mentions = [find_mentions(m) for m in self.masked]
        self._drop_headline_names()
        self.one_line = all("\n" not in p for p in paragraphs) and len(paragraphs) > 3
        self.role_entities: list[Entity] = []
        self.by_first_last: dict[tuple[str, str], Entity] = {}
        self._surnames: dict[str, list[tuple[str, Entity]]] | None = None
        self._longer: dict[str, str] = {}
        self._firsts: dict[str, list[Entity]] | None = None
        self._inner: dict[str, list[Entity]] | None = None
        self.current: tuple[int, int] = (0, 0)
        self._register_names()
        self._surnames_as_printed()

    def role_entity(self, phrase: str, head: str, start: int) -> Entity:
        """The role-only person a phrase stands for ("a ministry spokesperson" and "the
        ministry spokesperson" are one; "Economist" and "a labour economist" too)."""
        words = {
            fold(w) for w in re.findall(r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+", phrase)
        } - {"the", "a", "an"}
        for entity in self.role_entities:
            if entity.head != head:
                continue
            other = {
                fold(w)
                for w in re.findall(
                    r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+", entity.role_phrases[0]
                )
            }
            other -= {"the", "a", "an"}
            if words <= other or other <= words:
                if phrase not in entity.role_phrases:
                    entity.role_phrases.append(phrase)
                return entity
        entity = self._new_entity(None, self.current[0])
        entity.head = head
        entity.role_phrases.append(phrase)
        self.role_entities.append(entity)
        return entity

    # -- registry

    def _new_entity(self, name: str | None, paragraph: int) -> Entity:
        entity = Entity(len(self.entities), name, first_paragraph=paragraph)
        self.entities.append(entity)
        return entity

    def _drop_headline_names(self) -> None:
        """In a Title Case headline every word is capitalised, so a run of them is a
        name only if the body prints it too ("Urging Investment" is not a person)."""
        body: set[str] = set()
        heads = [_is_headline(p) for p in self.paragraphs]
        if self.paragraphs and len(self.paragraphs) > 1 and not heads[0]:
            # a report's short title line ("Water Talks"): capitalised words, no full stop
            first = self.paragraphs[0].strip()
            ws = re.findall(r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+", first)
            heads[0] = (
                "\n" not in first
                and not first.endswith((".", "”", '"', "’"))
                and 1 <= len(ws) <= 12
                and all(w[0].isupper() for w in ws if len(w) > 3)
                # not a roster line ("Ann Lee, Director of Research")
                and not ("," in first and any(fold(w) in ROLE_WORDS for w in ws))
            )
        for pi, mentions in enumerate(self.full_mentions):
            if not heads[pi]:
                body.update(fold(m.name) for m in mentions)
        body_text = fold(" ".join(p for p, h in zip(self.paragraphs, heads, strict=True) if not h))
        for pi, mentions in enumerate(self.full_mentions):
            if heads[pi]:
                self.full_mentions[pi] = [
                    m
                    for m in mentions
                    if fold(m.name) in body or (m.single and fold(m.name) in body_text)
                ]

    def _register_names(self) -> None:
        self._longer = self._longer_names()
        for pi, mentions in enumerate(self.full_mentions):
            for m in mentions:
                if m.single:
                    continue
                entity = self._entity_for_name(m, pi)
                if not entity.role_prefix:
                    entity.role_prefix = self._role_before(pi, m)
                if not entity.appositive and not entity.listed_role:
                    entity.listed_role = self._appositive_after(pi, m)
        # "Dr. Okafor", "Pope Francis" with no full name anywhere: known by one name
        for pi, mentions in enumerate(self.full_mentions):
            for m in mentions:
                if (
                    m.single
                    and (m.honorific or _titled(m.role_prefix))
                    and not self.by_surname.get(fold(m.name))
                ):
                    # "Dr Nguyễn" for Nguyễn Thị Lan: the family name printed first;
                    # "General Ibarra" for Tomás Ibarra Quiroga: the first surname
                    inner = None
                    given = self._family_first(m.name)
                    if given is None:
                        given = inner = self._inner_surname(m.name)
                    if given is not None:
                        self.by_surname.setdefault(fold(m.name), []).append(given)
                        self._surnames = None
                        if inner is not None and given.surname is None:
                            given.surname = m.name
                        _learn(given, m)
                        continue
                    entity = self._entity_for_name(m, pi)
                    if m.role_prefix and not entity.role_prefix:
                        entity.role_prefix = m.role_prefix
        # "Mr. Costa" anywhere in the report says what "her" before it cannot stand for
        for mentions in self.full_mentions:
            for m in mentions:
                if m.single and m.honorific:
                    known = self.resolve_single(m.name, m.honorific)
                    if known is not None and known.gender is None:
                        known.gender = gender_of_honorific(m.honorific)

    def _surnames_as_printed(self) -> None:
        """ "Ms. Ibarra de Souza" for Lucía Ibarra de Souza: the report's surname is
        "Ibarra de Souza", so "de Souza" alone is not hers (it may be Ana de Souza's)."""
        for entity in self.entities:
            if entity.name is None:
                continue
            full = entity.name.split()
            tails = [
                v
                for v in entity.variants
                if 2 <= len(v.split()) < len(full) and entity.name.endswith(" " + v)
            ]
            if not tails:
                continue
            surname = max(tails, key=len)
            entity.surname = surname
            keep = {fold(surname)}
            parts = fold(entity.name).split()
            for k in range(len(parts) - len(surname.split()) + 1, len(parts)):
                key = " ".join(parts[k:])
                if key not in keep and entity in self.by_surname.get(key, []):
                    self.by_surname[key].remove(entity)
            self.by_surname.setdefault(fold(surname), [])
            if entity not in self.by_surname[fold(surname)]:
                self.by_surname[fold(surname)].append(entity)
            self._surnames = None

    def _longer_names(self) -> dict[str, str]:
        """Names of two words or more that are the end, or the start, of exactly one
        longer name of the report ("Ms. Ibarra de Souza" for Lucía Ibarra de Souza,
        "Ahmad Faisal" for Ahmad Faisal bin Rahmat): the longer name."""
        full = {fold(m.name): m.name for ms in self.full_mentions for m in ms if not m.single}
        tails: dict[tuple[str, ...], set[str]] = {}
        for other in full:
            parts = tuple(other.split())
            for k in range(1, len(parts) - 1):
                tails.setdefault(parts[k:], set()).add(other)
                # "Admiral Ahmad Faisal" for Ahmad Faisal bin Rahmat: the given names
                if k >= 2:
                    tails.setdefault(parts[:k], set()).add(other)
                # "Ms. Montes de Oca" for Gabriela Montes de Oca Ríos: the first surname
                for j in range(k + 2, len(parts)):
                    tails.setdefault(parts[k:j], set()).add(other)
        out: dict[str, str] = {}
        for key in full:
            longer = tails.get(tuple(key.split()), set())
            if len(longer) == 1:
                out[key] = full[next(iter(longer))]
        return out

    def _family_first(self, word: str) -> Entity | None:
        """The one person whose full name starts with ``word`` and who has no other
        surname in the report, or None."""
        if self._firsts is None:
            self._firsts = {}
            for e in self.entities:
                if e.name is not None and len(e.name.split()) >= 2:
                    self._firsts.setdefault(fold(e.name.split()[0]), []).append(e)
        cands = self._firsts.get(fold(word), [])
        return cands[0] if len(cands) == 1 else None

    def _inner_surname(self, word: str) -> Entity | None:
        """ "General Ibarra" for Tomás Ibarra Quiroga: the one person whose full name has
        ``word`` inside it (not first, not last: a first surname, as Spanish and
        Portuguese names have), or None."""
        if self._inner is None:
            self._inner = {}
            for e in self.entities:
                parts = (e.name or "").split()
                for w in parts[1:-1]:
                    if w[:1].isupper() and fold(w) not in PARTICLES:
                        self._inner.setdefault(fold(w), []).append(e)
        cands = self._inner.get(fold(word), [])
        return cands[0] if len(cands) == 1 else None

    def _entity_for_name(self, m: Mention, paragraph: int) -> Entity:
        key = fold(m.name)
        longer = self._longer.get(key)
        if longer is not None and key not in self.by_name:
            entity = self.by_name.get(fold(longer))
            if entity is None:
                entity = self._entity_for_name(m._replace(name=longer), paragraph)
            self.by_name[key] = entity
            _learn(entity, m)
            return entity
        entity = self.by_name.get(key)
        parts = key.split()
        if entity is None:
            # "Ana Maria Lopes" and "Ana Lopes": one person
            entity = self.by_first_last.get((parts[0], parts[-1]))
        if entity is None:
            entity = self._new_entity(m.name, paragraph)
            self.by_first_last.setdefault((parts[0], parts[-1]), entity)
            surname = fold(surname_of(m.name))
            for key2 in {surname, fold(m.name.split()[-1])}:
                self.by_surname.setdefault(key2, []).append(entity)
        self.by_name[key] = entity
        _learn(entity, m)
        if m.role_prefix and not entity.role_prefix:
            entity.role_prefix = m.role_prefix
        return entity

    def _role_before(self, pi: int, m: Mention) -> str:
        """ "…, the Under-Secretary-General for Management, Jo Park, warning …": the
        role phrase printed between commas right before a name."""
        masked = self.masked[pi]
        before = masked[: m.lead].rstrip(" \u00a0")
        if not before.endswith(",") or not masked[m.end :].startswith(","):
            return ""
        cut = max(before.rfind(c, 0, len(before) - 1) for c in [*",;:(", MASK, ". "])
        if before.rfind(". ", 0, len(before) - 1) == cut and cut != -1:
            cut += 1
        phrase = before[cut + 1 : -1].strip()
        lead = re.match(
            r"^(?:(as)|with|(?:(?:co-)?chaired|moderated|hosted|led|opened|introduced|"
            r"presented|convened|facilitated)\s+by|by|from|and|but|while|including)\s+",
            phrase,
            re.I,
        )
        if lead:
            if lead.group(1):
                return ""  # "As a keynote speaker, Jo Park, …": a capacity, not a role
            phrase = phrase[lead.end() :]
        if (
            phrase
            and MASK not in phrase
            and len(phrase.split()) <= 16
            and (phrase.split()[0].lower() in ("the", "a", "an") or phrase[0].isupper())
            and role_head(phrase)
            and not _part_not_role(phrase)
        ):
            return phrase
        return ""

    def _appositive_after(self, pi: int, m: Mention) -> str:
        """ "H.E. Jo Park, Prime Minister of Ruritania." or a roster line "Jo Park, Dean,
        School of Law": the role printed right after a name."""
        text = self.masked[pi]
        line_start = text.rfind("\n", 0, m.lead) + 1
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end == -1 else line_end
        if not text[m.end :].startswith(", "):
            return ""
        if text[line_start : m.lead].strip() == "" and not _FINITE_RE.search(
            text[m.end : line_end]
        ):
            rest = text[m.end + 2 : line_end].strip().rstrip(",;.")
            # "…, Permanent Representative of X, provided closing remarks.": the roster
            # part ends where a clause begins
            clause = re.search(r",\s+(?!(?:and|the|a|an|of|for|at|in|on|to|with)\b)[a-z]", rest)
            if clause:
                rest = rest[: clause.start()].rstrip(",;. ")
            if rest and MASK not in rest and len(rest.split()) <= 25 and rest[0].isupper():
                return rest  # a roster line: everything after the name
        tail = text[m.end + 2 : line_end]
        cut = re.search(r"[,;)]|\.(?:\s|$)", tail)
        phrase = (tail[: cut.start()] if cut else tail).strip()
        words = [
            fold(w)
            for w in re.findall(
                r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+(?:[’'-](?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+)*",
                phrase,
            )
        ]
        if (
            phrase
            and MASK not in phrase
            and len(words) <= 12
            and (phrase[0].isupper() or words[0] in ("the", "a", "an") or words[0] in ROLE_WORDS)
            and any(w in ROLE_WORDS for w in words)
            and not _FINITE_RE.search(phrase)
        ):
            return phrase
        return ""

    def resolve_single(self, word: str, honorific: str | None = None) -> Entity | None:
        cands = self.by_surname.get(fold(word), [])
        if len(cands) == 1:
            return cands[0]
        if not cands and " " in word:
            # "Ms. van den Broek" with no full name anywhere: known by that name
            return self.by_name.get(fold(word))
        return None

    # -- mentions of people in a paragraph: full names and known surnames

    def mentions_in(self, pi: int) -> list[tuple[Mention, Entity]]:
        out: list[tuple[Mention, Entity]] = []
        masked = self.masked[pi]
        # which characters a mention already covers (a list of spans would cost
        # mentions × mentions in a paragraph of thousands of names)
        taken = bytearray(len(masked) + 1)
        for m in self.full_mentions[pi]:
            entity = self.by_name.get(fold(m.name)) if not m.single else None
            if entity is None and m.single:
                entity = self.resolve_single(m.name, m.honorific)
                if entity is not None:
                    _learn(entity, m)  # "Mr. van der Berghe", as printed
            if entity is None:
                continue
            out.append((m, entity))
            taken[m.lead : m.end] = b"\x01" * (m.end - m.lead)
        # bare surnames of people named in full somewhere ("Okafor said", "Peru's Lopes")
        index = self._surname_index()
        for w in re.finditer(r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+", masked):
            for variant, entity in index.get(w.group(), ()):
                s, e = w.start(), w.start() + len(variant)
                if masked[s:e] != variant or (
                    e < len(masked) and re.match(r"[\w\u0300-\u036f-]", masked[e])
                ):
                    continue
                if s > 0 and re.match(r"[\w’'-]", masked[s - 1]):
                    continue
                if re.search(
                    r"(?<![\w’'-])(?:of|from|in)\s+(?:the\s+)?$", masked[max(0, s - 10) : s]
                ) and re.search(
                    rf"\b(?:{_SEAT_HEADS})\s+(?:of|from)\s+(?:the\s+)?$", masked[max(0, s - 40) : s]
                ):
                    # "the representative of Jordan" when Amelia Jordan also spoke: a seat
                    continue
                if taken[s] or taken[e - 1]:
                    continue
                out.append((Mention(s, e, variant, None, "", s, True), entity))
                taken[s:e] = b"\x01" * (e - s)
        out.sort(key=lambda pair: pair[0].start)
        return out

    def _surname_index(self) -> dict[str, list[tuple[str, Entity]]]:
        """Surnames that name one person only, keyed by their first word."""
        if self._surnames is None:
            index: dict[str, list[tuple[str, Entity]]] = {}
            for key, cands in self.by_surname.items():
                if len(cands) != 1 or not key:
                    continue
                entity = cands[0]
                variants = {surname_of(v) for v in entity.variants}
                variants |= {v.split()[-1] for v in entity.variants}
                for variant in sorted(variants, key=len, reverse=True):
                    if fold(variant) != key:
                        continue
                    first = re.match(r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+", variant)
                    if first:
                        index.setdefault(first.group(), []).append((variant, entity))
            # "Ferreira Tells IPI Audience" for Beatriz Ferreira do Amaral: a first
            # surname, when it is no one else's name
            for e in self.entities:
                parts = (e.name or "").split()
                for w in parts[1:-1]:
                    if (
                        w[:1].isupper()
                        and fold(w) not in PARTICLES
                        and not self.by_surname.get(fold(w))
                        and self._inner_surname(w) is e
                        and w not in index
                    ):
                        index[w] = [(w, e)]
            # "Hope argued", "Aïssata said": a think-tank recap's first names, when one
            # person of the report has that first name and nobody has it as a surname
            for e in self.entities:
                parts = (e.name or "").split()
                if len(parts) < 2 or e.name is None or e.name.isupper():
                    continue
                given = parts[0]
                if (
                    given[:1].isupper()
                    and len(given) > 2
                    and "." not in given
                    and fold(given) not in STOP_WORDS
                    and not self.by_surname.get(fold(given))
                    and self._family_first(given) is e
                    and given not in index
                ):
                    index[given] = [(given, e)]
            self._surnames = index
        return self._surnames


# ------------------------------------------------------------------ subjects


def _role_subject(doc: _Doc, text: str, start: int, end: int) -> Subject | None:
    """A role phrase standing for a person, or a group (entity None), or None."""
    s, e = _strip_span(text, start, end)
    phrase = text[s:e]
    m = _LEAD_CONJ.match(phrase)
    if m and m.end() < len(phrase):
        s += m.end()
        phrase = text[s:e]
    if not phrase or MASK in phrase or len(phrase.split()) > 12:
        return None
    low = [
        fold(w)
        for w in re.findall(
            r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+(?:['’-](?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+)*",
            phrase,
        )
    ]
    if not low:
        return None
    proper_end = phrase.rstrip(" .,;:")[-len(low[-1]) :][:1].isupper() and len(low) > 2
    if (
        low[-1] in _GROUP_WORDS
        and not (proper_end and role_head(phrase))
        # "A spokesperson for the Paris Club of creditor nations", "a diplomat from one of
        # the council's African members": one person, whose complement ends in a plural
        and not (
            role_head(phrase)
            and re.search(r"\b(?:of|for|at|from)\s+(?:the\s+[A-Z]|one\s+of\b)", phrase)
        )
    ) or (low[0] in _GROUP_WORDS and len(low) <= 2):
        # "the representative of the United States" is one person, not "states"
        return Subject(None, "none", s, e, phrase)
    if low[0] in ("one", "a", "an", "another") and any(w in _ANON_HEADS for w in low[1:3]):
        # "One participant", "an audience member", "A coalition of NGOs": nobody named
        return Subject(None, "none", s, e, phrase)
    if "and" in low and any(w in _GROUP_WORDS for w in low):
        # "Only the opening and closing speakers and the presenter": several people
        return Subject(None, "none", s, e, phrase)
    head = role_head(phrase)
    if head is None and _plural_head(low):
        # "Participants from the shipping industry", "Representatives of fishing
        # communities": a group, nobody in particular
        return Subject(None, "none", s, e, phrase)
    if head is None:
        # a state or an institution as a single word: "Russia", "Washington"
        ws = phrase.split()
        if ws and ws[0].lower() == "the":
            ws = ws[1:]
        if 1 <= len(ws) <= 3 and all(w[:1].isupper() for w in ws) and fold(ws[0]) not in STOP_WORDS:
            return Subject(None, "none", s, e, phrase)
        # "A draft seen by reporters calls for …", "The text, circulated on Monday, urges":
        # a document, whatever follows its noun
        zone = low[: next((i for i, w in enumerate(low) if w in _AFTER_HEAD), len(low))]
        if 1 <= len(zone) <= 4 and zone[-1] in _DOCUMENT_HEADS:
            return Subject(None, "none", s, e, phrase)
        # an institution or a document: "the ministry", "its statement", "the report"
        last = low[-1][:-2] if low[-1].endswith(("'s", "’s")) else low[-1]
        if len(low) <= 6 and (
            last in ORG_WORDS
            or last.rstrip("s") in ORG_WORDS
            or (last.endswith("ies") and last[:-3] + "y" in ORG_WORDS)
            or last in _NON_PERSON_HEADS
        ):
            return Subject(None, "none", s, e, phrase)
        # "the International Coalition of Relief Agencies": a body's name in capitals
        caps = [w for w in phrase.split() if w[:1].isalpha() and fold(w) not in _ARTICLES]
        if (
            len(caps) >= 2
            and all(w[:1].isupper() for w in caps)
            and any(fold(w) in ORG_WORDS or fold(w).rstrip("s") in ORG_WORDS for w in caps)
        ):
            return Subject(None, "none", s, e, phrase)
        return None
    # a verb inside the phrase means it is a clause, not a role ("the conflict could …")
    if re.search(r"\b(?:is|was|are|were|has|had|have|will|would|could|can|should)\b", phrase):
        return None
    return Subject(doc.role_entity(phrase, head, s), "title", s, e, phrase)


_SIGN = re.compile(
    r"\b(?:banners?|signs?|placards?|posters?|t-shirts?|slogans?|graffiti|billboards?|"
    r"headlines?)\b[^.;¤]{0,40}?\b(?:reading|read|saying|said|bearing)\s*:?\s*$",
    re.IGNORECASE,
)
_SHOUTED = re.compile(
    r"\b(?:an?|one|some|several)\s+(?:[\w’'-]+\s+){0,2}?(?:voice|voices|heckler|protesters?|"
    r"demonstrators?|activists?|crowd|man|woman)\b[^.;¤]{0,60}?\b(?:shouted|chanted|yelled|"
    r"cried|called\s+out|interjected)\s*:?\s*$",
    re.IGNORECASE,
)
_DOCUMENT_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but)\s+)(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:draft|text|"
    r"resolution|communiqu[ée]|declaration|letter|document|memo|cable|report)"
    r"(?:\s*,[^,;¤]{1,50},)?\s*$",
    re.IGNORECASE,
)


def _not_speech(clause: str) -> str:
    """Why a quotation with no reporting verb is nobody's speech: words on a sign, a
    shout from someone unnamed, a document's text ("The draft text, seen by Reuters,
    “demands” …"); or "" when nothing says so."""
    if _SIGN.search(clause):
        return "words on a sign or a banner, not speech"
    if _SHOUTED.search(clause):
        return "shouted by someone the report does not name"
    if _DOCUMENT_SUBJECT.search(clause):
        return "the words of a document"
    return ""


_SEAT_HEADS = (
    r"representative|representatives|delegate|delegates|delegation|ambassador|envoy|"
    r"minister|government|people|observer|mission|speaker|president|king|queen|prince"
)


_OPENING_ROLE = re.compile(
    r"(?:[A-Z][^,;:¤]{0,60},\s+)?((?:[Tt]he)\s+(?:[A-Z][\w’'-]*|[a-z][\w’'-]*)"
    r"(?:\s+(?:[A-Z][\w’'-]*|of|for|on|the|[a-z][\w’'-]*)){0,6}?)\s+"
    r"(?:took|gave|made|returned|thanked|welcomed|closed|opened|presented|introduced|"
    r"concluded|began|ended|responded|replied|turned)\b"
)


def _opening_role(doc: _Doc, pi: int, sent: Span) -> Entity | None:
    """The person a role opening the sentence stands for ("the High Commissioner took the
    floor again"), when the sentence has no reporting verb of its own, or None."""
    masked = doc.masked[pi]
    m = _OPENING_ROLE.match(masked, sent.start, sent.end)
    if m is None:
        return None
    subj = _role_subject(doc, masked, m.start(1), m.end(1))
    return subj.entity if subj is not None else None


_CIRCUMSTANCE = re.compile(
    r"\W*(?:Asked|When\s+asked|Pressed|Responding|Replying|Answering|In\s+response|Turning|"
    r"Invited|Speaking|Challenged|Questioned|Reacting)\b[^.;:¤]*$"
)


_TITLED_NAME = re.compile(
    r"(?:Mr|Ms|Mrs|Dr|Prof|Professor|Ambassador|General|Minister|Judge|Senator)\.?\s+"
    r"(?:[a-z]{1,3}\s+)*[A-Z][\w’'-]+$"
)


def _nobody_reason(what: str) -> str:
    """Why a quotation was left out, when its subject is nobody we can name."""
    if _TITLED_NAME.match(what.strip()):
        # "Mr. Smith" when the report has a David Smith and a Karen Smith
        return f"the name fits more than one person, or no one named in full: {what}"
    return f"attributed to a group or a state: {what}"


def _plural_head(low: list[str]) -> bool:
    """Is the head of a phrase (its last word before a preposition) a plural of people
    ("participants from …", "representatives of …", "officials")?"""
    cut = next(
        (i for i, w in enumerate(low) if i > 0 and w in ("of", "from", "for", "at", "in", "with")),
        len(low),
    )
    if not 0 < cut <= 4:
        return False
    w = low[cut - 1]
    singular = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else ""
    return w in _GROUP_WORDS or (
        singular != "" and (singular in ROLE_HEADS or singular in _ANON_HEADS)
    )


def _is_appositive(text: str) -> bool:
    """Is this the role after a name (not "arriving from the capital …", not a clause)?"""
    text = text.strip()
    if not text or MASK in text or len(text.split()) > 40:
        return False
    word = text.split()[0]
    first = word.lower()
    return not (first.endswith("ing") and word[0].islower()) and first not in (
        "who",
        "which",
        "whose",
        "where",
        "when",
        "he",
        "she",
        "it",
        "they",
    )


def _cue_for(cues: list[Cue], starts: list[int], at: int) -> tuple[Cue | None, bool]:
    """The cue a quotation opening at ``at`` belongs to: the last (in list order) whose
    verb comes before it, else the first after it; and whether it comes before.  With the
    verbs' ``starts`` in order, by bisection, so a sentence of thousands of quotations
    does not cost quotations × cues."""
    if starts:
        cut = bisect.bisect_right(starts, at)
        if cut:
            return cues[cut - 1], True
        return (cues[cut], False) if cut < len(cues) else (None, False)
    before = [c for c in cues if c.verb_start <= at]
    if before:
        return before[-1], True
    return next((c for c in cues if c.verb_start > at), None), False


class _Mentions(list[tuple[Mention, Entity]]):
    """A paragraph's mentions, in order, with the first to end at each position at hand
    (looked up for every reporting verb: a scan would cost verbs × mentions)."""

    def __init__(self, items: list[tuple[Mention, Entity]]) -> None:
        super().__init__(items)
        self.by_end: dict[int, tuple[Mention, Entity]] = {}
        for m, entity in items:
            self.by_end.setdefault(m.end, (m, entity))


def _mention_ending(
    mentions: list[tuple[Mention, Entity]], end: int
) -> tuple[Mention, Entity] | None:
    if isinstance(mentions, _Mentions):
        return mentions.by_end.get(end)
    for m, entity in mentions:
        if m.end == end:
            return m, entity
    return None


def _name_with_appositive(
    masked: str, mentions: list[tuple[Mention, Entity]], start: int, end: int
) -> tuple[Mention, Entity] | None:
    """The person named in "Jo Park, Director of Y" or "…, Jo Park, Director of Y," when
    that is all of ``masked[start:end]`` from a clause start: the name, then one comma
    segment that is a role. The appositive is recorded."""
    for mm, entity in mentions:
        if not (start <= mm.lead and mm.end <= end):
            continue
        lead = masked[start : mm.lead]
        # "For Jo Park, …, the answer was simple: “…”": the person whose view it is
        frame = re.fullmatch(r"\s*(?:[Ff]or|[Tt]o|[Ii]n\s+the\s+(?:view|words)\s+of)\s+", lead)
        if lead.strip(" ") and not lead.rstrip(" ").endswith(",") and not frame:
            continue
        if frame and re.fullmatch(r",?\s*", masked[mm.end : end]):
            return mm, entity
        am = re.fullmatch(r",\s+([^,;:()¤]+?)(,?)\s*", masked[mm.end : end])
        if am is None or (frame and not am.group(2)):
            continue
        appos = am.group(1).strip()
        if re.search(r"\b(?:is|was|are|were|has|have|had|will|would|seemed|became)\b", appos):
            continue  # a clause, not a role
        # any appositive that is not another person or a list ("Jo Park, Ann Lee and …")
        if (
            not _is_appositive(appos)
            or not appos[:1].isalpha()
            or re.match(r"(?:and|or|but)\b", appos)
            or any(mm.end < m2.start < end for m2, _e in mentions)
        ):
            continue
        root = entity.root()
        # "Jo Park, in Geneva, said: …": a circumstance, not a role
        circumstance = re.match(r"(?:in|on|during|last|this|after|before|when|while)\b", appos)
        if not root.appositive and not root.role_prefix and not circumstance:
            root.appositive = appos
        return mm, entity
    return None


def _pronoun_subject(doc: _Doc, word: str, s: int, e: int, ctx: _Context) -> Subject | None:
    gender = "m" if word.lower() in ("he", "his") else "f"
    entity = ctx.resolve_pronoun(gender, s)
    if entity is None:
        return None
    if entity.gender is None:
        entity.gender = gender
    if word.lower() in ("he", "she"):
        ctx.last_pronoun[gender] = (entity, ctx.tick)
    return Subject(entity, "pronoun", s, e, word)


def _name_subject(m: Mention, entity: Entity) -> Subject:
    return Subject(entity, "alias" if m.single else "name", m.lead, m.end)


class _Context:
    """Recency for pronouns: the speakers so far, the people of this sentence."""

    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.speakers: list[Entity] = []
        self.sentence_mentions: list[tuple[Mention, Entity]] = []
        # the subjects of the reporting verbs read so far in this sentence
        self.sentence_subjects: list[Subject] = []
        self.recent_mentions: list[Entity] = []
        self.last: Statement | None = None
        self.last_speaker: tuple[Entity, int] | None = None  # who spoke last, and where
        self.tick = 0  # sentences so far
        self.spoke_at: dict[int, int] = {}
        # the person each sentence is about (its first person named), with the sentence
        # and whether the sentence opens with them
        self.introduced: list[tuple[Entity, int, bool]] = []
        # the person a sentence ending with a colon opens a list for, its paragraph and end
        self.list_intro: tuple[Entity, int, int] | None = None
        # someone asked a question ("…, who asked Mr. Semedo whether …"), and when: the
        # "He said" of the next sentence is most likely the answer
        self.asked: tuple[Entity, int] | None = None
        # who "he" and "she" stood for as a sentence's subject, and in which sentence
        self.last_pronoun: dict[str, tuple[Entity, int]] = {}

    def spoke(self, entity: Entity) -> None:
        root = entity.root()
        if root in self.speakers:
            self.speakers.remove(root)
        self.speakers.append(root)
        self.spoke_at[root.ident] = self.tick

    def introduce(self, sentence_text: str, base: int) -> None:
        """Remember who the sentence just read is about: its first person named near its
        start ("H.E. Mr. Jo Park, …, delivered the keynote address.")."""
        if not self.sentence_mentions:
            return
        m, entity = self.sentence_mentions[0]
        lead = sentence_text[: m.lead - base]
        opens = _LEAD_CONJ.sub("", lead.strip(" ,")).strip(" ,") == "" or bool(
            re.fullmatch(r"(?:[A-Z][a-z]+,\s*)?", lead)
        )
        # "The head of the mission, Jo Park, had briefed …", "In his speech, the German
        # minister, Jo Park, defended …": the role before the name makes them the subject
        rm = re.search(
            r"(?:^|,\s*)((?:[Tt]he|[Aa]n?)\s+[^,]+|[A-Z][\w.-]*[’']s\s+[^,]+),\s*$", lead
        )
        role_first = bool(rm and role_head(rm.group(1)) and not _FINITE_RE.search(rm.group(1)))
        # "Asked by a participant whether …, Mr. Ould Brahim laughed.": a clause of
        # circumstance, however long, and then the sentence's subject
        asked = (bool(_CIRCUMSTANCE.match(lead)) and lead.rstrip().endswith(",")) or bool(
            re.fullmatch(r"\W*For\s+", lead)
        )  # "For Noor Siddiqui, who leads …, the"
        opens = opens or role_first or asked
        if len(lead) <= 60 or (role_first and len(lead) <= 120) or asked:
            self.introduced.append((entity.root(), self.tick, opens))

    def _role_subject_before(self, gender: str, pos: int, after: int) -> Entity | None:
        """The person known by a role who is the subject of a reporting verb earlier in
        this sentence, between ``after`` and ``pos``, if the pronoun's gender fits."""
        for subj in reversed(self.sentence_subjects):
            if subj.attribution != "title" or subj.entity is None:
                continue
            root = subj.entity.root()
            if after < subj.start and subj.end <= pos and root.gender in (None, gender):
                return root
        return None

    def _fronted(self, m: Mention, pos: int) -> bool:
        """ "Responding to Jo Park’s proposal, she said …", "Asked about Jo Park, he …":
        a person named as a possessive or after a preposition in a clause before the
        comma that opens the pronoun's clause is not who the pronoun stands for."""
        masked = self.doc.masked[self.doc.current[0]]
        between = masked[m.end : pos]
        if "," not in between or not re.search(r",\s*(?:and\s+|but\s+)?$", between):
            return False
        if re.match(r"[’']s\b", masked[m.end : m.end + 2]):
            # "In Jo Park’s remarks, she said": her own words; "Jo Park’s proposal": not
            return not re.match(
                r"[’']s\s+(?:own\s+)?(?:speech|remarks|statement|address|presentation|keynote|"
                r"message|talk|intervention|briefing|lecture|comments|testimony|view|words|"
                r"opinion|answer|reply|response|closing|opening)\b",
                masked[m.end : m.end + 40],
            )
        before = masked[max(0, m.lead - 12) : m.lead]
        return (
            re.search(r"(?<![\w’'-])(?:to|about|on|of|with|by|from|for|like|unlike)\s+$", before)
            is not None
        )

    def resolve_pronoun(self, gender: str, pos: int) -> Entity | None:
        for m, entity in reversed(self.sentence_mentions):
            root = entity.root()
            if m.end <= pos and root.gender in (None, gender) and not self._fronted(m, pos):
                # a role subject between the name and the pronoun is nearer
                nearer = self._role_subject_before(gender, pos, after=m.end)
                return nearer or root
        nearer = self._role_subject_before(gender, pos, after=-1)
        if nearer is not None:
            # "the Russian Federation’s representative said … what he termed “…”"
            return nearer
        if self.asked is not None and self.asked[1] == self.tick - 1:
            asked = self.asked[0].root()
            if asked.gender == gender:
                return asked
        speaker = next((e for e in reversed(self.speakers) if e.gender in (None, gender)), None)
        # someone introduced after that speaker last spoke, in the sentence before: "H.E. Mr.
        # Jo Park, …, delivered the keynote address. He recalled …"
        for entity, tick, opens in reversed(self.introduced):
            if tick < self.tick - 2:
                break
            root = entity.root()
            if root is speaker or (speaker is not None and tick <= self.spoke_at[speaker.ident]):
                break
            if root.gender == gender or (root.gender is None and opens):
                return root
        chained = self.last_pronoun.get(gender)
        if chained is not None and chained[1] == self.tick - 1 and chained[0].gender == gender:
            # "She recalled that Jo Park had told her … . She said …": the same "she" as
            # the sentence before, not the person she spoke of
            return chained[0]
        for entity in reversed(self.speakers):
            if entity.gender in (None, gender):
                return entity
        for entity in reversed(self.recent_mentions):
            if entity.gender in (None, gender):
                return entity
        return None


_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|will|would|may|might|must|should|could|can|also|long|often|"
    r"repeatedly|since|now|already|recently|previously|once|then|later))+\s*$"
)
_ASKED = re.compile(r"(?<![\w’'-])(?:asked|invited|pressed|questioned|challenged)\s+$")
_REPORTED_CLAUSE = re.compile(r"[^.;:¤]*?\bthat\s+[^.;:¤]*")
_SUBJECT_REACH = 600  # characters before a reporting verb that can hold its subject


def _subject_left(
    doc: _Doc, pi: int, sent: Span, v: int, mentions: list[tuple[Mention, Entity]], ctx: _Context
) -> Subject | None:
    masked = doc.masked[pi]
    if v - sent.start > _SUBJECT_REACH:
        # a subject, appositives and all, stands within this reach of its verb: a sentence
        # of thousands of words must not cost its length for every verb in it
        sent = Span(v - _SUBJECT_REACH, sent.end)
    left = masked[sent.start : v]
    m = _ADVERBS.search(left)
    if m:
        left = left[: m.start()]
    # "The compact’s signatories have called it …", "Jo Park has long said": the
    # auxiliaries stand between the subject and its verb
    aux = _AUXILIARIES.search(left)
    if aux and aux.start() > 0:
        left = left[: aux.start()]
    stripped = left.rstrip(" \t\u00a0")
    # "Name, role, who described …": the relative pronoun stands for the name
    wm = re.search(r",?\s*\bwho$", stripped)
    if wm and wm.start() > 0:
        stripped = stripped[: wm.start()] + ("," if stripped[wm.start()] == "," else "")
        # "Also briefing was the President of the Assembly, who called …"
        was = re.search(r"\b(?:was|were)\s+((?:the|a|an)\s+[^,;¤]+),?$", stripped)
        if was and not _mention_ending(mentions, sent.start + was.end(1)):
            role = _role_subject(doc, masked, sent.start + was.start(1), sent.start + was.end(1))
            if role is not None:
                return role
        # "… held a dialogue with the Special Rapporteur on housing, who said …"
        obj = re.search(r"\b(?:with|by|from|to|for)\s+((?:the|a|an)\s+[^,;¤]+),?$", stripped)
        if obj and not _mention_ending(mentions, sent.start + obj.end(1)):
            role = _role_subject(doc, masked, sent.start + obj.start(1), sent.start + obj.end(1))
            if role is not None and role.entity is not None:
                return role
    end = sent.start + len(stripped)
    if not stripped:
        return None
    # "Jane Doe (IPI) said", "Professor Hiroshi Tanaka of Kyoto University argued"
    for rx in (
        r"\s*\([^()]{1,60}\)$",
        r"\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z][^,;¤]{0,80}$",
        # "The third briefer, Dr. Jo Park of the Geneva Centre for Demining, said"
        r"\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z][^,;¤]{0,80},$",
    ):
        tm = re.search(rx, stripped)
        if tm:
            hit = _mention_ending(mentions, sent.start + tm.start())
            if hit and hit[0].lead >= sent.start:
                subj = _name_subject(*hit)
                subj.end = end
                extra = stripped[tm.start() :].strip().rstrip(",")
                before = masked[sent.start : hit[0].lead].rstrip()
                if before.endswith(",") and not hit[1].role_prefix:
                    # "The Chair of the Committee, Ambassador Jo Park of Slovenia, said"
                    lead_role = before[:-1].strip()
                    if (
                        lead_role
                        and MASK not in lead_role
                        and len(lead_role.split()) <= 12
                        and role_head(lead_role)
                        and not _part_not_role(lead_role)
                    ):
                        hit[1].role_prefix = lead_role
                        subj.start = sent.start
                if not hit[1].appositive and not hit[1].role_prefix:
                    # "Colonel Jo Park of the Norwegian Armed Forces": the body itself
                    hit[1].appositive = re.sub(r"^(?:of|from)\s+", "", extra.strip("()"))
                return subj
    # a pronoun right before the verb
    pm = re.search(r"(?<![\w’'-])(he|she|He|She)$", stripped)
    if pm:
        return _pronoun_subject(doc, pm.group(1), sent.start + pm.start(), end, ctx)
    # a name right before the verb
    hit = _mention_ending(mentions, end)
    if hit and hit[0].lead >= sent.start:
        return _name_subject(*hit)
    # "his speech", "Ms. Lopes’s remarks"
    clause_start = max(
        (sent.start + i + 1 for i, ch in enumerate(stripped) if ch in ",;:()–—" + MASK),
        default=sent.start,
    )
    dash = masked.rfind(" - ", clause_start, end)
    if dash != -1:
        clause_start = dash + 3
    clause = masked[clause_start:end].strip()
    sm = _SPEECH_NOUN.match(clause)
    if sm:
        who = sm.group("who")
        if who.lower() in ("his", "her"):
            return _pronoun_subject(doc, who, clause_start, end, ctx)
        for mm, entity in mentions:
            if clause_start <= mm.start < end:
                return _name_subject(mm, entity)
    if stripped.endswith(","):
        # "Name, role, said": walk back over the appositive to the name
        segs = _segments(masked[sent.start : end - 1], sent.start)
        spans = []
        for k in range(len(segs) - 1, max(-1, len(segs) - 10), -1):
            s, e = _strip_span(masked, *segs[k])
            if s >= e:
                continue
            seg_text = masked[s:e]
            if k < len(segs) - 1 and (_FINITE_RE.search(seg_text) or MASK in seg_text):
                break
            spans.append((k, s, e, seg_text))
        reader = False  # "X, in remarks delivered by Y, said": Y only read X's words
        for k, s, e, _seg in spans:
            hit = _mention_ending(mentions, e)
            if hit is None:
                # "Ambassador Jo Park of Uruguay," / "Jo Park (Chile),"
                for mm, ent in mentions:
                    if s <= mm.lead and mm.end < e and _OF_PLACE.fullmatch(masked[mm.end : e]):
                        hit = (mm, ent)
            if hit and hit[0].lead >= s:
                if _DELIVERED_BY.search(masked[sent.start : hit[0].lead]):
                    reader = True
                    continue
                if re.match(
                    r"(?:including|such\s+as|among\s+them|notably|especially)\s+$",
                    masked[s : hit[0].lead],
                ):
                    # "Participants, including Jo Park, …, agreed": the group speaks
                    return Subject(
                        None, "none", sent.start, end, masked[sent.start : s].strip(" ,")
                    )
                subj = _name_subject(*hit)
                subj.end = end
                ent = hit[1]
                appos = masked[hit[0].end : end - 1].lstrip(", ").strip()
                # "Jo Park (Spain), Rapporteur of the Committee,": the role after the
                # delegation's country
                pm2 = re.match(r"\([^()]{1,60}\)\s*,\s*(?=\S)", appos)
                if pm2:
                    appos = appos[pm2.end() :]
                if _is_appositive(appos) and not ent.appositive and not reader:
                    ent.appositive = appos
                # "The institute’s director, Jo Park, introduced": the role before
                # ("The Chair of the Commission, Ambassador Jo Park of Croatia, said")
                if k > 0 and (not appos or _OF_PLACE.fullmatch(" " + appos)):
                    ps, pe = _strip_span(masked, *segs[k - 1])
                    before = masked[ps:pe]
                    conj = _LEAD_CONJ.match(before)
                    if conj:
                        ps += conj.end()
                        before = masked[ps:pe]
                    if (
                        role_head(before)
                        and MASK not in before
                        and len(before.split()) <= 12
                        and not _part_not_role(before)
                    ):
                        if not ent.role_prefix:
                            ent.role_prefix = before
                        if ps == sent.start:
                            subj.start = ps
                return subj
        opening = spans[-1] if len(spans) >= 2 else None
        if opening is not None and opening[1] == _strip_span(masked, sent.start, end)[0]:
            # "The representative of X, Council President for the month, speaking in her
            # national capacity, said": the role that opens the sentence is its subject,
            # the roles after it its appositives
            first_role = _role_subject(doc, masked, opening[1], opening[2])
            if first_role is not None and first_role.entity is not None:
                first_role.end = end
                return first_role
        for idx, (_k, s, e, seg_text) in enumerate(spans):
            if reader and re.search(
                r"(?<![\w’'-])(?:delivered|read(?:\s+out)?|presented)\s+"
                r"(?:on\s+(?:his|her|their)\s+behalf\s+)?by\b",
                seg_text,
            ):
                continue  # the reader's segment
            sm = _SPEECH_NOUN.match(seg_text) if reader else None
            if sm:
                # "The Secretary-General’s remarks, delivered by Jo Park, called …"
                who = sm.group("who")
                if who.lower() in ("his", "her"):
                    return _pronoun_subject(doc, who, s, end, ctx)
                who_end = s + len(re.sub(r"[’']s?$", "", who))
                for mm, entity in mentions:
                    if s <= mm.start < who_end:
                        return _name_subject(mm, entity)
                role = _role_subject(doc, masked, s, who_end)
                if role is not None:
                    role.end = end
                    return role
                return None
            pm = re.match(r"^(he|she|He|She)$", seg_text)
            if pm and idx == 0:
                return _pronoun_subject(doc, pm.group(1), s, end, ctx)
            if (
                re.match(r"^\w+ing\b", seg_text)
                or _CAPACITY.match(seg_text)
                # "Deputy Secretary-General, at Economic and Social Council Meeting, Calls"
                or re.match(r"(?:at|in|during|on|after|before|from|with)\s", seg_text)
            ):
                # "the mediator, stressing that …, described", "The representative of
                # the European Union, in its capacity as observer, said"
                continue
            role = _role_subject(doc, masked, s, e)
            if role is not None:
                role.end = end
                return role
            if idx > 0:
                break
        return None
    if _COORDINATED.search(masked[clause_start:end] + " "):
        # "The representative of X thanked the Council but said": the subject of the
        # first clause, which ends where its own verb begins
        first = masked[clause_start:end]
        vm = re.search(
            r"(?<=(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff]))\s+(?!(?:the|of|a|an)\b)([a-z]+ed)\b",
            first,
        )
        if vm is None or vm.start() == 0:
            return None
        role = _role_subject(doc, masked, clause_start, clause_start + vm.start())
        return role if role is not None and role.entity is not None else None
    # a role or a group or a state right before the verb
    return _role_subject(doc, masked, clause_start, end)


_CAPACITY = re.compile(
    r"(?:in\s+(?:its|his|her|their)\s+capacity\b|on\s+behalf\s+of\b|as\s+(?:an?\s+)?"
    r"(?:observer|penholder|rapporteur|facilitator|coordinator)\b)",
    re.IGNORECASE,
)


def _subject_right(
    doc: _Doc, pi: int, sent: Span, ve: int, mentions: list[tuple[Mention, Entity]], ctx: _Context
) -> Subject | None:
    """An inverted tag: "…,” said Jo Park, Director …", "said a spokesperson"."""
    masked = doc.masked[pi]
    rest = masked[ve : sent.end]
    if not rest.startswith((" ", "\u00a0")):
        return None
    s = ve + len(rest) - len(rest.lstrip(" \u00a0"))
    pm = re.match(r"(he|she)\b", masked[s : s + 4])
    if pm:
        return _pronoun_subject(doc, pm.group(1), s, s + len(pm.group(1)), ctx)
    for m, entity in mentions:
        if m.lead == s or (m.start == s):
            subj = _name_subject(m, entity)
            # the appositive after the name, up to a participle or the sentence end
            after = masked[m.end : sent.end]
            am = re.match(r",\s+([^;¤]*?)(?:,\s+(?=[a-z])|[.;]?$)", after)
            if am and _is_appositive(am.group(1)) and not entity.appositive:
                entity.appositive = am.group(1).strip()
            # "…,” said Jo Park of the Port Authority, “…”"
            om = re.match(
                r"\s+((?:of|from|at|with)\s+(?:the\s+)?[A-Z][^,;.¤()]*?)\s*(?:[,.;]|$)", after
            )
            if om and not am and not entity.appositive and not entity.role_prefix:
                entity.appositive = om.group(1).strip()
            subj.end = m.end
            return subj
    # "…,” said Tuvalu’s climate minister, Jo Park": a possessive stands for the article
    rm = re.match(r"((?:a|an|the)\s+[^,.;:¤]+)", masked[s : sent.end]) or re.match(
        r"((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[’']s\s+[^,.;:¤]+)", masked[s : sent.end]
    )
    if rm:
        # "…,” said the deputy minister, Ravi Sen."
        np_end = s + len(rm.group(1))
        for m, entity in mentions:
            if masked[np_end : m.lead] in (", ", ",\u00a0") and role_head(rm.group(1)):
                if not entity.role_prefix and not entity.appositive:
                    entity.role_prefix = rm.group(1).strip()
                subj = _name_subject(m, entity)
                subj.start, subj.end = s, m.end
                return subj
        return _role_subject(doc, masked, s, s + len(rm.group(1)))
    # "…,’ Says Deputy Secretary-General, Urging …" (a headline's role, no article)
    rm = re.match(r"([A-Z][^,.;:¤]{0,60})", masked[s : sent.end])
    if rm and role_head(rm.group(1)):
        return _role_subject(doc, masked, s, s + len(rm.group(1)))
    return None


_COORDINATED = re.compile(
    r"(?:,|\s)\s*(?:and|but|yet)(?:\s+(?:has|have|had|also|later|then|previously|once|"
    r"repeatedly|\w+ly))*\s+$",
    re.IGNORECASE,
)


def _first_subject(
    doc: _Doc,
    pi: int,
    sent: Span,
    until: int,
    mentions: list[tuple[Mention, Entity]],
    ctx: _Context,
) -> Subject | None:
    """The subject of a sentence's main clause, for a participle ("…, pointing out")."""
    masked = doc.masked[pi]
    for s, e in _segments(masked[sent.start : until], sent.start):
        s, e = _strip_span(masked, s, e)
        seg = masked[s:e]
        cm = _LEAD_CONJ.match(seg)
        off = cm.end() if cm else 0
        pm = re.match(r"(he|she|He|She)\b", seg[off:])
        if pm:
            return _pronoun_subject(doc, pm.group(1), s + off, s + off + 2, ctx)
        im = re.match(r"(it|they|It|They)\b", seg[off:])
        if im:
            return Subject(None, "none", s + off, s + off + len(im.group(1)), im.group(1))
        for m, entity in mentions:
            if m.lead in (s + off, s) and m.end <= until:
                return _name_subject(m, entity)
    return None


# ------------------------------------------------------------------ the pass


def _part_not_role(phrase: str) -> bool:
    """ "The second speaker", "the keynote speaker": a part in the programme, not a role;
    "He introduced the first speaker": a clause."""
    words = phrase.split()
    if words and fold(words[0]) in ("he", "she", "they", "it", "we", "i"):
        return True
    return (
        re.fullmatch(
            r"(?:the|a|an)\s+(?:\w+\s+){0,2}(?:speaker|panelist|panellist|discussant|presenter)s?",
            phrase.strip(),
            re.IGNORECASE,
        )
        is not None
        and "Speaker" not in phrase[1:]
    )


def _reported_self(masked: str, sent: Span, vs: int, cues: list[Cue]) -> Subject | None:
    """ "Jo Park told Ann Lee that she disagreed": a he/she that opens the clause reported
    by a named speaker's verb in the same sentence is that speaker, when the gender fits
    (the people named between are the listeners)."""
    lo = max(sent.start, vs - 40)
    pm = re.search(r"(?<![\w’'-])(he|she)\s+(?:\w+ly\s+)?$", masked[lo:vs])
    if pm is None:
        return None
    ps = lo + pm.start(1)
    gender = "m" if pm.group(1) == "he" else "f"
    for c in reversed(cues):
        entity = c.subject.entity
        if entity is None or c.negated or c.subject.attribution not in ("name", "alias"):
            continue
        root = entity.root()
        gap = masked[c.verb_end : ps]
        if root.gender in (None, gender) and re.fullmatch(r"\s+(?:[^,;:¤]{1,60}?\s+)?that\s+", gap):
            if root.gender is None:
                root.gender = gender
            return Subject(root, "pronoun", ps, vs, pm.group(1))
        break
    return None


def _cues(
    doc: _Doc, pi: int, sent: Span, mentions: list[tuple[Mention, Entity]], ctx: _Context
) -> list[Cue]:
    masked = doc.masked[pi]
    text = masked[sent.start : sent.end]
    cues: list[Cue] = []
    for m in _FINITE_RE.finditer(text):
        vs, ve = sent.start + m.start(), sent.start + m.end()
        negated = bool(_NEGATED.search(masked[max(sent.start, vs - 30) : vs]))
        if re.search(
            r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$",
            masked[max(sent.start, vs - 40) : vs],
        ):
            continue  # a passive ("was told", "were listed"): not the subject speaking
        subj = _reported_self(masked, sent, vs, cues) or _subject_left(
            doc, pi, sent, vs, mentions, ctx
        )
        inverted = False
        if subj is None and _COORDINATED.search(masked[max(sent.start, vs - 120) : vs]):
            # "Jo Park was careful not to …, but said that …": the first clause's subject
            subj = _first_subject(doc, pi, sent, vs, mentions, ctx)
        if subj is None:
            before = masked[max(sent.start, vs - 40) : vs].rstrip(" \t\u00a0")
            if not before or before.endswith((",", MASK)):
                subj = _subject_right(doc, pi, sent, ve, mentions, ctx)
                inverted = subj is not None
        if subj is None:
            continue
        if subj.entity is None and any(
            c.subject.entity is not None
            and c.verb_end <= subj.start
            and re.fullmatch(r"[^.;:¤]*?\bthat\s+[^.;:¤]*", masked[c.verb_end : subj.end])
            for c in cues
        ):
            # "He cautioned that donors answered to their taxpayers: “…”": a group in
            # the clause a person reports is not who speaks
            continue
        cues.append(Cue(vs, ve, subj, inverted=inverted, negated=negated))
        if not negated:
            ctx.sentence_subjects.append(subj)
    # "what she called “…”", "the ministry has called such claims “…”": the term is the
    # subject's own
    for q in doc.quotes[pi]:
        if not (sent.start <= q.open < sent.end):
            continue
        nm = _NAMING.search(masked[max(sent.start, q.open - 90) : q.open])
        if nm is None or is_title(doc.paragraphs[pi], q, sent.start):
            continue
        vs = max(sent.start, q.open - 90) + nm.start(1)
        if any(c.verb_start <= vs < c.verb_end for c in cues):
            continue
        subj = _subject_left(doc, pi, sent, vs, mentions, ctx)
        if subj is not None:
            cues.append(Cue(vs, vs + len(nm.group(1)), subj))
    # "The plan was described as “…” by Jo Park": a passive naming verb before the
    # quotation, its agent after it
    for q in doc.quotes[pi]:
        if q.close is None or not (sent.start <= q.open < sent.end):
            continue
        pv = PASSIVE_NAMING.search(masked[max(sent.start, q.open - 60) : q.open])
        bm = re.match(r",?\s*by(?=\s)", masked[q.outer_end : sent.end])
        if pv is None or bm is None:
            continue
        vs = max(sent.start, q.open - 60) + pv.start(1)
        ve = vs + len(pv.group(1))
        if any(c.verb_start <= vs < c.verb_end for c in cues):
            continue
        subj = _subject_right(doc, pi, sent, q.outer_end + bm.end(), mentions, ctx)
        if subj is not None and subj.attribution != "pronoun":
            cues.append(Cue(vs, ve, subj, inverted=True))
    # a tag right after a quotation, whatever its verb: "“…,” she vowed", "“…,” mused Jo Park"
    for q in doc.quotes[pi]:
        if q.close is None or not (sent.start <= q.open < sent.end):
            continue
        after = masked[q.outer_end : sent.end]
        tm = re.match(r",?\s+(?:(he|she)\s+([a-z]+(?:ed|s))|([a-z]+(?:ed|s)))\b", after)
        if not tm:
            continue
        verb = tm.group(2) or tm.group(3)
        vs = q.outer_end + tm.start(2 if tm.group(2) else 3)
        if any(c.verb_start <= vs < c.verb_end for c in cues):
            continue
        if verb in ("was", "has", "is", "does", "as", "has", "its", "this", "thus") or _FUNCTION & {
            verb
        }:
            continue
        ve = vs + len(verb)
        if tm.group(1):
            subj = _pronoun_subject(doc, tm.group(1), q.outer_end + tm.start(1), vs, ctx)
        else:
            subj = _subject_right(doc, pi, sent, ve, mentions, ctx)
        if subj is not None:
            cues.append(Cue(vs, ve, subj, inverted=not tm.group(1)))
    # "According to Mr. Boateng, …", "according to the spokesperson, …"
    for m in re.finditer(
        r"(?<![\w’'-])(?:[Aa]ccording\s+to|[Ii]n\s+the\s+(?:words|view)\s+of)\s+", text
    ):
        s0 = sent.start + m.end()
        subj = None
        for mm, entity in mentions:
            if s0 in (mm.lead, mm.start):
                subj = _name_subject(mm, entity)
                subj.end = mm.end
                break
        if subj is None:
            rm = re.match(
                r"((?:a|an|the|its|their|his|her)\s+[^,.;:¤]+)", masked[s0 : sent.end]
            ) or re.match(
                r"((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[’']s\s+[^,.;:¤]+)", masked[s0 : sent.end]
            )
            if rm:
                # "According to the WFP's country director, Jo Park, …": the person named
                np_end = s0 + len(rm.group(1))
                for mm, entity in mentions:
                    if (
                        masked[np_end : mm.lead] in (", ", ",\u00a0")
                        and role_head(rm.group(1))
                        and re.match(r"\s*,", masked[mm.end : sent.end])
                    ):
                        if not entity.role_prefix and not entity.appositive:
                            entity.role_prefix = rm.group(1).strip()
                        subj = _name_subject(mm, entity)
                        subj.end = mm.end
                        break
                if subj is None:
                    subj = _role_subject(doc, masked, s0, np_end)
        if subj is not None:
            subj.start = sent.start + m.start()
            cues.append(Cue(subj.start, subj.end, subj, frame=True))
    # "Arroyo’s message was blunt: “…”", "Her answer: “…”"
    for m in re.finditer(
        r"(?:(?<![\w’'-])(his|her|His|Her)|[’']s)\s+(?:message|point|argument|view|warning|answer|"
        r"response|reply|conclusion|verdict|advice|plea|appeal|assessment)\b",
        text,
    ):
        vs = sent.start + m.start()
        subj = None
        if m.group(1):
            subj = _pronoun_subject(doc, m.group(1), vs, sent.start + m.end(), ctx)
        else:
            hit = _mention_ending(mentions, vs)
            if hit:
                subj = _name_subject(*hit)
        if subj is not None:
            cues.append(Cue(vs, sent.start + m.end(), subj))
    # "In his view, “…”"
    for m in re.finditer(
        r"(?<![\w’'-])[Ii]n\s+(his|her)\s+(?:view|words|opinion|assessment|judge?ment|estimation)\b",
        text,
    ):
        vs = sent.start + m.start()
        subj = _pronoun_subject(doc, m.group(1), vs, sent.start + m.end(), ctx)
        if subj is not None:
            cues.append(Cue(vs, sent.start + m.end(), subj))
    # "Asked about X, Dr. Kone was blunt: “…”", "She was emphatic: “…”": the subject of
    # the clause before a colon that opens a quotation
    for m in re.finditer(r":\s*(?=¤)", text):
        colon = sent.start + m.start()
        if any(c.verb_start < colon for c in cues):
            continue
        clause_start = max(
            (sent.start + i + 1 for i, ch in enumerate(text[: m.start()]) if ch in ",;(" + MASK),
            default=sent.start,
        )
        if len(masked[clause_start:colon].split()) > 8:
            continue
        subj = None
        pm = re.match(r"\s*(?:[Aa]nd\s+|[Bb]ut\s+)?(he|she|He|She)\b", masked[clause_start:colon])
        if pm:
            subj = _pronoun_subject(doc, pm.group(1), clause_start + pm.start(1), colon, ctx)
        else:
            for mm, entity in mentions:
                if clause_start <= mm.lead and mm.end <= colon:
                    if masked[clause_start : mm.lead].strip(" ") == "":
                        subj = _name_subject(mm, entity)
                    break
            if subj is None and not any(clause_start <= mm.lead < colon for mm, _e in mentions):
                # "Asked about X, Jo Park, Director of Y, was blunt: “…”"
                hit = _name_with_appositive(masked, mentions, sent.start, clause_start)
                if hit is not None:
                    subj = _name_subject(*hit)
            if subj is None and not any(clause_start <= mm.lead < colon for mm, _e in mentions):
                # "Asked about X, the mediator, Dr. Jo Park, was cautious: “…”"
                for mm, entity in mentions:
                    if masked[mm.end : clause_start] != ",":
                        continue
                    before = masked[sent.start : mm.lead]
                    rm = re.search(r"(?:^|,\s+)((?:the|a|an)\s+[^,;¤]+),\s+$", before)
                    if rm and role_head(rm.group(1)) and not _FINITE_RE.search(rm.group(1)):
                        if not entity.role_prefix and not entity.appositive:
                            entity.role_prefix = rm.group(1).strip()
                        subj = _name_subject(mm, entity)
                        break
        if subj is not None:
            cues.append(Cue(colon, colon + 1, subj, colon=True))
    # "X: “…”" (headlines, summaries)
    # ("**Jo Park:** “…”": Markdown emphasis around the name and its colon)
    cm = re.match(r"^([*_ ]{0,3})([^:¤*_]{2,80}?|[^:¤]{2,80})[*_ ]{0,3}:[*_]{0,3}\s*(?=.*¤)", text)
    if (
        cm
        and "\n" not in cm.group(2)
        and not any(c.verb_start < sent.start + cm.end(2) for c in cues)
    ):
        # (a reporting verb before the colon already says who speaks: "Jo Park, Director
        # of X, said: “…”")
        begin = sent.start + cm.end(1)
        end = sent.start + cm.end(2)
        hit = _mention_ending(mentions, end)
        subj = None
        if hit is None or hit[0].lead != begin:
            # "Jo Park, Director of Y: “…”"
            hit = _name_with_appositive(masked, mentions, begin, end)
            if hit is not None and hit[0].lead != begin:
                hit = None
        if hit and hit[0].lead == begin:
            subj = _name_subject(*hit)
        else:
            subj = _role_subject(doc, masked, begin, end)
            if (
                subj is not None
                and subj.entity is None
                and subj.what
                and len(subj.what.split()) == 1
            ):
                subj = None
        if subj is not None:
            cues.append(Cue(end, end + 1, subj, colon=True))
    for m in _PARTICIPLE_RE.finditer(text):
        vs, ve = sent.start + m.start(), sent.start + m.end()
        if any(c.verb_start <= vs < c.verb_end for c in cues):
            continue
        earlier = [c for c in cues if c.verb_start < vs and not c.negated]
        if earlier:
            base = earlier[-1].subject
            cues.append(
                Cue(
                    vs,
                    ve,
                    Subject(base.entity, base.attribution, base.start, base.end, base.what),
                    participle=True,
                )
            )
            continue
        later = [c for c in cues if c.verb_start > vs and not c.negated]
        if later:
            continue  # "Noting that …, he acknowledged": the main verb's subject will do
        subj = _first_subject(doc, pi, sent, vs, mentions, ctx)
        if subj is None and vs == sent.start and ctx.last is not None:
            # "Pointing out that …": no subject; the speaker of the sentence before
            last = ctx.last
            if last.paragraph >= pi - (2 if doc.one_line else 1):
                subj = Subject(last.entity, "context", vs, vs)
        if subj is not None:
            cues.append(Cue(vs, ve, subj, participle=True))
    # "Jo Park and her appeal for …"
    for m in _PLEA.finditer(text):
        ps = sent.start + m.start()
        hit = _mention_ending(mentions, ps - 1) or _mention_ending(mentions, ps)
        if hit:
            cues.append(Cue(ps, sent.start + m.end(), _name_subject(*hit)))
    cues.sort(key=lambda c: c.verb_start)
    return cues


def _infer_gender(text: str, base: int, cues: list[Cue], ctx: _Context) -> None:
    """ "Jo Park said her office …", "… told his audience": a named speaker whose
    reporting verb is followed by a possessive of one gender is of that gender."""
    for c in cues:
        entity = c.subject.entity
        if entity is None or c.subject.attribution not in ("name", "alias"):
            continue
        root = entity.root()
        if root.gender is not None:
            continue
        after = text[c.verb_end - base : c.verb_end - base + 40]
        m = re.match(r"\s+(?:that\s+|the\s+\w+\s+)?(his|her)\s+[a-z]", after)
        # "Jo Park said that she had never seen it": reported speech refers to its
        # speaker first, when nobody else is named in the sentence
        sm = re.match(r",?\s+(?:that\s+)?(he|she)\s+[a-z]", after)
        if m:
            root.gender = "m" if m.group(1) == "his" else "f"
        elif (
            sm
            and not c.inverted
            and not c.participle
            and all(e.root() is root for _m, e in ctx.sentence_mentions)
            and not re.search(
                r"(?<![\w’'-])(?:he|she|him|her|his)(?![\w’'-])", text[: c.verb_start - base], re.I
            )
        ):
            root.gender = "m" if sm.group(1) == "he" else "f"


_ROLE_GENDER = {
    "spokeswoman": "f",
    "chairwoman": "f",
    "congresswoman": "f",
    "businesswoman": "f",
    "stateswoman": "f",
    "councilwoman": "f",
    "queen": "f",
    "princess": "f",
    "duchess": "f",
    "countess": "f",
    "empress": "f",
    "madam": "f",
    "mrs": "f",
    "spokesman": "m",
    "congressman": "m",
    "businessman": "m",
    "statesman": "m",
    "councilman": "m",
    "king": "m",
    "prince": "m",
    "duke": "m",
    "count": "m",
    "emperor": "m",
}


def _gender_from_role(entity: Entity) -> None:
    """ "Lena Brandt, a spokeswoman for the agency": a gendered role word is evidence."""
    root = entity.root()
    if root.gender is not None:
        return
    found: set[str] = set()
    for phrase in (root.appositive, root.role_prefix, root.listed_role):
        # the role's own words, before its complement ("a spokeswoman for …", not
        # "Professor at Queen’s University")
        for w in re.findall(
            r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+(?:[’'](?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+)?",
            phrase,
        ):
            if fold(w) in ("of", "for", "at", "in", "with", "to", "from", "on"):
                break
            if fold(w) in _ROLE_GENDER:
                found.add(_ROLE_GENDER[fold(w)])
    if len(found) == 1:
        root.gender = found.pop()


def _gender_from_possessive(masked: str, sent: Span, ctx: _Context) -> None:
    """ "Jo Park presented her paper": the first person named in a sentence, followed
    by "his" or "her" before anyone else is named, is of that gender."""
    if not ctx.sentence_mentions:
        return
    m, entity = ctx.sentence_mentions[0]
    root = entity.root()
    if root.gender is not None or root.name is None:
        return
    nxt = ctx.sentence_mentions[1][0].lead if len(ctx.sentence_mentions) > 1 else sent.end
    gap = masked[m.end : nxt]
    # "her" only as a possessive ("presented her paper", not "introduced her, …")
    hm = re.search(
        r"(?<![\w’'-])(his|himself|herself|her(?=\s+(?!(?:for|to|as|and|that|with|in|on|at|by|"
        r"about|of|the|a|an|or|but|from|into|over)\b)[a-z]))(?![\w’'-])",
        gap,
    )
    if (
        hm
        and len(gap[: hm.start()].split()) <= 8
        and not re.search(r"\b(?:he|she)\b", gap[: hm.start()])
    ):
        root.gender = (
            "m" if hm.group(1).startswith("h") and hm.group(1) in ("his", "himself") else "f"
        )


def _content_words(text: str) -> tuple[int, int]:
    ws = re.findall(r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff])+", text.replace(MASK, " "))
    content = [w for w in ws if w.lower() not in _FUNCTION]
    return len(content), len(ws)


def analyse(paragraphs: list[str]) -> Analysis:
    doc = _Doc(paragraphs)
    ctx = _Context(doc)
    statements: list[Statement] = []
    left_out: list[LeftOut] = []
    pending: list[tuple[int, Quote]] = []  # quotations with nobody in or before them
    all_mentions: list[list[tuple[Mention, Entity]]] = []
    all_cues: list[list[tuple[Span, list[Cue]]]] = []
    for pi, paragraph in enumerate(paragraphs):
        mentions = _Mentions(doc.mentions_in(pi))
        all_mentions.append(mentions)
        if ctx.list_intro is not None and not all(
            _BULLET.match(line) for line in paragraph.splitlines() if line.strip()
        ):
            ctx.list_intro = None  # the list that a person introduced has ended
        par_cues: list[tuple[Span, list[Cue]]] = []
        masked = doc.masked[pi]
        for si, sent in enumerate(doc.sentences[pi]):
            ctx.sentence_mentions = [
                (m, e) for m, e in mentions if sent.start <= m.lead and m.end <= sent.end
            ]
            ctx.sentence_subjects = []
            doc.current = (pi, si)
            ctx.tick += 1
            cues = _cues(doc, pi, sent, mentions, ctx)
            par_cues.append((sent, cues))
            person_cues = [c for c in cues if c.subject.entity is not None and not c.negated]
            _infer_gender(masked[sent.start : sent.end], sent.start, person_cues, ctx)
            quotes = [q for q in doc.quotes[pi] if sent.start <= q.open < sent.end]
            made: list[Statement] = []
            # --- paraphrases: one per speaker clause
            owners: list[Cue] = []
            for c in person_cues:
                if owners and any(
                    o.verb_end <= c.subject.start
                    and _REPORTED_CLAUSE.fullmatch(masked, o.verb_end, c.subject.end)
                    for o in owners
                ):
                    # "She recalled that the late Jo Park had once told her, “…”": Jo Park
                    # is inside what she reports; the sentence is hers, the quote his
                    continue
                if not owners or c.subject.entity not in [o.subject.entity for o in owners]:
                    owners.append(c)
            bounds: list[tuple[int, int, Cue]] = []
            for k, c in enumerate(owners):
                seg_start = (
                    sent.start if k == 0 else c.subject.start if not c.inverted else c.verb_start
                )
                seg_end = sent.end
                if k + 1 < len(owners):
                    nxt = owners[k + 1]
                    seg_end = nxt.subject.start if not nxt.inverted else nxt.verb_start
                bounds.append((seg_start, seg_end, c))
            for seg_start, seg_end, c in bounds:
                seg_start, seg_end = _strip_span(masked, seg_start, seg_end)
                # trim a joining conjunction at the cut
                tm = re.search(
                    r"[,;]?\s*\b(?:but|and|while|whereas)$", paragraph[seg_start:seg_end]
                )
                if tm and seg_end < sent.end:
                    seg_end = seg_start + tm.start()
                if seg_start >= seg_end:
                    continue
                subj = c.subject
                after_verb = masked[c.verb_end : seg_end]
                if c.frame:
                    # "According to Jo Park, Director of X, “…”": past the appositive
                    after_verb = re.sub(r"^,\s*[^,;:¤]*,(?=\s*" + MASK + ")", "", after_verb)
                if after_verb.strip(" .,;:" + MASK) == "" and (
                    c.colon
                    or (not c.inverted and re.match(r"\s*:\s*" + MASK, after_verb))
                    or (c.frame and MASK in after_verb)
                ):
                    # "…, Dr. Kone was blunt: “…”", "In closing, Jo Park said: “…”": the
                    # words are all quoted
                    continue
                # what remains outside the tag and the quotations
                if c.inverted:
                    tag = (c.verb_start, max(subj.end, c.verb_end))
                    ent = subj.entity
                    if ent is not None and ent.appositive:
                        ap = paragraph.find(ent.appositive, subj.end)
                        if ap != -1 and ap - subj.end <= 3:
                            tag = (c.verb_start, ap + len(ent.appositive))
                else:
                    tag = (subj.start, c.verb_end)
                rest = masked[seg_start : tag[0]] + " " + masked[tag[1] : seg_end]
                if masked[seg_start : tag[0]].strip(" ,") == "" or (
                    masked[seg_start : tag[0]].strip(" ,").strip(MASK) == ""
                    and masked[seg_start] == MASK
                ):
                    # "“…,” she said, …": a quotation and its tag, unless a clause follows
                    after = masked[tag[1] : seg_end]
                    if c.inverted and subj.entity is not None and subj.entity.appositive:
                        ap = after.find(subj.entity.appositive)
                        if 0 <= ap <= 3:
                            after = after[ap + len(subj.entity.appositive) :]
                    if masked[seg_start] == MASK and not re.match(
                        r"^[^¤]*?,?\s*(?:and|but|adding|noting|saying|stressing|while|as|"
                        r"because|which|before|although|though|warning|arguing)\b",
                        after.lstrip(" ,"),
                    ):
                        continue
                content, total = _content_words(rest)
                if not (content >= 2 or (content >= 1 and total >= 3)):
                    continue
                text_start = seg_start
                opener = masked[seg_start : subj.start]
                if (
                    not c.inverted
                    and not c.colon
                    and subj.attribution in ("name", "alias")
                    and (
                        subj.start == seg_start
                        or re.fullmatch(r"As (?:a|the) [\w\- ]+,\s*", opener or "") is not None
                    )
                ):
                    # start after the speaker's name and role, at the verb
                    vstart = c.verb_start
                    before = masked[subj.start : vstart]
                    if not re.search(r"\b(?:that|who|which)\b", before):
                        text_start = vstart
                text = paragraph[text_start:seg_end]
                assert subj.entity is not None
                st = Statement(
                    pi,
                    text_start,
                    seg_end,
                    "paraphrase",
                    text,
                    subj.entity,
                    subj.attribution,
                    word=subj.what,
                )
                made.append(st)
            # --- quotations
            cue_starts = [c.verb_start for c in cues]
            if cue_starts != sorted(cue_starts):
                cue_starts = []  # not in order: _cue_for reads the list as it is
            for q in quotes:
                if is_title(paragraph, q, sent.start) or _is_label(paragraph, q):
                    continue
                cue, before_q = _cue_for(cues, cue_starts, q.open)
                clause = _clause_before(masked, sent.start, q.open)
                if (cue is not None and cue.negated) or _NOT_USED.search(clause):
                    left_out.append(LeftOut(pi, q.text, "words the report says were not used"))
                    continue
                told = _TOLD.search(
                    masked, cue.verb_end if cue and before_q else sent.start, q.open
                )
                if told is not None:
                    left_out.append(LeftOut(pi, q.text, "words said to the speaker, not by them"))
                    continue
                note: list[str] = []
                if q.note:
                    note.append(q.note)
                word = ""
                intro = ctx.list_intro
                if (
                    cue is None
                    and intro is not None
                    and (intro[1] < pi or intro[2] <= q.open)
                    and _BULLET.match(paragraph[paragraph.rfind("\n", 0, q.open) + 1 : q.open + 1])
                ):
                    # "Jo Park, …, made the following points:" then "- “…”" items
                    entity, attribution = intro[0], "context"
                    note.append(
                        "No attribution in its sentence; an item of the list the speaker "
                        "introduced."
                    )
                elif cue is None and after_title_noun(paragraph, q, sent.start):
                    # "The resolution “urges all States …”": a document's words
                    left_out.append(LeftOut(pi, q.text, "the words of a document"))
                    continue
                elif source := _not_speech(
                    masked[cue.verb_end if cue is not None and before_q else sent.start : q.open]
                ):
                    # "banners reading “…”", "a voice from the gallery shouted “…”"
                    left_out.append(LeftOut(pi, q.text, source))
                    continue
                elif cue is None:
                    recent = ctx.last_speaker
                    if recent is not None and recent[1] >= pi - (2 if doc.one_line else 1):
                        entity, attribution = recent[0], "context"
                        note.append(
                            "No attribution in its sentence; taken to continue the words of the "
                            "speaker before it."
                        )
                    else:
                        # a headline's quotation may be words the body gives to someone:
                        # decided once the whole report is read
                        pending.append((pi, q))
                        continue
                elif cue.subject.entity is None:
                    left_out.append(LeftOut(pi, q.text, _nobody_reason(cue.subject.what)))
                    continue
                else:
                    entity, attribution = cue.subject.entity, cue.subject.attribution
                    word = cue.subject.what
                within = None
                for st in made:
                    if st.kind == "paraphrase" and st.start <= q.open and q.outer_end <= st.end:
                        within = st
                qs = Statement(
                    pi,
                    q.start,
                    q.end,
                    "quote",
                    q.text,
                    entity,
                    attribution,
                    notes=note,
                    within=within,
                    word=word,
                )
                if q.close is None:
                    qs.review = True
                made.append(qs)
            made.sort(key=lambda s: (s.start, 0 if s.kind == "paraphrase" else 1))
            for st in made:
                statements.append(st)
                ctx.spoke(st.entity)
                ctx.last = st
                ctx.last_speaker = (st.entity, pi)
            for c in person_cues:
                if c.subject.entity is not None:
                    ctx.spoke(c.subject.entity)
                    ctx.last_speaker = (c.subject.entity, pi)
            for _m, e in ctx.sentence_mentions:
                ctx.recent_mentions.append(e)
                _gender_from_role(e)
            _gender_from_possessive(masked, sent, ctx)
            ctx.introduce(masked[sent.start : sent.end], sent.start)
            for m, e in ctx.sentence_mentions:
                if _ASKED.search(masked, max(sent.start, m.lead - 16), m.lead):
                    ctx.asked = (e, ctx.tick)
            if not ctx.sentence_mentions and not person_cues:
                # "At the close, the High Commissioner took the floor again. “…,” she
                # said": a role that opens a sentence is who a pronoun after it may be
                role = _opening_role(doc, pi, sent)
                if role is not None:
                    ctx.introduced.append((role, ctx.tick, True))
            if masked[sent.start : sent.end].rstrip().endswith(":") and not quotes:
                # "Jo Park, Director of X, made the following points:" opens a list
                first = ctx.sentence_mentions[0] if ctx.sentence_mentions else None
                if first is not None and masked[sent.start : first[0].lead].strip(" *_") == "":
                    ctx.list_intro = (first[1].root(), pi, sent.end)
        all_cues.append(par_cues)
    _headline_quotes(pending, statements, left_out)
    _resolve_roles(doc, statements, all_cues, all_mentions)
    return Analysis(
        paragraphs,
        doc.quotes,
        doc.sentences,
        statements,
        doc.entities,
        left_out,
        all_mentions,
        all_cues,
    )


def _same_words(a: str, b: str) -> bool:
    """``b`` (a headline's quotation) is ``a``'s words, or three or more of them in a row,
    whatever their case and punctuation ("We Are Not the Future," and "we are not the
    future.")."""

    def norm(text: str) -> str:
        return re.sub(r"\W+", " ", fold(text)).strip()

    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    # the headline may quote part of the body's quotation: three words or more of it
    return na == nb or (len(nb.split()) >= 3 and f" {nb} " in f" {na} ")


def _headline_quotes(
    pending: list[tuple[int, Quote]], statements: list[Statement], left_out: list[LeftOut]
) -> None:
    """ "When the Council Is Stuck, “the Phone Rings in Addis Ababa”" over a body in
    which one speaker says “the phone rings in Addis Ababa”: the headline quotes that
    speaker.  A quotation nobody says again stays left out."""
    for pi, q in pending:
        said = next(
            (
                st
                for st in statements
                if st.kind == "quote" and st.paragraph > pi and _same_words(st.text, q.text)
            ),
            None,
        )
        if said is None:
            left_out.append(LeftOut(pi, q.text, "no speaker given"))
            continue
        st = Statement(
            pi,
            q.start,
            q.end,
            "quote",
            q.text,
            said.entity,
            "context",
            review=True,
            notes=[
                f"No speaker in its own paragraph; the same words are quoted from this "
                f"speaker in paragraph {said.paragraph + 1}."
            ],
        )
        at = next((k for k, other in enumerate(statements) if other.paragraph > pi), None)
        statements.insert(len(statements) if at is None else at, st)


_SYNONYMS = (
    frozenset(
        {
            "chief",
            "head",
            "director",
            "director-general",
            "president",
            "chair",
            "chairman",
            "chairwoman",
            "chairperson",
            "leader",
            "secretary-general",
            # "the U.N. humanitarian chief" is its Under-Secretary-General
            "under-secretary-general",
            "assistant-secretary-general",
            "commissioner",
            "high-commissioner",
            "coordinator",
            "administrator",
        }
    ),
    frozenset(
        {
            "expert",
            "scientist",
            "researcher",
            "professor",
            "economist",
            "analyst",
            "fellow",
            "scholar",
        }
    ),
    frozenset({"spokesperson", "spokesman", "spokeswoman"}),
)


def _role_words(person: Entity) -> set[str]:
    text = " ".join(
        [person.role_prefix, person.appositive, person.listed_role, person.honorific or ""]
    )
    words = {fold(w) for w in re.findall(r"[\w’'-]+", text)}
    words |= {w[:-2] for w in words if w.endswith(("'s", "’s"))}
    if re.search(r"\bpermanent\s+representative\b", text, re.IGNORECASE):
        # a Permanent Representative to the UN is an ambassador, and called so
        words.add("ambassador")
    return words | {w.rstrip("s") for w in words}


_ARTICLES = frozenset({"the", "a", "an", "of", "for", "and", "on", "in", "at", "to"})


_HEAD_PREFIX = re.compile(r"(?:vice|deputy|co|acting|assistant)-(.+)")


def _role_heads(person: Entity) -> set[str]:
    """The words that head the person's roles, not those of their complements: a
    "Spokesperson for the Secretary-General" is a spokesperson, not the Secretary-General;
    "Under-Secretary-General for X and Emergency Relief Coordinator" is both."""
    heads: set[str] = set()
    for text in (person.role_prefix, person.appositive, person.listed_role, person.honorific):
        for part in re.split(r",|;|\band\b|\(", text or ""):
            zone = re.split(r"\b(?:of|for|at|in|on|to|with|from)\b", part)[0]
            heads |= {fold(w) for w in re.findall(r"[\w’'-]+", zone)}
    heads |= {w[:-2] for w in heads if w.endswith(("'s", "’s"))}
    # "Vice-Minister" is a minister, "co-chair" a chair
    heads |= {m.group(1) for w in list(heads) if (m := _HEAD_PREFIX.fullmatch(w))}
    if re.search(
        r"\bpermanent\s+representative\b",
        person.appositive + person.role_prefix + person.listed_role,
        re.IGNORECASE,
    ):
        heads.add("ambassador")
    return heads | {w.rstrip("s") for w in heads}


def _complement_ok(entity: Entity, person: Entity, strict: bool = True) -> bool:
    """ "the representative of France" is only someone whose role names France; "the
    Special Representative" only someone whose role says "special". Not ``strict``
    (the person the next sentence introduces): only a short complement is checked."""
    phrase = entity.role_phrases[0] if entity.role_phrases else ""
    words = _role_words(person)
    own = " ".join([person.role_prefix, person.appositive, person.listed_role])
    if (
        not strict
        and entity.head not in ("representative", "delegate", "observer")
        and not re.search(r"\b(?:of|for|at)\s+(?:the\s+)?[A-Z]", own)
    ):
        # "The keynote speaker, a former minister of Kazakhstan, …. Jo Park said", "the
        # envoy for Sudan said …. Jo Park, a former Algerian minister, …": the person's
        # own role names no other country or body to contradict the one before ("the
        # representative of Brazil" is a delegation's seat, a whole identity)
        return True
    # "China’s representative" is the representative of China
    pm = re.match(r"(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)[’']s\s", phrase)
    if (
        pm
        and fold(pm.group(1)) not in ("un", "u.n.", "u.n", "united nations")
        and not all(fold(w) in words for w in pm.group(1).split() if fold(w) not in _ARTICLES)
    ):
        return False
    m = re.search(
        r"\b(?:of|for)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|and))*)", phrase
    )
    if (
        m
        and (strict or len(m.group(1).split()) <= 2)
        and not all(
            fold(w) in words
            for w in m.group(1).split()
            if fold(w) not in _ARTICLES and fold(w) not in ROLE_WORDS
        )
    ):
        return False
    if not strict:
        return True
    if entity.head:
        # "the High Commissioner" is not the Deputy High Commissioner
        own = " ".join([person.role_prefix, person.appositive, person.listed_role])
        lower = (
            rf"(?<![\w’'-])(?:deputy|vice|assistant|associate)[\s-]+(?:[\w’'-]+\s+)?{entity.head}"
        )
        if re.search(lower, own, re.IGNORECASE) and not re.search(lower, phrase, re.IGNORECASE):
            return False
    head_zone = re.split(r"\b(?:of|for|on|at|in|with|from)\b", phrase)[0]
    modifiers = [fold(w) for w in re.findall(r"[\w’'-]+", head_zone)]
    modifiers = [w[:-2] if w.endswith(("'s", "’s")) else w for w in modifiers]
    return all(
        w in words or w.rstrip("s") in words
        for w in modifiers[:-1]
        if w in ROLE_WORDS and w != entity.head
    )


def _positions(
    entity: Entity,
    all_cues: list[list[tuple[Span, list[Cue]]]],
) -> tuple[int, int] | None:
    for pi, par in enumerate(all_cues):
        for sent, cues in par:
            if any(c.subject.entity is entity for c in cues):
                return pi, sent.start
    return None


def _nearest_before(
    people: list[Entity],
    at: tuple[int, int] | None,
    all_mentions: list[list[tuple[Mention, Entity]]],
) -> Entity | None:
    """Of several people, the one named last before ``at``."""
    if at is None:
        return None
    best: tuple[tuple[int, int], Entity] | None = None
    idents = {p.ident for p in people}
    for pi, mentions in enumerate(all_mentions):
        for m, e in mentions:
            pos = (pi, m.start)
            if pos < at and e.root().ident in idents and (best is None or pos > best[0]):
                best = (pos, e.root())
    return best[1] if best else None


_ANONYMOUS = re.compile(
    r"\b(?:not\s+to\s+be\s+(?:named|identified)|on\s+(?:the\s+)?condition\s+of\s+anonymity|"
    r"anonymously|not\s+authori[sz]ed\s+to\s+speak)\b",
    re.IGNORECASE,
)


def _unnamed_before(
    doc: _Doc, entity: Entity, all_cues: list[list[tuple[Span, list[Cue]]]]
) -> bool:
    """ "A Western diplomat familiar with the talks, who asked not to be named, said ….
    “…,” the diplomat said": "the diplomat" is the unnamed person the report brought in
    with "a", in this paragraph or the one before, not whoever is named next."""
    at = _positions(entity, all_cues)
    if at is None or not entity.head:
        return False
    pi, pos = at
    first = entity.role_phrases[0] if entity.role_phrases else ""
    if re.match(r"(?:an?|one)\s", first, re.IGNORECASE):
        # the unnamed person's own first reference: at the start of its sentence ("A
        # senior official, speaking on condition of anonymity, said"), or with a word
        # that they are not named; not "The keynote speaker, a former minister, …"
        sentence = doc.masked[pi][pos:]
        if sentence.lstrip(" *_").startswith(first) or _ANONYMOUS.search(sentence):
            return True
        # "…, as a Unicef spokesperson said …": brought in with "a" inside a sentence
        # about something else, and never named in apposition
        found = doc.masked[pi].find(first, pos)
        return (
            found > pos
            and re.search(r"(?:\bas|\bwhile|\bwhen)\s+$", doc.masked[pi][pos:found]) is not None
        )
    rx = re.compile(
        rf"(?<![\w’'-])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){{0,3}}?{re.escape(entity.head)}"
        r"(?![\w’'-])"
    )
    texts = [doc.masked[pi][:pos]]
    if pi > 0:
        texts.append(doc.masked[pi - 1])
    return any(rx.search(t) for t in texts)


_WORK_BY = re.compile(
    r"\b(?:book|report|paper|study|volume|publication|article|memoir|novel|essay|"
    r"monograph|policy\s+brief|brief)\b[^.;¤]{0,40}?\b(?:written\s+|edited\s+|authored\s+)?"
    r"by\s+$",
    re.IGNORECASE,
)


def _authors(doc: _Doc, all_mentions: list[list[tuple[Mention, Entity]]]) -> list[Entity]:
    """The people a work is said to be by ("the new book by Dr. Jo Park"), if just one."""
    found: list[Entity] = []
    for pi, mentions in enumerate(all_mentions):
        masked = doc.masked[pi]
        for m, e in mentions:
            if _WORK_BY.search(masked[max(0, m.lead - 60) : m.lead]):
                root = e.root()
                if root not in found:
                    found.append(root)
    return found if len(found) == 1 else []


def _resolve_roles(
    doc: _Doc,
    statements: list[Statement],
    all_cues: list[list[tuple[Span, list[Cue]]]],
    all_mentions: list[list[tuple[Mention, Entity]]],
) -> None:
    """Match each role-only entity to a named person, where the report allows it: the
    one speaker whose role has the same head noun (of several, the one named last
    before it); else the person the very next sentence introduces; else the one
    speaker whose role has a head of the same kind ("UN chief" and "executive
    director")."""
    named = [e for e in doc.entities if e.name is not None and e.merged_into is None]
    speaking = {s.entity.root().ident for s in statements}
    for entity in [e for e in doc.entities if e.name is None and e.merged_into is None]:
        head = entity.head or ""
        if _unnamed_before(doc, entity, all_cues):
            continue
        matches = [p for p in named if head in _role_heads(p) and _complement_ok(entity, p)]
        if not matches and head in ("author", "co-author", "writer", "editor"):
            # "the new book by Dr. Jo Park, …" … "The author argued": the one person a
            # work is said to be by
            matches = _authors(doc, all_mentions)
        speaking_matches = [p for p in matches if p.ident in speaking]
        if len(speaking_matches) == 1:
            _merge(entity, speaking_matches[0])
            continue
        if not speaking_matches and len(matches) == 1:
            _merge(entity, matches[0])
            continue
        if len(speaking_matches) > 1:
            nearest = _nearest_before(speaking_matches, _positions(entity, all_cues), all_mentions)
            if nearest is not None:
                _merge(entity, nearest)
                continue
        if not matches:
            chair = _chaired_by(doc, head, all_mentions)
            if chair is not None:
                _merge(entity, chair)
                continue
        target = _next_introduced(doc, entity, all_cues) or _roleless_briefer(doc, entity, all_cues)
        if target is not None:
            _merge(entity, target)
            continue
        group = next((g for g in _SYNONYMS if head in g), None)
        if group is not None and not matches:
            near = [
                p
                for p in named
                if p.ident in speaking and group & _role_heads(p) and _complement_ok(entity, p)
            ]
            if len(near) > 1:
                # "the UN rights chief": the one whose role shares a word with the phrase
                phrase = {fold(w) for w in re.findall(r"[\w’'-]+", entity.role_phrases[0])}
                phrase -= _ARTICLES | ROLE_WORDS | {"un", "u.n"}
                near = [p for p in near if phrase & _role_words(p)] or near
            # "the WHO chief" is not the head of UNICEF: an acronym of the phrase that
            # another person's role names, and this one's does not
            acronyms = {
                fold(w)
                for w in re.findall(r"[\w’'-]+", entity.role_phrases[0])
                if w.isupper() and len(w) > 1 and fold(w) not in ("un", "u.n")
            }
            if len(near) == 1 and acronyms and not acronyms & _role_words(near[0]):
                others = [p for p in named if acronyms & _role_words(p) and group & _role_words(p)]
                near = others if len(others) == 1 else []
            if len(near) == 1:
                _merge(entity, near[0])

    # "UN envoy says …" (a headline) before "the UN envoy for Sudan said …. Jo Park": the
    # one person a role of the same head was matched to
    # ("The head of the Digital Risk Unit told …. “…,” the unit chief said …. The official,
    # Jo Park, …": a head of the same kind and a word of the body in common)
    def _phrase_words(ph: str) -> set[str]:
        ws = {fold(w) for w in re.findall(r"[\w’'-]+", ph)}
        return ws | {w[:-2] for w in ws if w.endswith(("'s", "’s"))}

    for entity in [e for e in doc.entities if e.name is None and e.merged_into is None]:
        head = entity.head or ""
        group = next((g for g in _SYNONYMS if head in g), frozenset())
        own = set().union(*(_phrase_words(ph) for ph in entity.role_phrases)) - (
            _ARTICLES | ROLE_WORDS | group | {"un", "u.n"}
        )
        matched = [
            p
            for p in named
            if p.merged_into is None
            and any(
                head in _phrase_words(ph) or (group & _phrase_words(ph) and own & _phrase_words(ph))
                for ph in p.role_phrases
            )
            and _complement_ok(
                entity, p, strict=head in set().union(*map(_phrase_words, p.role_phrases))
            )
        ]
        if head and len(matched) == 1:
            _merge(entity, matched[0])

    # "“…,” said Dr. Jo Park of the Tokyo Institute. The Japanese researcher argued …": a
    # definite descriptor of a kind anyone may be, right after a named person spoke, is
    # that person (journalists' "elegant variation")
    for entity in [e for e in doc.entities if e.name is None and e.merged_into is None]:
        first = entity.role_phrases[0] if entity.role_phrases else ""
        if entity.head not in _DESCRIPTOR_HEADS or not re.match(r"[Tt]he\s", first):
            continue
        if _unnamed_before(doc, entity, all_cues):
            continue  # "A Western diplomat, who asked not to be named, …": "the diplomat"
        previous = _speaker_before(entity, statements)
        if previous is not None:
            _merge(entity, previous)


_DESCRIPTOR_HEADS = frozenset(
    {
        "researcher",
        "expert",
        "scholar",
        "analyst",
        "economist",
        "scientist",
        "academic",
        "author",
        "historian",
        "lawyer",
        "veteran",
        "diplomat",
        "official",
    }
)


def _speaker_before(entity: Entity, statements: list[Statement]) -> Entity | None:
    """The named person who spoke last before the role's first statement, in the same
    paragraph or the one before; None if someone else known only by role came between."""
    mine = [k for k, st in enumerate(statements) if st.entity is entity]
    if not mine:
        return None
    at = statements[mine[0]]
    for st in reversed(statements[: mine[0]]):
        if st.paragraph < at.paragraph - 1:
            return None
        root = st.entity.root()
        if root is entity:
            continue
        return root if root.name is not None else None
    return None


_CHAIR_VERBS = {
    "chair": r"chaired|presided\s+over",
    "chairperson": r"chaired|presided\s+over",
    "chairman": r"chaired|presided\s+over",
    "chairwoman": r"chaired|presided\s+over",
    "moderator": r"moderated",
    "facilitator": r"facilitated",
}


def _chaired_by(
    doc: _Doc, head: str, all_mentions: list[list[tuple[Mention, Entity]]]
) -> Entity | None:
    """ "The meeting was chaired by Dr. Jo Park …. the chair said": the one person the
    report says chaired (moderated, facilitated) is "the chair" ("the moderator")."""
    verbs = _CHAIR_VERBS.get(head)
    if verbs is None:
        return None
    found: dict[int, Entity] = {}
    pattern = re.compile(rf"(?<![\w’'-])(?:{verbs})\s+by\s+$", re.IGNORECASE)
    # "Ambassador Jo Park, Permanent Representative of X, chaired the meeting"
    active = re.compile(rf"(?:,[^.;:¤]{{0,120}}?,)?\s+(?:also\s+)?(?:{verbs})\s+the\b")
    for pi, mentions in enumerate(all_mentions):
        for m, e in mentions:
            before = doc.masked[pi][max(0, m.lead - 40) : m.lead]
            if e.name is not None and (
                pattern.search(before) or active.match(doc.masked[pi], m.end)
            ):
                found[e.root().ident] = e.root()
    return next(iter(found.values())) if len(found) == 1 else None


def _next_introduced(
    doc: _Doc, entity: Entity, all_cues: list[list[tuple[Span, list[Cue]]]]
) -> Entity | None:
    """The person named in the sentence right after one of the role's references
    (the earliest that has one): "…, the Special Envoy told the Council. “…,” said Jo
    Park". Not someone the report adds ("Also briefing was …")."""
    flat: list[tuple[int, Span, list[Cue]]] = []
    for pi, par in enumerate(all_cues):
        for sent, cues in par:
            flat.append((pi, sent, cues))
    for idx, (ref_pi, _sent, cues) in enumerate(flat[:-1]):
        refs = [c.subject.attribution for c in cues if c.subject.entity is entity]
        if not refs:
            continue
        pi, sent, nxt = flat[idx + 1]
        if "title" not in refs and pi != ref_pi:
            # only a pronoun for the role, and the next sentence opens a new paragraph:
            # the person named there is someone else
            continue
        if _ALSO.search(doc.masked[pi][sent.start : sent.end]):
            continue
        for c in nxt:
            target = _named_by(c)
            if (
                target is not None
                and target.first_paragraph >= ref_pi
                and _complement_ok(entity, target, strict=False)
            ):
                return target.root()
    return None


def _named_by(cue: Cue) -> Entity | None:
    """The person a cue names in full ("Jo Park said"), or None (a pronoun, a title)."""
    target = cue.subject.entity
    if target is not None and target.name is not None and cue.subject.attribution == "name":
        return target
    return None


_BRIEFING = re.compile(r"\W*(?:Briefing|Also\s+briefing|Addressing)\s+(?:the\s+)?[A-Z]")


def _roleless_briefer(
    doc: _Doc, entity: Entity, all_cues: list[list[tuple[Span, list[Cue]]]]
) -> Entity | None:
    """ "…, the UN High Commissioner for Human Rights told the Council today" and later
    "Briefing the Council, Jo Park said …": the first briefer, named with no role of their
    own, after the role's first reference in the report's lead."""
    at = _positions(entity, all_cues)
    if at is None or at[0] > 2 or entity.head is None:
        return None
    for pi, par in enumerate(all_cues):
        for sent, cues in par:
            if (pi, sent.start) <= at or not _BRIEFING.match(doc.masked[pi], sent.start):
                continue
            for c in cues:
                target = _named_by(c)
                if target is not None and not (
                    target.role_prefix or target.appositive or target.listed_role
                ):
                    return target.root()
            return None
    return None


_ALSO = re.compile(
    r"^\W*also\b|\balso\s+(?:briefing|addressing|speaking|presenting|delivering|taking|"
    r"joining|on the panel)\b",
    re.IGNORECASE,
)


def _merge(entity: Entity, into: Entity) -> None:
    entity.merged_into = into
    for phrase in entity.role_phrases:
        if phrase not in into.role_phrases:
            into.role_phrases.append(phrase)
    if into.gender is None:
        into.gender = entity.gender
