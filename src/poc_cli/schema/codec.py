"""Dataset records to and from schema JSON: the one place that spells out each field.

:func:`build_dataset` turns a parsed file that :func:`~poc_cli.schema.check.validate`
found valid into model records; :func:`dataset_to_dict` writes them back, so that
``build_dataset(dataset_to_dict(d))`` equals ``d``.  The search index keeps speakers
and sessions as JSON too, through :func:`speaker_to_dict` / :func:`speaker_from_dict`
and :func:`session_to_dict` / :func:`session_from_dict`.
"""

from __future__ import annotations

from typing import Any

from poc_cli.model import (
    Dataset,
    Event,
    Paper,
    Part,
    Session,
    Source,
    Speaker,
    Statement,
    Topic,
)


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, list) else ()


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def speaker_from_dict(p: dict[str, Any]) -> Speaker:
    return Speaker(
        id=p["id"],
        name=p["name"],
        honorific=p.get("honorific"),
        role=p.get("role") or "",
        organisations=tuple(p["organisations"]),
        aliases=_tuple(p.get("aliases")),
        parts=tuple(Part(session=x["session"], part=x["part"]) for x in p["parts"]),
        notes=_tuple(p.get("notes")),
    )


def session_from_dict(s: dict[str, Any]) -> Session:
    return Session(
        id=s["id"],
        title=s["title"],
        kind=s["kind"],
        paper=_paper(s.get("paper")),
        moderators=_tuple(s.get("moderators")),
        note=s.get("note"),
    )


def statement_from_dict(s: dict[str, Any], event: str) -> Statement:
    return Statement(
        id=s["id"],
        speaker=s["speaker"],
        session=s["session"],
        kind=s["kind"],
        text=s["text"],
        paragraphs=tuple(s["paragraphs"]),
        items=_tuple(s.get("items")),
        topics=_tuple(s.get("topics")),
        note=s.get("note"),
        event=event,
        attribution=s.get("attribution"),
        review=s.get("review") is True,
        within=s.get("within"),
    )


def build_dataset(raw: dict[str, Any], path: str) -> Dataset:
    """Model records from a dataset that :func:`~poc_cli.schema.check.validate` found valid."""
    event_raw = raw["event"]
    event = Event(
        id=event_raw["id"],
        short_title=event_raw["short_title"],
        title=event_raw["title"],
        host=event_raw.get("host"),
        co_sponsors=_tuple(event_raw.get("co_sponsors")),
        venue=event_raw.get("venue"),
        date=event_raw.get("date"),
        provenance={str(k): str(v) for k, v in (event_raw.get("provenance") or {}).items()},
    )
    source_raw = raw["source"]
    source = Source(
        title=source_raw["title"],
        file=source_raw["file"],
        paragraphs=tuple(source_raw["paragraphs"]),
        url=source_raw.get("url"),
        doi=source_raw.get("doi"),
    )
    return Dataset(
        path=path,
        schema_version=raw["schema_version"],
        event=event,
        source=source,
        sessions=tuple(session_from_dict(s) for s in raw["sessions"]),
        speakers=tuple(speaker_from_dict(p) for p in raw["speakers"]),
        topics=tuple(Topic(id=t["id"], label=t["label"]) for t in _list(raw.get("topics"))),
        statements=tuple(statement_from_dict(s, event.id) for s in raw["statements"]),
        notes=_tuple(raw.get("notes")),
    )


def _paper(raw: Any) -> Paper | None:
    if not isinstance(raw, dict):
        return None
    return Paper(title=raw["title"], author=raw["author"], note=raw.get("note"))


def _optional(**fields: Any) -> dict[str, Any]:
    """The fields that hold something (optional fields are left out when empty)."""
    return {
        k: (list(v) if isinstance(v, tuple) else v)
        for k, v in fields.items()
        if v not in (None, (), False)
    }


# The two below also take the fast reader's structs (lists, and None for an absent
# optional list), which have the model's field names: the index writes both.


def speaker_to_dict(p: Speaker | Any) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "honorific": p.honorific,
        **_optional(role=p.role or None),
        "organisations": list(p.organisations),
        "aliases": list(p.aliases or ()),
        "parts": [{"session": x.session, "part": x.part} for x in p.parts],
        "notes": list(p.notes or ()),
    }


def session_to_dict(s: Session | Any) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "kind": s.kind,
        "paper": _optional(title=s.paper.title, author=s.paper.author, note=s.paper.note)
        if s.paper
        else None,
        "moderators": list(s.moderators or ()),
        **_optional(note=s.note),
    }


def statement_to_dict(s: Statement) -> dict[str, Any]:
    return {
        "id": s.id,
        "speaker": s.speaker,
        "session": s.session,
        "kind": s.kind,
        "text": s.text,
        "paragraphs": list(s.paragraphs),
        "topics": list(s.topics),
        **_optional(
            items=s.items,
            note=s.note,
            attribution=s.attribution,
            review=s.review,
            within=s.within,
        ),
    }


def dataset_to_dict(dataset: Dataset) -> dict[str, Any]:
    """The dataset as schema JSON: ``build_dataset(dataset_to_dict(d))`` equals ``d``."""
    event = dataset.event
    return {
        "schema_version": dataset.schema_version,
        "event": {
            "id": event.id,
            "short_title": event.short_title,
            "title": event.title,
            **_optional(host=event.host),
            "co_sponsors": list(event.co_sponsors),
            **_optional(venue=event.venue, date=event.date),
            "provenance": dict(event.provenance),
        },
        "source": {
            "title": dataset.source.title,
            "file": dataset.source.file,
            "paragraphs": list(dataset.source.paragraphs),
            **_optional(url=dataset.source.url, doi=dataset.source.doi),
        },
        "sessions": [session_to_dict(s) for s in dataset.sessions],
        "speakers": [speaker_to_dict(p) for p in dataset.speakers],
        "topics": [{"id": t.id, "label": t.label} for t in dataset.topics],
        "statements": [statement_to_dict(s) for s in dataset.statements],
        "notes": list(dataset.notes),
    }
