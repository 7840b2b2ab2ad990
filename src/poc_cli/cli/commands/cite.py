"""``poc cite``: ready-to-paste citations of quotations, and exports for reference managers."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from poc_cli.cite import CitationStyle, ExportFormat, Markup
from poc_cli.cli.completion import complete_statement
from poc_cli.cli.options import ForceOpt, Run, output_option, poc_command

EXPORT_SUFFIXES = {
    ".json": ExportFormat.csl_json,
    ".bib": ExportFormat.bibtex,
    ".ris": ExportFormat.ris,
}
"""The export an ``-o`` file's suffix asks for, when ``--format`` does not say."""


@poc_command(
    examples_=[
        "poc cite ipi18-21",
        "poc cite ipi18-21 --style apa",
        "poc cite ipi18-21 ipi18-22 --style chicago --markup markdown",
        "poc cite 3 --style markdown >> notes.md",
        "poc cite ipi18-21 ipi18-28 --format ris -o quotes.ris",
        "poc cite ipi18-20 --paraphrase",
    ],
    output=False,
)
def cite(
    ctx: typer.Context,
    statement_ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...",
            help="Statement ids (from `poc quotes`), or their numbers.",
            autocompletion=complete_statement,
        ),
    ],
    style: Annotated[
        CitationStyle,
        typer.Option(
            "--style",
            metavar="STYLE",
            # The choices in the help text, not the metavar: at 80 columns Rich split
            # the metavar's <plain|markdown|apa|chicag / o|harvard|mla>.
            help="Citation style: plain, markdown, apa, chicago, harvard or mla.",
            case_sensitive=False,
        ),
    ] = CitationStyle.plain,
    markup: Annotated[
        Markup,
        typer.Option(
            "--markup",
            help="For apa, chicago, harvard and mla: plain text, or italics as Markdown or HTML.",
            case_sensitive=False,
        ),
    ] = Markup.text,
    export: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Instead of a citation, an export for Zotero, Mendeley, EndNote or Pandoc.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    paraphrase: Annotated[
        bool,
        typer.Option(
            "--paraphrase",
            help="Allow citing a paraphrase, as the report's summary (never in quotation marks).",
        ),
    ] = False,
    output: Annotated[
        str | None,
        output_option(
            "without --format, a .json, .bib or .ris suffix gives the export (csl-json,"
            " bibtex, ris), any other the citation."
        ),
    ] = None,
    force: ForceOpt = False,
    *,
    run: Run,
) -> None:
    """Ready-to-paste citations of quotations, or an export of them.

    The exact words, the speaker, the event, its host and date, and the paragraph.
    APA 7, Chicago 17 (notes and bibliography), Harvard and MLA 9 cite the words as
    quoted in the event report; --format csl-json, bibtex or ris exports the report
    with the quotations for a reference manager.  A paraphrase is the report's
    wording, so it is refused unless --paraphrase is given, and then it is never put
    in quotation marks."""
    from poc_cli.cite import cite_statements
    from poc_cli.cite import export as make_export
    from poc_cli.output.emit import OutputChoice, emit_renderable, output_path
    from poc_cli.queries import find_statement
    from poc_cli.text.escape import visible

    ids = list(dict.fromkeys(statement_ids))
    # One id: of a big folder, only the file that holds it is loaded.
    corpus = run.load_for_statement(ids[0]).corpus if len(ids) == 1 else run.load_corpus()
    statements = [find_statement(corpus, statement_id) for statement_id in ids]
    if export is None and output not in (None, "-"):
        export = EXPORT_SUFFIXES.get(os.path.splitext(output)[1].lower())
    if export is not None:
        text = make_export(corpus, statements, export, allow_paraphrase=paraphrase)
    else:
        text = visible(
            cite_statements(corpus, statements, style, allow_paraphrase=paraphrase, markup=markup)
        )
    choice = OutputChoice(output=output_path(output), force=force)
    emit_renderable(run.env, text if text.endswith("\n") else text + "\n", choice)
    for st in statements:
        if st.review:
            # a draft's guess: cited as it stands, but the user is told before they paste it
            how = f" (attributed by {st.attribution})" if st.attribution else ""
            run.env.message(
                f"note: {st.id} awaits review{how}: check its speaker in the report "
                "before citing it"
            )
