"""Shell completion: the values poc offers, and how each shell receives them.

Completion is an output path like any other, and what it writes is typed into a shell
command line.  So every candidate (a speaker's name from a dataset, but also command and
option names) is

- shown as visible text: control and invisible characters, newlines and tabs become
  escapes (``\\x1b``, as :func:`poc_cli.text.escape.visible` writes them), so no
  candidate holds a raw control character or spans two lines;
- quoted for the shell that asked: bash gets shell words (``'Agnès Coutou'``,
  ``'O'\\''Brien'``) that its completion inserts as they are; zsh and fish get the bare
  text on lines of their own, read into an array (never ``eval``-ed), and quote it
  themselves as they insert it (``Agnès\\ Coutou``).

The protocol is Typer's (``_POC_COMPLETE=complete_bash`` with ``COMP_WORDS`` and
``COMP_CWORD``; ``complete_zsh`` / ``complete_fish`` with ``_TYPER_COMPLETE_ARGS``), but
the scripts (:func:`completion_script`) and the classes that answer are poc's own:
Typer's bash script word-splits and globs the answer, its zsh script ``eval``-s it, and
Typer keeps only candidates that begin with the typed text, which rules out matching a
surname.

Values (:func:`complete_speaker`, :func:`complete_session`, :func:`complete_topic`,
:func:`complete_statement`, :func:`complete_event`, :func:`complete_choice`) match as
people type: case and accents aside, on any name form (``mam``, ``agnes``, ``van``,
``ba``), served from the search index (:func:`poc_cli.index.open_index`), not by loading
the corpus.  Completion runs the command line with ``resilient_parsing``; no error may
show, so a dataset that cannot be read completes nothing.

Why one module of about 650 lines: the shell scripts, the quoting for each shell and the
value functions must change together (a script reads exactly what the quoting writes),
and splitting them would put one protocol in three files.
"""

from __future__ import annotations

import contextvars
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import typer
from typer._click.shell_completion import (
    CompletionItem,
    ShellComplete,
    _resolve_context,
    _resolve_incomplete,
    add_completion_class,
    split_arg_string,
)
from typer.core import TyperGroup

from poc_cli.text.escape import visible

if TYPE_CHECKING:
    from typer._click import Context as ClickContext

    from poc_cli.model import Corpus

SHELLS = ("bash", "zsh", "fish")
MAX_CANDIDATES = 200
"""At most this many values are offered; more would not help anyone choose."""

# ------------------------------------------------------------------ the typed word

_TYPED: contextvars.ContextVar[str | None] = contextvars.ContextVar("poc_typed", default=None)
"""The word being completed, when poc's own classes ask (see _Complete.get_completions)."""
_CAPPED: contextvars.ContextVar[bool] = contextvars.ContextVar("poc_capped", default=False)
"""Set when a completer left values out (MAX_CANDIDATES)."""


def _typed(incomplete: str) -> str:
    typed = _TYPED.get()
    return incomplete if typed is None else typed


def _capped(values: list[str]) -> list[str]:
    if len(values) > MAX_CANDIDATES:
        _CAPPED.set(True)
        return values[:MAX_CANDIDATES]
    return values


# ------------------------------------------------------------------ the data


def _data(ctx: ClickContext) -> str | None:
    # --data after the command name wins over one before it (or $POC_DATA), as when running.
    data = ctx.params.get("data") or ctx.find_root().params.get("data")
    return str(data) if data else None


class Values(Protocol):
    """Where values come from: the search index (:class:`~poc_cli.index.read.Index`), or
    for the bundled seminar the corpus itself (:class:`CorpusValues`)."""

    def speaker_names_with_key_prefix(self, prefixes: Iterable[str], limit: int) -> list[str]: ...
    def session_texts(self) -> list[tuple[str, str, str]]: ...
    def topic_kinds(self) -> list[tuple[str, str]]: ...
    def statement_ids_with_prefix(self, prefix: str, limit: int) -> list[str]: ...
    def event_ids(self) -> list[str]: ...
    def close(self) -> None: ...


class CorpusValues:
    """The values of one small corpus, from the corpus: for the bundled seminar, reading
    its one file (5–8 ms) is quicker than opening its index (about 14 ms, most of it
    importing hashlib, sqlite3 and the index package).  Same answers as the index."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def speaker_names_with_key_prefix(self, prefixes: Iterable[str], limit: int) -> list[str]:
        from poc_cli.names import name_keys

        wanted = tuple(prefixes)
        names = {
            p.name
            for _, p in self.corpus.speakers
            if any(key.startswith(wanted) for key in name_keys(p))
        }
        return sorted(names)[:limit]

    def session_texts(self) -> list[tuple[str, str, str]]:
        return list(
            dict.fromkeys((s.id, s.kind or "", s.title or "") for _, s in self.corpus.sessions)
        )

    def topic_kinds(self) -> list[tuple[str, str]]:
        return list(dict.fromkeys((t.id, t.label) for d in self.corpus.datasets for t in d.topics))

    def statement_ids_with_prefix(self, prefix: str, limit: int) -> list[str]:
        return sorted({s.id for s in self.corpus.statements if s.id.startswith(prefix)})[:limit]

    def event_ids(self) -> list[str]:
        return [d.event.id for d in self.corpus.datasets]

    def close(self) -> None:
        pass


def _values(ctx: ClickContext) -> Values | None:
    """The values of the datasets the command line names, or None (never an error)."""
    data = _data(ctx)
    try:
        if data is None:
            from poc_cli.corpus import load_corpus

            return CorpusValues(load_corpus(None))
        from poc_cli.index import open_index

        index, _warnings = open_index(data)
    except Exception:  # noqa: BLE001 - completion must never show an error or a traceback
        return None
    return index


def _guarded(find: Callable[[Values, str], list[str]]) -> Callable[..., list[str]]:
    """A completer over the index: ``find(index, typed)``; nothing if anything fails."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        index = _values(ctx)
        if index is None:
            return []
        try:
            return _capped(find(index, _typed(incomplete)))
        except Exception:  # noqa: BLE001 - a damaged index completes nothing
            return []
        finally:
            index.close()

    complete.__name__ = find.__name__
    complete.__doc__ = find.__doc__
    return complete


def _fold_key(text: str) -> str:
    from poc_cli.text.normalise import fold

    return fold(text)


_SEPARATORS = re.compile(r"[\W_]+")


def _matcher(typed: str, squeeze: bool = True) -> Callable[[str], bool]:
    """Whether the typed text begins a text or one of its words, case and accents aside
    (``key`` → "Keynote", ``armed gr`` → "Engaging with armed groups"); with
    ``squeeze``, also as the text's letters and digits (``session1`` → "session-1")."""
    wanted = _fold_key(typed)
    if not wanted:
        return lambda text: True
    starts = re.compile(r"(?:^|[\W_])" + re.escape(wanted))
    squeezed = _SEPARATORS.sub("", wanted)

    def match(text: str) -> bool:
        # A big corpus has thousands of titles: fold only the ones that need it.
        quick = text.lower() if text.isascii() else _fold_key(text)
        if starts.search(quick):
            return True
        return squeeze and bool(squeezed) and _SEPARATORS.sub("", quick).startswith(squeezed)

    return match


def _speakers(index: Values, typed: str) -> list[str]:
    """Speakers' names, by any name form: full name, surname, first name, alias."""
    from poc_cli.names import query_keys

    keys = sorted(query_keys(typed)) or [""]
    return index.speaker_names_with_key_prefix(keys, MAX_CANDIDATES + 1)


def _sessions(index: Values, typed: str) -> list[str]:
    """Session ids, by id, number, kind or a word of the title."""
    rows = index.session_texts()
    ids = list(dict.fromkeys(session_id for session_id, _, _ in rows))
    if not typed.strip():
        return ids
    short, long = _matcher(typed), _matcher(typed, squeeze=False)
    # A thousand events share a few ids and kinds: each is matched once.
    found = {i for i in ids if short(i)}
    kinds = {k for k in {kind for _, kind, _ in rows} if short(k)}
    for session_id, kind, title in rows:
        if session_id not in found and (kind in kinds or long(title)):
            found.add(session_id)
    return [i for i in ids if i in found]


def _topics(index: Values, typed: str) -> list[str]:
    """Topic ids, by id or a word of the label."""
    short, long = _matcher(typed), _matcher(typed, squeeze=False)
    found: dict[str, None] = {}
    for topic_id, label in index.topic_kinds():
        if topic_id not in found and (short(topic_id) or long(label)):
            found[topic_id] = None
    return sorted(found)


def _statements(index: Values, typed: str) -> list[str]:
    """Statement ids beginning with what was typed (case aside)."""
    found = index.statement_ids_with_prefix(typed, MAX_CANDIDATES + 1)
    if not found and typed != typed.lower():
        found = index.statement_ids_with_prefix(typed.lower(), MAX_CANDIDATES + 1)
    return found


def _events(index: Values, typed: str) -> list[str]:
    """Event ids beginning with what was typed (case aside)."""
    wanted = typed.casefold()
    return [e for e in index.event_ids() if e.casefold().startswith(wanted)]


complete_speaker = _guarded(_speakers)
complete_session = _guarded(_sessions)
complete_topic = _guarded(_topics)
complete_statement = _guarded(_statements)
complete_event = _guarded(_events)


def complete_choice(choices: Iterable[str]) -> Callable[[str], list[str]]:
    """A completer offering fixed ``choices`` (``stats --by``), case aside."""
    values = tuple(choices)

    def complete(incomplete: str) -> list[str]:
        wanted = _typed(incomplete).casefold()
        return [v for v in values if v.casefold().startswith(wanted)]

    return complete


# ------------------------------------------------------------------ candidates as text

_MARKUP = re.compile(r"\[/?(?:bold|italic|dim|underline|cyan|green|red|yellow)\]")
_UNSEEN_SPACE = re.compile(r"[\n\t]")


def shown(text: str) -> str:
    """A candidate as visible text: no control or invisible character, no newline, no tab."""
    return _UNSEEN_SPACE.sub(lambda m: f"\\x{ord(m.group()):02x}", visible(text))


def _help_text(item: CompletionItem) -> str:
    if not item.help:
        return ""
    return " ".join(shown(_MARKUP.sub("", str(item.help))).split())


# Words bash takes as they are: letters and digits of any script, and - _ . , / + @ %
# anywhere, nothing that starts an expansion, a quote, a pattern or a word break (= :).
_BASH_PLAIN = re.compile(r"[\w.,/+@%-]+")


_GLOB = re.compile(r"[*?\[(]")


def bash_quote(text: str, globbed: bool = False) -> str:
    """``text`` as one bash word that means exactly ``text``: bare when nothing in it
    is special, else in single quotes (where nothing is special; ``'`` as ``'\\''``).

    ``globbed``: the word will also go through pathname expansion before it is inserted
    (Typer's own script, ``COMPREPLY=( $(…) )``, as an older poc installed it), so it must
    hold no pattern character even in quotes: then it is written ``$'…'`` with them as
    ``\\x2a`` escapes."""
    if _BASH_PLAIN.fullmatch(text) and text.isprintable():
        return text
    if globbed and _GLOB.search(text):
        escaped = text.replace("\\", "\\\\").replace("'", "\\'")
        return "$'" + _GLOB.sub(lambda m: f"\\x{ord(m.group()):02x}", escaped) + "'"
    return "'" + text.replace("'", "'\\''") + "'"


def _bash_unquoted_start(word: str) -> str:
    """What a bash word means, as far as it can be read (for a common prefix)."""
    if word.startswith("'"):
        return word[1:].replace("'\\''", "'").split("'", 1)[0]
    return word


def _common_prefix(words: Sequence[str]) -> str:
    return os.path.commonprefix(list(words))


class _Complete(ShellComplete):
    """What poc's completion classes share: every value reaches its completer, which
    matches it itself (Typer would keep only values beginning with the typed word)."""

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        ctx = _resolve_context(self.cli, self.ctx_args, self.prog_name, args)
        obj, incomplete = _resolve_incomplete(ctx, args, incomplete)
        if getattr(obj, "_custom_shell_complete", None) is not None:
            token = _TYPED.set(incomplete)
            try:
                return obj.shell_complete(ctx, "")
            finally:
                _TYPED.reset(token)
        return obj.shell_complete(ctx, incomplete)

    def source_vars(self) -> dict[str, Any]:
        return {}

    def source(self) -> str:
        return completion_script(self.name, self.prog_name, self.complete_var)

    def lines(self) -> Iterator[str]:
        args, incomplete = self.get_completion_args()
        for item in self.get_completions(args, incomplete):
            yield self.format_completion(item)

    def complete(self) -> str:
        return "\n".join(self.lines())


class BashComplete(_Complete):
    """bash: one shell word a line, read by ``mapfile`` into COMPREPLY, inserted as is."""

    name = "bash"
    source_template = ""

    def get_completion_args(self) -> tuple[list[str], str]:
        words = split_arg_string(os.environ.get("COMP_WORDS", ""))
        try:
            cword = int(os.environ.get("COMP_CWORD", ""))
        except ValueError:
            cword = len(words)
        words = [*words[:cword], words[cword] if cword < len(words) else ""]
        # COMP_WORDBREAKS cuts "--speaker=Ag" into "--speaker", "=", "Ag": join them again.
        joined: list[str] = []
        glue = False
        for word in words:
            if glue:
                joined[-1] += word
                glue = False
            elif word == "=" and joined and joined[-1].startswith("-") and "=" not in joined[-1]:
                joined[-1] += word
                glue = True
            else:
                joined.append(word)
        return joined[1:-1], joined[-1]

    def format_completion(self, item: CompletionItem) -> str:
        # poc's script always sets _POC_COMPLETE_CUR; Typer's globs what it reads.
        globbed = "_POC_COMPLETE_CUR" not in os.environ
        return bash_quote(shown(str(item.value)), globbed=globbed)

    def complete(self) -> str:
        token = _CAPPED.set(False)
        try:
            words = list(dict.fromkeys(self.lines()))
            capped = _CAPPED.get()
        finally:
            _CAPPED.reset(token)
        # readline replaces the typed word by what all candidates begin with.  When that
        # is not a longer form of the typed word (``van`` → ``'``, for 'Peter van den
        # Berg' and 'Vanessa Mae'), or some were left out, offer the typed word too: then
        # the line stays as typed and the candidates are listed.
        cur = os.environ.get("_POC_COMPLETE_CUR")
        if cur and len(words) > 1:
            start = _bash_unquoted_start(_common_prefix(words))
            if capped or not _fold_key(start).startswith(_fold_key(cur)):
                words.append(cur if cur.isprintable() else bash_quote(shown(cur)))
        return "\n".join(words)


class _LineComplete(_Complete):
    """zsh and fish: the text, then a tab and its help, one candidate a line."""

    def get_completion_args(self) -> tuple[list[str], str]:
        line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
        words = split_arg_string(line)
        args = words[1:]
        if args and line[-1:] not in (" ", ""):
            return args[:-1], args[-1]
        return args, ""

    def format_completion(self, item: CompletionItem) -> str:
        text, help_text = shown(str(item.value)), _help_text(item)
        return f"{text}\t{help_text}" if help_text else text

    def complete(self) -> str:
        token = _CAPPED.set(False)
        try:
            args, incomplete = self.get_completion_args()
            found = self.get_completions(args, incomplete)
            lines = list(dict.fromkeys(self.format_completion(item) for item in found))
            if _CAPPED.get() and incomplete and len(lines) > 1:
                # Some were left out: the typed word too, so that the shell does not
                # put in its place what only the values shown begin with.
                lines.append(shown(incomplete))
        finally:
            _CAPPED.reset(token)
        return "\n".join(lines)


class ZshComplete(_LineComplete):
    """zsh: lines for poc's script (which sets _POC_COMPLETE_LINES).  Typer's own
    script, as an older poc installed it, ``eval``-s the answer: it gets a ``compadd``
    command whose every value is in single quotes instead."""

    name = "zsh"
    source_template = ""

    def complete(self) -> str:
        if os.environ.get("_POC_COMPLETE_LINES"):
            return super().complete()
        args, incomplete = self.get_completion_args()
        values = [shown(str(item.value)) for item in self.get_completions(args, incomplete)]
        if not values:
            return "_files"
        quoted = " ".join("'" + v.replace("'", "'\\''") + "'" for v in values)
        return f"compadd -U -- {quoted}"


class FishComplete(_LineComplete):
    """fish: lines, read by command substitution (one candidate a line, never run)."""

    name = "fish"
    source_template = ""

    def complete(self) -> str:
        answer = super().complete()
        if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
            # Typer's script asks first whether there are values (else: file names).
            raise SystemExit(0 if answer else 1)
        return answer


for _cls in (BashComplete, ZshComplete, FishComplete):
    add_completion_class(_cls, _cls.name)


# ------------------------------------------------------------------ the scripts

_BASH_SCRIPT = """\
%(func)s() {
    local -a reply
    mapfile -t reply < <(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \\
        _POC_COMPLETE_CUR="$2" %(var)s=complete_bash "$1" 2>/dev/null)
    COMPREPLY=("${reply[@]}")
    return 0
}

complete -o default -F %(func)s %(prog)s
"""

_ZSH_SCRIPT = """\
#compdef %(prog)s

%(func)s() {
    local -a lines values shown
    local line
    lines=("${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _POC_COMPLETE_LINES=1 \\
        %(var)s=complete_zsh %(prog)s 2>/dev/null)}")
    for line in "${lines[@]}"; do
        [[ -n $line ]] || continue
        values+=("${line%%%%$'\\t'*}")
        if [[ $line == *$'\\t'* ]]; then
            shown+=("${line%%%%$'\\t'*}  -- ${line#*$'\\t'}")
        else
            shown+=("$line")
        fi
    done
    if (( ${#values} )); then
        compadd -U -l -d shown -- "${values[@]}"
        # Several values that do not all begin with the typed word (matched on a
        # surname, say): list them, and leave the line as typed.
        local value
        for value in "${values[@]}"; do
            if [[ $value != "$PREFIX"* ]] && (( ${#values} > 1 )); then
                compstate[insert]=''
                break
            fi
        done
    else
        _files
    fi
}

if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
    %(func)s "$@"
else
    compdef %(func)s %(prog)s
fi
"""

_FISH_SCRIPT = """\
function %(func)s
    set -l found (env %(var)s=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args \\
        _TYPER_COMPLETE_ARGS=(commandline -cp) %(prog)s 2>/dev/null)
    if test (count $found) -gt 0
        printf '%%s\\n' $found
    else
        __fish_complete_path (commandline -ct)
    end
end

complete --command %(prog)s --no-files --arguments '(%(func)s)'
"""

_SCRIPTS = {"bash": _BASH_SCRIPT, "zsh": _ZSH_SCRIPT, "fish": _FISH_SCRIPT}


def completion_script(shell: str, prog_name: str = "poc", complete_var: str = "") -> str:
    """The script that makes ``shell`` complete ``prog_name``."""
    func = "_" + re.sub(r"\W", "", prog_name.replace("-", "_"), flags=re.ASCII) + "_completion"
    var = complete_var or "_{}_COMPLETE".format(
        re.sub(r"\W", "_", prog_name, flags=re.ASCII).upper()
    )
    return _SCRIPTS[shell] % {"func": func, "var": var, "prog": prog_name}


# ------------------------------------------------------------------ the root options


def detected_shell() -> str | None:
    """The shell poc runs under (from $SHELL), if it is one poc completes for."""
    name = Path(os.environ.get("SHELL", "")).name
    return name if name in SHELLS else None


def _shell_asked(value: str) -> str:
    shell = value.strip().lower() or detected_shell()
    if shell not in SHELLS:
        shown_value = shown(value) if value.strip() else "(none detected from $SHELL)"
        raise typer.BadParameter(
            f"{shown_value} is not a shell poc completes for; choose from {', '.join(SHELLS)}"
        )
    return shell


def _prog_name(ctx: ClickContext) -> str:
    return ctx.find_root().info_name or "poc"


def show_completion(ctx: typer.Context, value: str | None) -> None:
    """``--show-completion [SHELL]``: print the script for SHELL (or $SHELL's shell)."""
    if value is None or ctx.resilient_parsing:
        return
    shell = _shell_asked(value)
    sys.stdout.write(completion_script(shell, _prog_name(ctx)))
    raise typer.Exit()


def _install_targets(shell: str, prog: str) -> tuple[Path, Path | None, str]:
    """(the script's file, the startup file that loads it or None, the line it needs)."""
    home = Path.home()
    if shell == "bash":
        script = home / ".bash_completions" / f"{prog}.sh"
        return script, home / ".bashrc", f"source '{script}'"
    if shell == "zsh":
        script = home / ".zfunc" / f"_{prog}"
        return script, home / ".zshrc", "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
    return home / ".config" / "fish" / "completions" / f"{prog}.fish", None, ""


def install_completion(ctx: typer.Context, value: str | None) -> None:
    """``--install-completion [SHELL]``: write the script where SHELL finds it."""
    if value is None or ctx.resilient_parsing:
        return
    shell = _shell_asked(value)
    prog = _prog_name(ctx)
    script, startup, line = _install_targets(shell, prog)
    try:
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_text(completion_script(shell, prog), encoding="utf-8")
        if startup is not None:
            old = startup.read_text(encoding="utf-8") if startup.is_file() else ""
            if line not in old.splitlines():
                sep = "" if not old or old.endswith("\n") else "\n"
                startup.write_text(f"{old}{sep}{line}\n", encoding="utf-8")
    except OSError as exc:
        typer.echo(f"error: cannot install {shell} completion: {shown(str(exc))}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"{shell} completion installed in {shown(str(script))}")
    typer.echo("It takes effect in new shells.")
    raise typer.Exit()


def complete_shell(incomplete: str) -> list[str]:
    return [s for s in SHELLS if s.startswith(_typed(incomplete).lower())]


class CompletionGroup(TyperGroup):
    """The root group: ``--show-completion`` and ``--install-completion`` take a shell
    or, given alone, mean the shell in $SHELL (Typer's parser has no optional values,
    so ``--show-completion`` alone is read as ``--show-completion=``)."""

    OPTIONAL_VALUE = ("--show-completion", "--install-completion")

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        fixed: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                fixed.extend(args[i:])
                break
            if arg in self.OPTIONAL_VALUE:
                following = args[i + 1] if i + 1 < len(args) else ""
                if following and not following.startswith("-") and following not in self.commands:
                    fixed.append(f"{arg}={following}")
                    i += 2
                    continue
                fixed.append(f"{arg}=")
            elif not arg.startswith("-") and arg in self.commands:
                fixed.extend(args[i:])  # the command's own arguments are its business
                break
            else:
                fixed.append(arg)
            i += 1
        return super().parse_args(ctx, fixed)
