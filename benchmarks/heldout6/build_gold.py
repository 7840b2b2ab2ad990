#!/usr/bin/env python3
"""Build (and check) gold.json for the sixth held-out set of reports, w01 … w16.

The reports in this folder were written for this set, blind (without reading the
extractor's code, tests or the other held-out sets' READMEs): invented events, people and
words, in the styles of the shared development set (../../../shared/reports/): IPI event
summaries, press.un.org meetings coverage and a noon briefing, Chatham House / SAIS / SEI
style write-ups and a wire report. w01-w12 are page openings of 1,600-2,100 bytes cut at a
paragraph end (as the shared set's 2000-byte excerpts); w13-w16 are whole short reports of
3-4 kB (Markdown, HTML, a briefing, single newlines). The annotations follow
../../../shared/reports/README.md (speakers, quotes, scare quotes, role-only speakers;
groups, states and anonymous audience members left out). People who only moderated,
chaired, opened or closed with no content are not gold speakers; they are listed in a
"neutral: A; B" note (scripts/measure_heldout.py neither rewards nor penalises them).

The script computes each quote's paragraph and checks, with its own rules:
  * every quote occurs, in report order, directly between a matching pair of quotation
    marks (“…”, ‘…’, "…", '…') in one paragraph, or, when marked unclosed, from an opening
    mark to the end of its paragraph (a quotation continued in the next paragraph);
  * every quotation-marked span of the text is either annotated as a quote or listed in
    the document's not_quotes (titles, quotation marks inside quotations, slogans,
    editorial scare quotes attributed to no one), and every paragraph with an unbalanced
    curly double quote holds an unclosed quote;
  * names, honorific + name, role_org strings, aliases and neutral names occur in the text;
    speaker indices, attributions, scare flags and paraphrase_counts are consistent;
  * file sizes: w01-w12 1,600-2,100 bytes, w13-w16 3,000-4,200 bytes.

Usage: python benchmarks/heldout6/build_gold.py          (writes gold.json beside it)
       python benchmarks/heldout6/build_gold.py --check  (fails if gold.json is stale)
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
        "id": "w01", "file": "w01.txt", "kind": "ipi",
        "speakers": [
            S("Hone Ngata", None, "Assistant Secretary-General for Programme Planning, Finance and Budget",
              ["Ngata", "Mr. Ngata", "The Assistant Secretary-General"]),
            S("Tevita Fifita", "Ambassador", "Tonga", ["Ambassador Fifita"]),
        ],
        "quotes": [
            Q("Peace Operations Cannot Outrun Their Budgets", 0, "name"),
            Q("Every mandate the Council adopts is a promise, and every promise has a price tag,", 0, "name"),
            Q("For a decade we have been keeping the promises on credit.", 0, "context"),
            Q("quietly reconsider", 0, "pronoun", scare=True),
            Q("cash-flow triage", 0, "role", scare=True),
            Q("We are managing peace by spreadsheet,", 0, "pronoun"),
            Q("and the spreadsheet always wins.", 0, "pronoun"),
            Q("A country like mine cannot carry a nine-month gap,", 1, "pronoun"),
            Q("We are not a bank.", 1, "context"),
        ],
        "not_quotes": ["Financing Peace Operations in Lean Years",
                       "Paying for Peace: Options for Predictable Financing,"],
        "paraphrase_counts": [3, 2],
        "neutral": ["Sigrún Halldórsdóttir", "Aurélie Kouassi-Brandt"],
        "notes": [
            "IPI-style forum summary cut at a paragraph end: headline quote under a surname ('Ngata: “…”'), an opener and a moderator with no content (neutral), a keynote speaker introduced role-after-name and later 'The Assistant Secretary-General', a split quote (p4), double spaces kept in p4.",
            "Not quotes: the forum title (p1) and the paper title (p5). Marguerite O’Donnell-Saar and Rashid al-Mansouri are only listed as panelists (p6): not speakers, not neutral.",
            "Scare: “quietly reconsider” (p3) and “cash-flow triage” (p4), two-word terms the text says he used. p2 s2 and p7 s3 are untagged continuations: context.",
            "Paraphrase counted: Ngata p3 s1 ('He told the audience that … and warned that …'), p4 s1 ('described what he called the “cash-flow triage” …, in which missions are asked …'), p5 s1 ('which he said offered the most realistic menu …'); Fifita p7 s1 ('said small troop contributors felt the delays most sharply'), p7 s4 ('He urged the Fifth Committee …'). Not counted: p0 (everything after the colon is quoted), p2, p4 s2, p7 s2-s3 (quotations with tags).",
            "Second pass: re-read the text from scratch against the annotation; checked that “quietly reconsider” is his term (p3 'warned that …'); no change.",
        ],
    },
    {
        "id": "w02", "file": "w02.txt", "kind": "ipi",
        "speakers": [
            S("Mariam Traoré-Lindgren", "Dr.", "a non-resident fellow at IPI",
              ["Dr. Traoré-Lindgren", "The report’s author"]),
            S("Ousmane Sy Koulibaly", "Ambassador",
              "Permanent Representative of Mali to the United Nations"),
            S("Clara Esteves Montalbán", None, "the Swiss-based Centre for Dialogue Practice",
              ["Ms. Esteves", "The third panelist"]),
        ],
        "quotes": [
            Q("never appear in a communiqué.", 0, "name"),
            Q("What we found is that the most effective mediators are almost never the ones with a mandate,", 0, "name"),
            Q("They are the ones who are trusted by both sides because they have been at every wedding and every funeral for thirty years.", 0, "context", unclosed=True),
            Q("The international community tends to treat them as a resource to be mobilized. They are not a resource. They are the process.", 0, "context"),
            Q("romanticizing", 1, "name", scare=True),
            Q("We should support them, yes,", 1, "pronoun"),
            Q("But we should not pretend they are neutral just because they are local.", 1, "context"),
            Q("with humility and a lot of listening.", 0, "name"),
        ],
        "not_quotes": ["Invisible",
                       "Between the Lines: Insider Mediation in the Central Sahel,"],
        "paraphrase_counts": [2, 2, 2],
        "neutral": ["Jakub Wiśniewski-Mbeki"],
        "notes": [
            "IPI-style report launch: a moderator with no content (neutral), the author introduced by descriptor and name, a quotation continued over a paragraph break (p3 has no closing mark, p4 reopens: context), a particle-style three-part name (Ousmane Sy Koulibaly), 'Ms. Esteves' as a short form of a two-surname name.",
            "Not quotes: the headline's “Invisible” (an editorial scare quote that the text attributes to no one; the author's own words in p2 are different) and the report title (p1).",
            "The participant from a West African mission (p8) is anonymous audience and only asks a question: left out.",
            "Paraphrase counted: Traoré-Lindgren p2 s1 ('said she had set out to document the work of people who “…”'), p8 s2 ('replied that they could, “…”'); Koulibaly p5 s1 ('agreed that … but cautioned against “romanticizing” them'), p5 s2 ('Some, he noted, were …'); Esteves p7 s1 ('argued that …'), p7 s2 ('Ms. Esteves said …'). Not counted: p2 s2 (what the team did, no reporting verb), p3, p4, p6 (quotations).",
            "Second pass: re-read the text from scratch against the annotation; confirmed that the p3 quote ends the paragraph with no closing mark and that the headline term is not in any speaker's words; no change.",
        ],
    },
    {
        "id": "w03", "file": "w03.txt", "kind": "ipi",
        "speakers": [
            S("Rui Tavares Semedo", "H.E. Mr.",
              "Minister of Foreign Affairs and Regional Integration of Cabo Verde",
              ["Foreign Minister of Cabo Verde", "Mr. Semedo", "Semedo", "the minister"]),
        ],
        "quotes": [
            Q("a Seat, Not a Sympathy Card", 0, "role"),
            Q("We are always invited to speak about vulnerability,", 0, "role"),
            Q("We are rarely invited to speak about power.", 0, "context"),
            Q("a seat, not a sympathy card,", 0, "pronoun"),
            Q("the first treaty written by the people who will drown first.", None, "none"),
            Q("We borrowed to rebuild after the last hurricane, and now we are borrowing to pay for the borrowing,", 0, "pronoun"),
            Q("Nobody in this city would call that a sustainable model.", 0, "context"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [6],
        "neutral": ["Leonor Albuquerque-Haddad", "Kenji Oyelaran-Watts"],
        "notes": [
            "IPI Global Leaders Series-style summary: a headline under a role descriptor ('Foreign Minister of Cabo Verde: … “…”'), H.E. Mr., 'the minister said' (role), a moderator who only asks a question and a closer who only thanks (neutral), a quote attributed to the signatories of a compact (a group: speaker null), the typo 'automaticaly' (p7) kept on purpose.",
            "Paraphrase counted: p0 (headline; 'Small States Need' is unquoted content — borderline, counted as a mixed headline), p1 ('told … that small island states were tired …'), p4 s1 ('He said that it was, but only if …'), p4 s2 ('Small states, he argued, wanted “…,” and that meant …'), p5 s1 ('pointed to the Atlantic Islands Compact … as proof that small states could lead'), p7 ('He urged creditors … and called on the IMF …'). Not counted: p3 (the moderator's question), p6 s1 ('he was blunter': no content), p2 and p6 s2-s3 (quotations).",
            "Drafting: a clause in p5 that made the minister repeat the group's phrase (it blurred the null-speaker case) was dropped, and the closing remarks were reduced to thanks so that the closer is cleanly neutral. Second pass: re-read the text from scratch against the annotation, paragraph by paragraph; no change.",
        ],
    },
    {
        "id": "w04", "file": "w04.txt", "kind": "ipi",
        "speakers": [
            S("Ingrid Sæther-Oduya", "Major General",
              "Force Commander of the UN Interim Security Force",
              ["Sæther-Oduya", "General Sæther-Oduya"]),
            S("Devendra Raghunathan", "Professor", "the University of Delhi",
              ["Raghunathan", "the professor"]),
            S("Lucía Ferrándiz Ocampo", "Ms.", "Deputy Permanent Representative of Uruguay"),
        ],
        "quotes": [
            Q("Firsts", 0, "name", scare=True),
            Q("We have celebrated enough firsts. I would like us to start celebrating the fifth and the fiftieth,", 0, "name"),
            Q("A woman who has only ever been allowed to drive the ambulance will not be ready to command the battalion,", 0, "pronoun"),
            Q("The UN can set targets,", 1, "pronoun"),
            Q("It cannot recruit a single soldier.", 1, "context"),
            Q("by an order of magnitude.", 2, "pronoun"),
            Q("Give a woman a helmet designed for a man’s head and then ask why she isn’t staying,", 1, "role"),
        ],
        "not_quotes": ["Deploying Equality,"],
        "paraphrase_counts": [2, 3, 2],
        "neutral": ["Tamsin Achebe-Clarke"],
        "notes": [
            "IPI-style panel: headline under a surname with a one-word scare term that the body's quote contains ('firsts', p1), the lede opens with the quote and names the speaker after it, a moderator with no content (neutral), 'According to Raghunathan', 'the professor said' (role), a book-style title in quotes (p4: not a quote).",
            "The Permanent Mission of Uruguay (p2) co-hosts: an institution, not a speaker.",
            "Paraphrase counted: Sæther-Oduya p0 (headline 'Peacekeeping Needs More Commanders …' — borderline mixed headline, counted), p3 s1 ('said that the proportion of women …'); Raghunathan p4 s1 ('argued that the barriers began …'), p4 s2 ('According to Raghunathan, national recruitment policies … were the main obstacle'), p6 s1 ('questioned whether such targets were meaningful …'); Ferrándiz Ocampo p5 s1 ('described her country’s experience …, which she said had improved … “…”'), p5 s2 ('Uruguay, she added, would double …'). Not counted: p1 (quote-first sentence; 'opening a panel discussion' is not content), p3 s2, p4 s3-s4, p6 s2 (quotations).",
            "Second pass: re-read the text from scratch against the annotation; checked that “by an order of magnitude.” (4 words) is not scare and that “Deploying Equality,” keeps its comma inside the mark; no change.",
        ],
    },
    {
        "id": "w05", "file": "w05.txt", "kind": "ipi",
        "speakers": [
            S("Adama Kéita-Rousseau", None, "IPI Vice President"),
            S("Park Seo-yeon", "Dr.", "Senior Researcher at the Asan Centre for Digital Order",
              ["Dr. Park"]),
            S("Youssef al-Amrani", None,
              "a cybersecurity policy adviser at the African Union Commission", ["Al-Amrani"]),
        ],
        "quotes": [
            Q("Rules Nobody Enforces Are Suggestions", 1, "context"),
            Q("Unanimity was the easy part,", 0, "pronoun"),
            Q("Implementation is where the consensus goes to die.", 0, "context"),
            Q("Rules nobody enforces are suggestions,", 1, "name"),
            Q("And suggestions are what you give to people you do not expect to listen.", 1, "context", unclosed=True),
            Q("If we want the norms to matter, somebody has to be willing to name names.", 1, "context"),
            Q("outsourcing", 2, "pronoun", scare=True),
            Q("Capacity first, then accountability,", 2, "pronoun"),
            Q("Who exactly is supposed to enforce these rules—us?", None, "none"),
        ],
        "not_quotes": ["Norms Without Teeth?"],
        "paraphrase_counts": [1, 1, 3],
        "neutral": [],
        "notes": [
            "IPI-style roundtable: the Vice President who 'opened the conversation' gives content (a gold speaker, not neutral); the headline quote sits under the event name ('Cyber Norms Roundtable: “…”') and is Park's only from p4 (context); a Korean name in family-name order ('Dr. Park'); a lower-case particle (al-Amrani) capitalised at the start of a sentence ('Al-Amrani', p7); a quotation continued over a paragraph break (p4 unclosed, p5).",
            "Not quote: the issue-brief title (p3). The technology-company participant (p8) is anonymous audience: the quoted question has speaker null.",
            "Paraphrase counted: Kéita-Rousseau p1 s1 ('opened the conversation … by recalling that the UN’s eleven voluntary norms … had been endorsed …'); Park p3 s2 ('She said that of the 214 significant incidents …'); al-Amrani p6 s1 ('pushed back on the idea that public attribution was the missing ingredient'), p6 s2 ('Many governments, he said, lacked …'), p7 s1 ('called instead for regional incident-response centres …'). Not counted: p3 s1 ('presented the findings of …': topic only), p2 (the meeting format), p8.",
            "Second pass: re-read the text from scratch against the annotation; checked that the headline quote is title-cased from p4 and has no tag of its own (context, speaker 1); no change.",
        ],
    },
    {
        "id": "w06", "file": "w06.txt", "kind": "un-press",
        "speakers": [
            S("Tomasz Wróblewski-Nakamura", None,
              "The Special Envoy of the Secretary-General for Karvelia", ["Special Envoy"]),
            S("Edith Mbeki-Halvorsen", None, "Assistant Secretary-General for Humanitarian Affairs"),
        ],
        "quotes": [
            Q("Every Week of Delay Is Measured in Lives", 0, "role"),
            Q("hanging by a thread", 0, "role"),
            Q("Every week of delay is measured in lives,", 0, "name"),
            Q("I have heard the words ‘restraint’ and ‘de-escalation’ many times this month,", 0, "pronoun"),
            Q("I have seen very little of either.", 0, "context"),
            Q("Our convoys are ready.  What they lack is a guarantee that they will not be shelled on the way,", 1, "pronoun"),
        ],
        "not_quotes": ["restraint", "de-escalation"],
        "paraphrase_counts": [5, 2],
        "neutral": [],
        "notes": [
            "press.un.org-style Security Council coverage: meeting number and SC/ symbol (p0), a headline quote under 'Special Envoy Tells Security Council', a role-only lede, the name given only after his quote (p4), double spaces between sentences as in UN coverage.",
            "Not quotes: ‘restraint’ and ‘de-escalation’ (p4), quotation marks inside the envoy's own quotation. The subheadline (p2) and p7 are about Council members as a group.",
            "Paraphrase counted: envoy p1 (headline, '… Urging Parties in Karvelia to Return to Talks'), p3 ('warned the Security Council today that the ceasefire … was “hanging by a thread”'), p4 s2 ('He said both parties had told him …'), p5 s1 ('called on the Council … and asked Member States …'), p5 s2 ('The talks, he added, could resume …'); Mbeki-Halvorsen p6 s1 ('said that 1.8 million people …'), p6 s2 ('Access to the north had been cut …, she noted'). Not counted: p4 s1, s3, s4 and p6 s3 (quotations with tags).",
            "Second pass: re-read the text from scratch against the annotation; checked the paragraph split (header lines form p0) and that “hanging by a thread” (4 words) is not scare; no change.",
        ],
    },
    {
        "id": "w07", "file": "w07.txt", "kind": "un-press",
        "speakers": [
            S(None, None, "the representative of Costa Rica"),
            S(None, None, "the representative of the Russian Federation"),
            S(None, None, "The representative of Mexico"),
            S(None, None, "the representative of Hungary"),
            S("Amaranta Quispe Huamán", "Ms.",
              "Director of the Division for Freedom of Expression at UNESCO", ["Ms. Quispe"]),
        ],
        "quotes": [
            Q("These were not war correspondents,", 0, "pronoun"),
            Q("They were local reporters covering local councils, local police and local money.", 0, "context"),
            Q("a special legal status", 1, "role"),
            Q("nothing more and nothing less", 2, "pronoun"),
            Q("The threat is the censorship,", 4, "name"),
            Q("It works even when it is never carried out.", 4, "context"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [1, 1, 2, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style General Assembly coverage: session, meeting and GA/ symbol (p0), delegates known only as 'the representative of X' (four role-only speakers, as in heldout3's k06), 'Speaking in explanation of vote', a representative speaking for a group of States and for the EU (the person is the speaker; the groups are not), a two-surname name shortened to the first surname ('Ms. Quispe').",
            "Paraphrase counted: Costa Rica p3 s1 ('said that at least 68 journalists had been killed …'); Russian Federation p4 ('said the text went beyond agreed language and sought to create “…” …'); Mexico p5 s1 ('said impunity remained the norm: …'), p5 s2 ('The group had sought “…” than the application of existing law, he said' — mixed); Hungary p6 ('welcomed the adoption but regretted that …'); Quispe Huamán p7 s1 ('told the Assembly that the organization’s observatory had recorded …'). Not counted: p1-p2 (the Assembly's action), p3 s2-s3 and p7 s2-s3 (quotations).",
            "Second pass: re-read the text from scratch against the annotation; confirmed that “nothing more and nothing less” is tagged by 'he said' (the Mexican representative), not by the group; no change.",
        ],
    },
    {
        "id": "w08", "file": "w08.txt", "kind": "un-press",
        "speakers": [
            S("Volker Ahlqvist-Mensah", None,
              "the United Nations High Commissioner for Human Rights",
              ["High Commissioner", "The High Commissioner"]),
            S("Nomvula Dlamini-Ferreira", "Dr.",
              "President of the international medical charity Médecins en Première Ligne"),
            S(None, None, "The representative of Ecuador"),
        ],
        "quotes": [
            Q("Cannot Become the New Normal", 0, "role"),
            Q("cannot become the new normal", 0, "role"),
            Q("Behind each of those numbers,", 0, "pronoun"),
            Q("is a patient who did not get treatment, a nurse who did not come back to work, a clinic that will not reopen.", 0, "pronoun"),
            Q("We do not leave lightly,", 1, "pronoun"),
            Q("When we leave, nobody replaces us.", 1, "context"),
            Q("not used as a licence to bomb", 1, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [4, 3, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style Council coverage: a headline quote under 'High Commissioner Warns Security Council', a role-only lede resolved by the bare name opening p4, a quote split around 'he said', 'The High Commissioner' later, comma and full stop outside the closing mark (UN style), a Council president speaking 'in her national capacity' (role-only speaker).",
            "'some parties' (p7) and 'Speakers' (p2) are groups: not speakers.",
            "Paraphrase counted: High Commissioner p1 (headline: 'Rising Attacks on Health Care …' is unquoted content), p3 ('told the Security Council … warning that such attacks “…”'), p4 s1 ('said his Office had verified 1,412 attacks …'), p5 ('urged Council members … noting that …'); Dlamini-Ferreira p6 s1 ('said that her organization had withdrawn …'), p7 s1 ('rejected the claim … that hospitals were being used …'), p7 s2 ('… they should be investigated, “…”, Dr. Dlamini-Ferreira added' — mixed); Ecuador p8 ('announcing that her delegation would convene …'). Not counted: p4 s2, p6 s2-s3 (quotations).",
            "Second pass: re-read the text from scratch against the annotation; checked both the split quote's halves and that p7 s2 has unquoted content before the quote; no change.",
        ],
    },
    {
        "id": "w09", "file": "w09.txt", "kind": "un-press",
        "speakers": [
            S("Zhou Mingyuan", None, "the Under-Secretary-General for Economic and Social Affairs",
              ["Under-Secretary-General", "the Under-Secretary-General"]),
            S(None, None, "the representative of Iraq"),
            S("Hélène Ouédraogo-Bakker", "Ms.", "Vice-Chair of the Committee for Development Policy"),
        ],
        "quotes": [
            Q("Lost Decade", 0, "role", scare=True),
            Q("lost decade", 0, "role", scare=True),
            Q("When a country spends more on interest than on its hospitals, we are not looking at a financing gap; we are looking at a development emergency,", 0, "role"),
            Q("the burden of adjustment on the poor and the benefits of delay on the rich", 1, "role"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [5, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style Second Committee coverage: a scare term in the headline and the lede, both attributed by title ('Under-Secretary-General Tells …', '… the Under-Secretary-General … told'), the bare name opening p3 (a Chinese name in family-name order), a quote tagged 'the Under-Secretary-General said', a delegate speaking for the Group of 77 and China (the Group itself, p6 s2, is not a speaker), 'heard from … who presented' (topic only).",
            "Paraphrase counted: Zhou p1 (headline, 'Developing Countries Face “Lost Decade” Unless Debt Architecture Is Reformed'), p2 (lede), p3 s1 ('said that 54 developing countries …'), p3 s2 ('Some Governments, he noted, were paying more …'), p5 ('He urged Member States … and called for …'); Iraq p6 s1 ('said the current system placed “…”' — mixed); Ouédraogo-Bakker p7 s2 ('She said the graduation of three least developed countries … was at risk …'). Not counted: p4 (quotation with tag), p6 s2 (the Group), p7 s1 (topic only).",
            "Second pass: re-read the text from scratch against the annotation; confirmed the p4 tag is a title (role) and that the two “lost decade” occurrences are both recorded; no change.",
        ],
    },
    {
        "id": "w10", "file": "w10.txt", "kind": "other",
        "speakers": [
            S("Hannelore Vasquez-Brandt", "Dr", "the director of the institute’s Europe Programme"),
            S("Kaarel Tamm-Oyelaran", None, "Estonia’s deputy defence minister", ["Tamm-Oyelaran"]),
            S("Sofía Echeverría Luján", None,
              "chief executive of the Spanish munitions firm Fábrica Tajo"),
            S(None, None, "A senior official from the European Commission"),
        ],
        "quotes": [
            Q("money spent in a panic is rarely money spent well", 0, "name"),
            Q("as if we had thirty years to prepare and no enemy in particular", 1, "pronoun"),
            Q("You cannot ask us to build factories on the strength of a speech,", 2, "pronoun"),
            Q("Sign the contracts and we will build them.", 2, "context"),
        ],
        "not_quotes": ["buy European"],
        "paraphrase_counts": [1, 2, 1, 1],
        "neutral": [],
        "notes": [
            "Chatham House-style write-up with British single curly quotes and punctuation outside the marks: an editorial headline with no speaker, an opening speaker with content ('Opening the conference, … observed … but warned …'; a gold speaker), 'Dr' without a full stop, role-before-name introductions, an anonymous official known only by role (a role-only speaker, as k12's diplomat).",
            "Not quote: ‘buy European’ (p6), a slogan the anonymous participant asks about, not words attributed to a speaker. The participant is anonymous audience: left out. p6 s1 ('Tamm-Oyelaran’s prescription drew scepticism') is not speech by him.",
            "Paraphrase counted: Vasquez-Brandt p2 ('observed that European defence budgets had grown … but warned that ‘…’'); Tamm-Oyelaran p3 s2 ('Procurement in Europe, he said, was still organised ‘…’'), p3 s3 ('He called for joint purchasing …'); Echeverría Luján p4 s2 ('said her company had tripled shell production …'); the Commission official p5 ('said a new financing instrument would be proposed …'). Not counted: p3 s1 ('was blunter': no content), p4 s1 (editorial), p4 s3-s4 (quotations).",
            "Second pass: re-read the text from scratch against the annotation; checked that no single-quoted span contains an apostrophe (they would mis-pair) and that 'Dr Hannelore Vasquez-Brandt' occurs as written; no change.",
        ],
    },
    {
        "id": "w11", "file": "w11.txt", "kind": "other",
        "speakers": [
            S("Mariana Okonjo-Vidal", "Ambassador",
              "Former Permanent Representative of Nigeria to the United Nations",
              ["Ambassador Okonjo-Vidal", "Okonjo-Vidal"]),
            S("Henrik Lindqvist-Adeyemi", "Dr.", "Senior Economist, Inter-American Development Bank",
              ["Lindqvist-Adeyemi"]),
            S("Farida Qureshi-Mendes", None, "Professor of Practice, Johns Hopkins SAIS",
              ["Professor Qureshi-Mendes"]),
        ],
        "quotes": [
            Q("We have to stop pretending the gap can be closed by public money,", 1, "pronoun"),
            Q("blended finance", 2, "name", scare=True),
            Q("goes where the returns are, and the returns are rarely where the poverty is.", 2, "pronoun"),
            Q("too slow to matter.", 0, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 2, 1],
        "neutral": ["Thomas J. Whitcombe"],
        "notes": [
            "University (SAIS-like) event page: the title, a speaker list in single newlines with 'Moderated by' (p1), a date line, then the write-up with straight double quotes and straight apostrophes ('bank's', 'Program's'). The moderator has no content (neutral). 'Professor' appears as a role in the list and as an honorific in p6 (honorific left null, alias 'Professor Qureshi-Mendes').",
            "Scare: “blended finance” (p6), a two-word term she is said to have used. 'In her words, the private sector “…”' (p6 s2) is a pronoun attribution.",
            "Paraphrase counted: Okonjo-Vidal p4 s1 ('opened by arguing that …'), p4 s2 ('She said … and warned …'), p7 s2 ('said simply that it had been “…”' — mixed); Lindqvist-Adeyemi p5 s2 ('He said that even a doubling …'), p5 s4 ('made the case for guarantees over loans, which he said could mobilize …'); Qureshi-Mendes p6 s1 ('disagreed with the emphasis …, noting that “blended finance” had delivered far less …'). Not counted: p5 s1 ('focused on the numbers': topic only), p5 s3 (quotation), p6 s2 (only the subject is unquoted), p3 and p7 s1 (the audience/panel as a group).",
            "Second pass: re-read the text from scratch against the annotation; checked that the list lines are one paragraph (p1) and that Okonjo-Vidal's first appearance carries the honorific Ambassador; no change.",
        ],
    },
    {
        "id": "w12", "file": "w12.txt", "kind": "other",
        "speakers": [
            S("Ana-Maria Popescu-Diallo", None,
              "the U.N. resident and humanitarian coordinator for Darvanya",
              ["U.N. envoy", "the United Nations' top humanitarian official in the country"]),
            S("Teodor Vasilev-Karim", None, "Darvanya's U.N. Ambassador"),
            S(None, None, "A Western diplomat"),
            S("Rosalind Achebe-Thornton", None, "Britain's deputy U.N. ambassador"),
        ],
        "quotes": [
            Q("We are running out of time and we are running out of trucks,", 0, "name"),
            Q("emergency", 0, "pronoun", scare=True),
            Q("Humanitarian access is not a blank cheque to violate our sovereignty,", 1, "pronoun"),
            Q("as soon as security conditions allow.", None, "none"),
            Q("We welcome the announcement. We will judge it by the trucks that cross, not the press releases that are issued,", 3, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 1, 1, 1],
        "neutral": [],
        "notes": [
            "Reuters-style wire report of a Council meeting, straight quotes and apostrophes: a headline descriptor ('U.N. envoy warns …', a loose title for a humanitarian coordinator), a role-only lede resolved in p2, 'told the 15-member council', a ministry statement ('said in a statement': a state body, speaker null), an anonymous diplomat known only by role (role-only speaker), a reporting credit line (names only mentioned).",
            "Russia and China (p6) are states only mentioned.",
            "Paraphrase counted: Popescu-Diallo p0 (headline 'U.N. envoy warns of famine risk …'), p1 (lede), p3 ('She said nearly 400,000 people … were facing “emergency” levels …'); Vasilev-Karim p4 s1 ('rejected the assessment … and accused aid agencies …'); the diplomat p6; Achebe-Thornton p7 s1 ('said the government's promises had been made before'). Not counted: p2, p4 s2, p7 s2 (quotations with tags), p5 (the ministry), p8 (no speaker).",
            "Drafting: p8 (no speaker) was added to bring the opening above 1,600 bytes. Second pass: re-read the text from scratch against the annotation; checked that the ministry quote is the only null-speaker one and that the headline descriptor 'U.N. envoy' is the first reference to speaker 0; no change.",
        ],
    },
    {
        "id": "w13", "file": "w13.md", "kind": "other",
        "speakers": [
            S("Sovann Chheang", "H.E. Mr.", "Secretary of State, Ministry of Water Resources, Cambodia",
              ["The Secretary of State"]),
            S("Đặng Minh Khôi", "Professor", "Hanoi University of Natural Resources",
              ["Professor Đặng", "Khôi"]),
            S("Ragnhild Öberg-Nduka", "Ms.", "Senior Hydrologist, Nordic Water Partnership",
              ["Öberg-Nduka"]),
        ],
        "quotes": [
            Q("from the river itself, when it is already too late.", 0, "pronoun"),
            Q("We do not ask anyone to stop building. We ask them to tell us before they open the gates.", 0, "context"),
            Q("neutral numbers", 1, "pronoun", scare=True),
            Q("Governments will argue about a number forever if they think the other side made it up,", 1, "name"),
            Q("They argue much less about a photograph from space.", 1, "context"),
            Q("People picture climate change as water coming in from the ocean,", 2, "pronoun"),
            Q("In the Mekong, the bigger story is the land going down.", 2, "context"),
            Q("a slow flood in reverse", None, "none"),
            Q("Some of the newer designs allow flushing,", 2, "pronoun"),
            Q("but only if operators are paid to do it, and nobody is paying them yet.", 2, "pronoun"),
            Q("a conversation that only happens in English and only happens in Bangkok", 0, "role"),
            Q("a fair question with an uncomfortable answer.", 2, "name"),
            Q("basin report card", 1, "name"),
        ],
        "not_quotes": ["Starved Rivers"],
        "paraphrase_counts": [5, 3, 2],
        "neutral": ["Pimchanok Srisawat"],
        "notes": [
            "Whole roundtable summary in Markdown with straight quotes: headings, an italic standfirst, a bold speaker list with a '(chair)' (p2), bold names in the body, a Markdown blockquote holding an untagged quote (p7, context), a report title inside a link (p12: not a quote), an italic phrase that is not quoted (p8 *encouraging but fragile*), a Vietnamese name referred to as 'Professor Đặng' and, sloppily, by the given name 'Khôi' (p10).",
            "Paragraphs are blank-line blocks of the Markdown source; headings are their own paragraphs. The chair only welcomes, introduces and closes (neutral). Farmers' associations (p14: speaker null), the farmers' cooperative participant (p18 s1, anonymous) and 'Several participants' (p20) are not speakers. “basin report card” is three words: not scare. In p15 'she' follows a group sentence and refers back to Öberg-Nduka.",
            "Paraphrase counted: Chheang p6 s1 ('said that the single most useful thing …'), p6 s2 ('Fishermen …, he said, still learned … “…”'), p8 ('He added that Cambodia had signed … and called the results …'), p16 s1 ('agreed with her diagnosis but cautioned against “…”'), p16 s2 ('Local officials, he said, needed …'); Đặng p9 s1 ('argued that the basin's problem was …'), p9 s2 ('in his view, could offer what he called “neutral numbers” …'), p19 ('closed the session by suggesting that the Institute publish …'); Öberg-Nduka p12 s2 ('She said the sediment … and warned …'), p18 s2 ('acknowledged that it was “…”' — borderline mixed, counted). Not counted: p12 s1 ('presented findings …': topic only), p15 s1 ('she was cautiously optimistic': no reporting verb), p10, p13, p15 s2 (quotations).",
            "Drafting: a sentence that gave the chair a little content (p4) was removed so that she is cleanly neutral, and p14 (a group quote), p15 (a split quote) and p20 were added to bring the report over 3 kB. Second pass: re-read the Markdown from scratch against the annotation; checked that the blockquote (p7) is its own paragraph and that 'The Secretary of State … her diagnosis' (p16) refers to Chheang and Öberg-Nduka; no change.",
        ],
    },
    {
        "id": "w14", "file": "w14.html", "kind": "other",
        "speakers": [
            S("Aylin Karataş-Weber", "Mayor", "Gaziantep", ["Karataş-Weber"]),
            S("Oluwaseun Adébáyọ̀-Larsen", "Dr.",
              "an epidemiologist at the Copenhagen School of Public Health", ["Adébáyọ̀-Larsen"]),
            S("Inés Aranguren Beitia", "Councillor", "Bilbao", ["The third panelist"]),
        ],
        "quotes": [
            Q("Shade as Infrastructure", None, "none"),
            Q("We stopped treating shade as decoration and started treating it as infrastructure, like water pipes or street lights,", 0, "pronoun"),
            Q("The poorest neighbourhoods are always the hottest,", 0, "pronoun"),
            Q("That is not an accident of nature. It is an accident of planning.", 0, "context"),
            Q("The text message goes to the person with the air conditioner.", 1, "pronoun"),
            Q("with the people who live on the fourth floor without a lift, not just for them.", 2, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 3, 2],
        "neutral": ["Joaquim Bettencourt-Sané"],
        "notes": [
            "Urban think-tank event recap as an HTML page: header with logo, navigation, search form, breadcrumbs, a post-date div, a 'Related events' aside with a quoted series title, a footer with a quoted slogan. None of that is main text: the gold text is the <article>'s h1 and p elements, one paragraph each (the meta div is not a p).",
            "The headline quote is attributed to 'Mayors' (a group): speaker null, although p3 gives the idea to Karataş-Weber in other words. The chair only introduces and closes (neutral). A Yoruba name with combining diacritics (Adébáyọ̀), 'Mayor' and 'Councillor' as honorifics with the city as role_org (as heldout3's k14). p1 ('participants heard') and the audience question (p8) have no speaker.",
            "Paraphrase counted: Karataş-Weber p3 s1 ('described the city’s programme of planting 40,000 trees …'), p3 s3 ('said the city now maps surface temperatures …'), p8 ('answered by Karataş-Weber, who said that the city’s entire programme had cost …'); Adébáyọ̀-Larsen p5 s1 ('presented data showing that emergency admissions … rose …'), p5 s2 ('He warned that heat-health warning systems often reached …: “…”'), p6 ('urged cities to keep public libraries … open late …'); Aranguren Beitia p7 s1 ('cautioned that adaptation spending could deepen inequality …'), p7 s2 ('Heat plans, she said, had to be written “…”'). Not counted: p0 (the group), p3 s2, p4 (quotations).",
            "Second pass: re-read the text from scratch against the annotation; checked that the aside and footer quotes fall outside <article> and that p4's 'she added' follows p3's Karataş-Weber; no change.",
        ],
    },
    {
        "id": "w15", "file": "w15.txt", "kind": "un-press",
        "speakers": [
            S("Florencia Mwale-Ortiz", None, "Spokesperson for the Secretary-General",
              ["Ms. Mwale-Ortiz", "the Spokesperson", "The Spokesperson"]),
            S(None, None, "the Secretary-General", ["The Secretary-General"]),
        ],
        "quotes": [
            Q("deeply alarmed", 1, "role", scare=True),
            Q("swiftly and in full respect of international human rights law", 1, "role"),
            Q("remains in close contact with the authorities", 0, "pronoun"),
            Q("We are not going to speculate about what went wrong before we have the facts,", 0, "pronoun"),
            Q("What I can tell you is that the people in those camps had fled violence once already.  They should not have to flee it again.", 0, "context"),
            Q("When we have attribution, we will share it,", 0, "pronoun"),
            Q("I would not use that word.  They are difficult, and they are continuing.", 0, "pronoun"),
            Q("a waste of everyone’s time", None, "none"),
            Q("commentary from the parties", 0, "role"),
            Q("serious, but manageable", 0, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [8, 2],
        "neutral": [],
        "notes": [
            "UN noon-briefing summary (press.un.org-style highlights): topic headings as their own paragraphs, a spokesperson who reads a Secretary-General's statement (the Secretary-General is a role-only speaker through that statement), journalists' questions ('Asked by a journalist …', 'Another correspondent asked …': anonymous, not speakers), a colon tag with two spaces (p12).",
            "Not speakers: the Resident Coordinator Aigerim Sadykova-Brun (p7: the quote about her is the Spokesperson's words, tagged 'she said'), the Special Envoy Rahim Bakhtiari-Lund (p12, only his schedule), tomorrow's guest Inge Vasconcelos-Arndt (p16), the UN country team (a group), the Government of Yenura (p13: a state, its quoted phrase has speaker null). “commentary from the parties” is tagged 'The Spokesperson declined to comment on what she called' (role, as w01 p4); three-word phrases are not scare.",
            "Paraphrase counted: Secretary-General p3 ('in which the Secretary-General said he was “deeply alarmed” by the attacks …'), p4 ('The Secretary-General condemned … and called on … “…”, the Spokesperson said' — counted for the Secretary-General only: she is relaying his statement; borderline, ±1 for her); Spokesperson p5 ('added that OCHA had deployed …'), p7 s1 ('said the UN country team welcomed the release …'), p7 s2 ('The Resident Coordinator … “…” about three national staff members …, she said' — mixed), p9 s1 ('the Spokesperson said that discussions were under way …'), p10 ('she said that no trip was planned …'), p11 s2 ('said the statement reflected what the Organization could verify …'), p12 s1 ('said that the Special Envoy … was in Geneva … and would brief …'), p14 ('she said the Secretary-General would present … and that the liquidity situation remained “…”'). Not counted: p12 s2 (colon tag, all quoted), p13 s2 ('declined to comment': what she did not say), p9 s2-s3, p11 s3 (quotations).",
            "Drafting: the title was written so that the Spokesperson, not the Secretary-General, is the first person referred to, and the Ostravia item (p6-p7) and p10 were added to bring the report over 3 kB. Second pass: re-read the text from scratch against the annotation; changed “commentary from the parties” (p13) from pronoun to role, to match w01's 'The Assistant Secretary-General described what he called …' (the tag's main clause names the role).",
        ],
    },
    {
        "id": "w16", "file": "w16.txt", "kind": "other",
        "speakers": [
            S("Kalinda Mwansa-Holm", "Dr.",
              "NEI Senior Research Fellow and lead author of the institute’s new report",
              ["Dr. Mwansa-Holm"]),
            S("Tariq Anwar Chaudhry", None,
              "Director of Climate Finance at Bangladesh’s Ministry of Finance", ["Mr. Chaudhry"]),
            S("Camila Xiloj Tzul", None,
              "coordinator of the Guatemalan indigenous women’s network Q’anil", ["Ms. Xiloj"]),
            S("Johan Ekdahl-Banda", None, "Head of Unit for Climate at the Swedish development agency",
              ["Ekdahl-Banda"]),
        ],
        "quotes": [
            Q("For every dollar that is pledged for adaptation, only a few cents arrive in a village in a form that anyone there can use,", 0, "name"),
            Q("We spend more time reporting to donors than the donors spend reading our reports,", 1, "pronoun"),
            Q("They ask us to attend the workshop after the project is already designed,", 2, "pronoun"),
            Q("Then they write that the community was consulted.", 2, "context"),
            Q("Direct access is the right direction. But someone still has to be able to explain where the money went.", 3, "pronoun"),
            Q("You do not need to build a new reporting system,", 1, "pronoun"),
            Q("You need to trust the one we have.", 1, "context"),
            Q("predictability", 0, "name", scare=True),
        ],
        "not_quotes": ["Last Mile Finance: Tracking Adaptation Money to the Ground,"],
        "paraphrase_counts": [1, 3, 2, 2],
        "neutral": ["Solveig Marstrand"],
        "notes": [
            "Environment-institute (SEI-like) panel write-up with single newlines only (one paragraph by the README's convention; line numbers below are 0-based): a quote-first sentence in the present tense ('says Dr. …'), a report title in quotes (line 3: not a quote), a photo credit line (line 4, furniture kept; the photographer is not a speaker), a panel list with roles, a moderator who only closes (neutral), double space in line 6, an apostrophe inside a name (Q’anil).",
            "“predictability” (line 12) is her one-word answer to a question; marked scare because it is a single term she used (unlike r14's “keep going”, which the shared set marks scare false) — uncertain. 'The report recommends …' (line 11) and 'Several participants …' (line 13) have no speaker.",
            "Paraphrase counted: Mwansa-Holm line 12 s2 ('Communities could plan around small sums, she said, if …'); Chaudhry line 6 s1 ('said that his ministry had introduced climate budget tagging …'), line 6 s2 ('The difficulty, he explained, was that …'), line 10 s1 ('replied that Bangladesh’s tagging system already did exactly that, and invited …'); Xiloj line 7 s1 ('said that women in the highlands were rarely asked …'), line 8 ('She described how women’s groups … had begun keeping their own records …'); Ekdahl-Banda line 9 s1 ('acknowledged the criticism and said Sweden would pilot …'), line 9 s2 ('He cautioned, however, that donors also answered to their own taxpayers: “…”'). Not counted: line 2 (quote-first with tag), line 12 s1 (all content quoted after the tag), lines 6 s3, 7 s2-s3, 10 s2-s3 (quotations).",
            "Second pass: re-read the text from scratch against the annotation; checked that 'she' in line 8 is Xiloj (the previous speaker) and in line 12 Mwansa-Holm, and that the photo credit is not a speaker; no change.",
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
        if not 250 <= words <= 1200:
            err(f"{words} words, not 250-1200")
        size = len(raw.strip().encode("utf-8")) if path.suffix != ".html" else len(raw.encode("utf-8"))
        lo, hi = (1600, 2100) if int(did[1:]) <= 12 else (3000, 4200)
        if not lo <= size <= hi:
            err(f"{size} bytes, not {lo}-{hi}")
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
            f"Invented report written for this held-out set ({d['kind']}); {words} words; "
            f"file {d['file']}.",
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
