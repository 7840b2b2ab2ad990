"""The official CSL styles, rendered with citeproc-py: the reference poc's hand-written
styles are checked against (see the package docstring for why poc does not render
with them).

The four style files in ``csl/`` are from the Citation Style Language project's
styles repository (https://citationstyles.org/), CC BY-SA 3.0; see ``csl/README.md``.
citeproc-py is not a dependency of poc: it is in the ``test`` extra, and imported
only when these functions run.
"""

from __future__ import annotations

import json
from importlib.resources import as_file, files
from typing import Any

CSL_FILES = {
    "apa": "apa.csl",
    "chicago": "chicago-notes-bibliography-17th-edition.csl",
    "harvard": "harvard-cite-them-right.csl",
    "mla": "modern-language-association.csl",
}


def csl_render(
    csl_json: str, style: str, *, paragraph: str | None = None, html: bool = False
) -> tuple[str, list[str]]:
    """(the citation or note of the first item, the bibliography) from CSL-JSON, with
    the bundled official style for ``style`` ("apa", "chicago", "harvard", "mla").

    ``paragraph``: the locator ("16"), labelled as a paragraph."""
    from citeproc import (  # type: ignore[import-untyped, import-not-found, unused-ignore]
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        Locator,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped, import-not-found, unused-ignore]

    items: list[dict[str, Any]] = json.loads(csl_json)
    with as_file(files(__package__).joinpath("csl", CSL_FILES[style])) as path:
        csl = CitationStylesStyle(str(path), validate=False)
    bibliography = CitationStylesBibliography(
        csl, CiteProcJSON(items), formatter.html if html else formatter.plain
    )
    extra = {"locator": Locator("paragraph", paragraph)} if paragraph else {}
    citation = Citation([CitationItem(items[0]["id"], **extra)])
    bibliography.register(citation)
    text = str(bibliography.cite(citation, lambda item: None))
    return text, [str(entry) for entry in bibliography.bibliography()]
