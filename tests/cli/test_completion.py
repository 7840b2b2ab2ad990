"""Shell completion: what is offered, how it is quoted, and what a real shell makes of it.

Three levels: the completion functions called directly; Typer/Click's completion protocol
(``_POC_COMPLETE=complete_bash`` with ``COMP_WORDS``/``COMP_CWORD``, as the installed
script runs it) in a subprocess; and real shells driven through a pseudo-terminal (bash,
and zsh and fish where installed), with a dataset whose speakers' names try to run
commands.  Nothing here is timed: see benchmarks/completion.py.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from poc_cli.cli import completion
from poc_cli.cli.completion import (
    bash_quote,
    complete_choice,
    complete_event,
    complete_session,
    complete_speaker,
    complete_statement,
    complete_topic,
    completion_script,
    shown,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
POC = Path(sys.executable).with_name("poc")

# Each hostile name runs `touch MARKER` if a shell ever executes it; "{m}" is the marker.
HOSTILE_NAMES = (
    "Dollar $(touch {m}) Name",
    "Tick `touch {m}` Name",
    "Semi; touch {m}; Name",
    "Amp && touch {m} || Name",
    "Pipe | touch {m} Name",
    "Brace ${{IFS}}$(touch${{IFS}}{m}) Name",
    "Quote ' ; touch {m} ; ' Name",
    'Double " ; touch {m} ; " Name',
    "Back\\slash \\$(touch {m}) Name",
    "Esc\x1b[31mRed\x07Bell Name",
    "Star * [ab] ?x ~root !! Name",
    "Colon: a=b {{x,y}} #hash Name",
    "Newline\nthen; touch {m} Name",
    "Tab\tand\rreturn Name",
)


class FakeContext:
    """What a completer reads of Click's context: its params and the root's."""

    def __init__(self, data: str | None = None, root_data: str | None = None) -> None:
        self.params = {"data": data}
        self._root = self if root_data is None else FakeContext(root_data)

    def find_root(self) -> FakeContext:
        return self._root


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "completion-cache"))
    monkeypatch.delenv("POC_DATA", raising=False)


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    return tmp_path / "PWNED"


@pytest.fixture
def hostile_data(tmp_path: Path, marker: Path) -> Path:
    """The mini dataset plus a speaker for every hostile name (and Agnès Coutou)."""
    raw: dict[str, Any] = json.loads((FIXTURES / "mini.json").read_text(encoding="utf-8"))
    base = raw["speakers"][0]
    names = ["Agnès Coutou", *(n.format(m=marker) for n in HOSTILE_NAMES)]
    for i, name in enumerate(names):
        person = copy.deepcopy(base)
        person.update(id=f"h{i}", name=name, aliases=[], honorific=None)
        raw["speakers"].append(person)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def poc_script() -> str:
    """The ``poc`` script (completion's variable is named after the program: _POC_COMPLETE)."""
    if not POC.exists():
        pytest.skip("the poc script is not beside this Python")
    return str(POC)


def hostile_names(marker: Path) -> list[str]:
    return [n.format(m=marker) for n in HOSTILE_NAMES]


# ------------------------------------------------------------------ the functions


def test_speakers_match_any_name_form_case_and_accents_aside() -> None:
    ctx: Any = FakeContext()
    assert complete_speaker(ctx, "mam") == ["Ralph Mamiya"]
    assert complete_speaker(ctx, "MAMIYA") == ["Ralph Mamiya"]
    assert complete_speaker(ctx, "agnes") == ["Agnès Coutou"]
    assert complete_speaker(ctx, "Ag") == ["Agnès Coutou"]
    assert complete_speaker(ctx, "cout") == ["Agnès Coutou"]
    assert complete_speaker(ctx, "van") == ["Peter van den Berg"]
    assert complete_speaker(ctx, "vandenb") == ["Peter van den Berg"]
    assert "Dougoukolo Alpha Oumar Ba-Konaré" in complete_speaker(ctx, "ba")
    assert "Dougoukolo Alpha Oumar Ba-Konaré" in complete_speaker(ctx, "ba konar")
    assert complete_speaker(ctx, "marie-jo") == ["Marie-Joëlle Zahar"]
    assert set(complete_speaker(ctx, "adam")) == {"Adam Lupel", "Adam Day"}
    assert complete_speaker(ctx, "zzzz") == []
    assert len(complete_speaker(ctx, "")) == 18


def test_sessions_topics_statements_events_and_choices() -> None:
    ctx: Any = FakeContext()
    assert complete_session(ctx, "key") == ["keynote"]
    assert complete_session(ctx, "Sess") == ["session-1", "session-2"]
    assert complete_session(ctx, "armed") == ["session-1"]  # a word of the title
    assert complete_session(ctx, "1") == ["session-1"]  # the session's number
    assert "neutrality" in complete_topic(ctx, "neu")
    assert "neutrality" in complete_topic(ctx, "NEU")
    statements = complete_statement(ctx, "ipi18-2")
    assert statements and all(s.startswith("ipi18-2") for s in statements)
    assert complete_statement(ctx, "IPI18-01") == ["ipi18-01"]
    assert complete_event(ctx, "") and complete_statement(ctx, "nope") == []
    assert complete_choice(("speaker", "session", "topic"))("S") == ["speaker", "session"]


def test_the_bundled_seminar_completes_the_same_from_its_corpus_and_its_index() -> None:
    """With no --data, values come from the corpus (quicker for one file); the same
    file named with --data goes through the index: the answers must agree."""
    bundled = str(FIXTURES.parent.parent / "data" / "seminar.json")
    corpus: Any = FakeContext()
    index: Any = FakeContext(bundled)
    for complete in (complete_speaker, complete_session, complete_topic, complete_statement):
        for typed in ("", "a", "mam", "agnes", "van", "ba", "key", "1", "neu", "ipi18-1", "zz"):
            assert complete(corpus, typed) == complete(index, typed), (complete, typed)
    assert complete_event(corpus, "") == complete_event(index, "")


def test_data_after_the_command_wins_and_bad_data_completes_nothing(
    hostile_data: Path, tmp_path: Path
) -> None:
    ctx: Any = FakeContext(str(hostile_data), root_data=str(tmp_path / "missing.json"))
    assert complete_speaker(ctx, "agn") == ["Agnès Coutou"]
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    for data in (broken, tmp_path / "missing.json", tmp_path):
        assert complete_speaker(FakeContext(str(data)), "a") == []  # type: ignore[arg-type]


def test_many_values_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(completion, "MAX_CANDIDATES", 5)
    token = completion._CAPPED.set(False)
    try:
        found = complete_statement(FakeContext(), "ipi")  # type: ignore[arg-type]
        assert len(found) == 5 and completion._CAPPED.get()
    finally:
        completion._CAPPED.reset(token)


# ------------------------------------------------------------------ candidates as text


def test_shown_has_no_control_character_newline_or_tab() -> None:
    for name in ("a\nb", "a\tb", "a\rb", "a\x1b[31mb", "a\x07b", "a\u202eb", "a\x9bb", "a\u2028b"):
        text = shown(name)
        assert text.isprintable() and "\\" in text, repr(text)
    assert shown("Agnès Coutou") == "Agnès Coutou"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_quote_is_one_word_meaning_exactly_the_text(tmp_path: Path, marker: Path) -> None:
    texts = [shown(n) for n in hostile_names(marker)] + ["Agnès Coutou", "", "-x", "'", "\\"]
    assert bash_quote("session-1") == "session-1"
    assert bash_quote("Agnès Coutou") == "'Agnès Coutou'"
    script = "".join(f"printf '%s\\0' {bash_quote(t)}\n" for t in texts)
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    )
    assert done.stdout.decode().split("\0")[:-1] == texts
    assert not marker.exists()


# ------------------------------------------------------------------ the protocol


def complete_via_protocol(
    words: str,
    data: Path | None = None,
    shell: str = "bash",
    cur: str | None = None,
    lines: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Ask as a completion script does (``lines``: poc's zsh script, not Typer's)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMP_", "_POC", "_TYPER"))}
    env["_POC_COMPLETE"] = f"complete_{shell}"
    if data is not None:
        env["POC_DATA"] = str(data)
    if shell == "bash":
        env["COMP_WORDS"] = words
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        if cur is not None:
            env["_POC_COMPLETE_CUR"] = cur
    else:
        env["_TYPER_COMPLETE_ARGS"] = words
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
        if lines:
            env["_POC_COMPLETE_LINES"] = "1"
    return subprocess.run([poc_script()], env=env, capture_output=True, text=True, timeout=60)


def test_protocol_bash_quotes_names_and_matches_surnames() -> None:
    done = complete_via_protocol("poc quotes --speaker Ag")
    assert done.returncode == 0 and done.stdout == "'Agnès Coutou'\n" and not done.stderr
    assert complete_via_protocol("poc quotes --speaker mam").stdout == "'Ralph Mamiya'\n"
    assert complete_via_protocol("poc quotes --speaker = cou").stdout == "'Agnès Coutou'\n"
    assert complete_via_protocol("poc stats --by t").stdout == "topic\n"
    assert complete_via_protocol("poc cite ipi18-21 --style c").stdout == "chicago\n"
    assert "markdown" in complete_via_protocol("poc quotes --format m").stdout.split()
    assert complete_via_protocol("poc quotes --session key").stdout == "keynote\n"
    assert complete_via_protocol("poc show ipi18-0").stdout.split()[0] == "ipi18-01"
    assert complete_via_protocol("poc --show-completion z").stdout == "zsh\n"


def test_protocol_bash_keeps_the_typed_word_when_candidates_do_not_extend_it() -> None:
    # 'Adam Day' and 'Adam Lupel' share "'Adam ": readline may put that in place of "ad".
    assert complete_via_protocol("poc quotes --speaker ad", cur="ad").stdout.split("\n")[:-1] == [
        "'Adam Day'",
        "'Adam Lupel'",
    ]
    # "ba" names people whose names begin differently: "'" would replace the word.
    lines = complete_via_protocol("poc quotes --speaker ba", cur="ba").stdout.split("\n")[:-1]
    assert lines[-1] == "ba" and len(lines) > 2


def test_protocol_hostile_names_are_never_raw(hostile_data: Path, marker: Path) -> None:
    for shell in ("bash", "zsh", "fish"):
        done = complete_via_protocol("poc quotes --speaker ", hostile_data, shell)
        assert done.returncode == 0 and not done.stderr
        lines = done.stdout.split("\n")[:-1]
        assert len(lines) == len(HOSTILE_NAMES) + 3  # and Ann Example, Bob Sample
        for line in lines:
            assert line.isprintable(), repr(line)
        if shell == "bash":
            continue
        expected = {shown(n) for n in hostile_names(marker)} | {"Agnès Coutou"}
        assert expected <= set(lines)
    assert not marker.exists()


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_protocol_zsh_for_typers_script_is_safe_to_eval(hostile_data: Path, marker: Path) -> None:
    """Typer's zsh script runs ``eval $(poc)``: what poc prints for it must be safe there."""
    done = complete_via_protocol("poc quotes --speaker ", hostile_data, "zsh", lines=False)
    assert done.stdout.startswith("compadd -U -- ")
    script = "compadd() { shift 2; printf '%s\\0' \"$@\"; }; eval $(cat)"
    run = subprocess.run(
        ["zsh", "-f", "-c", script], input=done.stdout.encode(), capture_output=True, check=True
    )
    values = run.stdout.decode().split("\0")[:-1]
    assert len(values) == len(HOSTILE_NAMES) + 3
    # eval joins the words of $(…) with one space: runs of spaces are one (none here).
    assert {shown(n) for n in hostile_names(marker)} <= set(values)
    assert not marker.exists()
    empty = complete_via_protocol("poc quotes --speaker zzzz", hostile_data, "zsh", lines=False)
    assert empty.stdout == "_files\n"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_protocol_bash_words_are_one_argument_each(hostile_data: Path, marker: Path) -> None:
    lines = complete_via_protocol("poc quotes --speaker ", hostile_data).stdout.split("\n")[:-1]
    script = "".join(f"printf '%s\\0' {line}\n" for line in lines)
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script], capture_output=True, check=True
    )
    expected = {shown(n) for n in hostile_names(marker)} | {"Agnès Coutou"}
    assert expected <= set(done.stdout.decode().split("\0"))
    assert not marker.exists()


def test_show_completion_honours_the_shell_given(monkeypatch: pytest.MonkeyPatch) -> None:
    def show(*args: str, shell_env: str = "/bin/bash") -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, SHELL=shell_env)
        return subprocess.run([poc_script(), *args], env=env, capture_output=True, text=True)

    assert show("--show-completion", "zsh").stdout.startswith("#compdef ")
    assert "complete --command" in show("--show-completion", "fish").stdout
    assert "complete -o default -F" in show("--show-completion", "bash").stdout
    assert "complete -o default -F" in show("--show-completion=bash", shell_env="zsh").stdout
    assert show("--show-completion", shell_env="/usr/bin/zsh").stdout.startswith("#compdef ")
    refused = show("--show-completion", "tcsh")
    assert refused.returncode == 2 and "bash, zsh, fish" in refused.stderr


def test_install_completion_writes_the_script_once(tmp_path: Path) -> None:
    env = dict(os.environ, HOME=str(tmp_path))
    for _ in range(2):
        done = subprocess.run(
            [poc_script(), "--install-completion", "bash"],
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    script = tmp_path / ".bash_completions" / "poc.sh"
    assert script.read_text(encoding="utf-8") == completion_script("bash", "poc")
    assert (tmp_path / ".bashrc").read_text(encoding="utf-8").count(str(script)) == 1


# ------------------------------------------------------------------ real shells


class Terminal:
    """A shell on a pseudo-terminal: type keys, read what it shows."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.chdir(cwd)
            os.execvpe(argv[0], argv, env)
        self.output = b""

    def read_until(self, wanted: bytes, start: int = 0, timeout: float = 60.0) -> bytes:
        """What the terminal shows from ``start`` until ``wanted`` (or the timeout)."""
        end = time.monotonic() + timeout
        while wanted not in self.output[start:] and time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.output += chunk
        return self.output[start:]

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


DONE = "__DO''NE__"  # typed like this, shown as __DONE__ only when it runs


def shell_env(data: Path, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMP_", "_POC", "_TYPER"))}
    env.update(
        PATH=f"{POC.parent}{os.pathsep}{env.get('PATH', '')}",
        POC_DATA=str(data),
        HOME=str(tmp_path),
        TERM="dumb",
        PS1="$ ",
        INPUTRC=os.devnull,
    )
    return env


@pytest.fixture
def shell_session(tmp_path: Path, hostile_data: Path) -> Iterator[Any]:
    opened: list[Terminal] = []

    def open_shell(shell: str, typers_own: bool = False) -> Terminal:
        if shutil.which(shell) is None:
            pytest.skip(f"{shell} is not installed")
        if not POC.exists():
            pytest.skip("the poc script is not beside this Python")
        script = tmp_path / f"poc.{shell}"
        if typers_own:  # the script an older poc installed: Typer's
            from typer._completion_shared import get_completion_script

            text = get_completion_script(prog_name="poc", complete_var="_POC_COMPLETE", shell=shell)
        else:
            text = completion_script(shell, "poc")
        script.write_text(text, encoding="utf-8")
        env = shell_env(hostile_data, tmp_path)
        if shell == "bash":
            argv = ["bash", "--norc", "--noprofile", "-i"]
            setup = f"source {script}; args() {{ printf '[%s]\\n' \"$@\"; }}\n"
        elif shell == "zsh":
            argv = ["zsh", "-f", "-i"]
            setup = (
                f"autoload -Uz compinit; compinit -u; source {script};"
                f" args() {{ printf '[%s]\\n' \"$@\"; }}\n"
            )
        else:
            argv = ["fish", "--no-config", "-i"]
            setup = f"source {script}; function args; printf '[%s]\\n' $argv; end\n"
        terminal = Terminal(argv, env, tmp_path)
        opened.append(terminal)
        terminal.type(setup + f"echo {DONE}\n")
        terminal.read_until(b"__DONE__\r\n")
        return terminal

    yield open_shell
    for terminal in opened:
        terminal.close()


def complete_and_run(terminal: Terminal, line: str, tabs: int = 1) -> list[str]:
    """Type ``line``, press TAB, then run ``args`` on the completed line: its arguments."""
    start = len(terminal.output)
    # Ctrl-A, "args ", Ctrl-E: the completed line becomes the arguments of `args`.
    terminal.type(line + "\t" * tabs + "\x01args \x05" + f"; echo {DONE}\n")
    out = terminal.read_until(b"__DONE__\r\n", start).decode("utf-8", "replace")
    assert "__DONE__" in out, out
    return [
        ln[1:-1]
        for ln in out.replace("\r", "").split("\n")
        if ln.startswith("[") and ln.endswith("]")
    ]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_real_shell_inserts_one_safe_argument(
    shell: str, shell_session: Any, marker: Path
) -> None:
    terminal = shell_session(shell)
    assert complete_and_run(terminal, "poc quotes --speaker Ag") == [
        "poc",
        "quotes",
        "--speaker",
        "Agnès Coutou",
    ]
    for typed, name in [
        ("dollar", HOSTILE_NAMES[0]),
        ("tick", HOSTILE_NAMES[1]),
        ("semi", HOSTILE_NAMES[2]),
        ("quote", HOSTILE_NAMES[6]),
        ("esc", HOSTILE_NAMES[9]),
        ("star", HOSTILE_NAMES[10]),
        ("newline", HOSTILE_NAMES[12]),
    ]:
        args = complete_and_run(terminal, f"poc quotes --speaker {typed}")
        assert args == ["poc", "quotes", "--speaker", shown(name.format(m=marker))], typed
    assert not marker.exists()


def test_real_bash_keeps_the_typed_word_when_names_begin_differently(
    shell_session: Any, marker: Path
) -> None:
    terminal = shell_session("bash")
    # "name" is every hostile person's last word: many candidates, none beginning "name".
    assert complete_and_run(terminal, "poc quotes --speaker name", tabs=2) == [
        "poc",
        "quotes",
        "--speaker",
        "name",
    ]
    assert complete_and_run(terminal, "poc quotes --speaker=cou") == [
        "poc",
        "quotes",
        "--speaker=Agnès Coutou",
    ]
    assert not marker.exists()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_script_an_older_poc_installed_is_safe_too(
    shell: str, shell_session: Any, marker: Path, tmp_path: Path
) -> None:
    """Typer's own scripts glob (bash) or eval (zsh) the answer: poc answers them safely."""
    # A file that the name's pattern would match, were the word globbed.
    (tmp_path / "'Star x a yx ~root !! Name'").write_text("", encoding="utf-8")
    terminal = shell_session(shell, typers_own=True)
    for typed, name in [
        ("Ag", "Agnès Coutou"),
        ("dollar", HOSTILE_NAMES[0]),
        ("tick", HOSTILE_NAMES[1]),
        ("quote", HOSTILE_NAMES[6]),
        ("back", HOSTILE_NAMES[8]),
        ("star", HOSTILE_NAMES[10]),
    ]:
        args = complete_and_run(terminal, f"poc quotes --speaker {typed}")
        assert args == ["poc", "quotes", "--speaker", shown(name.format(m=marker))], typed
    assert not marker.exists()
