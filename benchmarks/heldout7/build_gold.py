#!/usr/bin/env python3
"""Build (and check) gold.json for the seventh held-out set of reports, v01 … v16.

The reports in this folder were written for this set, blind (without reading the extractor,
its tests, its scripts or the other held-out sets): invented events, people, organisations
and words, in the styles of IPI event summaries (v01-v06, v15), UN meetings coverage
(v07-v11, v16), a Chatham House write-up (v12), an environment institute's news item (v13)
and a wire report (v14). Like ../../../shared/reports, v01-v14 are openings of pages cut at
a paragraph end near 2,000 bytes; v15 and v16 are whole short pages. The annotations follow
../../../shared/reports/README.md (speakers, quotes, scare quotes, role-only speakers; groups
and states left out, their quotes with speaker null). People who only moderated, chaired,
opened or closed with no content are not gold speakers; they are listed in a
"neutral: A; B" note (the last note), as in ../heldout3, so scripts/measure_heldout.py
neither rewards nor penalises them.

The script computes each quote's paragraph and checks, with heldout3's rules:
  * every quote occurs, in report order, directly between a matching pair of quotation
    marks (“…”, ‘…’, "…", '…') in one paragraph, or, when marked unclosed, from an opening
    mark to the end of its paragraph (a quotation continued in the next paragraph);
  * every quotation-marked span of the text is either annotated as a quote or listed in
    the document's not_quotes (titles, words a speaker did not use, document text, marks
    inside a quotation), and every paragraph with an unbalanced curly double quote holds
    an unclosed quote;
  * names, honorific + name, role_org strings, aliases and neutral names occur in the text;
    speaker indices, attributions, scare flags and paraphrase_counts are consistent;
  * each text is 1,600-2,100 bytes of UTF-8 (v15, v16: 3,000-4,500) and every document
    records its second pass.

Usage: python benchmarks/heldout7/build_gold.py          (writes gold.json beside it)
       python benchmarks/heldout7/build_gold.py --check  (fails if gold.json is stale)
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
WHOLE_PAGES = {"v15", "v16"}


def S(name, honorific, role_org, aliases=()):  # noqa: N802 - a short annotation helper
    return {"name": name, "honorific": honorific, "role_org": role_org, "aliases": list(aliases)}


def Q(text, speaker, attribution, scare=None, unclosed=False):  # noqa: N802
    return {"text": text, "speaker": speaker, "attribution": attribution, "scare": scare,
            "unclosed": unclosed}


DOCS = [
    {
        "id": "v01", "file": "v01.txt", "kind": "ipi",
        "speakers": [
            S("Sigrún Haldórsdóttir", None,
              "Director of the Nordic Centre for Negotiation Studies and the author of a new IPI report on ceasefire design",
              ["Haldórsdóttir", "Ms. Haldórsdóttir"]),
            S("Rafael Quintero Ibáñez", "Ambassador",
              "Permanent Representative of Paraguay to the UN", ["Ambassador Quintero"]),
        ],
        "quotes": [
            Q("Mediation Needs Patience, Not Press Releases", 0, "name"),
            Q("performative", 0, "name", scare=True),
            Q("We have confused visibility with progress,", 0, "pronoun"),
            Q("A ceasefire that is announced on television on Monday and violated by Wednesday does more damage than no announcement at all.", 0, "context"),
            Q("That is when the spoilers do their counting,", 0, "pronoun"),
            Q("sequencing", 1, "name", scare=True),
            Q("the myth of the perfect text.", 1, "name"),
            Q("Negotiators in my region have signed imperfect agreements and lived with them for thirty years,", 1, "name"),
            Q("Perfection is a luxury of people who are not being shot at.", 1, "context"),
            Q("the boring machinery", 1, "pronoun"),
        ],
        "not_quotes": ["Quiet Rooms: Ceasefire Design in Protracted Conflicts,"],
        "paraphrase_counts": [3, 3],
        "neutral": ["Teodora Vlašić-Ambe", "Adebayo Ferreira-Nwosu"],
        "notes": [
            "IPI-style policy forum and report launch: headline 'Surname: “…”', role and 'the author of …' in one apposition, an opener and a moderator with no content (p3), a two-part Spanish surname shortened to its first part ('Ambassador Quintero'), a quote split by a tag into two sentences (p2, p6: the second is context).",
            "Not quote: the report title (p3). “performative” (p1) and “sequencing” (p5) are one-word terms the text says they used: scare. “the boring machinery” (p7, three words) is a fragment, not scare; 'what he described as' makes it pronoun.",
            "Paraphrase sentences counted: Haldórsdóttir p1 ('told a … forum that peace talks had become “performative” and that mediators were under growing pressure …'), p4 s1 ('said the report drew on interviews with 64 negotiators …'), p4 s2 ('Most of them, she said, described …'); Quintero p5 ('agreed that “sequencing” mattered but warned against what he called “…”'), p7 s1 ('He added that mediators should spend less time drafting …'), p7 s2 ('In his experience, he said, agreements collapsed over logistics …'). Not counted: the headline (wholly quoted after 'Haldórsdóttir:'), p2 and p6 (quotations with tags), p4 s3 (quotation + tag), p3 (opening, moderating).",
        ],
        "second_pass": "Second pass (re-read from scratch against the annotation): role_org widened to the whole apposition ('Director of … and the author of a new IPI report on ceasefire design'), as the shared set does for a two-part apposition (r01), instead of splitting 'the author …' off as an alias; confirmed the headline quote is a rewording with no counterpart in the body (attributed by the surname before the colon) and that p4 s2 ('Most of them, she said, described …') reports her; no change to quotes or counts.",
    },
    {
        "id": "v02", "file": "v02.txt", "kind": "ipi",
        "speakers": [
            S("Chimwemwe Banda-Mkandawire", "H.E. Ms.", "Minister of Foreign Affairs of Malawi",
              ["Malawi’s Foreign Minister", "Minister Banda-Mkandawire", "the minister"]),
            S("Lars-Erik Vinterberg", None, "IPI President"),
        ],
        "quotes": [
            Q("a Fairer Deal", 0, "role"),
            Q("We are told that the money is there,", 0, "pronoun"),
            Q("But when we ask for it, we are given a loan, a form and a consultant.", 0, "context"),
            Q("a country that has never waited for permission to lead.", 1, "name"),
            Q("too often reserved for the powerful.", 1, "pronoun"),
            Q("Every kwacha we pay in interest is a kwacha we do not spend on a classroom.", 0, "context"),
            Q("pause clauses,", 0, "pronoun", scare=True),
            Q("to stop treating resilience as a luxury good.", 0, "pronoun"),
            Q("Perhaps a little,", 0, "pronoun"),
            Q("But the alternative is a default, and nobody has ever lowered their interest rates by defaulting.", 0, "context"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [5, 2],
        "neutral": ["Yusuf Karaoğlu-Reyes"],
        "notes": [
            "IPI Global Leaders Series keynote: the speaker first referred to by a headline descriptor ('Malawi’s Foreign Minister'), 'In her keynote address, H.E. Ms. …', 'Minister Banda-Mkandawire', 'the minister'; the IPI President welcomes her with content (a gold speaker, not neutral); a moderator with no content (p6). The series title has no quotation marks.",
            "Editor's sloppiness kept on purpose: p3 s2 uses straight double quotes in an otherwise curly text (\"too often reserved for the powerful.\"). “a Fairer Deal” (headline, three words) is not scare; “pause clauses,” (p5) is a two-word term she used: scare.",
            "Paraphrase sentences counted: Banda-Mkandawire — the headline ('… Calls for “a Fairer Deal” on Climate Finance'), p1 ('argued that the countries which had contributed least … were being asked to borrow the most …'), p4 s1 ('said floods in each of the past three years had displaced …'), p4 s2 ('Debt service, she said, now absorbed …'), p5 ('She proposed that climate-vulnerable countries be allowed to suspend debt repayments …, and urged creditors “…”'); Vinterberg — p3 s1 ('welcomed the minister, describing Malawi as “…”' — mixed), p3 s2 ('He said the series was meant to give ministers from smaller states a platform \"…\"'). Not counted: p2 (quotations), p4 s3 (bare quotation), p6 s1 (she was asked — the question is the moderator's, who is neutral), p6 s2–s3 (quotations).",
        ],
        "second_pass": "Second pass (re-read from scratch): checked that the straight-quoted span in p3 is found by the checker and annotated, that the headline descriptor makes the minister speaker 0, and that the moderator's question (p6) gives him no content; no change.",
    },
    {
        "id": "v03", "file": "v03.txt", "kind": "ipi",
        "speakers": [
            S("Hamid Al-Sayegh", None, "IPI Vice President"),
            S("Wei Jianguo", "Dr.", "a Non-resident Senior Fellow at IPI",
              ["The author of the report", "Dr. Wei"]),
            S("Maria Cristina dos Santos Lobo", "Ambassador",
              "the African Union’s Permanent Observer to the United Nations",
              ["Ambassador dos Santos Lobo"]),
            S("Ketut Arya Wibisana", None, "a researcher at the Centre for Strategic Dialogue",
              ["Mr. Wibisana"]),
        ],
        "quotes": [
            Q("the Phone Rings in Addis Ababa", 0, "context"),
            Q("When the Council is stuck, the phone rings in Addis Ababa and Jakarta,", 0, "pronoun"),
            Q("legitimacy in the neighbourhood but not always money in the bank.", 1, "name"),
            Q("Voluntary money is moody money,", 1, "pronoun"),
            Q("financing without ownership is just another kind of dependency.", 2, "name"),
            Q("often misunderstood as indifference.", 3, "name"),
            Q("It is not that we do not care,", 3, "name"),
            Q("It is that we prefer to care quietly, and quiet does not photograph well.", 3, "context"),
        ],
        "not_quotes": ["Neighbours First: Regional Responses to Deadlocked Crises."],
        "paraphrase_counts": [1, 2, 2, 1],
        "neutral": ["Elodie Marchetti-Kwarteng"],
        "notes": [
            "IPI-style report launch: a headline quote with no tag (a title-cased piece of the opener's p2 quotation: context), an opener with content (IPI Vice President, a gold speaker), 'The author of the report, Dr. Wei Jianguo' (a Chinese name, surname first: 'Dr. Wei'), a Portuguese particle name ('dos Santos Lobo'), a Balinese name ('Ketut Arya Wibisana', later 'Mr. Wibisana'), a moderator who only closes with thanks (neutral).",
            "Not quote: the report title (p1). 'speakers said' (p1) is the panel as a group: not counted.",
            "Paraphrase sentences counted: Al-Sayegh p2 s1 ('noted that the Security Council had adopted fewer resolutions …'); Wei p3 s1 ('said regional bodies had “…”' — 'regional bodies had' is outside the marks), p3 s2 ('argued that the UN should finance regional operations from assessed contributions …, which he said rose and fell …'); dos Santos Lobo p4 s1 ('welcomed the report’s recommendations but cautioned that “…”'), p4 s2 ('said AU member states had agreed in 2016 …'); Wibisana p5 ('said ASEAN’s principle of non-interference was “…”'). Not counted: p3 s3 and p6 (quotations with tags), p7 (moderation, thanks).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change. (Before the first build, a drafting slip that gave Wei 3 paraphrase sentences was corrected to 2: p3 s3 is quotation + tag.) Re-checked the headline quote: its words occur, lower-cased, in Al-Sayegh's p2 quotation, so speaker 0, attribution context.",
    },
    {
        "id": "v04", "file": "v04.txt", "kind": "ipi",
        "speakers": [
            S("Pieter-Jan van Aardenne", None,
              "Head of Analytics at the Geneva-based Sentinel Project for Conflict Data",
              ["Mr. van Aardenne", "Van Aardenne"]),
            S("Itziar Goikoetxea Urrutia", "Dr.",
              "Senior Adviser on the Prevention of Genocide at the UN",
              ["Goikoetxea", "Dr. Goikoetxea"]),
        ],
        "quotes": [
            Q("The prediction was not the problem,", 0, "pronoun"),
            Q("The problem was that nobody in a position to act read it.", 0, "context"),
            Q("Data,", 0, "pronoun"),
            Q("is not the same as warning. A warning is data that someone has decided to take seriously.", 0, "pronoun"),
            Q("automation comfort,", 0, "name", scare=True),
            Q("never been a technical problem.", 1, "name"),
            Q("a human being has to make the call.", 1, "pronoun"),
            Q("Software inherits the prejudices of the people who label the data. It just hides them better.", 1, "context"),
        ],
        "not_quotes": ["Predicting Atrocities: Promise and Peril of Machine Learning",
                       "regulation,"],
        "paraphrase_counts": [3, 3],
        "neutral": ["Julien Okafor-Bastide"],
        "notes": [
            "IPI-style policy forum: a group headline ('Panelists Tell IPI Forum', not counted), a Dutch particle name printed 'van Aardenne' and, at a sentence start, 'Van Aardenne', a Basque two-part surname shortened to its first part ('Goikoetxea', 'Dr. Goikoetxea'), a quotation split by 'he said' inside one sentence (p3: both parts pronoun), a moderator named only at the end (neutral).",
            "Not quotes: the forum title (p1) and “regulation,” (p7), a word neither panelist used. “automation comfort,” (p4) is a two-word term he used: scare. The question in p6 ('Asked whether …') has no asker and no quotation.",
            "Paraphrase sentences counted: van Aardenne p2 s1 ('said his team’s models had correctly anticipated four of the last five major outbreaks …'), p3 s1 ('cautioned that the models were only as good as the data …'), p4 ('also described what he called “automation comfort,” the temptation for officials to wait …' — the appositive gives content); Goikoetxea p5 s1 ('said early warning had “…”'), p5 s2 ('She pointed out that the killings in Rwanda … had been foreseen …'), p5 s3 ('said her office was piloting a tool … but she insisted that “…”'). Not counted: the headline and p1 ('speakers told …' — the panel as a group), p2 s2–s3 and p3 s2 (quotations), p6 s1 ('was blunt' — no content), p6 s2 (bare quotation), p7 (what they did not say; group).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked that p3's split quotation is one sentence (both parts pronoun) and that “regulation,” is a word nobody used (not a quote).",
    },
    {
        "id": "v05", "file": "v05.txt", "kind": "ipi",
        "speakers": [
            S("Oluwaseun Adékúnlé-Marsh", "Professor", "the University of Ibadan",
              ["Professor Adékúnlé-Marsh", "the author", "its author"]),
            S("Marit Sæther-Quaye", None, "IPI President"),
            S("Nilufar Rahmanova", "Dr.",
              "Chief of Policy and Best Practices in the UN Department of Peace Operations"),
        ],
        "quotes": [
            Q("the first serious attempt to explain why missions that everyone agrees should close somehow never do,", 1, "name"),
            Q("A mission does not end when the country is ready,", 0, "pronoun"),
            Q("It ends when a permanent member gets tired of paying for it.", 0, "context", unclosed=True),
            Q("That is not a criticism of anyone in this room. It is a description of the incentives we have built, and incentives, unlike intentions, are very reliable.", 0, "context"),
            Q("about eighty percent", 2, "name"),
            Q("The new problem is not missions that stay too long. It is missions that are shown the door.", 2, "context"),
            Q("Perhaps there is a second volume in that,", 0, "pronoun"),
        ],
        "not_quotes": ["Blue Helmets, Grey Zones: Why Peace Operations Outlive Their Mandates,"],
        "paraphrase_counts": [2, 1, 2],
        "neutral": ["Tomasz Zieliński-Obeng"],
        "notes": [
            "IPI-style book launch: the author named in p1 with 'Professor' and his university, 'the author' later (p2, p6; 'its author' in p5), the IPI President introducing him with content (a gold speaker), a quotation continued over a paragraph break (p3 has no closing mark: unclosed; p4 opens a new mark: context), a UN official 'speaking in her personal capacity', a moderator with no content (neutral).",
            "Not quote: the book title (p1). “about eighty percent” (p5, three words) is not scare.",
            "Paraphrase sentences counted: Adékúnlé-Marsh p3 s1 ('said his research into fourteen missions found that exit decisions were driven less by conditions on the ground …'), p6 s1 ('the author conceded that the manuscript had been finished before …'); Sæther-Quaye p2 ('said the book was “…,” and that it should be read in every capital …'); Rahmanova p5 s1 ('said she recognized “about eighty percent” of the book'), p5 s2 ('She disagreed with its author on one point: host governments, she said, were now more often …'). Not counted: p3 s2–s3, p4, p5 s3 and p6 s2 (quotations, with or without tags), p1 (the launch), p7 (moderation).",
        ],
        "second_pass": "Second pass (re-read from scratch): added the alias 'its author' (p5); checked the unclosed p3 quotation and its continuation in p4; no change to quotes or counts.",
    },
    {
        "id": "v06", "file": "v06.txt", "kind": "ipi",
        "speakers": [
            S("Sione Tupou Havili", "H.E. Mr.",
              "Permanent Representative of Tonga to the United Nations", ["Ambassador Havili"]),
            S("Kim Soo-yeon", None,
              "Deputy Director-General for Multilateral Affairs at the Korean Ministry of Foreign Affairs",
              ["Ms. Kim"]),
            S("Litiana Waqanivalu", "Dr.",
              "a marine scientist at the University of the South Pacific"),
        ],
        "quotes": [
            Q("The Ocean Is Our Border and Our Bridge", 0, "context"),
            Q("We are called small island states,", 0, "pronoun"),
            Q("We prefer to call ourselves large ocean states. The ocean is our border and our bridge.", 0, "context"),
            Q("settled for a generation.", 0, "name"),
            Q("demand-driven", 1, "name", scare=True),
            Q("the Pacific does not need another great-power competition dressed up as a partnership.", 1, "name"),
            Q("Our fishermen do not read our reports,", 2, "pronoun"),
            Q("They read the water, and the water is telling them to move.", 2, "context"),
            Q("too slow, too small and too complicated", None, "none"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 2, 1],
        "neutral": ["Agathe Mbeki-Laurent"],
        "notes": [
            "IPI-style high-level dialogue: a headline quote with no tag (the keynote speaker's words, title-cased: context), 'Opening remarks were given by' and a one-line close by the same person with no content (neutral), 'In his keynote address, H.E. Mr. …' then 'Ambassador Havili', a Korean name with the surname first ('Kim Soo-yeon', 'Ms. Kim'), a Fijian speaker, a group quote ('Participants from regional civil society organizations', p6: speaker null).",
            "“demand-driven” (p4) is a one-word term she used: scare.",
            "Paraphrase sentences counted: Havili p2 s1 ('reminded the audience that Pacific island states were responsible for ocean areas larger than most continents'), p3 s1 ('said illegal fishing cost the region … and that sea-level rise threatened to redraw maritime boundaries “…”'), p3 s2 ('He called on the General Assembly to affirm that baselines …'); Kim p4 s1 ('said her government had financed coastal radar stations …'), p4 s2 ('stressed that such support had to be “…” and warned that “…”' — mixed); Waqanivalu p5 s1 ('said reef surveys had recorded bleaching …'). Not counted: p2 s2–s4 and p5 s2–s3 (quotations), p6 (a group), p1 and p7 (opening, closing).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked that the opener, who also closes (p7, 'Ms. Mbeki-Laurent'), has no content anywhere (neutral).",
    },
    {
        "id": "v07", "file": "v07.txt", "kind": "un-press",
        "speakers": [
            S("Élise Nakamura-Duval", None, "Special Envoy of the Secretary-General for Bakhara",
              ["Special Envoy", "the Secretary-General’s top mediator", "The Special Envoy"]),
            S("Kwabena Asante-Lindqvist", None,
              "Director of Operations at the Office for the Coordination of Humanitarian Affairs (OCHA)"),
            S(None, None, "The representative of the United Kingdom",
              ["Council President for the month"]),
            S(None, None, "the representative of Mozambique"),
        ],
        "quotes": [
            Q("We Cannot Mediate Our Way Out of a Famine", 0, "role"),
            Q("We cannot mediate our way out of a famine,", 0, "name"),
            Q("Every week without a truce is a week in which the next round of talks becomes harder, because there are fewer people left to negotiate for.", 0, "context", unclosed=True),
            Q("I am therefore asking this Council, once again, to speak with one voice.", 0, "context"),
            Q("catastrophic", 1, "pronoun", scare=True),
            Q("no one should die of in this century", 1, "pronoun"),
            Q("African-led and Bakharan-owned", 3, "role"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [4, 2, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style Security Council briefing: header lines kept as p0, a headline quote in single curly marks attributed by title ('Special Envoy Warns'), a group subheadline (p2, not counted), a role-only lead ('the Secretary-General’s top mediator'), the name only after the first quotation, a quotation continued over a paragraph break (p4 unclosed, p5 context), double spaces after full stops, commas and full stops outside the closing marks (p7, p9), 'Speaking on behalf of the A3+', two delegates known only by role.",
            "“catastrophic” (p7) is a one-word term he used: scare. “African-led and Bakharan-owned” (p9) is a fragment: not scare.",
            "Paraphrase sentences counted: Nakamura-Duval — the headline ('…, Special Envoy Warns Security Council, Urging Members to Back Truce …'), p3 ('… told the Security Council today that diplomacy alone could not keep pace …'), p6 s1 ('said both parties had agreed in principle to a 30-day humanitarian pause …'), p6 s2 ('She proposed that a small civilian observer team … be deployed'); Asante-Lindqvist p7 s1 ('said 14 aid trucks had been looted …'), p7 s2 ('Conditions … were “catastrophic”, he said, and children were dying of causes that “…”'); United Kingdom p8 ('said her delegation would circulate a draft resolution …'); Mozambique p9 ('said any monitoring mechanism must be “…”'). Not counted: p4 s1 ('“…,” said …, briefing by videoconference' — the participle gives no content), p4 s2, p5 (quotations), p2 (group).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked that the first p4 quotation is tagged by name after the mark and that the p4 sentence after the tag is context, continued unclosed to p5.",
    },
    {
        "id": "v08", "file": "v08.txt", "kind": "un-press",
        "speakers": [
            S("Aurelio Santángel Mbeki", None, "President of the seventy-ninth session",
              ["the President of the General Assembly"]),
            S("Tomás Arriaga-Holm", None, "Secretary-General", ["the Secretary-General"]),
            S("Farida Nazarbekova", None,
              "The Under-Secretary-General for Economic and Social Affairs",
              ["The Under-Secretary-General"]),
            S(None, None, "the representative of Guyana"),
            S(None, None, "The representative of the European Union"),
        ],
        "quotes": [
            Q("This is not an accident of history,", 0, "name"),
            Q("It is the result of laws that we wrote and that we can rewrite.", 0, "context"),
            Q("Rural women do not need our sympathy,", 1, "role"),
            Q("They need title deeds, bank accounts and a seat at the table where budgets are decided.", 1, "context"),
            Q("disaggregated by sex, age and location, not guessed at", 2, "pronoun"),
            Q("tired of pilot projects", 3, "role"),
        ],
        "not_quotes": ["Rural Women in a Changing Climate"],
        "paraphrase_counts": [1, 1, 1, 1, 1],
        "neutral": ["Ingrid Østergaard-Lamy"],
        "notes": [
            "press.un.org-style General Assembly commemorative meeting: three header lines (p0), a group headline ('as Speakers Stress …', not counted), the President of the General Assembly referred to by title before his name, the Secretary-General's message delivered by his Chef de Cabinet (she only delivers it: neutral; the quotes are the Secretary-General's, attributed by title), 'The Under-Secretary-General' as role-first introduction and later reference, 'Speaking on behalf of the Group of 77 and China', two delegates known only by role.",
            "Not quote: the report title (p5). The Chef de Cabinet, Ingrid Østergaard-Lamy, is named inside the Secretary-General's sentence (p4 s1) but says nothing of her own.",
            "Paraphrase sentences counted: Santángel Mbeki p2 ('Women produce more than half of the world’s food …, the President of the General Assembly said today'); Arriaga-Holm p4 s1 ('In a message delivered by …, Secretary-General Tomás Arriaga-Holm said that closing the gender gap …'); Nazarbekova p5 s2 ('The Under-Secretary-General said that figure had barely moved in a decade, and she urged Governments to collect data “…”'); Guyana p6 ('said developing countries were “tired of pilot projects” and called for long-term financing …'); European Union p7 ('said the bloc had committed €2 billion …'). Not counted: p5 s1 ('presented the report …, which found that …' — the finding is the report's, and 'presented' is not a reporting verb; borderline), p3 and p4 s2–s3 (quotations), p1 (group).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; kept p5 s1 ('presented the report …, which found …') uncounted as borderline, and the Chef de Cabinet neutral (she only delivers the message).",
    },
    {
        "id": "v09", "file": "v09.txt", "kind": "un-press",
        "speakers": [
            S("Amara Kourouma-Fitzgerald", None, "Deputy Secretary-General",
              ["the Deputy Secretary-General", "The Deputy Secretary-General"]),
            S("NGUYỄN THỊ LAN ANH", None, "Resident Coordinator in Mongolia", ["Ms. Nguyễn"]),
            S(None, None, "the representative of Senegal"),
            S(None, None, "The representative of Japan"),
            S(None, None, "the United States delegate"),
        ],
        "quotes": [
            Q("Cannot Coordinate With Empty Pockets", 0, "role"),
            Q("Resident coordinators cannot coordinate with empty pockets,", 0, "pronoun"),
            Q("Earmarking is not a crime,", 0, "pronoun"),
            Q("but it is a habit, and habits can be changed.", 0, "pronoun"),
            Q("We spend less time reporting to headquarters and more time with ministries,", 1, "name"),
            Q("more money reaching the field, not more meetings about the field", 2, "role"),
            Q("back-office", 4, "role", scare=True),
        ],
        "not_quotes": [],
        "paraphrase_counts": [4, 1, 1, 1, 1],
        "neutral": ["Bartholomew Achterberg-Mensah", "Henrike Solvang-Adeyemi"],
        "notes": [
            "press.un.org-style ECOSOC meeting: header lines (p0), a headline quote in single curly marks attributed by title ('Deputy Secretary-General Tells …'), the lead by title only, the Council President with a country in parentheses who only opens (neutral), a moderator with no content (neutral), a Vietnamese name in capitals with the family name first ('NGUYỄN THỊ LAN ANH', later 'Ms. Nguyễn'), 'Speaking on behalf of the Group of African States', one sentence reporting two delegations (p8).",
            "“back-office” (p8) is a one-word term the United States delegate used: scare.",
            "Paraphrase sentences counted: Kourouma-Fitzgerald — the headline ('… Deputy Secretary-General Tells …, Calling for Predictable Funding'), p2 ('The United Nations development system has delivered on most of the reforms …, the Deputy Secretary-General told …'), p4 s1 ('said that resident coordinators in 130 countries now led joint work plans, yet …'), p5 s1 ('went on to say that voluntary contributions earmarked for single projects had risen …'); Nguyễn p6 s1 ('described how a single pooled fund had replaced eleven separate project budgets …'); Senegal p7 ('said that reform must translate into “…”'); Japan and the United States p8 (one sentence, counted for each: 'said his country was reviewing its funding compact, while the United States delegate expressed concern over the cost of the “back-office” reforms'). Not counted: p4 s2, p5 s2, p6 s2 (quotations with tags), p3 (opening).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked that the Council President only opens (p3) and the moderator only moderates (p6).",
    },
    {
        "id": "v10", "file": "v10.txt", "kind": "un-press",
        "speakers": [
            S("Mwajuma Otieno-Sandberg", None, "Special Rapporteur",
              ["the Special Rapporteur on the right to adequate housing", "Ms. Otieno-Sandberg",
               "the Rapporteur", "the Special Rapporteur"]),
            S(None, None, "the representative of Valdoria"),
        ],
        "quotes": [
            Q("a predictable ritual", 0, "role"),
            Q("A city that clears its poor to impress its visitors has told the world exactly who it is,", 0, "pronoun"),
            Q("based on unverified allegations by a handful of activists", 1, "role"),
            Q("a timely reminder", None, "none"),
            Q("with full freedom of movement, and not only on the guided tour", 0, "role"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [5, 2],
        "neutral": [],
        "notes": [
            "Human Rights Council (Geneva) press-release style: an interactive dialogue with a Special Rapporteur, introduced by title in the lead and named in p2 ('Special Rapporteur Mwajuma Otieno-Sandberg'); a concerned country's delegate known only by role; delegations that speak as states or groups (the European Union, Pakistan for the OIC, Brazil, p5): not speakers; the European Union's quote has speaker null. 'the Rapporteur’s chapter' (p4) is a reference to her inside Valdoria's statement.",
            "Paraphrase sentences counted: Otieno-Sandberg p1 ('… held an interactive dialogue with the Special Rapporteur …, who said that the eviction of informal settlements … had become “…”'), p2 s1 ('said she had documented 37 cases since 2019 …'), p3 s1 ('said that compensation … rarely reflected the value of homes …'), p3 s2 ('She urged host Governments and sporting federations to make human rights due diligence a condition …'), p6 ('said she would welcome an invitation to visit Puerto Celeste “…”'); Valdoria p4 s1 ('said that the Rapporteur’s chapter on the Puerto Celeste games was “…”'), p4 s2 ('All families relocated …, he said, had been offered new apartments …'). Not counted: the headline ('Human Rights Council Hears That Forced Evictions Are Rising …' — no speaker is named or described in it; borderline), p2 s2 (quotation + tag), p5 (states and a group).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; role_org is the title printed with her name ('Special Rapporteur', p2), following the shared set's practice (r07, r13) of taking it from the naming appearance; the fuller role-only lead is an alias.",
    },
    {
        "id": "v11", "file": "v11.txt", "kind": "un-press",
        "speakers": [
            S("Jean-Marc Okello-Dufresne", None, "Under-Secretary-General for Peace Operations",
              ["the Under-Secretary-General"]),
            S("TOMÁS HERRERA-VILLALOBOS", None, "Panama"),
            S("LIU XIAOMEI", None, "China", ["Ms. Liu"]),
            S(None, None, "The representative of the Russian Federation"),
            S(None, None, "The speaker for the United Kingdom"),
            S(None, None, "the representative of the Selvaria Valley"),
        ],
        "quotes": [
            Q("Peacekeepers can buy time,", 0, "role"),
            Q("They cannot buy peace.", 0, "context"),
            Q("a bridge, not a destination", 1, "name"),
            Q("adding tasks to a mission while subtracting its resources", 2, "name"),
            Q("dictated by budget offices, not by the situation on the ground", 3, "role"),
            Q("walking away now would waste that investment", 4, "role"),
            Q("until the last blue helmet has gone home", 5, "role"),
        ],
        "not_quotes": ["in close consultation with the host Government"],
        "paraphrase_counts": [1, 1, 2, 1, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style adoption with explanations of vote: a group subheadline (p1, not counted), resolution wording in quotation marks (p2: document text, not a quote), a briefer introduced after 'heard from' and quoted by title ('the Under-Secretary-General said'), delegates in capitals with the country in parentheses (role_org is the country), a Chinese name with the family name first ('LIU XIAOMEI', 'Ms. Liu'), four delegates known only by role ('The speaker for the United Kingdom'), full stops outside the closing marks.",
            "Paraphrase sentences counted: Okello-Dufresne p3 s1 ('heard from …, who said the Mission had helped to hold the line …'); Herrera-Villalobos p4 ('said the six-month renewal gave the parties time … and was “…”'); Liu p5 s1 ('said the resolution did not reflect the views of the host country and that the Council should stop “…”'), p5 s2 ('Ms. Liu said her delegation had proposed amendments …'); Russian Federation p6 ('said the drawdown timetable was premature and had been “…”'); United Kingdom p7 ('said that the Mission’s patrols had reduced violence … and that “…”'); Selvaria Valley p8 ('said his Government would cooperate with the Mission “…”'). Not counted: p3 s2–s3 (quotations), p0–p2 (the Council's action and a group).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked that the resolution wording in p2 is document text (not_quotes).",
    },
    {
        "id": "v12", "file": "v12.txt", "kind": "other",
        "speakers": [
            S("Benedikt Sørensen-Ruiz", None,
              "a senior adviser in the European Commission’s directorate-general for trade",
              ["Sørensen-Ruiz"]),
            S("Adaeze Nwachukwu-Hartmann", "Professor", "the University of Lagos"),
            S(None, None, "a representative of a German battery manufacturer"),
            S("Rodrigo Aguirre de la Vega", None, "a former Chilean deputy minister of mining"),
        ],
        "quotes": [
            Q("We are not trying to replace one dependence with another,", 0, "pronoun"),
            Q("We are trying to have more than one phone number to call.", 0, "context"),
            Q("the old bargain: you dig, we refine", 1, "name"),
            Q("local value addition", 0, "name"),
            Q("for at least the next five years", 2, "role"),
            Q("Nobody in Antofagasta lies awake worrying about European strategic autonomy,", 3, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [2, 2, 1, 2],
        "neutral": ["Harriet Okwuosa-Pryce"],
        "notes": [
            "Chatham House-style event write-up: British spelling, single curly quotation marks with full stops outside the closing mark, 'Dr' without a stop for the chair (neutral: 'It was chaired by'), a standfirst about the roundtable as a whole (p1, a group: not counted), 'Not everyone was convinced.' (narrator), a particle name ('Aguirre de la Vega'), and a participant from the floor known only by role ('a representative of a German battery manufacturer'): a person with content, so a role-only gold speaker under the shared README's rules.",
            "‘local value addition’ (p5, three words) is a fragment, not scare.",
            "Paraphrase sentences counted: Sørensen-Ruiz p3 s1 ('said the EU had signed eleven strategic partnerships … and would sign more'), p5 ('accepted that ‘…’ had been slow to materialise but said the Commission was now co-financing two refineries …'); Nwachukwu-Hartmann p4 s2 ('argued that the partnerships repeated ‘…’' — 'the partnerships repeated' is outside the marks), p4 s3 ('African governments, she said, were right to insist …'); the battery-maker representative p6 ('said that his company could not wait for new refineries and would keep buying … ‘…’'); Aguirre de la Vega p7 s1 ('said the debate in Europe ignored what producers actually wanted'), p7 s3 ('Producer countries, in his view, wanted long-term contracts …' — 'in his view' as the tag; borderline, counted). Not counted: p3 s2–s3 and p7 s2 (quotations with tags), p4 s1 (narrator), p2 (chairing).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked that the participant from the floor has content (a role-only gold speaker, not neutral) and that the chair has none.",
    },
    {
        "id": "v13", "file": "v13.txt", "kind": "other",
        "speakers": [
            S("Wanjiku Odhiambo-Lindahl", None, "the institute’s Africa water programme",
              ["Odhiambo-Lindahl"]),
            S("Rashid Al-Hamdani", "Dr.", "the Arab Water Council", ["Dr. Al-Hamdani"]),
            S("Marisol Quispe Huamán", None,
              "a farmer and president of a Peruvian irrigation cooperative", ["Quispe Huamán"]),
            S("Jonas Ekberg", None, "a senior officer at the Swedish development agency",
              ["Ekberg"]),
        ],
        "quotes": [
            Q("Every drought is announced months in advance by the rain gauges. What is never announced in advance is the money. We keep paying for emergencies we could have prevented for a fraction of the cost,", 0, "name"),
            Q("beginning to understand", 3, "name"),
            Q("We are very good at being careful. We are not yet good at being early,", 3, "pronoun"),
            Q("Let us apply in Quechua.", 2, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [0, 2, 1, 1],
        "neutral": ["Pernilla Stjärnholm"],
        "notes": [
            "Environment-institute news item with single newlines and no title line (one paragraph: every quote is in paragraph 0; 'line N' below is 0-based): a group lead ('Speakers … agreed that', not counted), a quotation before its speaker is introduced ('“…,” says Wanjiku Odhiambo-Lindahl.', present tense), her role only in the panel line ('who leads the institute’s Africa water programme'), a Peruvian two-part surname ('Quispe Huamán'), a colon-introduced answer (line 5), a director who only closes (neutral). The Kenyan Ministry of Water is only thanked.",
            "“beginning to understand” (line 4, three words) is not scare.",
            "Paraphrase sentences counted: Al-Hamdani line 3 s1 ('said anticipatory finance … had cut livestock losses by a third …'), line 3 s2 ('He cautioned, however, that such schemes depended on weather stations …'); Ekberg line 4 s1 ('said donors were “…” that a dollar spent before a drought saved several afterwards, but admitted that …'); Quispe Huamán line 5 s2 ('Her cooperative, she said, had waited fourteen months …'). Not counted: Odhiambo-Lindahl line 1 (quotation + tag) and line 2 (the panel line); line 4 s2 (quotation + tag); line 5 s1 ('spoke through an interpreter'), line 5 s3 ('she answered: “…”' — wholly quoted after the tag); line 0 (group).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked that Odhiambo-Lindahl has a quotation but no paraphrase sentence (count 0) and that Ekberg's line 4 s1 is one counted sentence.",
    },
    {
        "id": "v14", "file": "v14.txt", "kind": "other",
        "speakers": [
            S("Rosalind Achebe-Marlowe", None, "The United Nations humanitarian chief",
              ["U.N. aid chief", "Achebe-Marlowe"]),
            S(None, None, "A UNICEF spokesperson in Geneva", ["the spokesperson"]),
            S("Grigory Zemtsov-Lankin", None, "Russia's U.N. Ambassador", ["Zemtsov-Lankin"]),
            S("Caroline Whitcombe-Abara", None, "Deputy U.S. Ambassador"),
        ],
        "quotes": [
            Q("collapsing in slow motion", 0, "role"),
            Q("collapsing in slow motion", 0, "role"),
            Q("We have had ninety days of relative calm and we have not used them,", 0, "name"),
            Q("The parties have used them to rearm.", 0, "context"),
            Q("Many of them have now been displaced three times in a year,", 1, "role"),
            Q("undermined from the start", 2, "name"),
            Q("Those who now shed tears over the ceasefire are the same ones who filled the warehouses,", 2, "name"),
            Q("seen no evidence", 3, "name"),
            Q("terrorist provocations", None, "none", scare=True),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 1, 1, 1],
        "neutral": [],
        "notes": [
            "Reuters-style wire report with single newlines (one paragraph; 'line N' is 0-based), straight double quotes, a straight single-quoted headline fragment and straight apostrophes ('Russia's'): the speaker is 'U.N. aid chief' in the headline, 'The United Nations humanitarian chief' in the lead and named only in line 2, after her quotation, with no role (role_org is taken from the lead); 'told the 15-member Security Council', 'told the council'; a spokesperson known only by role; a government's statement ('said in a statement', line 8: speaker null); 'Diplomats said' (line 9: a group, no quote); a credit line with the reporter's and editor's names (not speakers).",
            "The headline and lead fragment “collapsing in slow motion” occurs twice and is recorded twice (three words, not scare). “terrorist provocations” is a two-word term the government used: scare, speaker null.",
            "Paraphrase sentences counted: Achebe-Marlowe — the headline ('U.N. aid chief says Sarnia truce is '…'' — 'Sarnia truce is' is outside the marks), line 1 ('warned on Tuesday that a three-month-old truce in Sarnia was \"…\" as shelling resumed …'), line 3 ('said more than 40,000 people had fled Velgrad … and that two health workers had been killed …'); the spokesperson line 4 s1 ('said children made up nearly half of the newly displaced'); Zemtsov-Lankin line 5 ('rejected calls for a Council statement, saying the truce had been \"…\" by foreign weapons deliveries …'); Whitcombe-Abara line 7 ('said Washington had \"seen no evidence\" to support the Russian claim and accused Moscow of shielding …'). Not counted: lines 2, 4 s2 and 6 (quotations with tags), line 8 (the government: a state), line 9 (diplomats: a group), line 10 (credits).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked that the lone apostrophe in line 5 ('Russia's') is not read as a quotation mark and that the credit line names no speaker.",
    },
    {
        "id": "v15", "file": "v15.txt", "kind": "ipi",
        "speakers": [
            S("Lars-Erik Vinterberg", None, "IPI President"),
            S("Valentina Ocampo Restrepo", "H.E. Ms.",
              "Deputy Permanent Representative of Colombia to the UN", ["Ms. Ocampo Restrepo"]),
            S("Amani Juma Mwakasege", None,
              "co-founder of the Youth Mediators Collective in Dodoma", ["Mr. Mwakasege"]),
            S("Soraya Benali-Whitfield", "Dr.", "Senior Adviser at the UN Peacebuilding Support Office",
              ["Dr. Benali-Whitfield", "The third panelist"]),
        ],
        "quotes": [
            Q("We Are Not the Future, We Are the Present", 2, "context"),
            Q("many of the people in this room were still at school, and some of them were already negotiating ceasefires in their villages.", 0, "pronoun"),
            Q("They organized in the universities, on the radio, in the parishes,", 1, "pronoun"),
            Q("By the time the negotiators arrived, the young people had already written half of the chapter on reconciliation.", 1, "context"),
            Q("We are not the future, we are the present,", 2, "pronoun"),
            Q("Donors love to invite us to panels. They are less keen to invite us to budgets.", 2, "context"),
            Q("as partners rather than as a problem,", 3, "name"),
            Q("We cannot ask governments to do what we do not do in our own house.", 3, "context"),
            Q("tokenism with a hashtag,", 3, "pronoun"),
            Q("bury us under a bigger agenda,", 2, "name"),
            Q("We keep saying ‘the future,’", 1, "pronoun"),
            Q("I would be happy if, for the next ten years, we said ‘the present.’", 1, "context"),
        ],
        "not_quotes": ["the future,", "the present."],
        "paraphrase_counts": [1, 3, 2, 4],
        "neutral": ["Ingrid Mæland-Oyelaran"],
        "notes": [
            "A whole IPI-style event page (about 3.3 kB, nothing dropped): a headline quote with no tag (Mwakasege's p5 words, title-cased: context), an opener with content (the IPI President, a gold speaker), 'In her keynote address, H.E. Ms. …', a Colombian two-part surname ('Ms. Ocampo Restrepo'), 'The third panelist, Dr. …', a sentence reporting two people (p8), quotation marks inside a quotation (p9: ‘the future,’ and ‘the present.’ are not quotes of their own), and a speaker list with roles and a 'Moderator:' block at the end (p11–p16), where the names are repeated but nobody speaks.",
            "The participant from the floor (p8) only asks a question, which is paraphrased: not a speaker. 'the panelists disagreed' (p8 s1) is the panel as a group. “tokenism with a hashtag,” (p7, three words) is not scare.",
            "Paraphrase sentences counted: Vinterberg p2 s2 ('He recalled that when the resolution was adopted, “…”' — 'when the resolution was adopted' is outside the marks; borderline, counted); Ocampo Restrepo p3 s1 ('said that the 2016 peace agreement in her country had been shaped by young people …'), p4 s1 ('argued that the agenda’s biggest weakness was money'), p4 s2 ('Less than one percent of peacebuilding funding, she said, reached organizations led by people under thirty …'); Mwakasege p5 s4 ('described how his network had mediated more than two hundred land disputes …'), p8 s2 ('warned that a merger would “…”'); Benali-Whitfield p6 s1 ('said the UN had learned to talk about youth “…” but that its own hiring did not yet reflect this'), p6 s2 ('Fewer than four percent of staff …, she said, were under thirty-two'), p7 ('cautioned against what she called “…,” where a single young speaker is invited …'), p8 s2 (the same sentence: 'while Dr. Benali-Whitfield said the two communities already shared most of their methods …'). Not counted: p2 s1 ('opened the forum'), p5 s1 ('…, agreed.' — no content of its own; borderline), p9 s1 ('returned to the title of the event' — topic only), all quotation + tag sentences, p10–p16 (moderation and the list).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked that the inner marks in p9 are listed in not_quotes and that the names in the closing speaker list (p12–p16) carry no content.",
    },
    {
        "id": "v16", "file": "v16.txt", "kind": "un-press",
        "speakers": [
            S("Ilse Brandstätter-Nkemelu", None, "Director of the Mine Action Service",
              ["Mine Action Chief", "the head of the United Nations Mine Action Service",
               "The Director", "the Director of the Mine Action Service"]),
            S("Moussa Ag Intallah", None,
              "a deminer and team leader with a national clearance organization in the Sahel",
              ["Mr. Ag Intallah"]),
            S("Kaveh Farahmand-Olsen", "Dr.",
              "the Geneva International Centre for Humanitarian Demining", ["The third briefer"]),
            S(None, None, "the representative of Norway"),
            S(None, None, "the representative of Jordan"),
            S(None, None, "The representative of the Russian Federation"),
            S(None, None, "The representative of the United States"),
        ],
        "quotes": [
            Q("A ceasefire ends the shooting.  It does not end the dying,", 0, "name"),
            Q("We are being asked to do more with less, on ground that is more dangerous than ever,", 0, "pronoun"),
            Q("We are not soldiers and we are not counted in any casualty figures,", 1, "pronoun"),
            Q("When a deminer dies, the news calls it an accident.", 1, "context"),
            Q("not a substitute for people walking the ground, but it tells them where to walk first", 2, "pronoun"),
            Q("as a technical annex nobody reads", 3, "role"),
            Q("politicized accusations", 5, "role", scare=True),
            Q("mine-free", None, "none", scare=True),
            Q("If it is not in the mandate, it is not in the budget,", 0, "pronoun"),
            Q("And if it is not in the budget, it does not happen.", 0, "context"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [6, 2, 2, 1, 1, 1, 1],
        "neutral": ["Sebastián Larraín Echeverría"],
        "notes": [
            "A whole press.un.org-style Security Council page (about 3.4 kB) with single newlines only (one paragraph; 'line N' is 0-based): header lines, a headline attributing by a descriptor ('Mine Action Chief Tells Security Council'), a group subheadline (line 4), a role-only lead, double spaces after full stops (one inside a quotation, line 6), a Tuareg name with the particle 'Ag' ('Mr. Ag Intallah'), 'The third briefer, Dr. …', 'speaking on behalf of the Nordic countries', 'Speaking on behalf of the Group of Arab States', 'Several speakers' (line 15: a group whose quote has speaker null), 'Responding to comments, the Director …', and the Council President, who only closes (neutral).",
            "Scare: “politicized accusations” (line 13) and “mine-free” (line 15, the group's term).",
            "Paraphrase sentences counted: Brandstätter-Nkemelu — the headline (line 3), line 5 ('Unexploded ordnance … will go on killing …, the head of the United Nations Mine Action Service told the Security Council today, calling on Member States …'), line 6 s3 ('In 2025 alone, she reported, more than 5,800 people were killed or injured …'), line 7 s1 ('The Director said contamination now affected farmland …'), line 7 s2 ('Clearance budgets, she added, had fallen by nearly a fifth …'), line 16 s1 ('said she agreed with the Nordic countries on mandates' — an appraisal; borderline, counted); Ag Intallah line 8 s1 ('described losing two colleagues to an improvised device in March'), line 9 ('urged the Council to recognize deminers as humanitarian personnel …'); Farahmand-Olsen line 10 s1 ('said new drone-based survey methods could cut the time …'), line 10 s2 ('Technology, he said, was “…”' — 'Technology … was' is outside the marks; borderline, counted); Norway line 11; Jordan line 12; Russian Federation line 13 (one sentence with two 'that' clauses); United States line 14 ('announced an additional $25 million … and said her delegation would also fund …'). Not counted: line 6 s1–s2 ('“…,” said …, briefing the Council …' — the participle gives no content), line 7 s3, line 8 s2–s3 and line 16 s2–s3 (quotations), lines 4 and 15 (groups), line 17 (closing).",
        ],
        "second_pass": "Second pass (re-read from scratch): no change; re-checked the 18 lines against the line numbers in the counted-sentence note and that the double space inside the line 6 quotation is kept.",
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
        size = len(text.encode("utf-8"))
        lo, hi = (3000, 4500) if did in WHOLE_PAGES else (1600, 2100)
        if not lo <= size <= hi:
            err(f"{size} bytes, not {lo}-{hi}")
        if not d["second_pass"] or d["second_pass"] == "TODO":
            err("no second-pass note")
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
            f"{size} bytes; file {d['file']}.",
            *d["notes"],
            d["second_pass"],
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
