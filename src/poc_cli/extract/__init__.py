"""``poc extract``: a seminar report in, a draft dataset in poc's schema out.

The readers (``read.py``, ``readers/``) turn a text, Markdown, HTML or PDF report into its
text; the other modules find its paragraphs, sessions, people and statements.

The core takes text (``extract_text``) and returns an :class:`Extraction`: ``dataset``
(a JSON-ready dict in schema_version 1), ``summary`` (speakers, quotes, paraphrases,
review, unattributed, dropped) and ``message`` ("no statements found" when there is
nothing to write). ``check_fidelity`` checks any dataset against its report's paragraphs.
"""

from __future__ import annotations

from .build import Extraction, Summary, Unattributed, extract_text
from .fidelity import Problem, check_fidelity
from .paragraphs import split_paragraphs

__all__ = [
    "Extraction",
    "Problem",
    "Summary",
    "Unattributed",
    "check_fidelity",
    "extract_text",
    "split_paragraphs",
]
