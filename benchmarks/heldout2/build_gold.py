#!/usr/bin/env python3
"""Build benchmarks/heldout2/gold.json: a second held-out set of 15 invented event reports.

Every text here was written from scratch for this set (no sentence comes from
shared/reports/ or benchmarks/heldout/); people, organisations and events are invented.
The annotations follow shared/reports/README.md; paragraph indices are computed here
from each quote's position, and the checks of shared/reports/check_docs.py are copied
below (one extension: a quotation that runs on into the next paragraph, the
typographic convention of leaving the first paragraph unclosed and reopening the next,
is accepted when the quote ends at its paragraph's end and the next paragraph opens
with the same mark).

Conventions beyond the README, used consistently:
  * a single anonymous source with a descriptor ("A Western diplomat familiar with the
    talks", "One council diplomat") is a speaker known only by role;
  * unidentified members of an event's audience ("One participant said", "One speaker
    described it as") and groups or states ("The European Union", "A coalition of
    women's organizations", "Pacific island leaders") get speaker null;
  * remarks delivered on someone's behalf ("The Secretary-General's remarks, delivered
    by X") are the author's words: the reader is neutral;
  * "neutral" people (only opened, moderated, asked a question, delivered someone
    else's remarks or gave closing remarks with no content) are left out of speakers and
    listed in a "neutral: A; B" note, which scripts/measure_heldout.py sets aside for
    speaker precision (issue 11 wants them as speakers with no statement);
  * paraphrase_counts are approximate (±1) and are not scored by measure_heldout.py.

g13 is an HTML page, generated here from its text (navigation, sidebar and footer
added around the article); its gold text is the article's main text. g14 is Markdown,
annotated on its raw text. g15 uses single newlines only (one paragraph).

Usage: python benchmarks/heldout2/build_gold.py   (writes gold.json and g13.html, then checks)
"""

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

G13_PARAS = [
    "Arctic Governance in an Age of Competition: Event Summary",
    "On 12 November, the Nordic Policy Forum hosted a panel discussion on the future of Arctic cooperation after the suspension of several Arctic Council working groups. The event was chaired by Dr. Annika Sørensen, Senior Fellow at the Forum.",
    "Ambassador Mikael Thorvaldsen of Denmark opened the discussion by arguing that the Arctic Council had survived worse. “The Council was built in the shadow of the Cold War,” he said. “It was designed for bad weather.”",
    "Professor Elizabeth Karlsdóttir of the University of Iceland noted that scientific cooperation had suffered most. She said that data on permafrost thaw from the Russian Arctic, which covers roughly half of the region, was no longer being shared. “We are now modelling half an ocean,” she said.",
    "She warned that the gap would take years to close even if political relations improved, because monitoring stations that are abandoned for a winter are rarely brought back into service.",
    "For Dr. Sørensen, who also offered her own assessment, the greatest risk was a slow drift into irrelevance rather than open confrontation. “Institutions rarely die in a crisis. They die of neglect,” she said.",
    "Asked by a participant about China’s role, Ambassador Thorvaldsen said that Beijing’s ambitions in the region were “commercial first, strategic always.” He added that Denmark would table a proposal to resume the working group on search and rescue, which he described as the least political of all.",
    "In the Q&A, Tom Ahnaluk, a representative of the Inuit Circumpolar Council, said Indigenous peoples had been excluded from decisions about the working groups. “We were Permanent Participants when it suited everyone,” Mr. Ahnaluk said. “Now we are permanent spectators.”",
]

G13_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Arctic Governance in an Age of Competition | Nordic Policy Forum</title>
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">Nordic Policy Forum</a>
  <nav class="main-nav">
    <ul>
      <li><a href="/research">Research</a></li>
      <li><a href="/events">Events</a></li>
      <li><a href="/experts">Experts</a></li>
      <li><a href="/about">About us</a></li>
      <li><a href="/donate">Support our work</a></li>
    </ul>
  </nav>
</header>
<div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/events">Events</a> &rsaquo; Event summary</div>
<main>
<article>
<h1>{h1}</h1>
<p class="meta">Event summary &middot; 14 November 2026 &middot; 4 minute read</p>
{body}
</article>
<aside class="related">
  <h2>Related events</h2>
  <ul>
    <li><a href="/events/baltic-security">Baltic Security After Enlargement</a></li>
    <li><a href="/events/high-north-energy">Energy in the High North</a></li>
  </ul>
</aside>
</main>
<footer>
  <p>&copy; 2026 Nordic Policy Forum. All rights reserved.</p>
  <p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a> | <a href="/contact">Contact</a></p>
</footer>
</body>
</html>
"""


def g13_html():
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in G13_PARAS[1:])
    # one paragraph with its quotation marks as entities, one with inline markup
    body = body.replace(
        "“commercial first, strategic always.”", "&ldquo;commercial first, strategic always.&rdquo;"
    )
    body = body.replace("Tom Ahnaluk", "<strong>Tom Ahnaluk</strong>")
    return G13_HTML.format(h1=html.escape(G13_PARAS[0]), body=body)


def S(name, honorific=None, role_org=None, aliases=()):
    return {"name": name, "honorific": honorific, "role_org": role_org, "aliases": list(aliases)}


def Q(text, speaker, attribution, scare=None):
    q = {"text": text, "speaker": speaker, "attribution": attribution}
    if scare is not None:
        q["scare"] = scare
    return q


DOCS = [
    dict(
        id="g01",
        file="g01.txt",
        kind="ipi",
        speakers=[
            S(
                "J. K. Mensah",
                None,
                "Director of the Accra Centre for Preventive Diplomacy",
                ["Mr. Mensah", "Mensah"],
            ),
            S(
                "Nguyen Thi Lan",
                None,
                "a researcher at the Hanoi Institute for Mediation Studies",
                ["Ms. Nguyen"],
            ),
            S(
                "Siosaia Fonua",
                "Dr.",
                "Pacific Islands Forum adviser on climate security",
                ["Dr. Fonua"],
            ),
        ],
        quotes=[
            Q("Early Warning Is Useless Without Early Listening", 0, "name"),
            Q(
                "We have built beautiful dashboards. What we have not built is the habit of picking up the phone when a village chief calls us at midnight.",
                0,
                "name",
            ),
            Q("The data flows up,", 0, "pronoun"),
            Q("but the decisions never flow back down.", 0, "pronoun"),
            Q(
                "Nobody in the capital was listening to those stations. Nobody was paid to listen.",
                0,
                "context",
            ),
            Q(
                "If we want prevention to work, we have to fund listeners, not just sensors.",
                0,
                "context",
            ),
            Q("translation politics,", 1, "pronoun", True),
            Q(
                "By the time a farmer’s complaint reaches Geneva, it has become a sentence about social cohesion,",
                1,
                "name",
            ),
            Q("The farmer would not recognize it.", 1, "context"),
            Q(
                "Our chiefs are at the table. They just have no budget to bring back to their islands.",
                2,
                "name",
            ),
            Q("Stop flying us to conferences,", 2, "pronoun"),
            Q("and fly your programme officers to us.", 2, "pronoun"),
        ],
        para=[3, 3, 2],
        notes=[
            "Invented IPI-style event summary. Colon introduction, split quotes, a quotation that runs on into the next paragraph (p4 left unclosed, p5 reopens), 'In her remarks', 'For Dr. Fonua', particles/initials in names.",
            "The forum title in p1 is not a quote.",
            "neutral: Elin Haugsdal",
        ],
    ),
    dict(
        id="g02",
        file="g02.txt",
        kind="ipi",
        speakers=[
            S(None, None, "The Secretary-General", []),
            S(
                "Seán Ó Súilleabháin",
                None,
                "Ireland’s Minister of State for International Development",
                ["Mr. Ó Súilleabháin"],
            ),
            S(
                "Rania Haddad",
                None,
                "a 24-year-old peacebuilder from Tripoli, Lebanon",
                ["Haddad", "Ms. Haddad"],
            ),
            S("Hiroshi Tanabe", "Professor", None, ["Professor Tanabe"]),
        ],
        quotes=[
            Q("We Are Not Decorations", 2, "name"),
            Q("from tokenism to partnership.", 0, "role"),
            Q(
                "convinced that no peace agreement will hold if the generation that must live with it had no hand in writing it.",
                0,
                "role",
            ),
            Q(
                "In Belfast and in Derry, it was young people who knew which street corners were about to explode,",
                1,
                "pronoun",
            ),
            Q("We rarely asked them.", 1, "pronoun"),
            Q("We are not decorations for your panels,", 2, "pronoun"),
            Q(
                "We are running ceasefire hotlines in our neighborhoods while you draft concept notes.",
                2,
                "pronoun",
            ),
            Q("We count them when they pick up a gun, and when they are buried,", 3, "name"),
            Q("We almost never count them when they prevent something.", 3, "context"),
            Q(
                "every activist who appears on a panel like this one goes home to a longer list of threats.",
                None,
                "none",
            ),
        ],
        para=[1, 2, 2, 1],
        notes=[
            "Invented IPI-style summary. The Secretary-General's remarks are delivered by an Under-Secretary-General: the words are the (unnamed) Secretary-General's, the reader is neutral. 'As a keynote speaker', 'Speaking on behalf of', 'According to', 'For Professor X'.",
            "The audience member ('One participant said') gets speaker null.",
            "neutral: Zoltán Bérczes; Amara Diallo-Fernández; Fionnuala Breathnach",
        ],
    ),
    dict(
        id="g03",
        file="g03.txt",
        kind="ipi",
        speakers=[
            S(
                "Mohamed Ould Cheikh Ahmed",
                "Dr.",
                "IPI Senior Adviser",
                ["Dr. Ould Cheikh Ahmed", "the chair"],
            ),
            S(
                "Karin Lindqvist",
                None,
                "Head of Policy at the Swedish Development Finance Agency",
                ["Ms. Lindqvist"],
            ),
            S(
                "Tomás de la Fuente",
                None,
                "Chief Economist at the Inter-American Peace Finance Facility",
                ["Mr. de la Fuente"],
            ),
            S("Aisha Bello-Kamara", None, None, ["Ms. Bello-Kamara"]),
        ],
        quotes=[
            Q("the money we promised in 2024 is not the money we have in 2026.", 0, "name"),
            Q(
                "Flexibility is not a favor to the UN. It is the condition for results.",
                1,
                "context",
            ),
            Q("impact washing,", 2, "pronoun", True),
            Q(
                "If a project would have been built anyway, do not put it in your peacebuilding report.",
                2,
                "context",
            ),
            Q("You ask us for a logframe. We ask you for patience.", 3, "context"),
            Q("Legally, yes. Politically, not in this decade.", 2, "name"),
            Q("Come to Maiduguri. Hold one session a year outside New York.", 3, "name"),
            Q("more consensus than I expected and less money than I hoped.", 0, "role"),
        ],
        para=[2, 3, 3, 2],
        notes=[
            "Invented IPI-style roundtable notes with straight quotes, bullet lists of points per speaker (bullets are counted as paraphrase sentences of the speaker introduced above them), a Q&A section in 'Name: \"...\"' form, and a chair who also speaks."
        ],
    ),
    dict(
        id="g04",
        file="g04.txt",
        kind="ipi",
        speakers=[
            S("Adaeze Okonkwo-Reyes", None, "IPI Vice President", ["Ms. Okonkwo-Reyes"]),
            S(
                "Piotr Wiśniewski",
                "Colonel",
                "The head of the UN’s newly created Digital Risk Unit",
                ["the unit chief", "The official", "Colonel Wiśniewski"],
            ),
            S(
                "Marguerite Dubois-Lamarre",
                None,
                "a senior researcher at the Geneva Centre for Humanitarian Technology",
                ["Ms. Dubois-Lamarre"],
            ),
            S(
                "Ravi Subramanian",
                None,
                "the third panelist and a former UN communications officer in South Sudan",
                ["Mr. Subramanian"],
            ),
        ],
        quotes=[
            Q("can mobilize a crowd faster than we can draft a press release.", 0, "name"),
            Q("We track rumors the way we used to track troop movements,", 1, "role"),
            Q("pre-bunking", 1, "pronoun", True),
            Q("techno-solutionism.", 2, "name", True),
            Q("Every spreadsheet of informants is a hit list waiting to leak,", 2, "name"),
            Q("We have seen it happen.", 2, "context"),
            Q("collect less, protect more", 2, "pronoun"),
            Q(
                "If the mission says nothing, someone else will say something, and it will not be true,",
                3,
                "pronoun",
            ),
        ],
        para=[1, 3, 3, 3],
        notes=[
            "Invented IPI-style summary. A speaker introduced by title only (p2: 'The head of ... Digital Risk Unit', 'the unit chief') and named in the next paragraph; 'IPI Vice President X opened ... by noting that'; 'According to Colonel X'; scare quotes.",
            "Okonkwo-Reyes both opens with content (a speaker) and closes.",
        ],
    ),
    dict(
        id="g05",
        file="g05.txt",
        kind="ipi",
        speakers=[
            S("Fatoumata Traoré-Sy", None, "Université Cheikh Anta Diop", ["Dr. Traoré-Sy"]),
            S("Bertrand Kaboré", None, "Institut Sahélien de Gouvernance", ["Mr. Kaboré"]),
            S(
                "Halima Abdoulaye Moussa",
                None,
                "a member of the National Transitional Council in Niger",
                ["Ms. Moussa"],
            ),
        ],
        quotes=[
            Q(
                "When you punish one coup and tolerate another, citizens draw their own conclusions,",
                0,
                "pronoun",
            ),
            Q("Without pressure,", 1, "pronoun"),
            Q("transitions have a habit of becoming permanent.", 1, "pronoun"),
            Q("They are not nostalgic for the old system,", 2, "name"),
            Q("They remember what it cost them.", 2, "context"),
            Q("What young people want is jobs and respect,", 2, "pronoun"),
            Q("and neither has come from Paris or from Abuja.", 2, "pronoun"),
            Q("a referendum without a free press is a monologue.", 0, "name"),
            Q("a communiqué looking for a budget.", None, "none"),
            Q(
                "Alliances are made in capitals. They succeed or fail in border villages,",
                1,
                "pronoun",
            ),
        ],
        para=[4, 2, 3],
        notes=[
            "Invented IPI-style summary. 'Name (Org) argued', 'told the meeting', a paragraph that opens with a quotation tagged only 'she continued', 'In the ensuing discussion, participants...' with an unattributed audience quote (speaker null).",
            "neutral: Ousmane Diagne",
        ],
    ),
    dict(
        id="g06",
        file="g06.txt",
        kind="un-press",
        speakers=[
            S("Leila Benyamina", None, "Assistant Secretary-General for Humanitarian Affairs", []),
            S(
                "Bello Abubakar Sanda",
                None,
                "Executive Secretary of the Lake Chad Basin Commission",
                [],
            ),
            S(None, None, "the representative of Brazil", []),
            S(None, None, "The representative of France", []),
            S(None, None, "the representative of Sierra Leone", []),
            S("Ingrid Solberg", "Ambassador", None, []),
            S(None, None, "The representative of the United States", []),
            S(None, None, "The representative of Chad", []),
        ],
        quotes=[
            Q("Behind that number are children who will not eat tonight,", 0, "pronoun"),
            Q("fragile and reversible", 1, "pronoun"),
            Q(
                "Security and development are not two chapters of the same book; they are the same page,",
                3,
                "pronoun",
            ),
            Q(
                "the pledges made in Oslo must not become another list of unkept promises.",
                5,
                "name",
            ),
            Q("Impunity recruits faster than any extremist group,", 6, "pronoun"),
        ],
        para=[2, 1, 2, 1, 2, 1, 1, 2],
        notes=[
            "Invented UN meetings coverage. Country representatives known only by role; 'Speaking on behalf of the \"A3 Plus\"' (a group name in quotation marks, not a quote); the European Union (a group) is left out; 'Ambassador X of Norway'; 'Chad' as a country."
        ],
    ),
    dict(
        id="g07",
        file="g07.txt",
        kind="un-press",
        speakers=[
            S("Nomvula Dlamini", None, "Committee Chair", []),
            S(
                "Li Wenjun",
                None,
                "Director of the Financing for Sustainable Development Office in the Department of Economic and Social Affairs (DESA)",
                ["Ms. Li"],
            ),
            S(None, None, "the representative of Uganda", []),
            S("Nguyen Van An", None, None, ["Mr. Nguyen"]),
            S(None, None, "The representative of the Maldives", []),
            S(None, None, "The representative of Germany", []),
        ],
        quotes=[
            Q("no longer technical but existential", 0, "name"),
            Q("That is not a statistic about debt. It is a statistic about hospitals,", 1, "name"),
            Q("debt relief that arrives after the reconstruction is not relief at all.", 3, "name"),
            Q("We are borrowing to stay above water, literally,", 4, "pronoun"),
            Q("And then we are told our debt is unsustainable.", 4, "pronoun"),
            Q("a good idea whose time has come.", 5, "pronoun"),
        ],
        para=[1, 2, 2, 2, 1, 3],
        notes=[
            "Invented UN meetings coverage with straight quotes. A chair who speaks with content; 'Name (Country), speaking for ASEAN'; 'Speaking on behalf of the Group of 77 and China, the representative of Uganda'; a Vietnamese name whose surname comes first ('Mr. Nguyen')."
        ],
    ),
    dict(
        id="g08",
        file="g08.txt",
        kind="un-press",
        speakers=[
            S(
                "Hans-Peter Vogelsang",
                None,
                "The Special Envoy for Yemen",
                ["Special Envoy", "the Special Envoy"],
            ),
            S(
                "Martha Achieng Odhiambo",
                None,
                "Director of Operations at the Office for the Coordination of Humanitarian Affairs (OCHA)",
                ["Ms. Odhiambo"],
            ),
            S(None, None, "the representative of the United Kingdom", []),
            S("Yoko Fujimura", "Ambassador", "the Council President", []),
            S(None, None, "The speaker for the Russian Federation", []),
            S(None, None, "Ghana's delegate", []),
        ],
        quotes=[
            Q("weeks, not months", 0, "role"),
            Q("constructive but insufficient", 0, "name"),
            Q("I will not pretend that the gaps are small,", 0, "role"),
            Q("But I have seen these parties close bigger gaps when they chose to.", 0, "role"),
            Q("Every day that the port operates below capacity,", 1, "name"),
            Q("the price of bread goes up in Sana'a and in Taiz alike.", 1, "name"),
            Q("We are asking for one thing: keep the port open.", 1, "context"),
            Q("Mines do not observe truces,", 3, "pronoun"),
            Q("without external diktat.", 4, "role"),
        ],
        para=[3, 2, 1, 1, 2, 1],
        notes=[
            "Invented UN meetings coverage, straight quotes. The Special Envoy is referred to by title in the headline and p1, named in p2 and titled again in p3. A split quotation whose second half runs on into the next paragraph (p5 unclosed, p6 reopens). The Council President speaking in her national capacity.",
            "The headline counts as a paraphrase sentence of the Special Envoy.",
        ],
    ),
    dict(
        id="g09",
        file="g09.txt",
        kind="un-press",
        speakers=[
            S(None, None, "the representative of Greece", []),
            S("Carmen Oyelaran-Holt", None, "Deputy Secretary-General", []),
            S(None, None, "The representative of Mexico", []),
            S(None, None, "The representative of India", []),
            S(None, None, "The representative of the Philippines", []),
            S("Ekaterina Volkova", "Ambassador", None, []),
        ],
        quotes=[
            Q("A journalist killed is a story that will never be told,", 0, "pronoun"),
            Q("the pen and the camera are not targets.", 1, "name"),
            Q(
                "Our support will go to local journalists first, because they carry the greatest risk,",
                None,
                "none",
            ),
            Q("not yet been enough.", 2, "pronoun"),
            Q("should not become a pretext for regulating speech.", 3, "role"),
            Q("We have nothing to hide and much to improve,", 4, "pronoun"),
        ],
        para=[1, 2, 2, 1, 2, 1],
        notes=[
            "Invented UN meetings coverage. 'Deputy Secretary-General X, in remarks delivered by her Chef de Cabinet, Dr. Y': the words are X's, Y is neutral. The European Union's statement is a group's (speaker null).",
            "neutral: Rafael Quispe Mamani",
        ],
    ),
    dict(
        id="g10",
        file="g10.txt",
        kind="other",
        speakers=[
            S(
                "Ramtane Okafor-Bensalah",
                None,
                "the United Nations envoy for Sudan",
                ["Okafor-Bensalah"],
            ),
            S(None, None, "A Western diplomat familiar with the talks", ["the diplomat"]),
            S(
                "Adam Hamid Nour",
                "Brigadier",
                "The head of the Rapid Support Forces delegation",
                [],
            ),
            S("Katrin Marthinsen", None, "the World Food Programme's Sudan director", []),
            S("Stéphane Okonjo", None, "UN spokesperson", []),
        ],
        quotes=[
            Q("We are close on paper and far apart on the ground,", 0, "name"),
            Q("Neither side wants to be the first to open a road.", 0, "context"),
            Q("They come back each time, which is something,", 1, "role"),
            Q(
                "We have offered three corridors. The other side has offered speeches,",
                2,
                "pronoun",
            ),
            Q("We have trucks loaded in Chad that have been waiting for six weeks,", 3, "pronoun"),
            Q("fully committed", None, "none"),
        ],
        para=[2, 1, 1, 1, 2],
        notes=[
            "Invented wire report (straight quotes). Quote before the tag ('\"...,\" Name told reporters'), the envoy first by role in the lead, an anonymous diplomat (a speaker known only by role), 'According to ..., Name,', a government (state: speaker null), inverted 'said UN spokesperson Name'."
        ],
    ),
    dict(
        id="g11",
        file="g11.txt",
        kind="other",
        speakers=[
            S("Georgia Whitfield-Mayer", None, "U.S. Deputy Ambassador", []),
            S("Zhang Weiming", None, "China's U.N. Ambassador", []),
            S("Dmitri Sorokin-Vlasov", None, "Russia's deputy ambassador", []),
            S("Jean-Baptiste Théodore", None, "Haiti's U.N. ambassador", ["Théodore"]),
            S("María José Ferreira da Silva", None, "The head of the U.N. mission", []),
            S(None, None, "One council diplomat", []),
        ],
        quotes=[
            Q(
                "the international community has not given up on Haiti, and neither should Haitians.",
                0,
                "name",
            ),
            Q("underfunded and overstretched.", 0, "pronoun"),
            Q("mixes political support with coercive measures.", 1, "name"),
            Q("have never brought a single gang leader to justice.", 2, "name"),
            Q("We are grateful,", 3, "name"),
            Q(
                "But gratitude does not stop bullets. We need police officers, armored vehicles and, above all, a plan.",
                3,
                "context",
            ),
            Q("This is not a crisis that will wait for the next mandate cycle,", 4, "pronoun"),
            Q("too little, too late.", None, "none"),
            Q("the best we could get, not the best we needed.", 5, "role"),
        ],
        para=[2, 2, 1, 0, 1, 1],
        notes=[
            "Invented AP-style wire report (straight quotes). Role-before-name appositives ('China's U.N. Ambassador, Zhang Weiming,'), a first name that is also a place (Georgia), a coalition (group: null), an anonymous council diplomat (role-only speaker); 'Diplomats said privately' is a group."
        ],
    ),
    dict(
        id="g12",
        file="g12.txt",
        kind="other",
        speakers=[
            S("Seve Paeniu-Tafilaki", None, "Tuvalu's climate minister", ["Paeniu-Tafilaki"]),
            S(
                "Ibrahima Ndoye-Sarr",
                None,
                "The fund's executive director",
                ["a Senegalese economist", "Ndoye-Sarr"],
            ),
            S(
                "Ana Lucía Ccori",
                None,
                "a campaigner with Climate Action Network Latin America",
                [],
            ),
            S("Jonas Edelmann-Kraus", None, "the German development minister", []),
            S(None, None, "A negotiator from a European delegation", []),
        ],
        quotes=[
            Q("dragging their feet", None, "none"),
            Q("Our islands are not waiting for your procedures,", 0, "name"),
            Q("The sea is not waiting either.", 0, "context"),
            Q("before the end of the year.", 1, "role"),
            Q("Every month of delay is a month of schools without roofs,", 2, "name"),
            Q("a rounding error", 2, "pronoun"),
            Q("a remarkable achievement,", 3, "pronoun"),
        ],
        para=[1, 2, 1, 1, 1],
        notes=[
            "Invented AFP-style wire report (straight quotes). Quote first, then inverted tag 'said Tuvalu's climate minister, Name'; a speaker described ('a Senegalese economist') before being named in the next sentence; 'According to Surname'; a group quote (Pacific island leaders: null)."
        ],
    ),
    dict(
        id="g13",
        file="g13.html",
        kind="other",
        speakers=[
            S("Annika Sørensen", "Dr.", "Senior Fellow at the Forum", ["Dr. Sørensen"]),
            S("Mikael Thorvaldsen", "Ambassador", None, ["Ambassador Thorvaldsen"]),
            S("Elizabeth Karlsdóttir", "Professor", None, []),
            S(
                "Tom Ahnaluk",
                None,
                "a representative of the Inuit Circumpolar Council",
                ["Mr. Ahnaluk"],
            ),
        ],
        quotes=[
            Q("The Council was built in the shadow of the Cold War,", 1, "pronoun"),
            Q("It was designed for bad weather.", 1, "pronoun"),
            Q("We are now modelling half an ocean,", 2, "pronoun"),
            Q("Institutions rarely die in a crisis. They die of neglect,", 0, "pronoun"),
            Q("commercial first, strategic always.", 1, "name"),
            Q("We were Permanent Participants when it suited everyone,", 3, "name"),
            Q("Now we are permanent spectators.", 3, "context"),
        ],
        para=[2, 1, 3, 1],
        notes=[
            "Invented think-tank event summary as an HTML page (g13.html, generated by build_gold.py): navigation, breadcrumbs, a meta line, a related-events sidebar and a footer around the article; one quotation written with &ldquo;/&rdquo; entities and one name in <strong>. The gold text is the article's h1 and paragraphs; the meta line is page furniture. A chair who also speaks ('For Dr. Sørensen, who also offered her own assessment')."
        ],
    ),
    dict(
        id="g14",
        file="g14.md",
        kind="other",
        speakers=[
            S("Priyanka Raghavan", "Dr.", None, ["Dr. Raghavan"]),
            S(
                "Tariq Mahmood Qureshi",
                "Major General (Retd.)",
                "a former Pakistani army engineer",
                [],
            ),
            S(
                "Shreya Adhikari",
                None,
                "Kathmandu Institute of Himalayan Studies",
                ["Ms. Adhikari"],
            ),
            S("Rafiqul Islam Chowdhury", None, None, ["Mr. Chowdhury"]),
        ],
        quotes=[
            Q("the slowest emergency and the fastest-growing one.", 1, "name"),
            Q(
                "We need upstream and downstream countries to share data in real time, not in annual reports.",
                2,
                "context",
            ),
            Q(
                "The story of climate migration is a story of Dhaka’s slums, not of Europe’s borders,",
                3,
                "pronoun",
            ),
            Q("if we stop planning cities for the people who already live in them.", 3, "name"),
            Q(
                "the region’s militaries are already first responders to climate disasters, whether or not their doctrines say so.",
                0,
                "pronoun",
            ),
        ],
        para=[2, 1, 3, 1],
        notes=[
            "Invented think-tank workshop report in Markdown: '#' headings with 'Session N:', bold names, a link in an appositive, a bullet list of one speaker's points, a moderator who speaks in the closing session, a compound honorific 'Major General (Retd.)'.",
            "The audience member who only asks a question is not a speaker.",
        ],
    ),
    dict(
        id="g15",
        file="g15.txt",
        kind="other",
        speakers=[
            S("Hendrik van der Berg", None, "the Centre's director", ["Mr. van der Berg"]),
            S("Amaka Nwosu-Pretorius", "Dr.", None, ["Dr. Nwosu-Pretorius"]),
            S("Marek Kovač", None, "a former Czech arms control negotiator", ["Kovač"]),
            S(
                "Aigerim Seitkali",
                None,
                "a former deputy foreign minister of Kazakhstan",
                ["The keynote speaker", "Ms. Seitkali"],
            ),
        ],
        quotes=[
            Q("the two largest arsenals in the world without a single number on paper.", 0, "name"),
            Q("We gave up the bomb in exchange for a promise of disarmament,", 1, "pronoun"),
            Q(
                "Fifty years on, we are still waiting for the second half of that bargain.",
                1,
                "pronoun",
            ),
            Q("When the phones go quiet, the missiles get louder,", 2, "pronoun"),
            Q("We know what testing does to people. We buried them.", 3, "name"),
            Q("regional zones are the only arms control that still works.", 3, "pronoun"),
            Q("seat belts for a car with no brakes.", None, "none"),
        ],
        para=[1, 2, 2, 2],
        notes=[
            "Invented think-tank summary written with single newlines only (one paragraph). 'he said' after a sentence that mentions another man (Professor Lars Eriksen, only cited: not a speaker) belongs to Kovač; a keynote speaker described by role then named ('Name said:'); an audience member ('One speaker') is null.",
            "Mr. van der Berg's closing (thanks, announcement) is not counted; his welcome has content.",
        ],
    ),
]

# ------------------------------------------------------------------ checks copied from check_docs.py

PAIRS = {"“": "”", "‘": "’", '"': '"'}
ATTRIBUTIONS = {"name", "pronoun", "role", "context", "none"}


def paragraph_spans(text):
    spans, start = [], 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def enclosed_occurrences(text, q, pspans):
    """Offsets where q sits between a matching pair of marks, or (run-on convention) right
    after an opening mark and at its paragraph's end, the next paragraph reopening."""
    out, i = [], text.find(q)
    while i != -1:
        before = text[i - 1] if i > 0 else ""
        after = text[i + len(q)] if i + len(q) < len(text) else ""
        if before in PAIRS and PAIRS[before] == after:
            out.append(i)
        elif before in PAIRS:
            end = i + len(q)
            for k, (_a, b) in enumerate(pspans[:-1]):
                if b == end and text[pspans[k + 1][0]] == before:
                    out.append(i)
        i = text.find(q, i + 1)
    return out


def check(doc, errors):
    did, text = doc["id"], doc["text"]
    err = lambda m: errors.append(f"{did}: {m}")  # noqa: E731
    if text != text.strip():
        err("text has leading/trailing whitespace")
    pspans = paragraph_spans(text)
    for si, s in enumerate(doc["speakers"]):
        if s["name"] is None and not s["role_org"]:
            err(f"speaker {si} has neither name nor role_org")
        if s["name"] is not None and s["name"] not in text:
            err(f"speaker {si} name {s['name']!r} not in text")
        if s["role_org"] and s["role_org"] not in text:
            err(f"speaker {si} role_org {s['role_org']!r} not in text")
        if s["honorific"] and f"{s['honorific']} {s['name']}" not in text:
            err(f"speaker {si} '{s['honorific']} {s['name']}' not in text")
        for a in s["aliases"]:
            if a not in text:
                err(f"speaker {si} alias {a!r} not in text")
    if len(doc["paraphrase_counts"]) != len(doc["speakers"]):
        err("paraphrase_counts not aligned")
    used = set()
    for qi, q in enumerate(doc["quotes"]):
        occ = [i for i in enclosed_occurrences(text, q["text"], pspans) if i not in used]
        if not occ:
            err(f"quote {qi} not verbatim between quotation marks: {q['text'][:60]!r}")
            continue
        used.add(occ[0])
        q["paragraph"] = next(k for k, (a, b) in enumerate(pspans) if a <= occ[0] <= b)
        sp = q["speaker"]
        if sp is not None and not (isinstance(sp, int) and 0 <= sp < len(doc["speakers"])):
            err(f"quote {qi} speaker {sp!r} out of range")
        if q["attribution"] not in ATTRIBUTIONS:
            err(f"quote {qi} attribution {q['attribution']!r}")
        elif (sp is None) != (q["attribution"] == "none"):
            err(f"quote {qi}: speaker null must go with attribution 'none'")
    return pspans


def main():
    (HERE / "g13.html").write_text(g13_html(), encoding="utf-8")
    out, errors = [], []
    for d in DOCS:
        text = (
            "\n\n".join(G13_PARAS)
            if d["file"] == "g13.html"
            else (HERE / d["file"]).read_text(encoding="utf-8").strip()
        )
        notes = list(d["notes"])
        if not any(n.startswith("neutral: ") for n in notes):
            notes.append("neutral: none")
        doc = {
            "id": d["id"],
            "url": f"file:benchmarks/heldout2/{d['file']}",
            "source_kind": d["kind"],
            "text": text,
            "speakers": d["speakers"],
            "quotes": [dict(q) for q in d["quotes"]],
            "paraphrase_counts": d["para"],
            "notes": notes,
        }
        check(doc, errors)
        doc["quotes"] = [
            {k: q[k] for k in ("text", "speaker", "paragraph", "attribution", "scare") if k in q}
            for q in doc["quotes"]
        ]
        out.append(doc)
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    (HERE / "gold.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    nq = sum(len(d["quotes"]) for d in out)
    ns = sum(len(d["speakers"]) for d in out)
    role = sum(s["name"] is None for d in out for s in d["speakers"])
    att = {}
    for d in out:
        for q in d["quotes"]:
            att[q["attribution"]] = att.get(q["attribution"], 0) + 1
    words = sum(len(d["text"].split()) for d in out)
    print(
        f"documents {len(out)}; words {words}; speakers {ns} (role only {role}); quotes {nq} {att}"
    )
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
