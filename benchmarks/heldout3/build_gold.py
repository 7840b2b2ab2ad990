#!/usr/bin/env python3
"""Build (and check) gold.json for the third held-out set of reports, k01 … k15.

The reports in this folder were written for this set: invented events, people and words,
in the styles of IPI event summaries, UN meetings coverage, wire reports and think-tank
write-ups. The annotations below follow ../../../shared/reports/README.md (speakers,
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
    speaker indices, attributions, scare flags and paraphrase_counts are consistent.

Usage: python benchmarks/heldout3/build_gold.py          (writes gold.json beside it)
       python benchmarks/heldout3/build_gold.py --check  (fails if gold.json is stale)
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
        "id": "k01", "file": "k01.txt", "kind": "ipi",
        "speakers": [
            S("Rosalind Achterberg", "Dr.", "IPI Vice President"),
            S("Tomás Ibarra Quiroga", "Lieutenant General",
              "Military Adviser in the UN Department of Peace Operations", ["General Ibarra"]),
            S("Hélène Mbarga-Fouda", None,
              "Environmental Security Officer with the UN Mission in South Sudan",
              ["Ms. Mbarga-Fouda"]),
            S("Anders Lyngstad", "Colonel", "the Norwegian Armed Forces", ["the colonel"]),
            S("Kwame A. Sarpong-Boateng", "Professor", "the University of Ghana",
              ["Prof. Sarpong-Boateng"]),
        ],
        "quotes": [
            Q("For too long we have treated climate as a background condition, something that happens to a mission rather than something a mission must plan for,", 0, "pronoun"),
            Q("no infantry manual prepares you for.", 1, "pronoun"),
            Q("We measure rainfall now the way we used to count rounds of ammunition,", 1, "name"),
            Q("It is not a metaphor. The day the wells dry up is the day the incidents begin.", 1, "context"),
            Q("that is where the violence concentrates, year after year.", 2, "pronoun"),
            Q("advise, but they do not decide.", 2, "pronoun"),
            Q("at a rate that would embarrass an oil company,", 3, "role"),
            Q("Every truck we do not send is a truck that cannot be ambushed.", 3, "context"),
            Q("climate determinism.", 4, "name", scare=True),
            Q("Drought does not pick up a gun. People do, and they do it when institutions fail them.", 4, "pronoun"),
            Q("as if the weather were a party to the conflict.", 4, "name"),
            Q("the mission leaves, but the solar panels can stay,", 2, "name"),
        ],
        "not_quotes": ["Climate, Conflict and the Future of UN Peace Operations,",
                       "Weathering the Mandate,"],
        "paraphrase_counts": [2, 3, 4, 1, 3],
        "neutral": ["Adaeze Okonkwo-Bright", "Fionnuala Gilroy"],
        "notes": [
            "IPI-style event summary: opening remarks with content, keynote by a general, a moderator with no content, three panelists, closing remarks with no content.",
            "Not quotes: the forum title (p1) and the report title “Weathering the Mandate” (p2).",
            "The Pacific island participant (p9) is anonymous audience: left out.",
        ],
    },
    {
        "id": "k02", "file": "k02.txt", "kind": "ipi",
        "speakers": [
            S("Warrick Delacroix-Nunes", None, "IPI’s Director of Research",
              ["Mr. Delacroix-Nunes", "the moderator"]),
            S("Grace Wanjiru Mũthoni", "Ms.", "founder of the Nakuru Women’s Mediation Network"),
            S("Jean-Baptiste Kaboré-Lindqvist", None,
              "the peacebuilding unit at the Swedish International Development Cooperation Agency",
              ["Mr. Kaboré-Lindqvist"]),
            S("Leilani Faʻasalele", "Dr.", "an economist at the Pacific Resilience Institute",
              ["Dr. Faʻasalele"]),
        ],
        "quotes": [
            Q("We spend a great deal of energy praising local peacebuilders and very little money on them,", 0, "pronoun"),
            Q("If we were honest, we would admit that the system is designed to fund itself.", 0, "context"),
            Q("We are asked for audited accounts in English before anyone asks us what we have achieved.", 1, "name"),
            Q("smaller than one consultant’s annual fee.", 1, "pronoun"),
            Q("The money exists,", 1, "pronoun"),
            Q("It sits in pooled funds and trust funds and windows within windows.", 1, "pronoun", unclosed=True),
            Q("What does not exist is a door that a women’s group in Nakuru can knock on.", 1, "context"),
            Q("localization", 2, "pronoun", scare=True),
            Q("We built rules to prevent fraud, and now the rules prevent impact,", 2, "name"),
            Q("The trickle-down theory of peacebuilding has been tested,", 3, "name"),
            Q("It failed.", 3, "context"),
            Q("Accountable to whom?", 0, "name"),
            Q("stop admiring the problem", 0, "role"),
        ],
        "not_quotes": ["reform,", "Counting What Arrives,"],
        "paraphrase_counts": [1, 1, 3, 3],
        "neutral": [],
        "notes": [
            "IPI-style roundtable: the moderator also speaks (a gold speaker, not neutral); a quotation continued over a paragraph break (p4 has no closing mark; p5 goes on: a context quote).",
            "Not quotes: “reform” (p7), a word the speaker never used; the paper title “Counting What Arrives” (p7).",
            "The NGO representative (p8) is an anonymous participant: left out.",
            "Speaker 1's honorific Ms. and the name with diacritics (Mũthoni); speaker 3's name has an okina (Faʻasalele).",
        ],
    },
    {
        "id": "k03", "file": "k03.txt", "kind": "ipi",
        "speakers": [
            S("A.K. Mensah", "Dr.", "a Senior Adviser at IPI", ["Dr. Mensah", "Mensah", "the author"]),
            S("Ousmane Diallo-Tiendrébéogo", "H.E. Mr.",
              "Permanent Representative of Burkina Faso to the United Nations", ["the Ambassador"]),
            S("Ingrid Solheim-Abara", "Professor",
              "Columbia University’s School of International and Public Affairs"),
        ],
        "quotes": [
            Q("never wrote anything down.", 0, "name"),
            Q("a craft learned at funerals and weddings,", 0, "pronoun"),
            Q("They were schoolteachers, imams, market women, retired colonels,", 0, "pronoun"),
            Q("Nobody gave them a mandate. They gave themselves one.", 0, "context"),
            Q("This is the book I wish I had read before my first posting,", 1, "role"),
            Q("do not like to be reminded who really did the work.", 1, "pronoun"),
            Q("Informality protects the mediator. It does not always protect the people the mediator is talking about,", 2, "pronoun"),
            Q("Professor Solheim-Abara is right that we romanticize,", 0, "pronoun"),
            Q("but the alternative to informal mediation in 1994 was not formal mediation. It was nothing.", 0, "pronoun"),
            Q("reconstituted by a workshop.", 0, "name"),
        ],
        "not_quotes": ["The Quiet Mediators",
                       "The Quiet Mediators: Track-Two Diplomacy in West Africa, 1990–2020,"],
        "paraphrase_counts": [5, 2, 3],
        "neutral": ["Marthe van Heerden-Duchamp"],
        "notes": [
            "IPI-style book launch: initials (A.K. Mensah), H.E. Mr., a chair with no content (she asks a question, paraphrased, p8), a woman's 'she' right after a man's name (p5), a quote that names another panelist (p7: not her quote).",
            "Not quotes: the book title, in the headline and p1.",
            "Chukwuemeka Ofodile (p9) is only mentioned.",
        ],
    },
    {
        "id": "k04", "file": "k04.txt", "kind": "ipi",
        "speakers": [
            S("Beatriz Ferreira do Amaral", None, "Under-Secretary-General for Humanitarian Affairs",
              ["Ferreira", "Ms. Ferreira do Amaral", "The Under-Secretary-General"]),
            S("Zoltán Hegedűs-Marr", None, "IPI President", ["Mr. Hegedűs-Marr"]),
        ],
        "quotes": [
            Q("The Arithmetic of Humanitarian Aid Has Broken,", 0, "name"),
            Q("The arithmetic of humanitarian aid has broken,", 0, "pronoun"),
            Q("We asked for fifty-one billion dollars last year. We received less than half. And behind every dollar we did not receive there is a decision, taken by one of my colleagues in the field, about who eats and who does not.", 0, "pronoun", unclosed=True),
            Q("I do not accept that this is a technical problem. It is a political choice, and it is being made by default.", 0, "context"),
            Q("very good at describing suffering and much less good at preventing it.", 0, "name"),
            Q("prioritize the prioritized,", 0, "role"),
            Q("The crises nobody is filming.", 0, "pronoun"),
            Q("Is the system too big to fail, or too big to change?", 1, "pronoun"),
            Q("Both, on a bad day,", 0, "role"),
            Q("On a good day, neither.", 0, "context"),
            Q("volatile,", 0, "pronoun", scare=True),
            Q("Why should donors trust pooled funds they cannot see into?", None, "none"),
        ],
        "not_quotes": ["triage,"],
        "paraphrase_counts": [6, 0],
        "neutral": [],
        "notes": [
            "IPI Global Leaders Series keynote and conversation: a headline quote, role-before-name (p1), a quotation continued over a paragraph break (p2 unclosed, p3), the title 'the Under-Secretary-General', a particle in the surname (do Amaral).",
            "Not quote: “triage” (p5), a word she did not use.",
            "The interviewer is a speaker through his quoted question (p7); his paraphrased question (p6) is not counted as a paraphrase sentence.",
            "The Gulf foundation participant's quoted question (p9) is anonymous audience: speaker null.",
        ],
    },
    {
        "id": "k05", "file": "k05.txt", "kind": "ipi",
        "speakers": [
            S("Ahmad Faisal bin Rahmat", "Rear Admiral (Ret.)",
              "former Chief of Staff of the Royal Malaysian Navy", ["Admiral Ahmad Faisal"]),
            S("Nguyễn Thị Thu Hà", None, "Senior Researcher at the Diplomatic Academy of Viet Nam",
              ["Dr. Nguyễn Thị Thu Hà", "Dr. Hà"]),
            S("Jorge Luis Villanueva-Santos", "Commander", "the Philippine Coast Guard",
              ["Commander Villanueva-Santos", "The commander"]),
        ],
        "quotes": [
            Q("Our sailors talk to each other on the radio every day,", 0, "pronoun"),
            Q("Our ministries meet once a year and issue a statement nobody reads.", 0, "context"),
            Q("every incident at sea starts as a story about fish.", 1, "pronoun"),
            Q("a coast guard diplomacy that does not wait for a crisis", 1, "name"),
            Q("We are not a navy, and that is our advantage,", 2, "name"),
            Q("white hulls,", 2, "pronoun", scare=True),
            Q("a picture you cannot act on is only a picture.", 0, "name"),
            Q("the sea does not keep the calendar of summits.", None, "none"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 4, 2],
        "neutral": ["Kenji Morimoto-Hale", "Siti Nurhaliza Osman", "Priya Raghunathan"],
        "notes": [
            "IPI-style regional seminar: 'Opening remarks were given by' two people with no content, a list of speakers (p3), a Malay name with bin and no surname (Admiral Ahmad Faisal), a Vietnamese name whose honorific first appears later (Dr. Hà), 'According to', 'In his view', a quote-first sentence, a group quote (p8: speaker null), closing remarks with no content.",
            "The Indonesian participant (p7) is anonymous audience: left out.",
        ],
    },
    {
        "id": "k06", "file": "k06.txt", "kind": "un-press",
        "speakers": [
            S("SUNNIVA HARALDSEN-OBI", None,
              "Under-Secretary-General for Humanitarian Affairs and Emergency Relief Coordinator",
              ["Relief Chief", "The Emergency Relief Coordinator", "Ms. Haraldsen-Obi"]),
            S("AMAL HADI SALEH", None, "Director of the Varkash Women’s Relief Association",
              ["Ms. Saleh"]),
            S(None, None, "The representative of the United States"),
            S(None, None, "the representative of Sierra Leone"),
            S(None, None, "The Russian Federation’s delegate"),
            S(None, None, "France’s representative"),
            S(None, None, "The representative of Meridia"),
        ],
        "quotes": [
            Q("We are not asking for favours,", 0, "pronoun"),
            Q("We are asking for what international humanitarian law already requires: safe, rapid and unimpeded access.", 0, "context"),
            Q("tents designed for three weeks, now in their third winter.", 0, "pronoun"),
            Q("A corridor that opens for one day a month is not a corridor. It is a photo opportunity.", 0, "role"),
            Q("walking four hours for water and four hours back.", 1, "name"),
            Q("When the international agencies leave, we are still here,", 1, "name"),
            Q("Fund us as if you meant it.", 1, "context"),
            Q("deeply alarmed", 2, "role", scare=True),
            Q("without preconditions and without delay.", 2, "pronoun"),
            Q("Meridian-owned and Meridian-led.", 3, "role"),
            Q("must not become a pretext for interference in the internal affairs of a sovereign State.", 4, "role"),
            Q("impunity for attacks on humanitarian personnel is itself a driver of the crisis", 5, "role"),
            Q("dialogue and consultation", None, "none"),
            Q("demilitarized in fact, not only on paper.", None, "none"),
            Q("outdated and exaggerated", 6, "role"),
            Q("The Government of Meridia has never obstructed humanitarian assistance,", 6, "pronoun"),
            Q("and it will not accept lectures from those who arm the Coalition.", 6, "pronoun"),
            Q("I am happy to share them with the delegation of Meridia, line by line,", 0, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [5, 2, 2, 2, 2, 1, 1],
        "neutral": [],
        "notes": [
            "press.un.org-style Security Council briefing: briefers' names in capitals, a headline descriptor ('Relief Chief'), the title 'The Emergency Relief Coordinator', five delegates known only by role (one speaking for the A3+), a state (China, p12) and 'Several members' (p13) whose quotes have speaker null, full stops outside the closing mark (p11, p14).",
        ],
    },
    {
        "id": "k07", "file": "k07.txt", "kind": "un-press",
        "speakers": [
            S("Li Wenhao", None, "Under-Secretary-General for Economic and Social Affairs", ["Mr. Li"]),
            S("Rebecca Ashworth-Kimani", None,
              "Director of the Financing for Sustainable Development Office"),
            S(None, None, "The representative of Uganda"),
            S(None, None, "the representative of Samoa"),
            S(None, None, "The representative of the European Union"),
            S("Olusegun Adeyemi-Clarke", "Dr.", "Minister of State for Finance of Nigeria",
              ["Dr. Adeyemi-Clarke"]),
            S(None, None, "The delegate of Mexico"),
            S(None, None, "The representative of Pakistan"),
        ],
        "quotes": [
            Q("This is not a liquidity problem that will pass,", 0, "name"),
            Q("For many countries, it has become a development emergency.", 0, "context"),
            Q("every hurricane season now doubles as a debt crisis for somebody.", 1, "pronoun"),
            Q("built for a world that no longer exists.", 2, "role"),
            Q("We did not cause this crisis,", 3, "pronoun"),
            Q("but we are paying for it twice: once in damage, and again in interest.", 3, "pronoun"),
            Q("We are told to be patient,", 5, "name"),
            Q("Our young people are not patient, and they should not be.", 5, "context"),
            Q("procyclical by design", 6, "role"),
            Q("more than another declaration.", None, "none"),
        ],
        "not_quotes": ["Debt and Development: Breaking the Cycle"],
        "paraphrase_counts": [2, 2, 2, 1, 1, 1, 1, 1],
        "neutral": ["Mateus Alvim de Sá"],
        "notes": [
            "press.un.org-style General Assembly Second Committee debate: the Chair with a country in parentheses and no content, a Chinese name (Mr. Li), 'speaking on behalf of the Group of 77 and China', 'Speaking for the Alliance of Small Island States', a quote split by 'she said', six delegates known only by role, a report title in quotation marks, 'Several delegates' (p13: speaker null).",
        ],
    },
    {
        "id": "k08", "file": "k08.txt", "kind": "un-press",
        "speakers": [
            S("Halima Sesay-Norström", None, "Deputy Secretary-General",
              ["The Deputy Secretary-General"]),
            S("Thandiwe Mokoena-Baptiste", None, "the President of the Council"),
            S("Emeka Obi-Lindgren", "Professor", "the London School of Economics",
              ["Mr. Obi-Lindgren"]),
            S("Aigerim Tulegenova", None, "a 23-year-old youth delegate from Kazakhstan"),
            S("Marguerite N’Diaye-Sow", None, "Minister for Youth and Employment of Senegal",
              ["The Minister", "Ms. N’Diaye-Sow"]),
        ],
        "quotes": [
            Q("a Slow-Motion Emergency", 0, "role"),
            Q("These are not statistics,", 1, "pronoun"),
            Q("They are our future taxpayers, parents and leaders.", 1, "context"),
            Q("Youth unemployment is a slow-motion emergency,", 0, "pronoun"),
            Q("It does not make the evening news, but it shapes everything that follows: migration, unrest, despair.", 0, "context"),
            Q("which is precisely the rung young people need to climb.", 2, "pronoun"),
            Q("a degree is no longer a ladder; at best, it is a ticket to the queue.", 2, "name"),
            Q("We are told we are the future,", 3, "pronoun"),
            Q("We would like to be the present, and we would like to be paid for it.", 3, "context"),
            Q("written out of every employment strategy I have ever read.", 4, "role"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [5, 1, 2, 1, 3],
        "neutral": ["Javier Ocampo-Reyes"],
        "notes": [
            "press.un.org-style ECOSOC special meeting: a headline quote in single curly marks under a title only, the President with a country in parentheses, 'she' after two women and a man, a moderator with no content, an apostrophe inside a name (N’Diaye-Sow), 'The Minister'.",
        ],
    },
    {
        "id": "k09", "file": "k09.txt", "kind": "un-press",
        "speakers": [
            S("HELEN MARCHBANKS-OYELARAN", None, "United Kingdom"),
            S("MARTÍN ECHEVERRÍA LUQUE", None, "Ecuador"),
            S(None, None, "The representative of China"),
            S(None, None, "the Russian Federation’s representative"),
            S("ALBERTO MUCAVELE MACUÁCUA", None, "Mozambique", ["Mr. Macuácua"]),
            S("LÉA DUBOIS-KAMARA", None, "France"),
            S(None, None, "The representative of Ostrelia"),
        ],
        "quotes": [
            Q("This mandate gives the Mission what it needs to protect civilians in an election year,", 0, "pronoun"),
            Q("and it gives the Government a clear road map toward the Mission’s exit.", 0, "pronoun"),
            Q("must reach the women who are being kept off the lists, not only the ones already on them", 1, "pronoun"),
            Q("does not sufficiently reflect the views of the host country", 2, "role"),
            Q("realistic, focused and time-bound,", 2, "pronoun"),
            Q("mandate creep.", 3, "role", scare=True),
            Q("The people of Ostrelia are tired of being discussed,", 4, "name"),
            Q("They want to be heard.", 4, "context"),
            Q("a gamble with other people’s lives.", 5, "pronoun"),
            Q("the time of open-ended missions is over.", 6, "role"),
            Q("a laboratory for experiments in peacekeeping,", 6, "pronoun"),
        ],
        "not_quotes": ["in close consultation with the host Government",
                       "Protecting Civilians in Transition"],
        "paraphrase_counts": [1, 2, 2, 2, 1, 2, 2],
        "neutral": [],
        "notes": [
            "press.un.org-style adoption with explanations of vote: delegates named in capitals with the country in parentheses (role_org is the country), delegates known only by role, full stops and commas outside the closing mark.",
            "Not quotes: words of the resolution (p3: document text, nobody's words) and a report title (p9).",
            "Ingeborg Thorsdóttir (p3) is only mentioned.",
        ],
    },
    {
        "id": "k10", "file": "k10.txt", "kind": "other",
        "speakers": [
            S("Dagny Aasheim-Rossi", None, "a former Norwegian deputy foreign minister",
              ["UN envoy", "the UN's special envoy for the Sarmatian Gulf", "the envoy",
               "Aasheim-Rossi"]),
            S("Radomir Velichkov", None, "Corvania's ambassador", ["Velichkov"]),
            S("Marcus T. Oyelowo-Grant", None, "US Deputy Ambassador", ["Oyelowo-Grant"]),
            S(None, None, "one Council diplomat"),
        ],
        "quotes": [
            Q("last chance", 0, "role", scare=True),
            Q("We are running out of road,", 0, "role"),
            Q("If the guns start again, they will not stop at the old front line,", 0, "name"),
            Q("This time the fighting will reach the ports.", 0, "context"),
            Q("the last chance for a negotiated settlement this year", 0, "pronoun"),
            Q("with eyes, not only ears.", 0, "pronoun"),
            Q("The envoy is repeating the propaganda of a regime that exists only on paper,", 1, "name"),
            Q("no intention", 1, "pronoun", scare=True),
            Q("certain Western capitals", 1, "pronoun"),
            Q("The United States stands ready to support a monitoring mission, and so should every member of this Council,", 2, "name"),
            Q("Nobody wants to be the one to veto it, and nobody wants to vote for it,", 3, "role"),
            Q("So it will sit in a drawer until something terrible happens.", 3, "context"),
            Q("I have seen worse weeks end well,", 0, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [5, 2, 2, 0],
        "neutral": [],
        "notes": [
            "Wire report with straight quotation marks and apostrophes: a headline scare quote in straight single marks, quote-first sentences, the name given only in the second paragraph ('said the envoy, Dagny Aasheim-Rossi'), 'he' carried into a paragraph with no name (p6), an anonymous diplomat quoted (a person known only by role: a gold speaker), 'diplomats said' (p8, a group, no quote).",
            "Velichkov's quote names 'The envoy' (p5): not the envoy's words.",
        ],
    },
    {
        "id": "k11", "file": "k11.txt", "kind": "other",
        "speakers": [
            S("Teuila Malietoa-Brown", None, "Samoa’s finance minister", ["Malietoa-Brown"]),
            S("Reto Ammann-Félix", None, "Swiss diplomat", ["The chair of the talks"]),
            S(None, None, "A spokesperson for the Paris Club of creditor nations",
              ["The spokesperson"]),
            S(None, None, "One European negotiator"),
            S("Tomasz Wierzbicki-Hale", None,
              "a debt analyst at the Overseas Development Policy Centre in London",
              ["Wierzbicki-Hale"]),
        ],
        "quotes": [
            Q("nothing we can take home.", None, "none"),
            Q("We came here to talk about survival and they want to talk about procedure,", 0, "name"),
            Q("We will not sit in a room where our future is a footnote.", 0, "context"),
            Q("There is no offer on the table that any of our parliaments could accept,", 0, "pronoun"),
            Q("We are taking a pause,", 0, "pronoun"),
            Q("all parties remain committed to the process.", 1, "name"),
            Q("substantial", 2, "role", scare=True),
            Q("politically impossible in an election year for half the creditors.", 3, "role"),
            Q("less than a rounding error", 4, "name"),
            Q("The creditors are offering to move the furniture,", 4, "name"),
            Q("The islands are asking who owns the house.", 4, "context"),
            Q("If they want us back, they know where to find us.", 0, "context"),
        ],
        "not_quotes": ["boycott."],
        "paraphrase_counts": [2, 1, 1, 1, 1],
        "neutral": [],
        "notes": [
            "Wire report: a group quote in the lede (negotiators: speaker null), quote-first with the name after the verb, a pronoun paragraph, 'According to', an anonymous negotiator and a spokesperson known only by role, states (Japan and Germany, p9) with no quote.",
            "Not quote: “boycott.” (p3), the word she declined to use.",
            "The last quote (p10) has no tag: context.",
        ],
    },
    {
        "id": "k12", "file": "k12.txt", "kind": "other",
        "speakers": [
            S("Amadou Kane-Rasmussen", None, "High Commissioner",
              ["UN rights chief", "The U.N. human rights chief", "The high commissioner",
               "Kane-Rasmussen"]),
            S("Leyla Ardıç-Mwangi", None, "the Telmar program at the advocacy group Humanitarian Watch"),
            S("Sorin Vălean-Hoxha", None, "Telmar’s ambassador in Geneva", ["Vălean-Hoxha"]),
            S(None, None, "A Western diplomat in Geneva", ["the diplomat"]),
        ],
        "quotes": [
            Q("a stain", 0, "role"),
            Q("a stain on the conscience of the region", 0, "role"),
            Q("I have spoken to women who have not seen their children in two years,", 0, "name"),
            Q("Nobody has charged them with anything. Nobody has told them why they are there.", 0, "context"),
            Q("Every family we interview has a name that is not on any list,", 1, "pronoun"),
            Q("make every border guard in the region an accomplice.", 0, "pronoun"),
            Q("temporary reception centers", None, "none"),
            Q("food, shelter and medical care in accordance with national law.", None, "none"),
            Q("never once asked to visit", 2, "name"),
            Q("activists with an agenda.", 2, "name"),
            Q("at a mutually convenient time.", 2, "name"),
            Q("The question is not whether, but how strongly it will be worded,", 3, "role"),
            Q("I will go to the border. I will not go on a guided tour.", 0, "pronoun"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [6, 1, 2, 1],
        "neutral": [],
        "notes": [
            "Wire report with curly marks: a headline quote in single marks under a descriptor, the lede attributing by title only, the name in p1 after 'High Commissioner', 'he' after a woman speaks (p4, title 'The high commissioner'), a ministry (p5: speaker null), an anonymous diplomat known only by role, a colon tag (p8).",
        ],
    },
    {
        "id": "k13", "file": "k13.md", "kind": "other",
        "speakers": [
            S("Ingrid Haugland-Moe", "Dr.", "Research Director, Polar Futures Initiative",
              ["Dr. Haugland-Moe"]),
            S("Malcolm Fairweather-Achebe", "Sir", "former UK Ambassador to Norway",
              ["Sir Malcolm", "Sir Malcolm Fairweather-Achebe"]),
            S("Yuna Tanaka-Lindholm", "Dr.", "Associate Professor of Law, University of Lapland",
              ["Dr. Tanaka-Lindholm"]),
        ],
        "quotes": [
            Q("The Arctic is not a frontier. It is somebody’s home, and it has been for thousands of years,", 0, "name"),
            Q("not be consulted afterwards by email.", 0, "pronoun"),
            Q("Diplomacy in the Arctic has always been slow,", 1, "pronoun"),
            Q("Slow is not the same as dead.", 1, "context"),
            Q("the least dramatic and most important story in the region.", 2, "name"),
            Q("boring, and boringly effective.", 2, "pronoun"),
            Q("We have lost years of shared data, and ice does not wait for us to make up,", 1, "pronoun"),
            Q("We have enough law. What we lack is money for the people who measure things.", 2, "context"),
        ],
        "not_quotes": ["Cold Calculus"],
        "paraphrase_counts": [3, 3, 3],
        "neutral": ["Olamide Ekwueme-Ross"],
        "notes": [
            "Think-tank meeting summary in Markdown: a speaker list in bold with roles after the names and a 'Chair:' line, 'Session N:' headings, a quote in a Markdown blockquote, a report title in a link, 'Sir' with a postnominal (KCMG) and 'Sir Malcolm' later, bold names in the body.",
            "Paragraphs are counted on the Markdown source (blank-line blocks). The audience member (p11) is left out; the chair has no content.",
        ],
    },
    {
        "id": "k14", "file": "k14.html", "kind": "other",
        "speakers": [
            S("Lucía Benavides Orozco", "Mayor", "Cúcuta", ["Benavides Orozco"]),
            S("Tobias Wendland-Asante", "Dr.", "head of the migration program at the Forum",
              ["Wendland-Asante"]),
            S("Fatima-Zahra El Idrissi", None, "deputy mayor of Marseille for social cohesion",
              ["El Idrissi"]),
        ],
        "quotes": [
            Q("We did not choose to be a border city. Geography chose for us,", 0, "name"),
            Q("What we can choose is whether the people who arrive become neighbours or strangers.", 0, "context"),
            Q("the cheapest security policy I know.", 0, "pronoun"),
            Q("eighteen months after the need.", 0, "pronoun"),
            Q("The data are unambiguous on one point,", 1, "pronoun"),
            Q("Inclusion is not charity. It is cheaper.", 1, "context"),
            Q("We can do everything except the one thing that matters most,", 2, "pronoun"),
            Q("which is to tell someone they can stay.", 2, "pronoun"),
            Q("negotiate with reality every morning.", 2, "name"),
        ],
        "not_quotes": ["Local Answers to Global Movement.", "Arrival Cities,"],
        "paraphrase_counts": [4, 1, 2],
        "neutral": ["Henrik Solberg", "Karin Aaltonen-Berg"],
        "notes": [
            "Think-tank event recap as an HTML page: header, navigation, search form, breadcrumbs, a 'Related events' aside with a quoted panel title, and a footer with a quoted slogan; none of those is main text, and none is a quote. The gold text is the article (h1 and p elements), one paragraph each.",
            "Not quotes: the series title (p2) and the report title (p5).",
            "The moderator (p7) and the closing speaker (p8) have no content.",
        ],
    },
    {
        "id": "k15", "file": "k15.txt", "kind": "other",
        "speakers": [
            S("Oleksandra Kovalenko-Reid", None, "a grain market analyst at the Centre",
              ["Kovalenko-Reid"]),
            S("Ibrahim Ould Cheikh Sidiya", None, "head of supply chain at the World Food Network",
              ["Mr. Ould Cheikh Sidiya"]),
            S("Henrike van der Laan", "Dr.", "a researcher at the University of Wageningen",
              ["Dr. van der Laan"]),
        ],
        "quotes": [
            Q("the calm is on the surface only.", 0, "name"),
            Q("A market that can be switched off by one drone is not a market,", 0, "pronoun"),
            Q("It is a hostage.", 0, "context"),
            Q("forced by necessity and kept by good sense.", 1, "pronoun"),
            Q("Speed is a humanitarian principle too,", 1, "pronoun"),
            Q("We have to be careful that our solution does not become someone else’s food crisis,", 2, "name"),
            Q("strategic reserves", 0, "name", scare=True),
            Q("a matter of insurance rather than of navies.", None, "none"),
            Q("Publish the stock figures. All of them, every month.", 2, "name"),
        ],
        "not_quotes": [],
        "paraphrase_counts": [3, 3, 2],
        "neutral": ["Mette Kjærsgaard-Holm"],
        "notes": [
            "Think-tank write-up with single newlines and no blank lines: one paragraph by the README's convention (paragraph 0 throughout); an extractor that splits on lines should see each line as a paragraph.",
            "A particle name (Ould Cheikh Sidiya, van der Laan with lower-case 'van' after 'Dr.'), 'In his words', 'in her view', a scare term, a group quote (shipping industry participants: speaker null), a director who only introduces and closes.",
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
        if not 300 <= words <= 1200:
            err(f"{words} words, not 300-1200")
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
