"""Characters that show nothing: zero-width spaces and joiners, invisible operators,
tag characters, fillers, the soft hyphen, bidirectional marks and the BOM.

Inside a word they would hide it from search (``neu\u200btrality``); a field made only
of them would pass "must not be empty".  So matching folds them away
(:func:`drop_invisible`), validation treats a field of only them as blank
(:func:`is_blank`), and human output shows them as escapes (:mod:`.escape`).
"""

from __future__ import annotations

import re

INVISIBLE_CHARACTERS = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark
    "\u115f\u1160"  # Hangul choseong/jungseong fillers
    "\u17b4\u17b5"  # Khmer inherent vowels
    "\u180b-\u180f"  # Mongolian variation selectors and vowel separator
    "\u200b-\u200f"  # zero-width space, non-joiner, joiner; LRM, RLM
    "\u202a-\u202e"  # bidirectional embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u206f"  # bidirectional isolates, deprecated format characters
    "\u3164"  # Hangul filler
    "\ufe00-\ufe0f"  # variation selectors
    "\ufeff"  # BOM / zero-width no-break space
    "\uffa0"  # halfwidth Hangul filler
    "\U0001d173-\U0001d17a"  # musical formatting
    "\U000e0000-\U000e007f"  # tag characters
    "\U000e0100-\U000e01ef"  # variation selectors supplement
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")


def drop_invisible(text: str) -> str:
    """``text`` without its invisible characters (ASCII text is returned as is)."""
    if text.isascii():
        return text
    return _INVISIBLE.sub("", text)


def is_blank(text: str) -> bool:
    """True if ``text`` shows nothing: empty, white space, or only invisible characters."""
    if not text or text.isspace():
        return True
    if text.isascii():
        return False
    return not drop_invisible(text).strip()
