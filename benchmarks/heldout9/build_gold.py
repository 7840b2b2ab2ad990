#!/usr/bin/env python3
"""Build (and check) gold.json for the ninth held-out set of reports, t01 … t14.

The reports in this folder were written for this set, blind (without reading the extractor
or its tests): invented events, people, places, organizations and words, in the styles of
IPI event summaries (t01-t05), press.un.org meetings coverage (t06-t09) and other
write-ups (t10-t14: a think-tank panel, a lecture recap, an NGO briefing and two wire
reports). Like the shared development set, each text is the opening of a page, about
2,000 bytes of UTF-8 (1,600-2,100), starting with the headline and ending at a paragraph end. The annotations below follow ../../../shared/reports/README.md (speakers,
quotes, scare quotes, role-only speakers; groups, states and anonymous audience members
left out). People who only moderated, chaired, opened or closed with no content are not
gold speakers; they are listed in a "neutral: A; B" note (issue 11 wants them as speakers
with no statement, so scripts/measure_heldout.py neither rewards nor penalises them).

The script computes each quote's paragraph and checks, with its own rules:
  * every quote occurs, in report order, directly between a matching pair of quotation
    marks (“…”, ‘…’, "…", '…') in one paragraph, or, when marked unclosed, from an opening
    mark to the end of its paragraph (a quotation continued in the next paragraph);
  * every quotation-marked span of the text is either annotated as a quote or listed in
    the document's not_quotes (titles, words a speaker did not use, document text), and
    every paragraph with an unbalanced curly double quote holds an unclosed quote;
  * names, honorific + name, role_org strings, aliases and neutral names occur in the text;
  * each text is 1,600-2,100 bytes of UTF-8;
    speaker indices, attributions, scare flags and paraphrase_counts are consistent.

Usage: python benchmarks/heldout9/build_gold.py          (writes gold.json beside it)
       python benchmarks/heldout9/build_gold.py --check  (fails if gold.json is stale)
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}
ATTRIBUTIONS = {"name", "pronoun", "role", "context", "none"}


def S(name, honorific, role_org, aliases=()):  # noqa: N802 - a short annotation helper
    return {"name": name, "honorific": honorific, "role_org": role_org, "aliases": list(aliases)}


def Q(text, speaker, attribution, scare=None, unclosed=False):  # noqa: N802
    return {"text": text, "speaker": speaker, "attribution": attribution, "scare": scare,
            "unclosed": unclosed}


DOCS = [
    {
        "id": "t01", "file": "t01.txt", "kind": "ipi",
        "speakers": [
            S("Aminata Traoré-Sissoko", None, "Minister of Foreign Affairs of the Republic of Valdora",
              ["Traoré-Sissoko", "the Minister", "The Minister", "Ms. Traoré-Sissoko"]),
        ],
        "quotes": [
            Q("Sovereignty Is Not a Wall, It Is a Door", 0, "name"),
            Q("wait politely", 0, "name", scare=True),
            Q("Sovereignty is not a wall,", 0, "role"),
            Q("It is a door, and we decide when to open it.", 0, "context"),
            Q("Nobody is afraid of Valdora,", 0, "pronoun"),
            Q("That is our great diplomatic asset.", 0, "context"),
            Q("a private club with a public address,", 0, "pronoun"),
            Q("On paper, a great deal. In the corridors, very little.", 0, "context"),
            Q("We are not asking for charity. We are asking to stop paying interest on other people’s emissions,", 0, "pronoun"),
            Q("the way fishermen count clouds: often, and without much faith.", 0, "pronoun"),
        ],
        "not_quotes": ["Lisbon Compact for Small States,"],
        "paraphrase_counts": [5],
        "neutral": ["Rafael Quintanilla Ortúzar", "Dagny Eriksrud-Obiang"],
        "notes": [
            "IPI-style Global Leaders Series talk, one speaker: a 'Surname: “…”' headline quote (a title-cased rewording of the p2 quotation), the title 'the Minister' used heavily, a two-word scare term (“wait politely”, p1), a quotation after 'was blunt.' with no tag (p6: context), a moderator who only introduces and asks a paraphrased question, and a closer with no content (both neutral).",
            "Not quote: the compact's title (p6).",
            "Paraphrase sentences counted (5): p1 (told … that small states could no longer afford to “wait politely” …), p3 (the Minister said that her country’s mediation … had shown …), p5 (argued that … had become “…”, and called on its members …), p7 s1 (said the next test would come …), p8 (She added … that her delegation had learned to count votes “…”). Not counted: the headline, p2, p4 and p7 s2 (quotations with tags), p6 s1 ('was blunt' gives no content) and p6 s2 (bare quotation).",
            "Second pass (re-read from scratch against the annotation): confirmed that p2's second quotation is a new untagged sentence after 'the Minister said.' (context, not a split quote), that p6's quotation follows 'was blunt.' (no reporting verb: context) and that the moderator's paraphrased question gives him no content (neutral); no change.",
        ],
    },
    {
        "id": "t02", "file": "t02.txt", "kind": "ipi",
        "speakers": [
            S("Chiara Benedetti-Oyelaran", "Dr.", "a Senior Fellow at IPI",
              ["The report’s author", "Dr. Benedetti-Oyelaran"]),
            S("Juan Pablo Echeverría Lozano", "Ambassador",
              "Permanent Representative of Uruguay to the UN", ["Mr. Echeverría"]),
            S("Mette Søgaard-Nkemelu", None,
              "Director of the Peacekeeping Financing Division at the UN Secretariat",
              ["Ms. Søgaard-Nkemelu"]),
        ],
        "quotes": [
            Q("budgeting for absence.", 0, "pronoun"),
            Q("What we found is that the liquidity crisis is not an accounting story,", 0, "pronoun"),
            Q("It is an operational story. When the money is late, the helicopter does not fly, and when the helicopter does not fly, the village is not visited.", 0, "context", unclosed=True),
            Q("Nobody in New York decides that the village should not be visited. It simply happens.", 0, "context"),
            Q("rules written for a different century.", 0, "name"),
            Q("the last creditors anyone remembers.", 1, "name"),
            Q("We are owed eighteen months of reimbursements,", 1, "pronoun"),
            Q("We keep sending soldiers anyway.", 1, "context"),
            Q("is not infinite, and it is not free,", 1, "name"),
            Q("moves the hole around the table without filling it.", 2, "pronoun"),
            Q("nothing in the Fifth Committee survives unchanged, including good ideas.", 2, "name"),
        ],
        "not_quotes": ["Borrowed Time",
                       "Borrowed Time: Liquidity and the Future of UN Peace Operations,"],
        "paraphrase_counts": [2, 2, 1],
        "neutral": ["Ömer Kılıçarslan"],
        "notes": [
            "IPI-style report launch: the author and two discussants, a moderator with no content, role-before-name ('The report’s author, Dr. …'), a two-part surname shortened to its first part ('Mr. Echeverría'), a quotation continued over a paragraph break (p3 has no closing mark; p4 goes on: a context quote).",
            "Not quotes: the report title, in the headline (“Borrowed Time”) and p1. “budgeting for absence.” (three words, 'she described as') is a fragment, not marked scare. The participant from a West African mission (p9) is anonymous audience with no quote: left out.",
            "Paraphrase sentences counted: Benedetti-Oyelaran — p2 (said that missions had learned to postpone patrols …, a habit she described as “…”), p5 (recommended that the General Assembly let missions borrow …, arguing that …); Echeverría — p6 s1 (said troop-contributing countries were “…”: subject and verb unquoted, borderline, counted), p7 (warned that the patience of contributors “…”, though he did not say …); Søgaard-Nkemelu — p8 s1 (welcomed the diagnosis but questioned the remedy: an appraisal). Not counted: p3, p4, p6 s2–s3 (quotations with tags or none); p8 s2 ('Cross-borrowing between missions, she said, “…”': the only unquoted part is the grammatical subject); p9 ('replied that “…”': everything after the tag is quoted).",
            "Second pass (re-read from scratch): checked the unclosed p3 quotation and its p4 continuation, the subject-only rule for p8 s2 (not counted) and the tag-only rule for p9 (not counted); checked that 'The report’s author' and 'Mr. Echeverría' occur as printed; no change.",
        ],
    },
    {
        "id": "t03", "file": "t03.txt", "kind": "ipi",
        "speakers": [
            S("Zarina Rakhimova", None, "Tajikistan’s Minister of Energy and Water Resources",
              ["the Tajik minister", "Minister Rakhimova"]),
            S("Phạm Thị Lan Anh", "Vice-Minister",
              "Viet Nam’s Ministry of Natural Resources and Environment", ["the Vice-Minister"]),
            S("Liesbeth Vandenbroucke-Kaya", None, "the European Union’s Special Envoy for Water",
              ["The envoy", "the envoy"]),
        ],
        "quotes": [
            Q("talking past each other for thirty years.", 0, "name"),
            Q("Every spring we are accused of holding the water hostage, and every summer we are accused of letting it go,", 0, "role"),
            Q("We would like, for once, to be accused of nothing.", 0, "context"),
            Q("A treaty you sign once. Data you share every morning,", 1, "role"),
            Q("a museum of good intentions.", None, "none"),
            Q("on both banks, or on neither.", 2, "name"),
            Q("Rivers do not read maps,", 2, "role"),
            Q("and neither, frankly, do fish.", 2, "role"),
            Q("the oldest argument in Central Asia,", 0, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [2, 2, 2],
        "neutral": ["Sibusiso Dlamini-Farah"],
        "notes": [
            "IPI-style ministerial roundtable written with titles rather than names ('the Tajik minister', 'the Vice-Minister', 'The envoy'); role-before-name (p2); a Vietnamese name printed family name first with diacritics (Phạm Thị Lan Anh; no surname alias is used in the text); a quote split by a tag (p7: two quotes); a group quote ('Several ministers', p5: speaker null); a chair who opens, asks a paraphrased question (p9) and closes, with no content (neutral).",
            "Paraphrase sentences counted: Rakhimova — p2 (began the exchange by arguing that …), p8 (welcomed the offer but cautioned that …, which she said was about who paid for the winter); Phạm — p4 s1 (said the Mekong countries had found …), p9 (proposed a shared flood calendar …); Vandenbroucke-Kaya — p6 s1 (said the Union was ready to fund …), p6 s2 (The envoy added that the money would be conditional …). Not counted: p3, p4 s2, p7 (quotations with tags or none), p5 (group).",
            "Second pass (re-read from scratch): checked that the three titles ('the Tajik minister', 'the Vice-Minister', 'The envoy') each refer to one speaker only, that p7 is one quotation split by its tag (two role quotes) and that the chair's p9 question is not counted for anyone; no change.",
        ],
    },
    {
        "id": "t04", "file": "t04.txt", "kind": "ipi",
        "speakers": [
            S("Abdoulaye Cissé-Vandermeulen", None, "IPI Senior Adviser"),
            S("Ilse Marrero Quispe", "Dr.", "a researcher at the Andean Institute for Conflict Studies",
              ["Dr. Marrero Quispe"]),
            S("Kirsi Hämäläinen-Osei", "Ambassador", "Permanent Representative of Finland to the UN",
              ["the Ambassador"]),
        ],
        "quotes": [
            Q("more ceasefires than ceasefire monitors", 0, "name"),
            Q("faster and more credibly than any drone we could afford.", 1, "pronoun"),
            Q("The question is not who has the best satellites,", 1, "name"),
            Q("It is who the armed groups are still willing to be seen by.", 1, "context"),
            Q("owned locally and funded internationally,", None, "none"),
            Q("become targets the moment they become useful.", None, "none"),
            Q("Small committees, large consequences,", 2, "role"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [1, 1, 1],
        "neutral": ["Tomasz Wróblewski"],
        "notes": [
            "IPI-style closed-door meeting summary under the Chatham House rule: named opener, presenter and closer; unnamed 'Participants' (p5: group quote, speaker null), 'One participant' (p6: anonymous, quote with speaker null) and 'A representative of a regional women’s network' (p6: anonymous, paraphrase only: left out); a moderator with no content (neutral); a closer who does give content (a gold speaker).",
            "Paraphrase sentences counted: Cissé-Vandermeulen — p2 (said that the region had seen “…” …, and that most agreements collapsed …); Marrero Quispe — p3 s2 (Committees …, she said, recorded violations “…”); Hämäläinen-Osei — p7 s1 (said that Finland would share the meeting’s conclusions …). Not counted: p3 s1 ('presented a study of local monitoring committees': topic only), p4 and p7 s2 (quotations with tags), p5 and p6 (groups and anonymous participants).",
            "Second pass (re-read from scratch): checked that the anonymous participant's quote (p6) has speaker null like the group quote (p5), that the women's-network representative has no quote and is left out, and that p3 s1 is topic only; no change.",
        ],
    },
    {
        "id": "t05", "file": "t05.txt", "kind": "ipi",
        "speakers": [
            S("Priya Natarajan-Okeke", None,
              "the forecasting team at the Geneva-based Sentinel Data Lab", ["Priya"]),
            S("Mihail Constantinescu", None,
              "a former UN political affairs officer now teaching at Babeș-Bolyai University",
              ["Mihail"]),
            S("Wanjiku Kamau-Brandt", "Dr.", "the Nairobi-based Kujenga Institute",
              ["The third panelist", "Wanjiku"]),
        ],
        "quotes": [
            Q("a rumour with a confidence interval", 0, "name"),
            Q("We are very good at predicting,", 0, "pronoun"),
            Q("We are terrible at being listened to.", 0, "context"),
            Q("last mile", 1, "name", scare=True),
            Q("Nobody has ever been fired for ignoring a model,", 1, "pronoun"),
            Q("data colonialism.", 2, "pronoun", scare=True),
            Q("If the model is built in California and the violence happens in Kisumu, who owns the warning?", 2, "name"),
            Q("No minister wants to wake up and read that an algorithm thinks his province is about to burn.", 2, "context"),
            Q("the question under every other question.", None, "none"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 3, 3],
        "neutral": ["Leonor Vaz Cabral"],
        "notes": [
            "IPI-style webinar written with first names after the introduction (Priya, Mihail, Wanjiku, and the moderator 'Leonor'); a moderator with no content (neutral); two scare terms; a quoted question (p6); a sentence that reports three speakers (p8, counted once for each); 'the panelists agreed' (p9) is treated as a group: speaker null, not counted for anyone. Listeners who wrote in (p9) are anonymous audience: left out.",
            "Paraphrase sentences counted: Priya — p2 s1 (said her models could now flag …), p2 s2 (was quick to add that a forecast remained “…”), p8; Mihail — p4 s1 (said the real bottleneck was the “last mile” …), p4 s2 (Warnings, Mihail said, tend to die in inboxes), p8; Wanjiku — p5 (warned that tools built abroad … risked becoming what she called “…”), p7 s1 (questioned whether governments would tolerate public forecasts …), p8. Not counted: p1 (the moderator's question), p3, p4 s3, p6, p7 s2 (quotations with tags or none), p9 (group).",
            "Second pass (re-read from scratch): checked that p8 reports all three panelists (one count each) and that p7 s2 is a bare quotation (context); kept 'the panelists agreed' (p9) as a group with speaker null — the least certain call in this document; no change.",
        ],
    },
    {
        "id": "t06", "file": "t06.txt", "kind": "un-press",
        "speakers": [
            S("KATARINA VUKOVIĆ-ABENA", None, "Assistant Secretary-General for Humanitarian Affairs",
              ["Senior Official", "a senior United Nations official", "Ms. Vuković-Abena"]),
            S("TEODORO ALVARADO SÁNCHEZ", None,
              "chief engineer of the Nuevo Horizonte municipal water utility"),
            S(None, None, "the representative of Switzerland"),
            S(None, None, "Iceland’s delegate"),
            S(None, None, "The representative of Ghana"),
        ],
        "quotes": [
            Q("When a pumping station is destroyed, a city does not die in a day,", 0, "name"),
            Q("It dies over a summer.", 0, "context"),
            Q("essential civilians", 0, "pronoun", scare=True),
            Q("We are not heroes.  We are plumbers who are tired of being shot at,", 1, "pronoun"),
            Q("the problem is not the law, but the will to respect it", 2, "role"),
            Q("selective", None, "none"),
            Q("weaponized", 4, "role", scare=True),
            Q("before the next dry season, not after it", 0, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [4, 1, 1, 1, 2],
        "neutral": [],
        "notes": [
            "press.un.org-style Security Council open debate: meeting number and press release code on two lines (one paragraph, p0), a headline descriptor ('Senior Official Tells Security Council') resolved in p3, briefers' names in capitals, double spaces between sentences (kept inside one quotation), full stops and commas outside the closing marks, three delegates known only by role, a State quoted as such ('The Russian Federation', p7: speaker null), 'Speakers' in the headline and 'more than 60 speakers' in p2 (groups).",
            "Paraphrase sentences counted: Vuković-Abena — p1 (headline: 'Attacks on Water Systems Have Become Method of Warfare, Senior Official Tells …'), p2 (… a senior United Nations official told the Security Council today), p4 (said that … her Office had recorded damage …, and she urged …), p10 (said that her Office would publish a first damage register “…”); Alvarado Sánchez — p5 s1 (said his crews had repaired the same pipeline seven times …); Switzerland — p6; Iceland — p7 (called for a mechanism …); Ghana — p9 s1 (said that water had been “weaponized” …), p9 s2 (Noting that …, he called for gender-sensitive reconstruction plans). Not counted: p3, p5 s2 (quotations with tags), p8 (a State).",
            "Second pass (re-read from scratch): corrected the attribution of “essential civilians” (p4) from name to pronoun — it stands in the clause 'and she urged …', not in the clause with her name; corrected a note (the headline says 'Speakers', not 'Several speakers'); counts unchanged.",
        ],
    },
    {
        "id": "t07", "file": "t07.txt", "kind": "un-press",
        "speakers": [
            S(None, None, "the representative of Tuvalu"),
            S(None, None, "the representative of Fiji"),
            S(None, None, "The delegate of the Netherlands"),
            S("ʻAisake Fonua-Hernández", None, "Minister for Foreign Affairs of Tonga",
              ["Mr. Fonua-Hernández"]),
            S(None, None, "the representative of Arcadia"),
        ],
        "quotes": [
            Q("between their land and their nationality", 0, "role"),
            Q("Our islands may one day be under water.  Our State will not be,", 0, "pronoun"),
            Q("a lifeline, not a favour", 1, "role"),
            Q("better than most that a coastline is a negotiation with the sea", 2, "role"),
            Q("puts the law on the side of the people who did least to cause the problem", 3, "name"),
            Q("well beyond existing international law", 4, "role"),
            Q("Sympathy is not a source of law,", 4, "pronoun"),
            Q("prejudging ongoing maritime delimitation disputes", None, "none"),
            Q("premature", None, "none"),
        ],
        "not_quotes": ["Continuity of statehood and protection of persons in the context of sea-level rise"],
        "paraphrase_counts": [1, 1, 1, 1, 1],
        "neutral": ["Karim Benslimane-Ortiz"],
        "notes": [
            "press.un.org-style General Assembly plenary: a resolution title in quotation marks (p2: not a quote), a presiding officer with a country in parentheses and no content (neutral), four delegates known only by role (one invented State, Arcadia), a named minister with an okina in his first name ('Also speaking was …, who said that “…”': the quote is attributed through the relative clause of the named person — 'name'), a State quoted as such (Türkiye, p9: speaker null) and 'others' (p10: group, speaker null).",
            "Paraphrase sentences counted: Tuvalu — p4 s1 (said that his country’s people should never have to choose “…”); Fiji — p5 (called the adoption “…”, and urged the International Law Commission …); Netherlands — p6 (said that her country … understood “…”); Fonua-Hernández — p7 s2 (added that Tonga would now seek bilateral agreements …); Arcadia — p8 s1 (said the text went “…” and risked creating obligations …). Not counted: p7 s1 ('who said that the resolution “…”': only the subject is unquoted), p4 s2 and p8 s2 (quotations with tags), p9 and p10 (a State, groups), p2 (the Assembly's decision).",
            "A cross-document check of the rule 'a quote whose only unquoted part is its grammatical subject', made after the first build, removed p7 s1 from Fonua-Hernández's count (2 to 1). Second pass (re-read from scratch): checked the resolution title (not a quote), the two null quotes (Türkiye, 'others') and the neutral Vice-President; no further change.",
        ],
    },
    {
        "id": "t08", "file": "t08.txt", "kind": "un-press",
        "speakers": [
            S("MAREIKE OYELOWO-STRAND", None,
              "the Special Rapporteur on the situation of human rights defenders",
              ["Special Rapporteur", "the Special Rapporteur", "Ms. Oyelowo-Strand"]),
            S(None, None, "the representative of Costa Rica"),
            S(None, None, "The representative of the European Union"),
            S(None, None, "The delegate of China"),
            S(None, None, "The representative of Kenya"),
        ],
        "quotes": [
            Q("Cheap, Routine and Deniable", 0, "role"),
            Q("cheap, routine and deniable", 0, "role"),
            Q("Most of them learned about it from a stranger, usually a researcher, never from their own Government,", 0, "role"),
            Q("worthy of the name", 0, "pronoun"),
            Q("a floor, not a ceiling", 2, "role"),
            Q("has never prevented anyone from arresting one", 0, "name"),
            Q("If a State finds spyware on a defender’s phone, the least it can do is tell them.", 0, "pronoun"),
            Q("bought with development money meant for policing", 4, "role"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [5, 1, 1, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style Third Committee interactive dialogue: a headline quote in title case under the descriptor 'Special Rapporteur', the lede attributing by title only, the name in capitals in p3, a document symbol in parentheses, delegates known only by role asking questions with content (Costa Rica's question comes with a point, 'noting that …'), 'speaking for the African Group' (the representative of Kenya is the speaker, not the Group), a colon-introduced quotation after a paraphrase (p8).",
            "Paraphrase sentences counted: Special Rapporteur — p1 (headline: 'Warns Third Committee That …'), p2 (… has made the surveillance … “…”, the Special Rapporteur … told the Third Committee), p3 s1 (said that … she had received communications …), p4 (urged States to adopt a moratorium …), p8 s2 (added that the most promising practice she had seen was notification: “…”); Costa Rica — p5; European Union — p6 (said that the bloc’s new rules … were “…”, and asked …); China — p7; Kenya — p9. Not counted: p3 s2 (quotation + tag); p8 s1 ('said that the absence of an agreed definition “…”': only the subject is unquoted — borderline).",
            "A cross-document check of the subject-only rule, made after the first build, removed p8 s1 from the Special Rapporteur's count (6 to 5). Second pass (re-read from scratch): checked that the headline quote and the p2 quote are the same words in different case (two role quotes), and that each delegate's sentence has content; no further change.",
        ],
    },
    {
        "id": "t09", "file": "t09.txt", "kind": "un-press",
        "speakers": [
            S(None, None, "the Secretary-General"),
            S("Ingmar Kristiansen-Dube", None, "Spokesperson for the Secretary-General",
              ["Ingmar", "Spokesperson"]),
            S("Rukhsana Chaudhry-Mendes", None, "The Humanitarian Coordinator"),
            S("Lindiwe Sithebe", None, "The Deputy Secretary-General"),
        ],
        "quotes": [
            Q("appalled", 0, "role", scare=True),
            Q("There is no military solution to this conflict, and there never was,", 0, "role"),
            Q("Every violation of the truce makes the next ceasefire harder to believe.", 0, "context"),
            Q("days, not weeks", 2, "name"),
            Q("an arithmetic of drowning", 3, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [1, 0, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style noon briefing, near-verbatim transcript: '**' section headings (own paragraphs), 'Question:' and 'Spokesperson:' turns. The Secretary-General is a speaker known only by role (name null; first referred to in the page title, p0, hence index 0). The Spokesperson is a speaker: the transcript is his own speech, unmarked by quotation marks, so he has no quotes and no paraphrase sentences (his first-person sentences have no reporting verb about him) — an unusual case; his first name is used by a journalist (p9). The journalists are anonymous: left out. 'Our humanitarian colleagues' (p5) is a group; 'The Special Envoy' and 'the President' (p9, p10) are only mentioned.",
            "Paraphrase sentences counted: Secretary-General — p3 s3 ('In a statement …, the Secretary-General said he was “appalled” … and called on all parties …'); Chaudhry-Mendes — p5 s2 (said that aid convoys had been turned back …); Sithebe — p7 s2 (In her remarks, she said that countries in the region were spending more …). Not counted: p3 s2 (the Secretary-General 'is following with grave concern': not a report of speech), p4 (quotations with a tag or none), p7 s1 (her whereabouts), the transcript turns.",
            "Second pass (re-read from scratch): checked that only the three quotation-marked passages in p3–p7 are quotes (the transcript turns are unmarked), that 'appalled' is attributed by title ('the Secretary-General said'), and the index order (the Secretary-General first, from the page title); no change. Unsure: whether a scorer should expect the Spokesperson as a speaker at all.",
        ],
    },
    {
        "id": "t10", "file": "t10.txt", "kind": "other",
        "speakers": [
            S("Joana Rebelo Vasconcelos", None, "a senior research fellow at CESA",
              ["Rebelo Vasconcelos"]),
            S("Jonas van den Broek", None, "led procurement at the Dutch defence ministry",
              ["van den Broek"]),
            S("Agnieszka Zielińska-Ward", None, "the Warsaw Institute for Security Policy",
              ["Zielińska-Ward"]),
            S("Mehmet Ali Yıldırım", None, "an economist at the Bosphorus Policy Forum"),
        ],
        "quotes": [
            Q("We have solved the problem of political will and discovered that we have a problem of physics,", 0, "name"),
            Q("You cannot order a furnace on a Monday and pour steel on a Friday.", 0, "context"),
            Q("buy European at any price", 1, "pronoun"),
            Q("Sovereignty that arrives in 2031 is not much use in 2027,", 1, "name"),
            Q("Nobody in Warsaw woke up and decided to be disloyal to Europe,", 2, "name"),
            Q("We woke up and looked at the map.", 2, "context"),
            Q("a boom we will regret in ten years, when the orders stop and the factories don’t.", 3, "name"),
            Q("adds a committee to every contract.", 1, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [2, 1, 1, 1],
        "neutral": ["Sophie Lemaire-Dubois"],
        "notes": [
            "European think-tank panel write-up in a news style: names after the quotation ('“…,” said Joana Rebelo Vasconcelos, a senior research fellow at CESA'), surnames alone afterwards (a two-part surname; the particle 'van den' kept in lower case, also right after a quotation), a headline question with no speaker, 'according to the speakers' (p1: group, not counted), a moderator with no content (neutral).",
            "“buy European at any price” ('what he called the … camp') is a five-word phrase attributed to van den Broek: a quote, not scare.",
            "Paraphrase sentences counted: Rebelo Vasconcelos — p3 (said that order books … had tripled …), p8 (disagreed, arguing that joint orders were the only way …); van den Broek — p4 s1 (agreed with the diagnosis but rejected what he called the “…” camp); Zielińska-Ward — p5 s2 (Poland, she argued, had bought from South Korea …); Yıldırım — p6 (who warned that the rush to build capacity risked creating “…”). Not counted: p5 s1 ('offered a view from the eastern flank': topic only), p7 s1 (the moderator's question; 'was sceptical' gives no content), p7 s2 ('Joint procurement, he said, “…”': only the subject is unquoted), the quotation-with-tag sentences in p2, p4, p5.",
            "Second pass (re-read from scratch): checked that p7 s2 has only its subject unquoted (not counted) and that 'buy European at any price' is his phrase ('what he called'), not a title; reworded one note; no change to the annotation.",
        ],
    },
    {
        "id": "t11", "file": "t11.txt", "kind": "other",
        "speakers": [
            S("ISHIKAWA Haruto", "Professor", "Kyushu Metropolitan University",
              ["Ishikawa", "Professor Ishikawa"]),
        ],
        "quotes": [
            Q("Fish are the most successful diplomats in the Pacific,", 0, "pronoun"),
            Q("They cross every border and nobody has ever declared war on a tuna.", 0, "context"),
            Q("even if it was only a slightly bigger quota of frustration.", 0, "name"),
            Q("For forty years the map and the fish agreed with each other,", 0, "pronoun"),
            Q("That is no longer true.", 0, "context", unclosed=True),
            Q("When the map and the fish disagree, the fish win, and the lawyers are called in.", 0, "context"),
            Q("floating quota", 0, "name", scare=True),
            Q("and then adopted, quietly, ten years later, as everyone's original idea.", 0, "pronoun"),
            Q("the day it is cheaper than arguing.", 0, "name"),
        ],
        "not_quotes": ["The Long Peace of the Pacific Fisheries"],
        "paraphrase_counts": [6],
        "neutral": ["Marguerite Okwuosa-Lindahl"],
        "notes": [
            "University lecture recap with straight quotation marks and straight apostrophes: a Japanese name printed family name first in capitals ('Professor ISHIKAWA Haruto'; 'Ishikawa' afterwards), the lecture title in quotation marks in the headline (not a quote), a quotation continued over a paragraph break with straight marks (p4 unclosed, p5), a scare term, a dean who introduces, moderates and closes with no content (neutral), an anonymous student (p7: left out).",
            "Paraphrase sentences counted (6): p3 s1 ('His argument … was that regional fisheries agreements had kept the peace …' — no reporting verb but a reporting noun with him as its owner; borderline, counted), p3 s2 (said that the secret of the agreements was …, “…”), p4 s1 (He warned … that the system was now under strain), p6 s1 (called for a “floating quota” …, an idea he admitted had been rejected twice …), p6 s2 (He said he expected it to be rejected a third time “…”), p7 s2 (replied that the industry already did something similar …). Not counted: p2 s1 ('began with a provocation': no content), p2 s2–s3, p4 s3–s4, p5 (quotations with tags or none), p4 s2 (free indirect, no reporting verb).",
            "Second pass (re-read from scratch): checked that no straight apostrophe (year's, master's, everyone's) forms a quoted span, that p4's last quotation is a new sentence after 'he said.' (context, unclosed) and that the headline title is not a quote; kept p3 s1 counted (borderline); no change.",
        ],
    },
    {
        "id": "t12", "file": "t12.txt", "kind": "other",
        "speakers": [
            S("Samuel Tesfaye-Gebremariam", "Dr.", "Horizon Relief’s medical coordinator in the camp",
              ["Dr. Tesfaye-Gebremariam"]),
            S("Mariana Cárdenas Ibáñez", None,
              "heads the protection team of the Women’s Refuge Alliance", ["Cárdenas Ibáñez"]),
            S("Oluwaseun Adebayo-Nyström", None,
              "the regional director of the Common Ground Food Network", ["Adebayo-Nyström"]),
        ],
        "quotes": [
            Q("We Are Running Out of Places to Put People", 0, "context"),
            Q("We are running out of places to put people,", 0, "name"),
            Q("Every week we open a new section, and every week it fills before the latrines are dug.", 0, "context"),
            Q("less than a third funded", None, "none"),
            Q("They go in groups of ten now,", 1, "pronoun"),
            Q("Last year it was groups of three.", 1, "context"),
            Q("the boring things that keep people safe at night,", 1, "name"),
            Q("Funding has fallen,", 2, "name"),
            Q("at exactly the moment when needs have risen.", 2, "name"),
            Q("nowhere to relocate it to that is not already someone else’s land.", 2, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [1, 1, 2],
        "neutral": ["Elin Bergqvist-Toure"],
        "notes": [
            "Humanitarian NGO briefing write-up in a press-release style: a headline quotation followed by a colon and a group ('Aid Workers Describe …'): its speaker is the doctor who says the same words in p2 (attribution context); names after the quotation ('“…,” said Dr. …'); a quote split by its tag (p7: two quotes, both 'name'); the organization's statement (p4, 'Horizon Relief said in a statement': speaker null); a chair with no content (neutral); a journalist (p8) and a donor-mission participant (p10) who are anonymous: left out.",
            "Paraphrase sentences counted: Tesfaye-Gebremariam — p3 (said that cases of acute watery diarrhoea had doubled …); Cárdenas Ibáñez — p6 (called on donors to fund lighting, locks and “…”, and said that her team had trained …); Adebayo-Nyström — p7 s2 (He said rations had been cut …), p8 (said that there was “…”: 'there was' is unquoted — borderline, counted). Not counted: the headline (group), p1 (group), p2, p5 s2–s3, p7 s1 (quotations with tags), p4 (organization), p5 s1 ('spoke about the risks …': topic only).",
            "Second pass (re-read from scratch): checked the split quotation in p7 (two name quotes), the headline quotation (context: no tag, same words as p2), the organization's statement (speaker null) and the anonymous journalist and participant; no change.",
        ],
    },
    {
        "id": "t13", "file": "t13.txt", "kind": "other",
        "speakers": [
            S("Adebola Haruna-Lindqvist", "Envoy", "The United Nations envoy for Sarovia",
              ["UN envoy", "Haruna-Lindqvist", "a former Nigerian foreign minister"]),
            S("Dmitri Arkhangelsky", None, "Russia's deputy U.N. Ambassador"),
            S("Helena Marsh-Okafor", None, "British Ambassador"),
            S("Geng Weiming", None, "China's envoy"),
        ],
        "quotes": [
            Q("hanging by a thread", 0, "role"),
            Q("hanging by a thread", 0, "role"),
            Q("The guns have not fallen silent. They have only become quieter, and quiet is not peace,", 0, "name"),
            Q("Sanctions have never brought peace anywhere, and they will not bring it to Sarovia,", 1, "name"),
            Q("preparing the ground for regime change.", 1, "pronoun"),
            Q("keep issuing statements while Velmar burns.", 2, "name"),
            Q("within weeks, not months,", 2, "pronoun"),
            Q("any measure that complicates the situation.", 3, "name"),
            Q("respect the truce for as long as the other side does.", None, "none"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [2, 1, 2, 1],
        "neutral": [],
        "notes": [
            "Reuters-style wire report of a Council meeting, single newlines only (one paragraph by the README's convention; 'line N' below is 0-based), straight quotation marks and apostrophes, a dateline, a headline and lede attributing by title only ('UN envoy', 'The United Nations envoy for Sarovia'), the name after the quotation with a title before it ('said Envoy Adebola Haruna-Lindqvist'), roles before names, a Chinese name family name first (Geng Weiming), 'Diplomats said' and 'Western members say' (groups), 'Russia and China argue' (States), an anonymous diplomat (line 8: left out), a movement's statement (line 9: speaker null), and a reporting/editing credit line whose names are not speakers.",
            "Paraphrase sentences counted: Haruna-Lindqvist — line 1 (told the Security Council … that a … truce … was “…”), line 3 (said both sides had moved heavy weapons …); Arkhangelsky — line 5 s2 (He accused Western countries of “…”); Marsh-Okafor — line 6 s1 (said the council could not “…”), line 6 s2 (told reporters … that London would put the draft to a vote “…”, but declined to give a date); Geng — line 7 (said Beijing supported the envoy's mediation and opposed “…”). Not counted: line 0 (headline 'UN envoy says Sarovia truce “…”': only the subject is unquoted), line 2, line 5 s1 (quotations with tags), line 4 (groups and States), line 8 (anonymous), line 9 (a government that did not respond; a movement).",
            "A cross-document check of the subject-only rule, made after the first build, removed the headline (line 0) from Haruna-Lindqvist's count (3 to 2). Second pass (re-read from scratch): checked that the headline and line 1 are two quotes of the same words, that the credit line's names are not speakers and that no straight apostrophe forms a quoted span; no further change. Unsure: 'Envoy' as an honorific in 'said Envoy Adebola Haruna-Lindqvist'.",
        ],
    },
    {
        "id": "t14", "file": "t14.txt", "kind": "other",
        "speakers": [
            S("Nomvula Khumalo-Ferreira", None, "Assistant High Commissioner",
              ["UN refugee official", "the U.N.’s top refugee protection official",
               "Khumalo-Ferreira"]),
            S("Radu Ionescu-Berg", None, "Dalvania’s U.N. ambassador"),
            S("Thomas Whitfield-Nakamura", None, "U.S. deputy ambassador", ["Whitfield-Nakamura"]),
            S("Ayo Kálmán-Dede", None, "Lusan’s ambassador"),
        ],
        "quotes": [
            Q("a disaster in slow motion", 0, "role"),
            Q("The world is watching a disaster in slow motion and calling it stability,", 0, "role"),
            Q("already past breaking point.", 0, "name"),
            Q("Children are arriving thinner than they were a year ago,", 0, "name"),
            Q("That is not a statistic. I have held them.", 0, "context"),
            Q("We have opened our schools, our hospitals and our homes,", 1, "pronoun"),
            Q("almost nothing", 1, "pronoun"),
            Q("There are no excuses left,", 2, "name"),
            Q("fighting terrorists, not civilians.", 3, "name"),
            Q("foreign interference,", 3, "pronoun", scare=True),
            Q("a test the council is failing.", None, "none"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 2, 1, 2],
        "neutral": [],
        "notes": [
            "AP-style wire report of a Council meeting: a headline quote under a descriptor, a lede that opens with the quotation and attributes it by role only, the speaker named only in the second paragraph (p2, with her title and no honorific), surnames alone afterwards, 'bristled at suggestions' (an appraisal), 'diplomats said' and 'Several ambassadors' (groups), States that called the meeting or objected (Ecuador, Slovenia, Russia).",
            "“almost nothing” (p5) is a two-word fragment, not a term: not marked scare; “foreign interference” (p8) is a two-word term he used: scare.",
            "Paraphrase sentences counted: Khumalo-Ferreira — p1 ('“…,” the U.N.’s top refugee protection official told the Security Council …, urging neighboring countries to keep their borders open …'), p2 (said more than 310,000 people had crossed … and that camps … were “…”), p3 s1 (told the council that food rations … had been cut in half); Ionescu-Berg — p5 s1 (bristled at suggestions that his country was turning people away: borderline, counted as a rejection), p5 s2 ('“…,” he said, adding that Dalvania had received “almost nothing” …'); Whitfield-Nakamura — p6 (announced $45 million … and called on the Lusan government …); Kálmán-Dede — p8 s1 (rejected the criticism, saying his government was “…”), p8 s2 (He said the real cause of the exodus was “…”, but he did not name any country). Not counted: the headline (only its subject is unquoted), p3 s2–s3, p7 (quotations with tags or none), p4, p9, p10 (States and groups).",
            'Second pass (re-read from scratch): checked that the speaker is first named in p2 and referred to only by role before it (headline, p1), that the headline is not counted (only its subject unquoted) and that “almost nothing” is not scare; no change.',
        ],
    },
]


class _ArticleText(HTMLParser):
    """Text of the <article>'s h1 and p elements, one paragraph each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.grab = False
        self.blocks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth and tag in ("h1", "p"):
            self.grab = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif tag in ("h1", "p"):
            self.grab = False

    def handle_data(self, data):
        if self.grab:
            self.blocks[-1] += data


def document_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".html":
        parser = _ArticleText()
        parser.feed(raw)
        return "\n\n".join(" ".join(b.split()) for b in parser.blocks if b.strip())
    return raw.replace("\r\n", "\n").strip()


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def paragraph_of(spans: list[tuple[int, int]], offset: int) -> int:
    return next(i for i, (a, b) in enumerate(spans) if a <= offset <= b)


def quoted_spans(text: str) -> list[tuple[int, str]]:
    """(offset, content) of every quotation-marked span within one paragraph."""
    out = [(m.start(1), m.group(1)) for m in re.finditer(r"“([^”“\n]*)”", text)]
    out += [(m.start(1), m.group(1)) for m in re.finditer(r'"([^"\n]*)"', text)]
    # single marks: an opening mark not inside a word, a closing one not followed by a letter
    out += [(m.start(1), m.group(1))
            for m in re.finditer(r"(?<![\w’])‘([^‘\n]*?)’(?![\w])", text)]
    out += [(m.start(1), m.group(1))
            for m in re.finditer(r"(?<![\w'])'([^'\n]+?)'(?![\w])", text)]
    return sorted(out)


def locate(text: str, spans, q: dict, cursor: int) -> int:
    """Offset of the quote's next proper occurrence at or after cursor, or -1."""
    i = text.find(q["text"], cursor)
    while i != -1:
        before = text[i - 1] if i else ""
        end = i + len(q["text"])
        after = text[end] if end < len(text) else ""
        if q["unclosed"]:
            para_end = spans[paragraph_of(spans, i)][1]
            if before in ("“", '"') and end == para_end:
                return i
        elif before in PAIRS and PAIRS[before] == after:
            return i
        i = text.find(q["text"], i + 1)
    return -1


def build() -> tuple[list[dict], list[str]]:
    errors: list[str] = []
    out = []
    for d in DOCS:
        did = d["id"]

        def err(msg: str, did: str = did) -> None:
            errors.append(f"{did}: {msg}")

        path = HERE / d["file"]
        raw = path.read_text(encoding="utf-8")
        text = document_text(path)
        words = len(re.findall(r"\w+", text))
        nbytes = len(text.encode("utf-8"))
        if not 1600 <= nbytes <= 2100:
            err(f"{nbytes} bytes of UTF-8, not 1600-2100")
        spans = paragraph_spans(text)
        speakers = d["speakers"]
        if len(d["paraphrase_counts"]) != len(speakers):
            err("paraphrase_counts not aligned with speakers")
        for s in speakers:
            forms = [s["name"], s["role_org"], *s["aliases"]]
            if s["name"] and s["honorific"]:
                forms.append(f"{s['honorific']} {s['name']}")
            if not s["name"] and not s["role_org"]:
                err("a speaker with neither name nor role")
            for f in forms:
                if f and f not in text:
                    err(f"speaker form not in text: {f!r}")
        for n in d["neutral"]:
            if n not in text:
                err(f"neutral name not in text: {n!r}")
            if any(s["name"] == n for s in speakers):
                err(f"neutral person is also a gold speaker: {n!r}")
        quotes, cursor, found, unclosed_paras = [], 0, set(), set()
        for q in d["quotes"]:
            sp = q["speaker"]
            if sp is not None and not 0 <= sp < len(speakers):
                err(f"bad speaker index {sp}")
            if q["attribution"] not in ATTRIBUTIONS:
                err(f"bad attribution {q['attribution']!r}")
            if (sp is None) != (q["attribution"] == "none"):
                err(f"speaker null if and only if attribution none: {q['text'][:40]!r}")
            if q["text"] != q["text"].strip() or not q["text"]:
                err(f"quote with outer whitespace: {q['text']!r}")
            at = locate(text, spans, q, cursor)
            if at == -1:
                err(f"quote not found between matching marks after offset {cursor}: {q['text'][:60]!r}")
                continue
            cursor = at + len(q["text"])
            found.add(at)
            item = {"text": q["text"], "speaker": sp, "paragraph": paragraph_of(spans, at),
                    "attribution": q["attribution"]}
            if q["scare"] is not None:
                item["scare"] = q["scare"]
            if q["unclosed"]:
                unclosed_paras.add(item["paragraph"])
            quotes.append(item)
        # every quoted span is annotated or deliberately left out
        for at, content in quoted_spans(text):
            if at in found:
                continue
            if content in d["not_quotes"]:
                continue
            err(f"quoted span neither annotated nor in not_quotes: {content[:60]!r}")
        for nq in d["not_quotes"]:
            if not any(c == nq for _, c in quoted_spans(text)):
                err(f"not_quotes entry is not a quoted span: {nq!r}")
        for pi, (a, b) in enumerate(spans):
            para = text[a:b]
            if para.count("“") != para.count("”") and pi not in unclosed_paras:
                err(f"paragraph {pi} has unbalanced curly double quotes and no unclosed quote")
        notes = [
            f"Invented report written blind for this held-out set ({d['kind']}); {words} words, "
            f"{nbytes} bytes; file {d['file']}.",
            *d["notes"],
            "neutral: " + ("; ".join(d["neutral"]) if d["neutral"] else "none"),
        ]
        if raw.count("\n\n") == 0:
            notes.insert(1, "The file has no blank lines: the whole text is paragraph 0.")
        out.append({
            "id": did, "url": f"file:{d['file']}", "source_kind": d["kind"], "text": text,
            "speakers": speakers, "quotes": quotes,
            "paraphrase_counts": d["paraphrase_counts"], "notes": notes,
        })
    return out, errors


def main(argv: list[str]) -> int:
    docs, errors = build()
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    payload = json.dumps(docs, ensure_ascii=False, indent=2) + "\n"
    gold = HERE / "gold.json"
    if "--check" in argv:
        if not gold.is_file() or gold.read_text(encoding="utf-8") != payload:
            print("gold.json is missing or stale: run build_gold.py", file=sys.stderr)
            return 1
    else:
        gold.write_text(payload, encoding="utf-8")
    n_s = sum(len(d["speakers"]) for d in docs)
    n_q = sum(len(d["quotes"]) for d in docs)
    n_null = sum(1 for d in docs for q in d["quotes"] if q["speaker"] is None)
    n_role = sum(1 for d in docs for s in d["speakers"] if s["name"] is None)
    print(f"{len(docs)} documents, {n_s} speakers ({n_role} known only by role), "
          f"{n_q} quotes ({n_null} with speaker null): ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
