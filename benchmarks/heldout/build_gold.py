#!/usr/bin/env python3
"""Build gold.json (the docs.json format of shared/reports) from the held-out reports
in this folder and the hand annotations below.  Paragraph numbers are computed
(blank-line separated blocks, 0-based; a text with no blank line is one paragraph),
and every annotation is checked against its text: quotes directly between a
matching pair of marks (“…” ‘…’ "…" '…', or an opening mark and the paragraph's
end for a quotation the report never closes), names, roles and aliases present.

These reports were written for this benchmark; nobody on the project had seen them
when the extractor was tuned.  Usage: python benchmarks/heldout/build_gold.py
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}

# speaker: (name, honorific, role_org, [aliases])
# quote: (text, speaker index or None, attribution[, scare])
DOCS = [
    dict(
        id="h01",
        file="h01.txt",
        kind="ipi",
        speakers=[
            ("Tomás Ekwueme", None, "IPI Vice President", []),
            (
                "Hope Mutasa",
                None,
                "Director of the Peace Mediation Unit at the African Centre for Dialogue",
                ["Ms. Mutasa"],
            ),
            (
                "Karim al-Hassani",
                "Dr.",
                "Senior Fellow at the Geneva Centre for Security Policy",
                ["Dr. al-Hassani"],
            ),
            (
                "Grant Oyelaran",
                None,
                "a former Nigerian ambassador to Niger and now a visiting scholar at IPI",
                ["Mr. Oyelaran"],
            ),
        ],
        quotes=[
            (
                "We spend months negotiating the text and days planning how it will be monitored,",
                0,
                "pronoun",
            ),
            ("That ratio is upside down.", 0, "context"),
            (
                "When the herders and the farmers sit on the same committee, a stolen cow is a complaint, not a casus belli,",
                1,
                "name",
            ),
            (
                "Asking armed groups to hand over weapons before they trust the process,",
                2,
                "pronoun",
            ),
            ("is asking them to bet their lives on a promise.", 2, "pronoun"),
            ("paper ceasefires,", 2, "name", True),
            (
                "They see the movements before anyone else does. They know whose son has gone to the bush.",
                1,
                "context",
            ),
            ("We have to stop writing peace in a language the fighters do not read,", 3, "name"),
        ],
        para=[1, 3, 2, 2],
        neutral=["Lena Hartvig", "Adam Ferreira-Lindqvist"],
        notes=[
            "Hard cases: forum title and report title in curly quotes (not quotes); moderator-only Lena Hartvig and closing-remarks-only Adam Ferreira-Lindqvist (neutral: not gold speakers, not counted against precision); first names that are words (Hope, Grant); al- particle; split quote; untagged continuation."
        ],
    ),
    dict(
        id="h02",
        file="h02.txt",
        kind="ipi",
        speakers=[
            ("Zeynep Arıkan", None, "IPI President", ["Ms. Arıkan"]),
            (
                "Kwabena Asante-Mensah",
                "H.E. Mr.",
                "Permanent Representative of Ghana to the United Nations",
                [],
            ),
            (
                "Pieter de la Rosa",
                "Rear Admiral (LH)",
                "Military Adviser at the Netherlands Ministry of Defence",
                [],
            ),
            (
                "Amina bin Rashid",
                "Professor",
                "Chair of International Security Studies at the University of Nairobi",
                ["Professor bin Rashid"],
            ),
            (
                "Marguerite Okonjo-Delacroix",
                None,
                "Head of the Peace Support Operations Division at the African Union Commission",
                [],
            ),
            (
                "Daniel Whitcombe",
                "Mr.",
                "Director of the Office of Peacekeeping Strategic Partnership",
                [],
            ),
        ],
        quotes=[
            ("is no longer optional, it is the architecture itself.", 0, "name"),
            ("We are not asking for charity,", 1, "pronoun"),
            (
                "We are asking for predictable financing for missions the Council itself has authorized.",
                1,
                "context",
            ),
            ("A mandate without helicopters is a wish list,", 2, "pronoun"),
            ("Every time we debate the formula, another mission runs out of fuel,", 3, "name"),
            (
                "The question is not whether we can afford this. The question is whether we can afford the alternative.",
                3,
                "context",
            ),
            ("partnership", 4, "pronoun", True),
            ("We hear the criticism, and a good part of it is fair,", 5, "pronoun"),
        ],
        para=[2, 1, 1, 1, 2, 1],
        neutral=["Ingrid van der Berg"],
        notes=[
            "Hard cases: Session headings; H.E. Mr., Rear Admiral (LH), Professor, Ambassador Dr.; particles (de la, bin, van der); chair-only Ingrid van der Berg (neutral); an untagged quotation in a paragraph of its own after a tagged one; scare term inside a paraphrase."
        ],
    ),
    dict(
        id="h03",
        file="h03.txt",
        kind="ipi",
        speakers=[
            (
                "Talia Reupena",
                "Prime Minister",
                "Prime Minister",
                ["Ms. Reupena", "the Prime Minister"],
            ),
            (
                "Sione Havili-Brandt",
                None,
                "Climate Adviser at the Pacific Resilience Partnership",
                ["Mr. Havili-Brandt"],
            ),
        ],
        quotes=[
            ("When the sea takes the graveyard, it takes our history with it,", 0, "pronoun"),
            ("No treaty has a clause for that.", 0, "context"),
            (
                "We told people they'd be in new homes by Christmas. That was three Christmases ago.",
                0,
                "context",
            ),
            ("adaptation tourism,", 0, "role", True),
            ("Our flag does not sink,", 0, "pronoun"),
            ("even if our islands do.", 0, "pronoun"),
            ("It's the least glamorous meeting in the Pacific and the most important,", 1, "name"),
            (
                "every separate project comes with its own paperwork, and our ministries are five people.",
                1,
                "pronoun",
            ),
            (
                "Ten years ago nobody in those rooms would say those words out loud. Now they are on the agenda.",
                0,
                "context",
            ),
        ],
        para=[4, 2],
        neutral=["Jonah Castellanos"],
        notes=[
            "Straight double quotes throughout; apostrophes ('90s, o'clock, they'd, It's); 'villains' is a word she did NOT use (not a quote); 'loss and damage' is an agenda item (not a quote); moderator Jonah Castellanos only asks and thanks (neutral)."
        ],
    ),
    dict(
        id="h04",
        file="h04.txt",
        kind="un-press",
        speakers=[
            (
                "Marta Ilves-Sandoval",
                None,
                "the Under-Secretary-General for Humanitarian Affairs and Emergency Relief Coordinator",
                ["Under-Secretary-General"],
            ),
            ("Oluwaseun Grant", "Dr.", "Regional Director of the World Food Programme", []),
            (None, None, "the representative of France", []),
            (None, None, "The representative of the United Kingdom", []),
            (None, None, "the delegate of Chad", []),
            (None, None, "Russian Federation’s delegate", []),
            (None, None, "The representative of Ecuador", []),
        ],
        quotes=[
            ("We are watching a famine being manufactured in slow motion,", 0, "name"),
            (
                "If the crossings are not reopened, we will not be able to reach the children we are already treating,",
                0,
                "pronoun",
            ),
            ("Some of them will die.", 0, "context"),
            ("Families are eating once a day,", 1, "pronoun"),
            ("and in some districts once every two days.", 1, "pronoun"),
            ("Impunity is a message, and it is being heard,", 2, "pronoun"),
            ("the guns arrive faster than the grain.", 4, "pronoun"),
            ("a test of the Council’s credibility.", None, "none"),
            ("Resolution 2730 (2024) was not adopted to be admired,", 6, "pronoun"),
        ],
        para=[3, 1, 1, 1, 2, 1, 1],
        neutral=[],
        notes=[
            "Role-only speakers (France, UK, Chad, Russian Federation's delegate, Ecuador); the briefer introduced by title first and named in the next paragraph; 'China said' is a state (left out); 'Several delegates said' quote has no speaker; Chad as a country; long delegation list."
        ],
    ),
    dict(
        id="h05",
        file="h05.txt",
        kind="un-press",
        speakers=[
            (
                "Jean-Baptiste Lacroix-Ndiaye",
                None,
                "Under-Secretary-General for Peace Operations",
                ["Mr. Lacroix-Ndiaye"],
            ),
            ("Atul Khare-Menon", None, "Under-Secretary-General for Operational Support", []),
            (None, None, "the representative of Indonesia", []),
            (None, None, "the delegate of Azerbaijan", []),
            ("Sheikha Noor bin Khalifa Al-Thani", "Ambassador", None, []),
            (None, None, "The representative of Brazil", []),
            ("Ólafur Þórðarson", "Rear Admiral", "Military Adviser of Iceland’s delegation", []),
            ("María José Peña de la Fuente", None, None, []),
            (None, None, "speaker for the European Union", []),
        ],
        quotes=[
            ("Last year, 61 peacekeepers lost their lives in malicious acts,", 0, "pronoun"),
            ("Each of them was somebody’s child, somebody’s parent.", 0, "context"),
            ("A lie on social media can travel faster than a patrol,", 0, "name"),
            (
                "We are, in effect, borrowing from the countries that can least afford to lend,",
                1,
                "pronoun",
            ),
            ("Training is not a line in the budget to be cut first,", 4, "pronoun"),
            ("It is what brings people home.", 4, "context"),
            ("Missions are bridges, not destinations,", 5, "pronoun"),
            ("The golden hour does not care about mandates,", 6, "pronoun"),
        ],
        para=[3, 1, 1, 1, 1, 2, 1, 1, 1],
        neutral=[],
        notes=[
            "Two Under-Secretaries-General; 'The Under-Secretary-General said' refers to the first; role-only delegates; diacritics (Ólafur Þórðarson, María José Peña de la Fuente); bin/Al-; 'Also speaking today were representatives of …' list."
        ],
    ),
    dict(
        id="h06",
        file="h06.txt",
        kind="un-press",
        speakers=[
            (
                "Chidinma Okafor-Hale",
                None,
                "the Special Rapporteur",
                ["Ms. Okafor-Hale", "The Special Rapporteur"],
            ),
            (None, None, "The representative of Norway", []),
            ("Dalia Rahimi", None, "a representative of the Committee to Protect Journalists", []),
        ],
        quotes=[
            (
                "When a Government calls a reporter a threat, it is usually describing its own fear,",
                0,
                "name",
            ),
            ("I did not write this report to embarrass anyone,", 0, "pronoun"),
            ("I wrote it because the people in it asked me to.", 0, "context"),
            ("designed to make civil society disappear quietly.", None, "none"),
            ("Every journalist silenced is a question left unasked,", 1, "pronoun"),
            (
                "The threats are sexual, they are coordinated, and they are designed to make her stop writing,",
                2,
                "pronoun",
            ),
        ],
        para=[3, 1, 1],
        neutral=[],
        notes=[
            "'so-called “foreign agent” laws' is nobody's words (not a quote); states and NGOs speaking (Russian Federation, Venezuela, Amnesty International) left out; 'Some speakers said' quote has no speaker; list of speakers ends with Chad."
        ],
    ),
    dict(
        id="h07",
        file="h07.txt",
        kind="other",
        speakers=[
            (
                "Ramón Echeverría-Kallio",
                None,
                "the UN's envoy for Sudan",
                ["UN envoy", "UN's top envoy for Sudan", "Echeverría-Kallio"],
            ),
            ("Linda Thornquist", None, "The Council's US ambassador", ["Thornquist"]),
            ("Dmitry Polyansky-Orlov", None, "Russia's deputy ambassador", []),
            (None, None, "Council diplomat", []),
            (
                "Nadia Benyamin",
                None,
                "runs a clinic for the charity Médecins Sans Frontières in North Darfur",
                ["Benyamin"],
            ),
            ("Barbara Woodward-Fyfe", None, "Britain's ambassador", []),
        ],
        quotes=[
            ("point of no return", 0, "role"),
            ("point of no return,", 0, "role"),
            ("The window for a negotiated solution is closing, and it is closing fast,", 0, "name"),
            (
                "Every week without a ceasefire, the map of the country is redrawn by force,",
                0,
                "pronoun",
            ),
            ("within days", 0, "pronoun"),
            ("Those who are arming the belligerents know who they are, and so do we,", 1, "name"),
            ("megaphone diplomacy", 2, "name", True),
            ("We were two words away from consensus,", 3, "role"),
            ("That is how close, and how far.", 3, "context"),
            ("I have never seen children this hungry,", 4, "name"),
            (
                "We bury some of them in the morning and admit new ones in the afternoon.",
                4,
                "context",
            ),
            ("until the end of the month, maybe.", 4, "name"),
            ("Silence from this Council is not neutrality,", 5, "pronoun"),
            ("It is a choice.", 5, "context"),
        ],
        para=[4, 1, 1, 0, 2, 1],
        neutral=[],
        notes=[
            "AFP style: straight quotes, straight single quotes in the headline, quote-first paragraphs with 'said NAME, ROLE', surname-only references, 'diplomats said' (group, no quote), a single anonymous 'Council diplomat' (role-only speaker)."
        ],
    ),
    dict(
        id="h08",
        file="h08.txt",
        kind="other",
        speakers=[
            ("María Isabel Ruiz-Tagle", None, "the top U.N. official in Haiti", ["Ruiz-Tagle"]),
            ("Jean-Rénald Théodore", None, "Haiti's ambassador", ["Théodore"]),
            ("Dorothy Chad-Akers", None, "U.S. deputy ambassador", []),
            ("Fu Cong-Li", None, "China's ambassador", []),
            (None, None, "Latin American diplomat", ["the diplomat"]),
        ],
        quotes=[
            ("evaporating street by street.", 0, "role"),
            (
                "We have a mission designed for a city and deployed for a neighborhood,",
                0,
                "pronoun",
            ),
            ("Nobody should be surprised that the gangs simply moved next door.", 0, "context"),
            (
                "I say this not to criticize the officers who are there. They are brave, and they are exhausted.",
                0,
                "context",
            ),
            ("systematically", 0, "pronoun", True),
            ("tired of being told to wait.", 1, "name"),
            ("A peacekeeping mission is not a foreign occupation,", 1, "name"),
            ("It is a rescue.", 1, "context"),
            ("We are open to every option that gets boots on the ground faster.", 2, "pronoun"),
            ("The guns in Port-au-Prince were not made in Port-au-Prince,", 3, "pronoun"),
            ("Everyone wants Haiti to be safe,", 4, "role"),
            ("but nobody wants the bill.", 4, "role"),
            ("'Where is the state?' And I did not have an answer.", 0, "pronoun"),
        ],
        para=[5, 2, 1, 1, 1],
        neutral=[],
        notes=[
            "AP style: byline and contributor line (not speakers); a quotation continued across a paragraph break (no closing mark at the end of the first paragraph, opening mark repeated): the first part ends at its paragraph's end; nested single quotes inside a quotation (not a quote of their own); 'Chad' inside a surname; role-first lede."
        ],
    ),
    dict(
        id="h09",
        file="h09.md",
        kind="other",
        speakers=[
            (
                "Eleanor Whitfield-Ansah",
                "Dr",
                "Director of the Global Economy and Finance Programme",
                ["Dr Whitfield-Ansah"],
            ),
            (
                "Rafael Quintero de Souza",
                None,
                "former Deputy Director-General of the World Trade Organization",
                ["Mr Quintero de Souza"],
            ),
            ("Mei-Lin Zhao", "Professor", "London School of Economics", ["Professor Zhao"]),
            (
                "Tobias Engström",
                None,
                "Head of Trade Policy at Nordic Steel Alliance",
                ["Mr Engström"],
            ),
        ],
        quotes=[
            (
                "We are running a twenty-first-century race with a rulebook written for the 1990s,",
                0,
                "pronoun",
            ),
            ("If there is no referee, every player becomes one,", 1, "pronoun"),
            ("green protectionism", 2, "pronoun", True),
            (
                "It is not enough to be right about the climate. You also have to be fair about the bill,",
                2,
                "name",
            ),
            ("We just have not agreed to call it that yet.", 2, "context"),
            ("carbon leakage", 3, "pronoun", True),
            ("a fortress,", 3, "name", False),
            ("a level playing field.", 3, "name", False),
        ],
        para=[2, 2, 2, 2],
        neutral=[],
        notes=[
            "Chatham House style: Markdown headings and single-newline paragraphs (one paragraph by this set's convention); British 'Dr'/'Mr' without full stop; paper title in quotes (not a quote); 'Several participants said' (group, no quote)."
        ],
    ),
    dict(
        id="h10",
        file="h10.html",
        text_file="h10.main.txt",
        kind="other",
        speakers=[
            (
                "Anders Lindgren-Pham",
                "Dr",
                "the forum's Asia Centre Director",
                ["Dr Lindgren-Pham"],
            ),
            (
                "Somchai Rattanakorn",
                None,
                "Chief Executive Officer of the Mekong River Commission Secretariat",
                ["Mr Rattanakorn"],
            ),
            ("Nguyễn Thị Lan", None, "a researcher at Can Tho University", ["Dr Nguyễn"]),
            ("Hope Sokhom", None, "a community organiser from Stung Treng province", []),
        ],
        quotes=[
            (
                "We can measure every centimetre of the river and still argue about what the numbers mean,",
                0,
                "pronoun",
            ),
            ("Two years ago this would have been unthinkable,", 1, "pronoun"),
            (
                "Now it is routine, and routine is what diplomacy is supposed to produce.",
                1,
                "context",
            ),
            ("build the habit first and the treaty second.", 1, "name"),
            ("A warning that arrives on an app nobody uses is not a warning,", 2, "name"),
            ("a bet on a future that nobody has promised them.", 2, "pronoun"),
            ("My father taught me to read the water,", 3, "pronoun"),
            ("My son is learning to read bus timetables to the city.", 3, "context"),
        ],
        para=[2, 3, 2, 1],
        neutral=[],
        notes=[
            "An HTML page with header, navigation, breadcrumbs, an aside with a quoted event title and a footer; text is the article's main text as rendered by hand (h10.main.txt); the policy brief title 'Sharing the River' is not a quote; Nguyễn Thị Lan is 'Dr Nguyễn' (family name first)."
        ],
    ),
    dict(
        id="h11",
        file="h11.txt",
        kind="other",
        speakers=[
            (
                "Lukas Brandstätter",
                "Professor",
                "The institute's director",
                ["Professor Brandstätter"],
            ),
            (
                "Fatima Zahra El Idrissi",
                None,
                "a journalist with Deutsche Welle",
                ["Ms. El Idrissi"],
            ),
            (
                "Carolina Esteves-Whitaker",
                "Ambassador",
                "former Permanent Representative of Portugal to the Conference on Disarmament",
                [],
            ),
            (
                "Viktor Hrabal",
                "Colonel (ret.)",
                "a senior associate at the institute",
                ["Colonel Hrabal"],
            ),
            ("Sun-Hee Park", "Dr.", "a researcher at the Asan Institute", ["Dr. Park"]),
        ],
        quotes=[
            ("hollowed out, one expired treaty at a time.", 0, "pronoun"),
            ("For the first time in half a century, nobody is counting,", 0, "pronoun"),
            (
                "A hotline that nobody answers is worse than no hotline, because it gives you false comfort,",
                2,
                "pronoun",
            ),
            (
                "The machine will be fast. The question is whether the human will still be in the room,",
                3,
                "name",
            ),
            (
                "I served twenty years in air defence. I never once wished the computer had decided for me.",
                3,
                "pronoun",
            ),
            ("everybody is waiting for someone else to move first.", 4, "pronoun"),
            ("We have to rebuild the floor before we can talk about the ceiling.", 0, "name"),
        ],
        para=[3, 1, 2, 1, 2],
        neutral=[],
        notes=[
            "A role-only opener ('The institute's director … he said') named in the next sentence; a moderator who also says something (El Idrissi: a speaker); 'disarmament' is a word the speakers avoided (not a quote); series title (not a quote); 'He added: “…”' in a paragraph of its own; Colonel (ret.)."
        ],
    ),
    dict(
        id="h12",
        file="h12.txt",
        kind="ipi",
        speakers=[
            ("Joost van der Meer", None, "IPI Senior Policy Analyst", ["Mr. van der Meer"]),
            ("Aïcha Diallo-Bah", None, "Co-author", ["Ms. Diallo-Bah"]),
            ("Grace Achieng", None, "the Secretary-General’s Envoy on Youth", ["Ms. Achieng"]),
            (
                "Chad Morrison",
                "Mr.",
                "Deputy Permanent Representative of Canada to the United Nations",
                ["Mr. Morrison"],
            ),
            ("Deng Ayuel", None, "A young peacebuilder from South Sudan", []),
        ],
        quotes=[
            ("We found young people everywhere except at the table,", 0, "name"),
            ("a real share of the decision, not a chair in the corner.", 0, "pronoun"),
            ("Nobody writes their names in the agreement,", 1, "pronoun"),
            ("but the agreement would not hold without them.", 1, "pronoun"),
            ("empowered,", 2, "pronoun", True),
            (
                "If the money has to pass through five intermediaries, it arrives as a workshop,",
                2,
                "name",
            ),
            ("We will not tell them what to say,", 3, "name"),
            ("We will make sure they are in the room when it is said.", 3, "context"),
            ("I am tired of being the future,", 4, "pronoun"),
            ("I would like to be the present.", 4, "context"),
            ("A resolution without a budget line is a poem,", 1, "pronoun"),
        ],
        para=[2, 2, 3, 1, 1],
        neutral=["Rania Haddad", "Mathias Øberg"],
        notes=[
            "Report title in quotes (not a quote); 'As a keynote speaker, NAME, ROLE, mentioned'; 'Co-author NAME'; a first name Chad; 'he was “the future.”' are words said TO the speaker, not his (not a quote); moderator and closing remarks only (neutral)."
        ],
    ),
    dict(
        id="h13",
        file="h13.txt",
        kind="un-press",
        speakers=[
            (
                "Valentine Rugamba-Oduya",
                None,
                "the Special Representative of the Secretary-General for that country",
                ["Special Representative", "Ms. Rugamba-Oduya"],
            ),
            (
                "Abdou Abarry-Sow",
                "Ambassador",
                "Chair of the Security Council Committee established pursuant to resolution 2127 (2013)",
                [],
            ),
            (
                "Martin Kpenou",
                None,
                "President of the Network of Central African Women Mediators",
                [],
            ),
            (None, None, "the representative of the Central African Republic", []),
            (None, None, "The representative of Gabon", []),
            (None, None, "United States’ delegate", []),
        ],
        quotes=[
            ("Critical Juncture", 0, "role"),
            ("The gains of the last two years are real, but they are reversible,", 0, "name"),
            (
                "Local elections next year will be the first in nearly four decades. They must not become a new source of conflict.",
                0,
                "context",
            ),
            (
                "I condemn this attack in the strongest terms. Attacks against peacekeepers may constitute war crimes. Those responsible must be brought to justice.",
                0,
                "context",
            ),
            ("We are being asked to do more with less,", 0, "role"),
            ("and at some point less becomes nothing.", 0, "role"),
            ("When the men go to the bush, the women go to the commander,", 2, "pronoun"),
            ("We have not come this far to stop now,", 3, "pronoun"),
            (
                "Their presence has been accompanied by credible reports of human rights abuses,",
                5,
                "pronoun",
            ),
        ],
        para=[5, 1, 1, 2, 1, 1],
        neutral=[],
        notes=[
            "press.un.org style headline with a ‘…’ term (a quote by role); role-first lede; an untagged multi-sentence quotation in a paragraph after the speaker's name; a man (Martin Kpenou) heading a women's network, 'he said'; “A3” is a label (not a quote); 'Several speakers welcomed' (group)."
        ],
    ),
    dict(
        id="h14",
        file="h14.txt",
        kind="other",
        speakers=[
            (
                "Volker Aurelius Breitner",
                None,
                "the U.N. High Commissioner for Human Rights",
                ["UN rights chief", "U.N. human rights chief", "Breitner"],
            ),
            ("Chad Evans-Ochieng", None, "a researcher at the rights group Fortify Rights", []),
            ("Julie Bishop-Nakamura", None, "The U.N. special envoy on Myanmar", []),
            ("Omar Zniber-Haddad", "Ambassador", "The council's president", []),
            (None, None, "European diplomat", []),
        ],
        quotes=[
            ("burning villages to the ground", 0, "role"),
            ("scorched earth", 0, "role", True),
            (
                "The military is burning villages to the ground, and it's doing so in broad daylight,",
                0,
                "name",
            ),
            ("This isn't collateral damage. It's a strategy.", 0, "context"),
            ("fabricated.", None, "none"),
            ("They used to come at night. Now they don't bother hiding,", 1, "pronoun"),
            ("That tells you they don't expect to be held accountable.", 1, "context"),
            ("ASEAN's five-point consensus is still the framework,", 2, "pronoun"),
            ("but a framework only works if somebody builds on it.", 2, "pronoun"),
            ("talk to anyone who can stop the killing.", 2, "pronoun"),
            ("We can't keep meeting every three months to say we're shocked,", 4, "role"),
            ("At some point you have to do something about it.", 4, "context"),
        ],
        para=[4, 1, 2, 1, 0],
        neutral=[],
        notes=[
            "Reuters style: straight quotes, many apostrophes (it's, isn't, don't, '21, can't, we're); byline and reporting line (not speakers); the military government's word 'fabricated' (an institution: no speaker); 'Diplomats said', 'Several Western delegations said' (groups)."
        ],
    ),
    dict(
        id="h15",
        file="h15.txt",
        kind="ipi",
        speakers=[
            ("Jake Sørensen-Mbeki", None, "IPI’s Director of Research", []),
            (
                "Lucía Fernández de Castro",
                "H.E. Ms.",
                "Minister for Foreign Affairs of Costa Rica",
                ["The Minister", "Ms. Fernández de Castro"],
            ),
            (
                "Heinrich von Falkenberg",
                "Ambassador Dr.",
                "Permanent Representative of Austria to the United Nations",
                ["Ambassador von Falkenberg"],
            ),
            (
                "Savannah Okoro-Lindahl",
                None,
                "Executive Director of the Global Centre for the Responsibility to Protect",
                ["Ms. Okoro-Lindahl"],
            ),
            ("Ibrahim Al-Mansour", "Professor", "Georgetown University", []),
        ],
        quotes=[
            (
                "We have the satellite images, the hate-speech monitors and the field reports,",
                0,
                "pronoun",
            ),
            ("What we do not have is the will to act on them.", 0, "context"),
            ("Costa Rica has no army,", 1, "pronoun"),
            (
                "Our only defence is the law, and so we cannot afford to let the law become decoration.",
                1,
                "context",
            ),
            (
                "When we stay silent about atrocities far away, we make it easier for someone, someday, to stay silent about us.",
                1,
                "context",
            ),
            ("People do not remember the resolutions we adopted,", 2, "pronoun"),
            ("They remember the ones we vetoed.", 2, "context"),
            (
                "By the time a situation reaches the Council’s agenda, we have usually already failed,",
                3,
                "name",
            ),
            ("the quiet infrastructure of prevention.", 3, "pronoun"),
            ("accelerants", 2, "name", True),
            ("the same tools that spread the hate can map it, if anyone is looking.", 3, "name"),
            ("Call it prevention, call it protection, call it what you like,", 4, "pronoun"),
            ("Just do it.", 4, "context"),
        ],
        para=[1, 2, 3, 2, 1],
        neutral=["Priya Raman-Holt", "Adam Lupel-Ostrowski"],
        notes=[
            "A curly quotation continued across a paragraph break (opening mark repeated, no closing mark before the break); H.E. Ms., Ambassador Dr.; de Castro, von, Al-; 'regime change' is a phrase he says he no longer uses (not a quote); moderator and closing remarks only (neutral)."
        ],
    ),
]


def paragraph_spans(text):
    spans, start = [], 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def enclosed(text, q, start):
    """First offset >= start where q sits between a matching pair of marks, or after an
    opening mark and up to its paragraph's end (a quotation never closed there)."""
    i = text.find(q, start)
    while i != -1:
        before = text[i - 1] if i else ""
        j = i + len(q)
        after = text[j] if j < len(text) else ""
        if before in PAIRS and (PAIRS[before] == after or after in ("\n", "")):
            return i
        i = text.find(q, i + 1)
    return -1


def build():
    out, errors = [], []
    for d in DOCS:
        text = (HERE / d.get("text_file", d["file"])).read_text(encoding="utf-8").strip()
        spans = paragraph_spans(text)
        speakers = [
            dict(name=n, honorific=h, role_org=r, aliases=a) for n, h, r, a in d["speakers"]
        ]
        for s in speakers:
            for form in [s["name"], s["role_org"], *s["aliases"]] + (
                [f"{s['honorific']} {s['name']}"] if s["honorific"] and s["name"] else []
            ):
                if form and form not in text:
                    errors.append(f"{d['id']}: {form!r} not in text")
        quotes = []
        for q in d["quotes"]:
            qt, sp, attr = q[:3]
            i = enclosed(text, qt, 0)
            if i == -1:
                errors.append(f"{d['id']}: quote not enclosed: {qt!r}")
                continue
            para = next(k for k, (a, b) in enumerate(spans) if a <= i < b)
            item = dict(text=qt, speaker=sp, paragraph=para, attribution=attr)
            if len(q) > 3:
                item["scare"] = q[3]
            quotes.append(item)
        if len(d["para"]) != len(speakers):
            errors.append(f"{d['id']}: paraphrase_counts not aligned")
        neutral = d.get("neutral", [])
        notes = [
            f"Held-out report written for this benchmark ({d['file']}); invented people and events."
        ]
        notes += d["notes"]
        notes.append("neutral: " + "; ".join(neutral) if neutral else "neutral: none")
        out.append(
            dict(
                id=d["id"],
                url=f"file:benchmarks/heldout/{d['file']}",
                source_kind=d["kind"],
                text=text,
                speakers=speakers,
                quotes=quotes,
                paraphrase_counts=d["para"],
                notes=notes,
            )
        )
    return out, errors


if __name__ == "__main__":
    docs, errors = build()
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        sys.exit(1)
    (HERE / "gold.json").write_text(
        json.dumps(docs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    nq = sum(len(d["quotes"]) for d in docs)
    ns = sum(len(d["speakers"]) for d in docs)
    print(f"gold.json: {len(docs)} docs, {ns} speakers, {nq} quotes")
