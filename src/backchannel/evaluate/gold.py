"""The gold annotation format (JSON Lines) and its reader.

One passage per line::

    {"id": "g001", "split": "dev", "published": "2025-06-26", "text": "...",
     "entities": [{"name": "Jeff Bezos", "kind": "Person"}],
     "events": [{"type": "CONSULT", "mode": null, "actors": ["Jeff Bezos"], "recipients": ["Donald Trump"],
                 "start": "2025-06-25", "end": "2025-06-25",
                 "sourcing": {"status": "attributed", "source": "Reuters"},
                 "negated": false, "modality": "actual", "count": null, "trigger": "met"}],
     "relations": [{"type": "founder_of", "subject": "Jeff Bezos", "object": "Blue Origin"}]}

``path`` (relative to the gold file's folder) may stand instead of ``text`` for an article that
cannot be copied into the repository; a passage whose file is missing is skipped with a note.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import ontology
from ..errors import InputError
from ..model import ENTITY_KINDS, MODALITIES, SOURCING_STATUSES


@dataclass(frozen=True)
class GoldEvent:
    type: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    mode: str | None = None
    start: date | None = None
    end: date | None = None
    status: str = "asserted"
    source: str | None = None
    negated: bool = False
    modality: str = "actual"
    count: int | None = None
    trigger: str | None = None


@dataclass(frozen=True)
class GoldRelation:
    type: str
    subject: str
    object: str


@dataclass(frozen=True)
class GoldPassage:
    id: str
    split: str
    text: str
    published: date | None
    entities: tuple[tuple[str, str], ...]
    events: tuple[GoldEvent, ...]
    relations: tuple[GoldRelation, ...]


def _date(value, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: '{value}' is not an ISO date (YYYY-MM-DD)") from None


def _event(raw: dict, where: str) -> GoldEvent:
    types = ontology.events().types
    if raw.get("type") not in types:
        raise InputError(f"{where}: unknown event type {raw.get('type')!r}; use one of {', '.join(types)}")
    sourcing = raw.get("sourcing") or {}
    status = sourcing.get("status", "asserted")
    if status not in SOURCING_STATUSES:
        raise InputError(f"{where}: unknown sourcing status {status!r}")
    modality = raw.get("modality", "actual")
    if modality not in MODALITIES:
        raise InputError(f"{where}: unknown modality {modality!r}")
    return GoldEvent(
        type=raw["type"],
        actors=tuple(raw.get("actors") or ()),
        recipients=tuple(raw.get("recipients") or ()),
        mode=raw.get("mode"),
        start=_date(raw.get("start"), where),
        end=_date(raw.get("end"), where),
        status=status,
        source=sourcing.get("source"),
        negated=bool(raw.get("negated", False)),
        modality=modality,
        count=raw.get("count"),
        trigger=raw.get("trigger"),
    )


def _entity(raw: dict, where: str) -> tuple[str, str | None]:
    kind = raw.get("kind")
    if kind is not None and kind not in ENTITY_KINDS:
        raise InputError(f"{where}: unknown entity kind {kind!r}; use one of {', '.join(ENTITY_KINDS)}")
    return raw["name"], kind


def read_gold(path: str | Path) -> tuple[list[GoldPassage], list[str]]:
    """Read a gold file: the passages, and notes on passages skipped (a missing ``path`` file)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gold file {path}: {exc}") from exc
    passages, notes = [], []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: malformed JSON ({exc.msg}); each line must be one JSON object") from None
        text = raw.get("text")
        if text is None and raw.get("path"):
            source = (path.parent / raw["path"]).resolve()
            if not source.exists():
                notes.append(f"{raw.get('id', where)}: skipped, {raw['path']} is absent")
                continue
            text = source.read_text(encoding="utf-8")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{where}: a passage needs a non-empty 'text' (or a 'path')")
        passages.append(
            GoldPassage(
                id=str(raw.get("id", where)),
                split=raw.get("split", "dev"),
                text=text,
                published=_date(raw.get("published"), where),
                entities=tuple(_entity(e, where) for e in raw.get("entities") or ()),
                events=tuple(_event(e, f"{where} event {i + 1}") for i, e in enumerate(raw.get("events") or ())),
                relations=tuple(GoldRelation(r["type"], r["subject"], r["object"]) for r in raw.get("relations") or ()),
            )
        )
    return passages, notes
