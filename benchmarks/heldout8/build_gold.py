#!/usr/bin/env python3
"""Build (and check) gold.json for the eighth held-out set of reports, u01 … u14.

The reports in this folder were written for this set, blind (without reading the extractor,
its tests or scripts, or the other held-out sets' texts): invented events, people and words,
in the styles of the shared development set (../../../shared/reports/): openings of web pages
of about 2,000 bytes of UTF-8, cut at a paragraph end, five IPI event summaries (u01-u05),
four press.un.org meetings-coverage pages (u06-u09) and five other write-ups (u10-u14: a
Chatham House article, a Johns Hopkins SAIS event page, an SEI news item and two wire reports
of Security Council meetings). The annotations follow ../../../shared/reports/README.md
(speakers, quotes, scare quotes, role-only speakers; groups, states and anonymous audience
members left out). People who only moderated, chaired, opened or closed with no content are
not gold speakers; they are listed in a "neutral: A; B" note, the last note of each document
(issue 11 wants them as speakers with no statement, so scripts/measure_heldout.py neither
rewards nor penalises them).

Attribution is read from the clause that reports the quotation: 'Ms. X described what she
called “…”' is name, 'She was critical of what she called “…”' is pronoun, 'an independent
expert told …, describing a pattern she called “…”' is role.

The script computes each quote's paragraph and checks, with its own rules (those of
heldout3/build_gold.py):
  * every text is 1,600-2,100 bytes of UTF-8 and 200-450 words;
  * every quote occurs, in report order, directly between a matching pair of quotation
    marks (“…”, ‘…’, "…", '…') in one paragraph, or, when marked unclosed, from an opening
    mark to the end of its paragraph (a quotation continued in the next paragraph);
  * every quotation-marked span of the text is either annotated as a quote or listed in
    the document's not_quotes (titles, document text), and every paragraph with an
    unbalanced curly double quote holds an unclosed quote;
  * names, honorific + name, role_org strings, aliases and neutral names occur in the text;
    speaker indices, attributions, scare flags and paraphrase_counts are consistent.

Usage: python benchmarks/heldout8/build_gold.py          (writes gold.json beside it)
       python benchmarks/heldout8/build_gold.py --check  (fails if gold.json is stale)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}
ATTRIBUTIONS = {"name", "pronoun", "role", "context", "none"}
MIN_BYTES, MAX_BYTES = 1600, 2100
MIN_WORDS, MAX_WORDS = 200, 450


def S(name, honorific, role_org, aliases=()):  # noqa: N802 - a short annotation helper
    return {"name": name, "honorific": honorific, "role_org": role_org, "aliases": list(aliases)}


def Q(text, speaker, attribution, scare=None, unclosed=False):  # noqa: N802
    return {"text": text, "speaker": speaker, "attribution": attribution, "scare": scare,
            "unclosed": unclosed}


DOCS = [
    {
        "id": "u01", "file": "u01.txt", "kind": "ipi",
        "speakers": [
            S("Ngozi Okafor-Lindahl", None,
              "Senior Adviser on the UN Standby Team of Mediation Experts",
              ["Okafor-Lindahl", "Ms. Okafor-Lindahl"]),
            S("Rashid al-Harazi", None,
              "a former negotiator for the Yemeni Ministry of Foreign Affairs",
              ["Mr. al-Harazi"]),
        ],
        "quotes": [
            Q("Mediation Is a Long Game, Not a Press Release", 0, "name"),
            Q("A signature is the beginning of the work,", 0, "pronoun"),
            Q("not the end of it.", 0, "pronoun"),
            Q("crowded table,", 0, "name", scare=True),
            Q("We draft beautiful documents for audiences in Geneva and New York. The commander on the hill has never read them.", 0, "context"),
            Q("something to announce by the next pledging conference,", 0, "pronoun"),
            Q("Every envoy arrives with a calendar,", 1, "name"),
            Q("The parties arrive with a memory.", 1, "context"),
            Q("Peace processes do not run on annual budgets,", 0, "pronoun"),
        ],
        "not_quotes": ["Mediating in Fragmented Conflicts"],
        "paraphrase_counts": [7, 3],
        "neutral": ["Ilse Vanderbeke-Moyo"],
        "notes": [
            "IPI-style policy-forum summary, opening of the page cut after the moderator line (p9). A surname-colon headline quote, a quotation split by 'she said' (p2: two quotes), 'described what she called the “crowded table,”' (p3: two words, scare, attributed by the named subject), a bare quotation after a paraphrase (p4 s2: context), 'According to' (p5), a second speaker with a lower-case particle (al-Harazi) and a quote-first split over two sentences (p6).",
            "Not a quote: “Mediating in Fragmented Conflicts” (p1), the forum's title.",
            "Paraphrase sentences counted: Okafor-Lindahl (7) — p1 ('told an IPI policy forum … that envoys were too often judged …'), p3 ('described what she called the “crowded table,” where a single ceasefire may involve …'), p4 s1 ('She argued that mediators should spend less time …'), p5 s1 ('According to Ms. Okafor-Lindahl, most of the pressure … comes from capitals …'), p5 s2 ('Donors, she said, want “…,” while armed movements measure time in generations' — mixed), p8 s1 ('urged member states to fund mediation support units …'), p8 s2 ('“…,” she said, adding that the cheapest mediator is the one who stays' — unquoted content after 'adding that'); al-Harazi (3) — p6 s1 ('agreed that timelines were being set in the wrong places'), p7 s1 ('said outside mediators could offer the parties patience above all …'), p7 s2 ('He recalled one round in which a delegation walked out …'). Not counted: p0 (headline, content wholly quoted), p2, p4 s2, p6 s2–s3 (quotations with or without tags), p9 (moderator, no content).",
            "Second pass (re-read from scratch against the annotation): checked every quote boundary (the comma inside “crowded table,” and “…pledging conference,” stays in), that the p4 bare quotation belongs to Okafor-Lindahl (the preceding sentence is hers), that p7 s2 is reported speech ('He recalled') and that p8 s2's 'adding that …' clause is unquoted content (counted); no change.",
        ],
    },
    {
        "id": "u02", "file": "u02.txt", "kind": "ipi",
        "speakers": [
            S("Leïla Ben Ammar-Sørensen", None,
              "the Director of UNDP’s Regional Bureau for Arab States",
              ["UNDP Official", "Ms. Ben Ammar-Sørensen"]),
            S("Emil Vásquez-Haddad", "Dr.", "a senior fellow at IPI",
              ["The report’s author", "Dr. Vásquez-Haddad"]),
        ],
        "quotes": [
            Q("Rewriting the Map of Risk,", 0, "role"),
            Q("For decades we described water as an environmental issue, something for engineers,", 0, "pronoun"),
            Q("Today it is a question of who stays and who leaves.", 0, "context", unclosed=True),
            Q("In some districts of the cities we studied, households spend a fifth of their income on water bought from trucks. When the trucks stop coming, the families start moving.", 0, "context"),
            Q("without a single new reservoir.", 1, "pronoun"),
            Q("water determinism,", 1, "name", scare=True),
            Q("Drought is a stress test. It shows you where the institutions were already cracked.", 1, "context"),
            Q("Hydrologists have kept channels open that diplomats closed years ago,", 1, "pronoun"),
        ],
        "not_quotes": ["Thirsty Cities: Water, Migration and Fragility in the Middle East,"],
        "paraphrase_counts": [2, 4],
        "neutral": ["Sunniva Eide-Nakashima"],
        "notes": [
            "IPI-style report launch: a headline quote attributed by role ('Says UNDP Official'), a role-before-name introduction ('the Director of UNDP’s Regional Bureau for Arab States, Leïla Ben Ammar-Sørensen, warned …'), a quotation continued over a paragraph break (p2 ends inside the second quotation with no closing mark: recorded unclosed; p3 reopens: a separate context quote), the report's author named role-first, a participant's question (anonymous, left out) and a moderator with no content.",
            "Not a quote: the report title “Thirsty Cities: …,” (p1), comma inside the marks.",
            "Paraphrase sentences counted: Ben Ammar-Sørensen (2) — p1 ('warned that water stress was becoming a driver of displacement …'), p7 ('agreed, adding that the most effective responses … were local and unglamorous: …'); Vásquez-Haddad (4) — p4 s1 ('said that municipal authorities were absorbing newcomers …'), p4 s2 ('He cited one city that had doubled in size … “without a single new reservoir.”' — mixed), p5 s1 ('cautioned against what he called “water determinism,” arguing that scarcity did not cause conflict on its own …'), p6 s1 ('Asked by a participant …, Dr. Vásquez-Haddad said that shared aquifers were one of the few issues …'). Not counted: p0 (headline: the only unquoted parts are the subject 'Water Scarcity Is' and the tag), p2, p3, p5 s2, p6 s2 (quotations), p8 (moderator).",
            "Second pass (re-read from scratch): confirmed that p2's second quotation has no closing mark and that p3's quotation is the same speaker's (context, not a new speaker); confirmed the headline quote does not occur in the body (a headline wording, kept as its own quote); no change.",
        ],
    },
    {
        "id": "u03", "file": "u03.txt", "kind": "ipi",
        "speakers": [
            S("Losaline Vainikolo-Tupou", "H.E.", "Prime Minister of the Kingdom of Tonga",
              ["Prime Minister", "Prime Minister Vainikolo-Tupou", "the Prime Minister",
               "The Prime Minister"]),
        ],
        "quotes": [
            Q("Debt Swaps That Actually Swap Something", 0, "role"),
            Q("We rebuilt the schools with borrowed money,", 0, "pronoun"),
            Q("Then the next storm came, and we borrowed again.", 0, "context"),
            Q("climate-resilient debt clauses", 0, "pronoun"),
            Q("take four years to negotiate and save us the price of a fishing boat.", 0, "pronoun"),
            Q("They listen very politely,", 0, "pronoun"),
            Q("Politeness does not pay for a sea wall.", 0, "context"),
            Q("It is not glamorous,", 0, "pronoun"),
            Q("the best adaptation projects rarely are.", 0, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [5],
        "neutral": ["Zsófia Kertész-Obuya", "Pádraig Ó Súilleabháin"],
        "notes": [
            "IPI Global Leaders Series-style conversation with one speaker: a headline quote attributed by title ('Prime Minister Calls for “…”'), H.E. before the name, welcoming remarks and moderation with no content (p2; the moderator's paraphrased question in p5 is not content), 'in her words' (p4 s3), a quote-first pair with an untagged second sentence (p3, p5), and '“…,” she said, adding that “…”' (p6 s2).",
            "“climate-resilient debt clauses” is three words (one hyphenated): not marked scare.",
            "Paraphrase sentences counted (5): p3 s1 ('opened by describing the previous cyclone season, which she said had destroyed the equivalent of a third of her country’s gross domestic product …'), p4 s1 ('The result, she argued, is a cycle …'), p4 s2 ('She called for creditors to accept “…” that would pause repayments …, and for debt-for-nature swaps to be simplified'), p6 s1 ('also described a pilot scheme … which she said had cost less than one kilometre of new coastal road'), p7 ('She closed by urging an audience of diplomats to treat adaptation finance as a matter of security …'). Not counted: p0 (headline: 'Calls for' plus a wholly quoted object), p4 s3 ('Too many of the existing swaps, in her words, “…”' — only the subject is unquoted), p5 s1 ('the Prime Minister was careful' — no reported content), p6 s2 (everything after 'adding that' is quoted), p3 s2–s3 and p5 s2–s3 (quotations).",
            "Second pass (re-read from scratch): re-checked the two neutral people (Kertész-Obuya only offers welcoming remarks; Ó Súilleabháin only moderates and asks a paraphrased question) and the borderline p4 s3 (left out, subject-only); no change.",
        ],
    },
    {
        "id": "u04", "file": "u04.txt", "kind": "ipi",
        "speakers": [
            S("Mamadou Tounkara-Eklund", "Lieutenant General (Ret.)", "A former force commander"),
            S("Chiara Lombardi-Nakamura", "Dr.", "the University of Bologna",
              ["Lombardi-Nakamura"]),
            S("Ayşe Demirtaş-Kowalski", None,
              "Senior Protection Officer at the UN Department of Peace Operations",
              ["The third panelist", "Demirtaş-Kowalski"]),
        ],
        "quotes": [
            Q("The worst thing a mission can do is to raise a flag over a village and then leave at night,", 0, "name"),
            Q("with the helicopters in mind,", 0, "pronoun"),
            Q("They wanted to know when the patrol would come,", 1, "name"),
            Q("and whether it would come back.", 1, "name"),
            Q("blue", None, "none", scare=True),
            Q("not a service-level agreement.", 2, "name"),
        ],
        "not_quotes": ["Protection of Civilians at Twenty-Five"],
        "paraphrase_counts": [2, 2, 2],
        "neutral": ["Kwabena Asante-Hollis"],
        "notes": [
            "IPI-style panel summary: the first speaker is introduced by role only ('A former force commander opened …', p1) and named only after his quotation in p2 ('said Lieutenant General (Ret.) Mamadou Tounkara-Eklund'); his name-introduction carries no title beyond the honorific, so role_org is the p1 descriptor. A colon introduction of paraphrased content (p1), a quotation split by a tag (p3), 'in Demirtaş-Kowalski’s view' (p5), a chair with no content (p6).",
            "Not a quote: “Protection of Civilians at Twenty-Five” (p1), the discussion's title. “blue” (p4) is the word residents used, as reported by Lombardi-Nakamura: a group's word, so speaker null (attribution none), one word, scare.",
            "Paraphrase sentences counted: Tounkara-Eklund (2) — p1 ('opened … with a blunt warning: missions that promise protection they cannot deliver lose the trust …'), p2 s2 ('He urged Council members to write mandates “…,” that is, with a realistic view …'); Lombardi-Nakamura (2) — p3 s2 ('People valued predictability more than patrols, she said.'), p4 ('She also noted that many residents used the word “blue” …, a confusion she said had real consequences …'); Demirtaş-Kowalski (2) — p5 s1 ('agreed that expectations had to be managed but rejected the idea …'), p5 s3 ('She pointed to community alert networks as one of the few innovations that had worked …'). Not counted: p2 s1 (quotation + tag + biography), p3 s1 ('presented interviews with more than 300 residents' — topic only), p3 s3 (split quotation), p5 s2 ('Protection, in Demirtaş-Kowalski’s view, was “…”' — borderline: only the subject and the copula are unquoted).",
            "Second pass (re-read from scratch): reconsidered “blue” — the text says residents used the word, not the speaker, so it stays speaker null rather than Lombardi-Nakamura's; reconsidered p5 s2 (left out, ±1); no change.",
        ],
    },
    {
        "id": "u05", "file": "u05.txt", "kind": "ipi",
        "speakers": [
            S("Valentina Errázuriz Montt", "H.E. Ambassador",
              "Permanent Representative of Chile to the UN",
              ["Errázuriz Montt", "Ambassador Errázuriz Montt"]),
            S("Marisol Quispe Mamani", "Dr.",
              "a founding member of the network and a mediator in community conflicts over mining in southern Peru",
              ["Dr. Quispe"]),
        ],
        "quotes": [
            Q("From the Margins to the Table", 0, "name"),
            Q("We were told for years that there were no qualified women. We built a list of a hundred and twenty of them,", 0, "name"),
            Q("from the margins to the table", 0, "pronoun"),
            Q("By the time the ministers arrive, the conversation has already taken place in the kitchens,", 1, "pronoun"),
            Q("workshop feminism", 1, "pronoun", scare=True),
            Q("A certificate is not a seat,", 1, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [2, 3],
        "neutral": ["Henrietta Oyelaran-Voss"],
        "notes": [
            "IPI-style anniversary event, the page cut after its speaker list: a headline with a two-part Spanish surname before the colon (the full name first appears in p2, 'H.E. Ambassador Valentina Errázuriz Montt', after her quotation), a keynote speaker later called by her first surname only ('Dr. Quispe'), 'According to' (p4), a colon after a scare term (p5), a 'Speakers:' list with a 'Moderator:' line (the moderator has no content).",
            "Paraphrase sentences counted: Errázuriz Montt (2) — p0 (headline: 'Women Mediators Have Moved' is unquoted reported content), p2 s2 ('She said the network had moved “…” in local negotiations …, but that national peace processes remained overwhelmingly male'); Quispe Mamani (3) — p4 s1 ('According to Dr. Quispe, the network’s most valuable work happens long before any formal talks'), p4 s3 ('She described one dispute in which women from two communities agreed on water-sharing rules …'), p5 s1 ('She was critical of what she called “workshop feminism”: training courses that certify women …'). Not counted: p2 s1 (quotation + tag), p3 s1 ('introduced the keynote speaker' — no content), p3 s2 ('spoke in Spanish and Quechua'), p4 s2 and p5 s2 (quotation + tag), p6–p9 (list).",
            "Second pass (re-read from scratch): checked that the headline quote differs from the p2 quotation only by capitalisation (both kept) and that 'Dr. Quispe' is an alias of Quispe Mamani, not a third person; no change.",
        ],
    },
    {
        "id": "u06", "file": "u06.txt", "kind": "un-press",
        "speakers": [
            S("Rodrigo Valdés Anchorena", None, "Special Envoy of the Secretary-General for Sarovia",
              ["Special Envoy", "the Secretary-General’s Special Envoy", "The Special Envoy"]),
            S("Nadia Farouk El-Sayed", None,
              "Director of Operations at the Office for the Coordination of Humanitarian Affairs (OCHA)"),
            S(None, None, "the representative of Ghana"),
            S(None, None, "The representative of the Russian Federation"),
        ],
        "quotes": [
            Q("Time Is Not on Our Side,", 0, "role"),
            Q("Every week without talks is a week in which the men with guns redraw the map,", 0, "name"),
            Q("Time is not on our side,", 0, "pronoun"),
            Q("But neither, I am convinced, is it too late.", 0, "context"),
            Q("Our colleagues are negotiating access checkpoint by checkpoint,", 1, "pronoun"),
            Q("African solutions", 2, "role", scare=True),
            Q("megaphone diplomacy", 3, "role", scare=True),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 2, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style Security Council briefing on an invented country: header lines (p0), a '“…,” Special Envoy Tells Security Council' headline, a group subheadline ('Speakers Call for …', not counted), the envoy first as 'Special Envoy' (headline p1), then 'the Secretary-General’s Special Envoy' (p3), named only after his quotation (p4), double spaces after sentences, 'she said, adding that' (p7), two delegates known only by role, one speaking also for two other states.",
            "Paraphrase sentences counted: Valdés Anchorena (3) — p3 ('The fragile calm … has collapsed, …, the Secretary-General’s Special Envoy told the Security Council'), p4 s2 ('He reported that clashes around the port of Merevan had displaced …'), p6 ('The Special Envoy said he would convene …, and called on Council members …'); El-Sayed (2) — p7 s1 ('Also briefing was …, who said that humanitarian convoys had reached only a third …'), p7 s2 ('“…,” she said, adding that two aid workers had been killed'); Ghana (1) — p8; Russian Federation (1) — p9 ('cautioned against “megaphone diplomacy” and said new sanctions would only harden positions'). Not counted: p1 (headline: the quotation plus tag; 'as Fighting Spreads …' is narration, borderline), p2 (group), p4 s1 (quotation + tag; 'briefing by videoconference' is no content), p5 (quotations).",
            "Second pass (re-read from scratch): corrected this document's first note, which had the envoy's first reference as p3 rather than the headline; checked that the headline quote and the p5 quote differ in case and are both recorded, and that “African solutions” and “megaphone diplomacy” are words the delegates used (two words each: scare); no change to the annotation.",
        ],
    },
    {
        "id": "u07", "file": "u07.txt", "kind": "un-press",
        "speakers": [
            S("Hyun-joo Kwon-Ferreira", None, "Independent Expert on transnational repression",
              ["Independent Expert", "an independent expert", "Ms. Kwon-Ferreira",
               "the Independent Expert"]),
            S(None, None, "the representative of Canada"),
            S(None, None, "The representative of China"),
            S(None, None, "The Russian Federation’s delegate"),
        ],
        "quotes": [
            Q("Digital Disappearance", 0, "role", scare=True),
            Q("digital disappearance", 0, "role", scare=True),
            Q("The border no longer protects the dissident,", 0, "pronoun"),
            Q("The phone in her pocket carries the State with her.", 0, "context"),
            Q("not only with prison, but with shame.", 0, "pronoun"),
            Q("unverified allegations from organizations with a political agenda", 2, "role"),
            Q("duplicates existing mechanisms", 3, "role"),
            Q("If a Government believes a case is wrong,", 0, "pronoun"),
            Q("it can invite me to visit and show me.", 0, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [6, 1, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style General Assembly Third Committee interactive dialogue: header lines (p0), a headline and a group subheadline, the expert first by title ('Independent Expert', 'an independent expert') and named in p4 role-last, a scare term in the headline and again in p3 with the comma outside the closing mark, a split quotation (p8), three delegates known only by role.",
            "“duplicates existing mechanisms” is three words: not scare.",
            "Paraphrase sentences counted: Kwon-Ferreira (6) — p1 (headline: 'Warns Third Committee of “…” as States Expand Surveillance of Critics Abroad' — the as-clause restates her p3 claim; borderline, counted), p3 ('Governments are increasingly using surveillance technology …, an independent expert told …'), p4 s1 ('said that her office had documented cases in 43 countries …'), p5 s1 ('urged Member States to adopt export controls …'), p5 s2 ('The harm, she said, fell hardest on women human rights defenders, who are threatened “…”'), p8 s1 ('said she stood by every case in the report'); Canada (1) — p6; China (1) — p7 s1 ('said the report relied on “…”' — 'the report relied on' is unquoted content); Russian Federation (1) — p7 s2. Not counted: p2 (group), p4 s2–s3 and p8 s2 (quotations).",
            "Second pass (re-read from scratch): checked the order of quotes (headline before p3), that Canada's question comes with a stated position (so Canada is a speaker, not a neutral questioner), and the headline count (kept, ±1); no change.",
        ],
    },
    {
        "id": "u08", "file": "u08.txt", "kind": "un-press",
        "speakers": [
            S("Mariam Tshibangu-Lindqvist", None, "its President for the month",
              ["Security Council President", "Ms. Tshibangu-Lindqvist", "the President",
               "The President"]),
            S("Jean-Pierre Mukendi Ilunga", None, "the Special Representative",
              ["Mr. Mukendi Ilunga"]),
        ],
        "quotes": [
            Q("heavy, but not hopeless", 0, "name"),
            Q("We are not coming to lecture anyone,", 0, "pronoun"),
            Q("Africa has seen more unconstitutional changes of government in the last five years than in the previous twenty, and the Council has mostly watched.", 0, "context"),
            Q("the door is not completely shut", 0, "pronoun"),
            Q("the worst I have seen", 1, "name"),
            Q("as transparent as the Charter allows", 0, "role"),
            Q("That is above my pay grade, and above the pay grade of everyone at this table.", 0, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [7, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style press conference by the Council President: 'told correspondents', the country in parentheses after the name, 'the President' as a title reference, journalists' questions (anonymous, not speakers), a colon introduction after 'she said, smiling:' (p6), and a second person whose words are relayed by the speaker (p4 s2: 'Mr. Mukendi Ilunga had told her … that the security situation … was “the worst I have seen”, she said' — the quoted words are his, so the quote is his, attributed by his name).",
            "role_org is the descriptor printed with her name ('its President for the month'); the headline 'Security Council President' is an alias.",
            "Paraphrase sentences counted: Tshibangu-Lindqvist (7) — p1 ('The Security Council faces a crowded March …, but the month will be “…”, … told correspondents'), p2 s1 ('said the presidency would hold a signature open debate on 12 March …'), p3 s1 ('the President acknowledged that divisions were deep'), p3 s2 ('She added, however, that members had agreed on two humanitarian statements …, which showed that “…”'), p4 s1 ('she said the Council would be briefed by the Special Representative … on 20 March'), p4 s2 (reports both people), p5 s2 ('The President said that the process would be “…”, and that candidates would be invited …'); Mukendi Ilunga (1) — p4 s2. Not counted: p0 (headline, topic), p2 s2–s3 (quotations), p5 s1 (a journalist's question), p6 (colon introduction, content wholly quoted).",
            "Second pass (re-read from scratch): reconsidered whether the relayed 'the worst I have seen' is the President's quote; the first person 'I' and 'had told her' make it his; no change.",
        ],
    },
    {
        "id": "u09", "file": "u09.txt", "kind": "un-press",
        "speakers": [
            S(None, None, "the representative of Kestria", ["Host Country Representative"]),
            S("JOHANNA VIRTANEN-OSEI", None, "Finland", ["penholder on the file", "the penholder"]),
            S(None, None, "The representative of Pakistan"),
            S(None, None, "the Russian Federation’s delegate"),
            S("GUSTAVO ADOLFO PEÑA DE LOS RÍOS", None, "Panama", ["Mr. Peña de los Ríos"]),
        ],
        "quotes": [
            Q("Realities on the Ground", 0, "role"),
            Q("This is not the mandate any of us would have written alone,", 1, "pronoun"),
            Q("It is the mandate that fifteen of us could live with — or, at least, twelve.", 1, "context"),
            Q("without an exit strategy", 2, "pronoun"),
            Q("a burden imposed on the Mission for the benefit of headlines", 3, "role"),
            Q("unthinkable", 4, "name", scare=True),
            Q("realities on the ground", 0, "role"),
            Q("responsible and gradual", 0, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 1, 2, 1, 2],
        "neutral": [],
        "notes": [
            "press.un.org-style adoption of a resolution with explanations of position, with single newlines only (like the shared set's r07): the whole text is paragraph 0; 'line N' below is 0-based. Delegates named in capitals with the country in parentheses (role_org is the country, as in heldout3), delegates known only by role, full stops and commas outside the closing marks, the host-country representative referred to first by the subheadline descriptor ('Host Country Representative', line 1) and resolved in line 7 (speaker 0, role-only). 'the penholder' (line 5) is the Russian delegate's reference to Virtanen-Osei: an alias, not her speech.",
            "“realities on the ground” (4 words) and “responsible and gradual” (3 words): not scare. “unthinkable” (one word): scare. The Russian quote ('…, which he called “…”') is attributed by role, from the clause's subject 'the Russian Federation’s delegate'.",
            "Paraphrase sentences counted: Kestria (3) — line 1 (subheadline: 'Mandate Must Reflect' is unquoted reported content), line 7 s1 ('thanked Council members but said the mandate must reflect the “…”, notably the improvement in security …'), line 7 s2 ('His Government, he said, was ready for a “…” drawdown'); Virtanen-Osei (1) — line 3 s1 ('said the text gave the Mission a leaner mandate …'); Pakistan (2) — line 4 s1, line 4 s2 ('Peacekeeping operations, he said, must not become open-ended commitments “…”'); Russian Federation (1) — line 5; Peña de los Ríos (2) — line 6 s1 ('welcomed the adoption and underlined the Mission’s work with women’s organizations …'), line 6 s2 ('said it would be “unthinkable” to reduce …'). Not counted: line 0 (the Council's action), line 2 (vote), line 3 s2–s3 (quotations).",
            "Second pass (re-read from scratch): checked that the speakers are in order of first reference (the subheadline descriptor puts Kestria first), that the abstaining states in line 2 are not speakers, and that 'Speaking after the vote' gives no content by itself; no change.",
        ],
    },
    {
        "id": "u10", "file": "u10.txt", "kind": "other",
        "speakers": [
            S("Kadri Põldma-Sillaste", None, "Estonia’s former defence minister",
              ["the first speaker", "Põldma-Sillaste"]),
            S("Anthony Okwuosa-Blake", "Sir",
              "a former Permanent Under-Secretary at the Ministry of Defence", ["Sir Anthony"]),
            S("Mireille Aït-Kaci", "Dr",
              "head of European security at the Institut Lavoisier in Paris",
              ["The third panellist"]),
        ],
        "quotes": [
            Q("whether", 2, "context", scare=True),
            Q("how fast", 2, "context", scare=True),
            Q("We have spent ten years proving that we can agree on the need to spend more,", 0, "pronoun"),
            Q("What we have not proved is that we can spend it together.", 0, "context"),
            Q("a collection of boutiques pretending to be a supermarket", 0, "pronoun"),
            Q("designed by committee, for a committee", 1, "pronoun"),
            Q("whether", 2, "pronoun", scare=True),
            Q("how fast", 2, "pronoun", scare=True),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 2, 2],
        "neutral": [],
        "notes": [
            "Chatham House-style magazine write-up (The World Today): British single curly quotes, 'Dr' without a full stop, 'Sir Anthony' after 'Sir Anthony Okwuosa-Blake', full stops outside the closing marks, the first speaker introduced as 'the first speaker, Estonia’s former defence minister Kadri Põldma-Sillaste' and quoted by pronoun only, an anonymous questioner (left out).",
            "The headline's ‘whether’ and ‘how fast’ have no tag; they are the words Aït-Kaci is reported using in p5, so they are hers by context (one and two words: scare), recorded again where she uses them in p5 (pronoun).",
            "Paraphrase sentences counted: Põldma-Sillaste (3) — p3 s1 ('argued that Europe’s problem was no longer money but fragmentation …'), p3 s2 ('She described the continent’s arms industry as ‘…’' — borderline: the appraisal is quoted but its object is not; counted), p6 s3 ('replied that fatigue was a luxury enjoyed mostly by countries a long way from the border'); Okwuosa-Blake (2) — p4 s2 ('Joint procurement, he warned, had a long history of producing aircraft that arrived late, over budget and ‘…’'), p4 s3 ('Sir Anthony said the quickest gains would come from shared stockpiles …'); Aït-Kaci (2) — p5 s1 ('said the political mood had shifted faster than the institutions …'), p5 s2 ('Governments that once debated ‘whether’ to rearm, she said, were now arguing only about ‘how fast’'). Not counted: p0 (headline, no reporting verb), p1 s2 ('began with a question of nerve' — topic), p2 (quotations), p4 s1 ('was more cautious' — no reported content), p6 s1–s2 (the room; the questioner's question).",
            "Second pass (re-read from scratch): reconsidered the headline scare quotes (kept as context quotes of Aït-Kaci rather than left unattributed: the body gives them to her alone) and p3 s2 (kept, ±1); checked that no possessive ’ closes a single-quoted span early; no change.",
        ],
    },
    {
        "id": "u11", "file": "u11.txt", "kind": "other",
        "speakers": [
            S("Rafael Quintero-Baptiste", "Dr.", "Senior Fellow, Foreign Policy Institute",
              ["Quintero-Baptiste"]),
            S("Amara Nwachukwu-Holm", None, "Director, Africa Minerals Governance Initiative",
              ["Nwachukwu-Holm"]),
            S("Sung-min Yoon", "Professor", "Professor of Practice, Johns Hopkins SAIS",
              ["Professor Yoon"]),
        ],
        "quotes": [
            Q("criticality", 0, "name", scare=True),
            Q("quiet arms race", 2, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 2, 2],
        "neutral": ["Elena Petrescu-Vance"],
        "notes": [
            "Johns Hopkins SAIS-style event page, nearly all paraphrase: a title, a speaker list with single newlines (p1, one paragraph) ending with 'Moderated by' (the moderator has no content), a date line, a group sentence ('Panelists at Johns Hopkins SAIS examined …', not counted), topic-only first sentences, surname-only references, students' questions (left out) and a 'Watch the recording' link label at the end.",
            "“quiet arms race” is three words: not scare. “criticality” is one word he is said to argue about and use: scare.",
            "Paraphrase sentences counted: Quintero-Baptiste (3) — p4 s1 ('opened by arguing that “criticality” is a political judgement rather than a geological one'), p4 s2 ('Every country, he said, defines criticality by its own anxieties …'), p7 s2 ('Quintero-Baptiste said recycling would matter enormously after 2040 …'); Nwachukwu-Holm (2) — p5 s2 ('She said that host governments were negotiating better royalty terms …'), p5 s3 ('called for revenue-sharing rules to be written into contracts …'); Yoon (2) — p6 s1 ('discussed the role of East Asian processors, noting that most refining capacity remains concentrated …' — the noting-clause is content), p6 s2 ('He warned that export restrictions were becoming a routine instrument … and described the current moment as a “…”'). Not counted: p3 (group), p5 s1 ('focused on the communities living near new mines' — topic only), p7 s1 (students asked).",
            "Second pass (re-read from scratch): checked that the listed names match the body's (Dr. Rafael Quintero-Baptiste is printed identically in p1 and p4; Professor Sung-min Yoon becomes 'Professor Yoon'); no change.",
        ],
    },
    {
        "id": "u12", "file": "u12.txt", "kind": "other",
        "speakers": [
            S("Wanjiru Kamau-Lindgren", None, "SEI Research Fellow and lead author of the study",
              ["Kamau-Lindgren"]),
            S("Joseph Lekishon ole Sankale", None,
              "Chief Officer for Environment in Kajiado County"),
            S("Karin Fröberg-Achterberg", "Dr.",
              "the Swedish International Development Cooperation Agency"),
        ],
        "quotes": [
            Q("The money is announced in Glasgow or Dubai, and then it disappears into a chain of intermediaries. By the time it reaches a county government, it has been renamed three times and cut in half,", 0, "name"),
            Q("We are not short of plans. We are short of the money that was promised for the plans,", 1, "pronoun"),
            Q("projectitis", 2, "name", scare=True),
            Q("Where communities own the warning system, people move their herds in time,", 0, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [1, 2, 2],
        "neutral": [],
        "notes": [
            "SEI-style news item with single newlines only: the whole text is paragraph 0; 'line N' below is 0-based. Present-tense 'says' tags, a quotation before the speaker is introduced (line 2: '“…,” says Wanjiru Kamau-Lindgren, SEI Research Fellow …'), a photo credit line kept in the middle (line 3), a lower-case Maasai particle (ole Sankale), research findings and 'The researchers' (a group, not counted), a quote after a group sentence attributed by surname (line 8).",
            "Paraphrase sentences counted: Kamau-Lindgren (1) — line 4 s2 ('argued that funds should flow through existing county budgets …'); ole Sankale (2) — line 5 s1 ('agreed that parallel structures slowed everything down'), line 5 s2 ('He says his county has waited two years for a drought-resilience grant …'); Fröberg-Achterberg (2) — line 6 s1 ('said donors shared responsibility for what she called “projectitis”, the habit of funding short projects …'), line 6 s2 ('She said Sida was ready to test direct budget support …'). Not counted: line 0 (headline: 'SEI dialogue hears', no speaker), line 1 ('according to new SEI research' — the research, not a person; borderline), line 2 and line 8 (quotation + tag), line 4 s1 (who attended), line 5 s3 (quotation + tag), line 7 (the researchers as a group).",
            "Second pass (re-read from scratch): reconsidered line 1 (left out: it attributes the finding to research, not to Kamau-Lindgren, although she is its lead author) and line 7 (group); no change.",
        ],
    },
    {
        "id": "u13", "file": "u13.txt", "kind": "other",
        "speakers": [
            S("Marguerite Oyelaran-Duval", None,
              "the under-secretary-general for humanitarian affairs",
              ["U.N. aid chief", "the U.N. humanitarian chief", "Oyelaran-Duval"]),
            S(None, None, "a Unicef spokesperson", ["the Unicef spokesperson"]),
            S("Arkady Voronin-Belsky", None, "Russia's U.N. Ambassador", ["Voronin-Belsky"]),
            S("Priya Mehra-Lockwood", None, "Britain's deputy U.N. envoy"),
            S(None, None, "a Western diplomat"),
        ],
        "quotes": [
            Q("paying the price", 0, "role"),
            Q("Every one of these deaths was preventable with supplies that are sitting in warehouses 40 kilometers away,", 1, "role"),
            Q("Children are paying the price for decisions taken by adults with guns,", 0, "pronoun"),
            Q("We are not asking for a ceasefire today. We are asking for trucks.", 0, "context"),
            Q("one-sided", 2, "name", scare=True),
            Q("Nobody in this chamber wants to talk about who armed the rebels,", 2, "name"),
            Q("The children did not take up arms,", 3, "pronoun"),
            Q("Trucks are not weapons.", 3, "context"),
            Q("We will keep talking, but the children cannot wait for us to finish,", 4, "role"),
        ],
        "not_quotes": ["immediate, safe and unhindered"],
        "paraphrase_counts": [3, 1, 1, 1, 0],
        "neutral": [],
        "notes": [
            "Wire report of a Security Council meeting on an invented country, single newlines only (the whole text is paragraph 0; 'line N' is 0-based), straight double quotes and apostrophes, a headline quote in straight single marks attributed by title ('U.N. aid chief tells council'), the aid chief first by role (headline, line 1) and named in line 3 role-last, 'a Unicef spokesperson' … 'the Unicef spokesperson said in a statement' (role-only speaker), 'Russia's U.N. Ambassador Arkady Voronin-Belsky', an untagged quotation on its own line (line 4: context), a government's denial (line 6: a state, not counted), 'diplomats said' (line 9: group, no quote), an anonymous diplomat quoted (line 10: role-only speaker).",
            "Not a quote: 'immediate, safe and unhindered' (line 9, in straight double marks), the text of a draft resolution (document text, nobody's words). The headline's 'paying the price' (straight single marks, 3 words): not scare; 'one-sided' (one hyphenated word): scare.",
            "Paraphrase sentences counted: Oyelaran-Duval (3) — line 1 ('Children … are dying of hunger within reach of food, the U.N. humanitarian chief told …' — reports both her and the spokesperson), line 3 s1 ('said aid convoys had been turned back at checkpoints 27 times …'), line 5 ('said the World Food Programme had enough stocks …'); the spokesperson (1) — line 1 ('as a Unicef spokesperson said more than 300 had died of malnutrition since January'); Voronin-Belsky (1) — line 7 s1 ('said the briefing was \"one-sided\" and accused Western members …'); Mehra-Lockwood (1) — line 8 s1 ('rejected the accusation' — an appraisal, as in the shared set's r12). The diplomat (0). Not counted: line 0 (headline: only the subject 'Kaldera children' is unquoted), lines 2, 3 s2, 4, 7 s2, 8 s2–s3, 10 (quotations), line 6 (state), line 9 (group, document).",
            "Second pass (re-read from scratch): the notes had written this document's straight quotation marks as curly ones; corrected. Confirmed that line 1 is one sentence reporting two people (counted for each) and that the straight apostrophes ('Kaldera's', 'Russia's') cannot open a single-quoted span; no change to the annotation.",
        ],
    },
    {
        "id": "u14", "file": "u14.txt", "kind": "other",
        "speakers": [
            S("Sigrid Aurdal-Mensah", None, "Norway’s U.N. Ambassador"),
            S("Fu Jianming", None, "China’s ambassador"),
            S("Dmitri Sokolovsky-Ryabov", None, "Russia’s deputy U.N. Ambassador"),
            S("Natasha Beaumont-Singh", None, "Guyana’s ambassador"),
            S("Idris Ag Alhassane", None, "Its spokesman"),
        ],
        "quotes": [
            Q("premature", None, "none", scare=True),
            Q("Today the council had a chance to save lives at the cost of a few hundred observers, and two members chose not to take it,", 0, "name"),
            Q("in principle", 1, "role", scare=True),
            Q("Peace cannot be imposed,", 1, "name"),
            Q("by sending people with clipboards into a war.", 1, "name"),
            Q("television purposes", 2, "name", scare=True),
            Q("regrets the council’s paralysis", None, "none"),
            Q("The monitors were the only thing both sides had agreed to in Addis Ababa.", 4, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [1, 1, 2, 1, 0],
        "neutral": [],
        "notes": [
            "Wire report of a Security Council vote, curly quotes and blank lines: states as subjects of the lede with a one-word quote (p1: 'China and Russia … calling the plan “premature”' — speaker null, scare), a quote-first sentence with 'Norway’s U.N. Ambassador Sigrid Aurdal-Mensah told the council', China's ambassador introduced by role (p4 s1) and named only in the tag of the split quotation that follows ('“…,” Fu Jianming said, “…”'), 'Russia’s deputy U.N. Ambassador', a role-then-name appositive (p6), 'said in a statement' by a ministry (p7: speaker null), a group (the opposition council, p8 s1, not counted) and its spokesman introduced by 'Its spokesman' with a colon quotation.",
            "“in principle” and “television purposes” are two-word terms the speakers used: scare. Fu Jianming is printed surname first; no alias occurs.",
            "Paraphrase sentences counted: Aurdal-Mensah (1) — p3 s2 ('She said the sponsors would keep working on a text that could pass'); Fu (1) — p4 s1 ('said his delegation supported a ceasefire “in principle” but could not accept monitors …'); Sokolovsky-Ryabov (2) — p5 s1 ('accused the sponsors of rushing to a vote for “television purposes”'), p5 s2 ('He said Moscow would present its own draft next week'); Beaumont-Singh (1) — p6; Ag Alhassane (0). Not counted: p1 (states), p3 s1 (quotation + tag), p4 s2 (split quotation), p7 (ministry), p8 s1 (group), p8 s2 (colon introduction, content wholly quoted).",
            "Second pass (re-read from scratch): checked that Fu is speaker 1 in order of first reference ('China’s ambassador', p4) though named later, and that the ministry quote keeps its curly apostrophe; no change.",
        ],
    },
]


def document_text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").strip()


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
        size = len(text.encode("utf-8"))
        if not MIN_WORDS <= words <= MAX_WORDS:
            err(f"{words} words, not {MIN_WORDS}-{MAX_WORDS}")
        if not MIN_BYTES <= size <= MAX_BYTES:
            err(f"{size} bytes, not {MIN_BYTES}-{MAX_BYTES}")
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
            f"{size} bytes of UTF-8; file {d['file']}; an invented page opening, ending at a "
            "paragraph end.",
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
