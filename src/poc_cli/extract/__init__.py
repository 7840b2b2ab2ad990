"""``poc extract``: a seminar report in, a draft dataset in poc's schema out.

The readers (``read.py``, ``readers/``) turn a text, Markdown, HTML or PDF report into its
text; the other modules find its paragraphs, sessions, people and statements.
"""
