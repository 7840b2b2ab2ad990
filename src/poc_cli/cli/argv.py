"""Adapters over Click's argument parsing (Typer vendors Click privately, so options
are told by ``param_type_name``, not by class).

* :class:`PocCommand`: an option given twice with different values is refused;
* :class:`SearchCommand`: a search word may begin with a dash (``-word`` excludes it);
* :func:`refuse_unknown_options` and :func:`explain_idle_exclusions`, for search;
* :func:`usage_error_lines`: Click's usage errors as poc's own ``error: …`` lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import typer
from typer.core import TyperCommand

from poc_cli.errors import UsageError


def _options(params: Sequence[Any]) -> Iterator[tuple[str, Any]]:
    """(name as typed, parameter) of every option among ``params``."""
    for param in params:
        if param.param_type_name == "option":
            for name in (*param.opts, *param.secondary_opts):
                yield name, param


class PocCommand(TyperCommand):
    """A poc command: an option given twice with different values is refused.

    Click keeps the last one, so ``quotes --speaker Mamiya --speaker Coutou`` showed
    Coutou alone, as if Mamiya had never been asked for.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # a Click Context
        given: dict[str, tuple[str, str]] = {}  # parameter -> (option typed, value)
        for param, typed, value in _options_in(self.get_params(ctx), args):
            if param in given and given[param][1] != value:
                first, earlier = given[param]
                ctx.fail(f"{first} was given twice ({earlier!r} and {value!r}); give it once")
            given.setdefault(param, (typed, value))
        return super().parse_args(ctx, args)


def _options_in(params: Sequence[Any], args: Sequence[str]) -> Iterator[tuple[str, str, str]]:
    """(parameter name, option as typed, value) of each value-taking option in ``args``,
    read as Click reads them: ``--opt value``, ``--opt=value``, ``-o value``, ``-ovalue``."""
    names = {name: param.name for name, param in _options(params) if not param.is_flag}
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            return
        if arg.startswith("--"):
            name, equals, value = arg.partition("=")
        elif arg.startswith("-") and len(arg) > 2 and arg[:2] in names:
            name, equals, value = arg[:2], "=", arg[2:]
        else:
            name, equals, value = arg, "", ""
        if name in names:
            if not equals:
                value = next(rest, "")
            yield names[name], name, value


class SearchCommand(PocCommand):
    """``poc search``: a query word may begin with a dash (``-word`` excludes it).

    Click reads ``-violence`` as the short options ``-v -i -o`` with ``lence`` as
    ``-o``'s value, and so wrote the results to a file named "lence", silently.
    Here every argument that is not one of the command's options (or an option's
    value) is a query word, handed to Click after ``--`` in the order typed.  An
    option's value goes in the next argument or after ``=`` (``-s Mamiya``,
    ``--speaker=Mamiya``); ``-sMamiya`` is a word.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # a Click Context
        return super().parse_args(ctx, _query_words_last(ctx, self.get_params(ctx), args))


def _query_words_last(ctx: typer.Context, params: Sequence[Any], args: Sequence[str]) -> list[str]:
    """``args`` with the options first and every other word after ``--``, in order.

    ``params``: the command's Click parameters (Typer vendors Click privately, so
    options are told by ``param_type_name``, not by class)."""
    takes_value = {name: not param.is_flag for name, param in _options(params)}
    options: list[str] = []
    words: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            words.extend(rest)
            break
        name, equals, _ = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in takes_value:
            words.append(arg)
            continue
        options.append(arg)
        if takes_value[name] and not equals:
            value = next(rest, None)  # the next argument, whatever it looks like
            if value is None:
                if ctx.resilient_parsing:  # completing that option's value: Click's job
                    return list(args)
                ctx.fail(f"Option '{name}' requires an argument.")
            options.append(value)
    return [*options, "--", *words] if words else options


def explain_idle_exclusions(
    ctx: typer.Context, typed: Sequence[str], idle: Sequence[str]
) -> list[str]:
    """Say which -words excluded nothing; for ``-sMamiya``, that it was read as a word.

    (Search reads every -word as an exclusion, so an option's value must follow a
    space: ``-s Mamiya``.)"""
    from poc_cli.text.normalise import words

    notes = []
    short = {
        name
        for param in ctx.command.params
        if param.param_type_name == "option" and not getattr(param, "is_flag", True)
        for name in param.opts
        if len(name) == 2
    }
    for word in idle:
        hint = ""
        for raw in typed:
            if raw[:2] in short and len(raw) > 2 and words(raw[1:]) == [word]:
                hint = f" (for the option {raw[:2]}, leave a space: {raw[:2]} {raw[2:]})"
        notes.append(f"note: -{word} excluded nothing: no statement has that word{hint}")
    return notes


def refuse_unknown_options(ctx: typer.Context, words: Sequence[str]) -> None:
    """A word starting with ``--`` is never a search term but a mistyped option
    (``--limt 5``), which :class:`SearchCommand` hands on as a query word: refuse it,
    as Click would, rather than search for it."""
    for word in words:
        if word.startswith("--") and len(word) > 2:
            import difflib

            name = word.split("=", 1)[0]
            known = [o for p in ctx.command.params for o in p.opts if o.startswith("--")]
            close = difflib.get_close_matches(name, known, n=1)
            if name in known:
                raise UsageError(f"{name} came after --, where every word is a search word")
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise UsageError(f"no such option: {name}{hint}; to exclude a word, write -word")


CLICK_EXCEPTION: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
"""Click's base exception, whether Typer vendors Click (0.28) or uses it (older)."""


def usage_error_lines(error: Any) -> list[str]:
    """A Click usage error (``No such option: --bogus``, ``--speaker was given
    twice``) as poc says its own: ``error: …``, then where to read the command's
    help.  No usage line and no box: one style for every error, on a terminal or in
    a pipe."""
    message = error.format_message().strip()
    if len(message) > 1 and message[0].isupper() and message[1].islower():
        message = message[0].lower() + message[1:]  # "No such option" -> "no such option"
    first, *rest = message.split("\n") or [""]
    lines = [f"error: {first}", *(line for line in rest if line.strip())]
    ctx = getattr(error, "ctx", None)
    if ctx is not None and ctx.command.get_help_option(ctx) is not None:
        lines.append(f"Try '{ctx.command_path} --help' for help.")
    return lines
