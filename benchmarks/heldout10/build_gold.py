#!/usr/bin/env python3
"""Build (and check) gold.json for the tenth held-out set of reports, s01 … s14.

The reports in this folder were written for this set, blind (without reading the extractor's
code, tests or earlier held-out sets other than heldout3's build script): invented events,
people and words, in the styles of the shared development set (IPI event summaries, UN
meetings coverage, a Chatham House summary, a school event page, an SEI panel write-up and
two wire reports), in its proportions (5 ipi, 4 un-press, 5 other), each the opening of a
page of about 2,000 bytes. The annotations follow ../../../shared/reports/README.md
(speakers, quotes, scare quotes, role-only speakers; groups, states and anonymous audience
members left out). People who only moderated, chaired, opened or closed with no content are
not gold speakers; they are listed in a "neutral: A; B" note (issue 11 wants them as speakers
with no statement, so scripts/measure_heldout.py neither rewards nor penalises them).

The script computes each quote's paragraph and checks, with its own rules (heldout3's):
  * every quote occurs, in report order, directly between a matching pair of quotation
    marks (“…”, ‘…’, "…", '…') in one paragraph, or, when marked unclosed, from an opening
    mark to the end of its paragraph (a quotation continued in the next paragraph);
  * every quotation-marked span of the text is either annotated as a quote or listed in
    the document's not_quotes (titles, words a speaker did not use, document text), and
    every paragraph with an unbalanced curly double quote holds an unclosed quote;
  * names, honorific + name, role_org strings, aliases and neutral names occur in the text;
    speaker indices, attributions, scare flags and paraphrase_counts are consistent.
The word-count bound is 230-1200 here (heldout3: 300-1200), since these are 2,000-byte
openings rather than whole reports.

Usage: python benchmarks/heldout10/build_gold.py          (writes gold.json beside it)
       python benchmarks/heldout10/build_gold.py --check  (fails if gold.json is stale)
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
        "id": "s01", "file": "s01.txt", "kind": "ipi",
        "speakers": [
            S("Chinedu Okafor", None,
              "Director of the Office of Programme Planning and Budget at the United Nations Secretariat",
              ["Okafor", "Mr. Okafor"]),
            S("Mariam Al-Khatib", "Ambassador",
              "Permanent Representative of Jordan to the United Nations",
              ["Ambassador Al-Khatib"]),
            S("Haruki Sato", "Dr.", "the Tokyo Institute for Global Affairs",
              ["The Japanese researcher"]),
        ],
        "quotes": [
            Q("Peace Operations Cannot Outrun Their Budgets", 0, "name"),
            Q("structural, not cyclical.", 0, "name"),
            Q("We have been pretending for five years that the next budget cycle will rescue us,", 0, "pronoun"),
            Q("It will not.", 0, "context"),
            Q("punishes exactly the countries that carry the heaviest burden.", 0, "pronoun"),
            Q("A soldier’s family cannot wait twelve months for rent,", 1, "pronoun"),
            Q("a matter of credibility.", 1, "pronoun"),
            Q("Mandates are written in New York,", 2, "name"),
            Q("but they are paid for in Amman, Kathmandu and Dhaka.", 2, "name"),
            Q("mandate realism", 2, "pronoun", scare=True),
        ],
        "not_quotes": ["Financing Peace in Lean Years"],
        "paraphrase_counts": [3, 3, 2],
        "neutral": ["Solveig Marthinsen", "Daniel Ferreira-Lutz"],
        "notes": [
            "IPI-style policy forum: an 'Okafor: “…”' headline, name-then-role lede with a long appositive, a quotation continued in a new untagged sentence (p2: context), an opener and a moderator with no content (p4), a quote split by a name tag (p7), a descriptor reference ('The Japanese researcher', p8) and a scare term.",
            "Not a quote: the forum title (p1).",
            "Paraphrase counted: Okafor p1 (told … that), p3 s1 (said that arrears), p3 s2 (warned that …, mixed); Al-Khatib p5 s2 ('Reimbursements, she said, …'), p6 s1 (added that …, called on …, mixed), p6 s2 (urged); Sato p8 s1 (argued), p8 s2 (called this idea “mandate realism” and said it was gaining support). Left out: the headline and p2 (bare quotations), p5 s1 ('described the view from a country …', topic only), p5 s3 and p7 (quote + tag).",
            "Second pass: re-read from scratch against the annotation; checked that 'It will not.' is a new untagged sentence (context), that both halves of the p7 split quote carry the name tag, and that the p5 s1 'described the view' sentence stays topic-only; no change.",
        ],
    },
    {
        "id": "s02", "file": "s02.txt", "kind": "ipi",
        "speakers": [
            S("Teresita Dimaculangan-Reyes", None, "a former adviser to the government peace panel",
              ["Dr. Dimaculangan-Reyes", "the author"]),
            S("Farid Hashimi", "Ambassador", "facilitator in the final rounds",
              ["The first discussant", "Mr. Hashimi"]),
            S("Norhata Macapagal-Sinsuat", None, "a member of the regional parliament",
              ["Ms. Macapagal-Sinsuat"]),
        ],
        "quotes": [
            Q("The agreements have signatures on them,", 0, "pronoun"),
            Q("The ceasefire had faces.", 0, "context"),
            Q("did more to hold the line than any communiqué.", 0, "pronoun"),
            Q("We were not referees,", 1, "pronoun"),
            Q("We were the people who kept the kettle on.", 1, "context"),
            Q("Somebody had to explain to fighters why we were still talking,", 2, "pronoun"),
            Q("slow to arrive, and slower to be shared.", 2, "name"),
            Q("Do not let the monitors go home first.", 0, "role"),
        ],
        "not_quotes": ["The Long Ceasefire",
                       "The Long Ceasefire: Mediation in Mindanao, 1996–2019,"],
        "paraphrase_counts": [2, 3, 2],
        "neutral": ["Aleksander Nowicki"],
        "notes": [
            "IPI-style book launch: the author named in p1 with no role (role from p2), the chair asks a question (p8) but says nothing of substance (neutral), 'The first discussant, Ambassador …' (p4), 'In her telling' (p3), 'the author was blunt:' (p8, attribution role).",
            "Not quotes: the book title, in the headline and p1.",
            "Paraphrase counted: Dimaculangan-Reyes p2 s1 (said she had written the book because …), p3 s1 (She said local monitoring teams …); Hashimi p4 s1 (praised the book as honest about …, an appraisal), p5 s1 (cautioned that …), p5 s2 ('Neighboring states, he said, …'); Macapagal-Sinsuat p6 (said that the book was the first …), p7 s2 (added that …, mixed). Left out: p3 s2 ('In her telling, these teams “…”': only the subject is unquoted), p8 (everything after the colon is quoted), quote + tag sentences.",
            "Second pass: re-read from scratch against the annotation; checked that p7 s1 'she' is Macapagal-Sinsuat (the only woman introduced in p6) and that Nowicki's question in p8 is not content; no change.",
        ],
    },
    {
        "id": "s03", "file": "s03.txt", "kind": "ipi",
        "speakers": [
            S("Aïssata Traoré-Kouyaté", None,
              "a Malian lawyer and co-founder of the Bamako Citizens’ Observatory",
              ["Ms. Traoré-Kouyaté"]),
            S("Abdourahmane Sy-Lemaître", None, "Commissioner", ["The commissioner"]),
        ],
        "quotes": [
            Q("People did not dance in the streets because they love soldiers,", 0, "name"),
            Q("They danced because they had stopped believing anyone was listening.", 0, "context"),
            Q("smart transitions", 1, "pronoun", scare=True),
            Q("A calendar without trust is just paper,", 1, "pronoun"),
            Q("open to dialogue with all transitional authorities.", None, "none"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [2, 3],
        "neutral": ["Kwesi Amankwah-Boateng", "Ingeborg Tveit"],
        "notes": [
            "IPI Africa Program-style event: role-then-name opener (neutral, p2), a quote before its name tag with a long appositive (p3), 'For the African Union, Commissioner …' (role_org 'Commissioner'), 'The commissioner' later, a scare term via 'what he described as', a regional organization's quote (ECOWAS, p7: speaker null), a moderator who only closes (p8).",
            "Paraphrase counted: Traoré-Kouyaté p4 s1 (argued), p4 s2 ('That double standard, she said, …'); Sy-Lemaître p5 s1 (said), p5 s2 ('…, he said, closing a frontier punishes …'), p6 s1 (called for what he described as “smart transitions”: timetables …, mixed). Left out: p1 ('speakers told …': a group), p7 (ECOWAS, an organization), quote + tag sentences.",
            "Second pass: re-read from scratch against the annotation; checked that ECOWAS is not a person (null) and that the colon in p6 s1 is followed by unquoted content (counted); role_org kept as 'Commissioner' (the printed title before the name; 'For the African Union' is left out); no change.",
        ],
    },
    {
        "id": "s04", "file": "s04.txt", "kind": "ipi",
        "speakers": [
            S("Eeva-Liisa Korhonen", None, "Finland’s foreign minister", ["Ms. Korhonen"]),
            S("Kofi Ansah-Mensimah", None, "Minister for Foreign Affairs",
              ["Her Ghanaian counterpart", "Mr. Ansah-Mensimah"]),
            S("Rosa-María Quispe Mamani", None, "Under-Secretary-General"),
        ],
        "quotes": [
            Q("Prevention is the cheapest thing we never buy,", 0, "role"),
            Q("We ask peacebuilders to plan for ten years with money that lasts eighteen months,", 1, "name"),
            Q("ask for help without asking for a mandate.", 2, "pronoun"),
            Q("For us, prevention begins with the tide tables,", None, "none"),
            Q("We will be judged on what did not happen,", 0, "pronoun"),
            Q("which is the hardest thing in the world to prove.", 0, "pronoun"),
        ],
        "not_quotes": ["Pact for Prevention"],
        "paraphrase_counts": [2, 2, 2],
        "neutral": ["Marguerite Oyelaran-Hughes"],
        "notes": [
            "IPI-style high-level dialogue: the first quote is tagged by role only ('said Finland’s foreign minister', p2) and the name comes in the next sentence; 'Her Ghanaian counterpart, Minister for Foreign Affairs …' (role-then-name); a compound surname (Quispe Mamani); a joint statement of island delegations (p5: speaker null); a split quote (p6).",
            "Not a quote: the initiative's name “Pact for Prevention” (headline and p4).",
            "The co-chairs 'the foreign ministers of Ghana and Finland' (p1) are the same people as speakers 0 and 1; p1 is not counted for them (no content).",
            "Paraphrase counted: Korhonen p2 s2 (argued), p6 s1 (said the ministers would report back); Ansah-Mensimah p3 s1 (agreed, but said …), p3 s2 ('he noted'); Quispe Mamani p4 s1 (described the proposed pact as a set of voluntary commitments rather than a treaty), p4 s2 ('It would, she said, let states “…”', mixed). Left out: p5 s1 (participants: a group).",
            "Second pass: re-read from scratch against the annotation; confirmed quote 0 is tagged by role only (the name comes in the next sentence) and that Korhonen, who closes the session with content, is a gold speaker, not neutral; no change.",
        ],
    },
    {
        "id": "s05", "file": "s05.txt", "kind": "ipi",
        "speakers": [
            S("Nomvula Khumalo-Price", "Dr.", "a research fellow at IPI",
              ["the report’s lead author", "Dr. Khumalo-Price", "The author"]),
            S("Mateus Tavares-Nkosi", "Colonel", "a former chief of staff of a UN force headquarters",
              ["The colonel"]),
            S("Jae-won Seo", None, "a program officer at the Hana Peace Foundation"),
        ],
        "quotes": [
            Q("Radio is not a soft add-on,", 0, "name"),
            Q("In places where there is no road and no phone signal, it is the mission’s most reliable protection tool.", 0, "context"),
            Q("we should be honest that correlation is where our evidence stops.", 0, "pronoun"),
            Q("I had eight hundred soldiers and one radio producer,", 1, "pronoun"),
            Q("Guess which one the villagers trusted.", 1, "context"),
            Q("broadcasting at people instead of with them,", 1, "pronoun"),
        ],
        "not_quotes": ["Tuned In: Information and Protection in UN Peace Operations,"],
        "paraphrase_counts": [2, 3, 2],
        "neutral": ["Pierre-Alain Dufresne"],
        "notes": [
            "IPI-style research presentation: the author introduced with a long appositive, 'The author' and 'she' later, a colonel who responds, the funder's program officer, a chair with no content (p8).",
            "Not a quote: the report title (p3).",
            "Paraphrase counted: Khumalo-Price p3 s2 (said that rumor …), p4 s2 ('The data, she said, show a correlation, and “…”', mixed); Tavares-Nkosi p5 s1 (said that commanders …), p6 s1 (urged), p6 s2 (warned against what he called “…”, saying villagers can tell …, mixed); Seo p7 s1 (welcomed the findings, an appraisal), p7 s2 ('Her foundation, she said, would support …'). Left out: p1 s1 (the study's finding, no speaker tag), p1 s2 (presented, no content), p4 s1 ('was careful not to overstate the case', no reporting verb, borderline).",
            "Second pass: re-read from scratch against the annotation; checked that p1 s1 ('A new IPI study finds') is the study, not the author, and stays uncounted; no change.",
        ],
    },
    {
        "id": "s06", "file": "s06.txt", "kind": "un-press",
        "speakers": [
            S("Thandeka Mabuza-Okello", None,
              "the Secretary-General’s Special Envoy for the Great Lakes Region",
              ["Special Envoy", "Ms. Mabuza-Okello"]),
            S("Henrik Aasland-Mbeki", None,
              "Chair of the Group of Experts on the Democratic Republic of the Congo"),
            S(None, None, "the representative of France"),
            S(None, None, "the Russian Federation’s delegate"),
        ],
        "quotes": [
            Q("Every gram that leaves without a certificate is a gram that can buy a rifle,", 0, "name"),
            Q("asking few questions and receiving fewer answers.", 1, "pronoun"),
            Q("The men with guns are the visible part of a much larger enterprise,", 2, "pronoun"),
            Q("overdue but welcome,", None, "none"),
            Q("certification imperialism", 3, "role", scare=True),
            Q("the first victims, not the culprits,", 0, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [4, 2, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style Council briefing and debate: meeting/document header lines (p0), a headline with 'Special Envoy Warns', a role-only lede resolved in p3 ('said Special Envoy Thandeka Mabuza-Okello'), two delegates known only by role (France's representative, the Russian Federation's delegate), a group statement (the three African members, p6: speaker null), double spaces after full stops.",
            "Paraphrase counted: Mabuza-Okello p1 (headline: warns …, urging …), p2 (told the Council), p3 s2 (said … and urged …), p7 (told the Council that miners were “…” and asked …, mixed); Aasland-Mbeki p4 s1 (said the Group had documented …), p4 s2 ('he added', mixed); France p5 s1 (said that sanctions …); Russia p6 (cautioned against “certification imperialism” imposed by consumer countries, mixed; the same sentence reports the A3, a group, not counted). Left out: p3 s1 and p5 s2 (quote + tag).",
            "Second pass: re-read from scratch against the annotation; checked that the Russian delegate's sentence keeps unquoted content ('imposed by consumer countries on producers', counted) and that the role-only speakers' role strings match the text; no change.",
        ],
    },
    {
        "id": "s07", "file": "s07.txt", "kind": "un-press",
        "speakers": [
            S("Ilyas Bekmukhambetov", None, "the President of the General Assembly"),
            S("Teodora Vasilescu-Marin", None,
              "co-chair of the ad hoc working group on revitalization"),
            S(None, None, "The representative of Brazil"),
        ],
        "quotes": [
            Q("We are very good at saying things,", 0, "pronoun"),
            Q("We are less good at checking whether anyone listened.", 0, "context"),
            Q("must never be a polite word for cutting development", None, "none"),
            Q("modest, but real,", 1, "pronoun"),
            Q("If a resolution is adopted every year for twenty years, is it a policy or a ritual?", 2, "role"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [2, 2, 1],
        "neutral": ["Lwazi Dlamini-Ncube"],
        "notes": [
            "press.un.org-style General Assembly debate: session/meeting/document header (p0), country in brackets after names, a group statement (G77 and China delivered by Uganda, p4: speaker null, Uganda's speaker not a person-speaker), a role-only delegate (Brazil), a presiding Vice-President with no content (p8).",
            "Paraphrase counted: Bekmukhambetov p3 s1 (said the Assembly had adopted …), p3 s4 (proposed that …); Vasilescu-Marin p5 s1 (said that the group had agreed …), p5 s2 (described the outcome as “…” and encouraged …, mixed); Brazil p6 s2 (proposed that sponsors …). Left out: headline ('with Speakers Urging …') and p2 ('delegates warned'): groups; p4 (the Group of 77: a group); p6 s1 ('asked:' with everything after it quoted); p7 (several speakers: a group).",
            "Second pass: re-read from scratch against the annotation; checked that the G77 quote ends before the full stop (closing mark then '.'), and that 'He' in p6 s2 is Brazil's representative; no change.",
        ],
    },
    {
        "id": "s08", "file": "s08.txt", "kind": "un-press",
        "speakers": [
            S("Martín Echeverría Solís", None,
              "the Under-Secretary-General for Humanitarian Affairs and Emergency Relief Coordinator",
              ["Emergency Relief Coordinator"]),
            S("Amara Conteh-Williams", None, "Director of the Freetown Centre for Humanitarian Studies"),
            S("Leila Haddad-Moreau", "Dr.",
              "the President of the International Federation of Red Cross and Red Crescent Societies"),
        ],
        "quotes": [
            Q("We are no longer prioritizing,", 0, "pronoun"),
            Q("We are rationing.", 0, "context"),
            Q("a word we put in reports instead of a budget line.", 1, "name"),
            Q("Neutrality is not a slogan,", 2, "pronoun"),
            Q("it is what keeps our volunteers alive.", 2, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [4, 2, 1],
        "neutral": ["Sung-min Park"],
        "notes": [
            "press.un.org-style ECOSOC segment: header lines (p0), a headline and lede with the role only, the name first given in p4 as a sentence subject with no role ('Martín Echeverría Solís said …'), a Vice-President who only opens and outlines the programme (neutral, p3), a split quote (p6).",
            "Paraphrase counted: Echeverría Solís p1 (headline: Funding Falling …, Coordinator Tells Council), p2 (told the Council), p4 s1 (said that appeals …), p4 s4 (called on donors …); Conteh-Williams p5 s1 (said that localization had become “…”, mixed), p5 s2 ('Local organizations, she said, …'); Haddad-Moreau p6 s1 (stressed that volunteers …). Left out: p3 ('outlined the programme of work': no content), p7 (delegations: groups).",
            "Second pass: re-read from scratch against the annotation; checked that 'localization' in p5 is unquoted (no scare term) and that the p6 split quote is two pronoun quotes; no change.",
        ],
    },
    {
        "id": "s09", "file": "s09.txt", "kind": "un-press",
        "speakers": [
            S("Mónica Ixchel Tuyuc", None, "the Special Rapporteur on the right to food",
              ["Special Rapporteur", "Ms. Tuyuc"]),
            S("Pradeep Venkataraman", None,
              "a researcher with the Global Hunger Monitoring Network", ["Mr. Venkataraman"]),
        ],
        "quotes": [
            Q("Famine is never a natural disaster,", 0, "pronoun"),
            Q("It is always a political decision, even when the decision is to look away.", 0, "context"),
            Q("a good resolution that nobody enforces.", 0, "name"),
            Q("but better is a low bar.", 1, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [6, 2],
        "neutral": ["Yusuf Demirci-Halvorsen"],
        "notes": [
            "press.un.org-style press conference: a role-only lede resolved in p2 ('Special Rapporteur Mónica Ixchel Tuyuc'), a three-part Spanish/Mayan name with 'Ms. Tuyuc' later, correspondents' questions (anonymous: not speakers), a moderator with no content (p7).",
            "Paraphrase counted: Tuyuc p1 (said …, calling on States …), p2 s1 (said that the number …), p4 s1 (replied that resolution 2417 (2018) was “…”, mixed), p4 s2 (added that she had written …), p6 s1 (said that funding had followed the headlines …), p6 s2 (urged …, which she called …); Venkataraman p3 (who said satellite imagery showed …), p5 (said humanitarian exemptions were working better, “but better is a low bar.”, mixed). Left out: p2 s2 and s3 (quote + tag, bare quotation).",
            "Second pass: re-read from scratch against the annotation; checked that 'She' in p3 and p6 s2 is the Rapporteur, and that the quote in p5 is a fragment tagged by name in the same sentence; no change.",
        ],
    },
    {
        "id": "s10", "file": "s10.txt", "kind": "other",
        "speakers": [
            S("Farah Al-Mansouri", "Dr",
              "a senior research fellow in the Middle East and North Africa Programme",
              ["Al-Mansouri"]),
            S("Richard Ashdown-Pike", None, "a former Treasury official who now advises Gulf ministries"),
            S("Noor Jahan Siddiqui", None, "leads a climate finance team at an Asian development bank"),
        ],
        "quotes": [
            Q("built for a world of permanent surplus", 0, "pronoun"),
            Q("Every forecast of the end of oil has been wrong for fifty years,", 1, "pronoun"),
            Q("That does not mean this one is wrong, but it should make us humble.", 1, "context"),
            Q("the cheapest barrel is the one you do not need to sell to buy air conditioning", 2, "pronoun"),
            Q("a marathon, not a cliff", None, "none"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 1, 1],
        "neutral": ["Geoffrey Mallinson"],
        "notes": [
            "Chatham House-style event summary: British single quotation marks with punctuation outside the closing mark ('…’,' and '…’.'), 'Dr' without a full stop, 'according to', a chair with 'Sir' and no content (p5), officials speaking under the Rule (a group: speaker null, p6), surname only at the end (p7).",
            "Paraphrase counted: Al-Mansouri p2 s1 ('The answer, according to Dr Farah Al-Mansouri, …, is that …'), p2 s2 ('Sovereign funds, she argued, …', mixed), p7 ('closed with a warning: every year …', unquoted content after the colon); Ashdown-Pike p3 s2 (said the pessimism was overdone); Siddiqui p4 s2 (pointed out … and said that ‘…’). Left out: p1 (the roundtable's question), p3 s1 ('Not everyone agreed.'), p4 s1 ('For Noor Jahan Siddiqui, the more pressing question was …': no reporting verb, borderline), p6 (officials: a group).",
            "Second pass: re-read from scratch against the annotation; confirmed the honorific 'Dr' as printed (no full stop), that no apostrophe inside the single-quoted spans ends a span early, and kept p2 s1 ('according to') counted as a reporting tag (borderline); no change.",
        ],
    },
    {
        "id": "s11", "file": "s11.txt", "kind": "other",
        "speakers": [
            S("Viktor Hrabal", "Dr.", "Senior Fellow, Center for Strategic Stability",
              ["Dr. Hrabal", "Hrabal"]),
            S("Adaeze Nwankwo-Harris", "Professor", "Professor of Practice, Strategic Studies",
              ["Professor Nwankwo-Harris"]),
            S("Kenji Morimoto", "Ambassador (ret.)", "former Japanese Disarmament Ambassador",
              ["Ambassador Morimoto"]),
        ],
        "quotes": [
            Q("worst-case planning is how arms races start.", 0, "pronoun"),
            Q("The nuclear-weapon-free zones did not wait for the superpowers,", 1, "pronoun"),
            Q("and they have outlasted most of the superpower treaties.", 1, "pronoun"),
            Q("Patience is a policy,", 2, "pronoun"),
            Q("to minutes, maybe less.", 0, "name"),
        ],
        "not_quotes": ["Dean’s Forum"],
        "paraphrase_counts": [3, 2, 2],
        "neutral": ["Samuel Okonjo", "Lorraine Whitcombe-Obi"],
        "notes": [
            "SAIS-style school event page: a speaker list with roles after names, one line each (single newlines: the list is one paragraph, p1), 'Moderated by' line, an associate dean who only introduces (p2), 'Ambassador (ret.)' as honorific, surname only at the end (p7), students' questions (a group).",
            "Not a quote: the series name “Dean’s Forum” (p2).",
            "Paraphrase counted: Hrabal p4 s1 (argued), p4 s2 ('he said', mixed), p7 s2 (cautioned that …, mixed); Nwankwo-Harris p5 s1 (pushed back on the idea that …), p5 s2 (pointed to … as models); Morimoto p6 s1 (reminded students that …), p6 s2 (recalled a session …). Left out: p3 (the panelists: a group), p7 s1 (students asked: a group), quote + tag sentences.",
            "Second pass: re-read from scratch against the annotation; the moderator Samuel Okonjo appears only in the list (neutral); checked the split quote in p5 (two pronoun quotes); no change.",
        ],
    },
    {
        "id": "s12", "file": "s12.txt", "kind": "other",
        "speakers": [
            S("Chanthavong Phommachanh", "Dr.", "a hydrologist at the National University of Laos",
              ["Dr Chanthavong"]),
            S("Ngo Thi Thu Trang", None, "SEI Research Fellow", ["Ms Ngo"]),
            S("Birgitta Lindahl-Oduya", "Dr.", "the Swedish Water House", ["Dr Lindahl-Oduya"]),
        ],
        "quotes": [
            Q("We have more sensors on the river than ever, and less trust in what they tell us,", 0, "name"),
            Q("People here measure the river in meals,", 1, "pronoun"),
            Q("When the water comes late, the meals get smaller.", 1, "context"),
            Q("Rivers are patient teachers.", 2, "pronoun"),
            Q("Publish, then argue.", 0, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [1, 1, 1],
        "neutral": ["Aurélie Fontaine-Rattanakorn"],
        "notes": [
            "SEI-style panel write-up: present-tense 'says', a quote before the name with the panel list only after it (p3), a Lao name referred to later by the given name ('Dr Chanthavong', as is usual in Laos), a Vietnamese name with the family name first ('Ms Ngo'), 'Dr' with and without a full stop, a moderator with no content (p3).",
            "Sokha Chea (p3) is only listed as a panelist and says nothing in the excerpt: not a speaker, not neutral (not a moderator or opener).",
            "Paraphrase counted: Chanthavong p2 s2 (explained that …); Ngo p4 s1 (presented findings …, showing that households had lost …); Lindahl-Oduya p5 s1 (argued that …, noting that …). Left out: p5 s2 ('She was optimistic nonetheless: “…”': everything after the colon quoted), p7 ('answered in three words: “…”'), p6 (no speaker).",
            "Second pass: re-read from scratch against the annotation; confirmed that the three-word closing answer is an ordinary quote (no scare flag), that p6 is narration, and that Sokha Chea stays out; no change.",
        ],
    },
    {
        "id": "s13", "file": "s13.txt", "kind": "other",
        "speakers": [
            S("Solange Duverger-Ashworth", None,
              "a Canadian-Haitian lawyer who has led the UN political office in Port-au-Prince",
              ["UN envoy", "the top UN official in the country"]),
            S("Jean-Robert Étienne-Lafontant", None, "Haiti’s ambassador to the UN"),
            S("Marcus Holloway-Reyes", None, "acting US deputy ambassador", ["Holloway-Reyes"]),
            S("Fu Jianming", None, "China’s envoy"),
        ],
        "quotes": [
            Q("control the roads", 0, "role"),
            Q("The gangs do not hold territory the way an army does. They hold the roads,", 0, "name"),
            Q("grateful but impatient", 1, "name"),
            Q("We have been promised helicopters for eighteen months,", 1, "pronoun"),
            Q("We are still waiting.", 1, "context"),
            Q("This cannot be an American mission with international decorations,", 2, "name"),
            Q("outside prescriptions", 3, "name", scare=True),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 1, 1, 1],
        "neutral": [],
        "notes": [
            "Wire report (curly marks, blank lines): a headline quote in single marks under a descriptor ('UN envoy warns', attribution role), a role-only lede ('the top UN official in the country'), the name only in p2 after the quote with a long appositive, role-then-name ('acting US deputy ambassador Marcus Holloway-Reyes'), a state (the United States, p5 s1: not a speaker), a Chinese name in family-name-first order, a two-word scare term, surname only in p7.",
            "The headline quote 'control the roads' is not verbatim in the body (p2 says 'They hold the roads'); it is still a quotation attributed to the envoy.",
            "Paraphrase counted: Duverger-Ashworth p0 (headline: warns … that gangs ‘…’, mixed), p1 (told the Security Council …, urging …), p3 (She told the council that …); Étienne-Lafontant p4 s1 (said his government was ‘…’ and asked for the aircraft …, mixed); Holloway-Reyes p7 (told reporters that …); Fu p6 (said sanctions should be tightened …, warned against …). Left out: p5 s1 (the United States: a state), quote + tag sentences.",
            "Second pass: re-read from scratch against the annotation; confirmed that p4 s1 carries a request outside the single-quoted fragment (counted), that the headline quote's attribution is role (descriptor only) and that Holloway-Reyes's p5 sentence is quote + tag (not counted); no change.",
        ],
    },
    {
        "id": "s14", "file": "s14.txt", "kind": "other",
        "speakers": [
            S("Abebe Tesfaye-Lindgren", None, "the UN's deputy special representative in Juba",
              ["a senior UN official", "Tesfaye-Lindgren"]),
            S("Akuol Deng Majok", None, "South Sudan's UN ambassador", ["Majok"]),
            S(None, None, "one council diplomat"),
        ],
        "quotes": [
            Q("at risk", 0, "context"),
            Q("The electoral commission has offices, it has staff, and it has a date. What it does not have is money,", 0, "name"),
            Q("The people of South Sudan have waited long enough,", 1, "pronoun"),
            Q("They will not wait for donors to make up their minds.", 1, "context"),
            Q("deeply concerned", None, "none"),
            Q("Everyone wants elections, nobody wants to pay for the wrong ones,", 2, "role"),
            Q("must be able to campaign without fear.", 0, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 2, 0],
        "neutral": [],
        "notes": [
            "Wire report with straight quotes and straight apostrophes, one sentence or two per line and single newlines only (paragraph 0 throughout; 'line N' is 0-based): a headline quote with no tag ('Council told South Sudan vote 'at risk'', attribution context: the official of line 1), a role-only lede resolved in line 2, a state's quote (Britain, line 5: speaker null), an anonymous diplomat known only by role (a role-only speaker), surnames only later (lines 8, 9).",
            "'at risk' is not marked scare: it is a short phrase, not a term the text says the official used (borderline).",
            "Paraphrase counted: Tesfaye-Lindgren line 1 (told the Security Council …), line 3 (He said the commission had received …), line 8 (urged …, saying opposition figures \"…\", mixed); Majok line 4 s1 (insisted the vote would go ahead), line 9 (told reporters that …). Left out: line 0 (headline: passive 'Council told', the official not referred to, borderline), line 5 (Britain: a state), line 6 (narration), line 7 s1 ('Some diplomats privately question': a group), quote + tag sentences.",
            "Second pass: re-read from scratch against the annotation; checked every line number in these notes against the text (line 6 is narration added while drafting, for length), and that the straight apostrophes (Sudan's, UN's, country's) open no single-quoted span; no change.",
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
        if not 230 <= words <= 1200:
            err(f"{words} words, not 230-1200")
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
