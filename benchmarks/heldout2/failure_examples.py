#!/usr/bin/env python3
"""Minimal reproductions of the failure classes found with benchmarks/heldout2 (see README.md).

Usage: python benchmarks/heldout2/failure_examples.py [NAME ...]   (prints speakers and quote owners)
Every text is invented. Expected outcomes are in README.md; this script only shows what happens.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from poc_cli.extract import extract_text


def run(label, text):
    res = extract_text(text, name="t")
    d = res.dataset
    names = {s["id"]: s["name"] for s in d["speakers"]}
    print("##", label)
    print("  speakers:", [s["name"] for s in d["speakers"]])
    for st in d["statements"]:
        if st["kind"] == "quote":
            print("  quote", repr(st["text"][:50]), "->", names.get(st["speaker"]))
    print("  unattributed:", [u.text[:40] for u in res.summary.unattributed])


T = {
    "role-first-said": "The keynote speaker, a former deputy foreign minister of Kazakhstan, reminded the audience that her country had closed the test site. Aigerim Seitkali said: “We buried them.”",
    "org-as-name": "John Smith, head of the Peace Finance Facility, said that blended finance works.",
    "us-alone": "The representative of the United States said that accountability was essential. “Impunity recruits faster,” he said.",
    "role-first": "The head of the Digital Risk Unit told participants that rumours had become the main cause of attacks.\n\nThe official, Colonel Piotr Wiśniewski, later explained that the unit monitors radio. “We track rumors,” he said.",
    "according-role-name": 'According to the World Food Programme\'s Sudan director, Katrin Marthinsen, nearly 800,000 people face famine. "We have trucks waiting," she said.',
    "anon-participant": "Bertrand Kaboré said that sanctions had kept elections on the agenda.\n\nIn the ensuing discussion, participants debated the alliance. One participant said the alliance was “a communiqué looking for a budget.”",
    "anon-diplomat": 'A Western diplomat familiar with the talks, who asked not to be named, said the delegation had walked out. "They come back each time," the diplomat said.\n\nThe head of the delegation, Brigadier Adam Hamid Nour, rejected the accusations. "We have offered three corridors," he said.',
    "bullets": "Karin Lindqvist, Head of Policy at the Swedish Agency, made the following points:\n\n- Pooled funds remain the most efficient channel.\n- “Flexibility is not a favor to the UN.”",
    "qa-particle": "Tomás de la Fuente, Chief Economist at the Peace Finance Facility, spoke on blended finance.\n\nQ: Can assessed contributions cover programmes?\n\nMr. de la Fuente: “Legally, yes.”",
    "qa-plain": "Tomas Fuentes, Chief Economist at the Peace Finance Facility, spoke on blended finance.\n\nQ: Can assessed contributions cover programmes?\n\nMr. Fuentes: “Legally, yes.”",
    "relative-who": "The meeting was chaired by Dr. Mohamed Ould Cheikh Ahmed, IPI Senior Adviser, who opened with a warning that “the money we promised is not the money we have.”",
    "chair": "The meeting was chaired by Dr. Nadia Haddad, IPI Senior Adviser.\n\nClosing the session, the chair said that the roundtable had produced “more consensus than I expected.”",
    "delivered-by": "Deputy Secretary-General Carmen Oyelaran-Holt, in remarks delivered by her Chef de Cabinet, Dr. Rafael Quispe Mamani, said the resolution sent a message that “the pen and the camera are not targets.”",
    "md-bold-honorific": "**Major General (Retd.) Tariq Mahmood Qureshi**, a former army engineer, said that glacial melt was “the slowest emergency.”",
    "no-bold-honorific": "Major General (Retd.) Tariq Mahmood Qureshi, a former army engineer, said that glacial melt was “the slowest emergency.”",
    "bold-only": "**Tariq Mahmood Qureshi**, a former army engineer, said that glacial melt was “the slowest emergency.”",
    "she-after-man": 'Haiti\'s ambassador, Jean-Baptiste Théodore, welcomed the vote. "We are grateful," Théodore said.\n\nThe head of the U.N. mission, María José Ferreira da Silva, had briefed the council earlier in the week. She said gangs control most of the capital. "This is not a crisis that will wait," she said.',
    "he-after-nonreporting": 'The fund\'s director, Ibrahima Ndoye-Sarr, said the first payments would come soon.\n\nIn his speech, the German minister, Jonas Edelmann-Kraus, defended the pace of the fund. Setting it up in two years was "a remarkable achievement," he said.',
    "inverted-role-name": '"Our islands are not waiting," said Tuvalu\'s climate minister, Seve Paeniu-Tafilaki.\n\nThe German development minister, Jonas Edelmann-Kraus, said that Germany had paid in full.',
    "us-rep": "The representative of Sierra Leone stressed that solutions must be owned by the region.\n\nThe representative of the United States said that accountability was essential. “Impunity recruits faster than any extremist group,” he said.",
    "resolution-title": 'China\'s Ambassador, Zhang Weiming, said Beijing abstained because the resolution "mixes political support with coercive measures."',
    "group-name": "Speaking on behalf of the “A3 Plus” — Ghana, Mozambique and Guyana — the representative of Sierra Leone stressed that solutions must be owned by the region.",
}
for k in sys.argv[1:] or T:
    run(k, T[k])
