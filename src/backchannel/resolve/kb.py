"""Knowledge-base files a user imports (``backchannel kb import``): more known actors for resolution.

Two formats: the gazetteer's own YAML (``entities:`` a list of ``{name, kind, aliases, qid, roles,
parent, owners}``), and FollowTheMoney entities as JSON lines or a JSON array (an OpenSanctions
export, for instance): ``{"schema": "Company", "properties": {"name": [...], "alias": [...],
"wikidataId": [...]}}``. Both become entries in the gazetteer's format; an entry that cannot be
read is reported with its position and left out, the rest are kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError
from ..model import ENTITY_KINDS

# FollowTheMoney schemata and the kinds they are here; others (Vessel, Address, ...) are not actors.
FTM_KINDS = {"Person": "Person", "Company": "Company", "Organization": "Organization", "PublicBody": "PublicBody",
             "LegalEntity": "Organization"}
FTM_ALIASES = ("alias", "weakAlias", "previousName", "abbreviation")


@dataclass
class KbFile:
    """The entries read from one file, and a line for each one left out."""

    entries: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_kb(path: str) -> KbFile:
    """Read a knowledge-base file (YAML gazetteer format or FollowTheMoney JSON)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save it as UTF-8 and import again") from None
    if not text.strip():
        raise InputError(f"{path}: the file is empty; give a gazetteer YAML or FollowTheMoney JSON file")
    if p.suffix.lower() in (".yaml", ".yml") or not text.lstrip().startswith(("{", "[")):
        return _from_yaml(path, text)
    return _from_ftm(path, text)


def _from_yaml(path: str, text: str) -> KbFile:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: malformed YAML ({str(exc).splitlines()[0]}); use the format of gazetteer.yaml") from None
    items = data.get("entities") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError(f"{path}: expected a list of entities (or `entities:` with a list), as in gazetteer.yaml")
    out = KbFile()
    for n, item in enumerate(items, 1):
        problem = check_entry(item)
        if problem:
            out.problems.append(f"{path}: entity {n}: {problem}")
        else:
            out.entries.append(_clean(item))
    return out


def _from_ftm(path: str, text: str) -> KbFile:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            rows = [(n, r) for n, r in enumerate(json.loads(stripped), 1)]
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: malformed JSON ({exc.msg} at line {exc.lineno}); give JSON lines or an array") from None
    else:
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append((n, json.loads(line)))
                except json.JSONDecodeError as exc:
                    rows.append((n, exc))
    out = KbFile()
    for n, row in rows:
        if isinstance(row, Exception):
            out.problems.append(f"{path}: line {n}: malformed JSON ({row.msg}); one FollowTheMoney entity per line")
            continue
        entry, problem = _ftm_entry(row)
        if problem:
            out.problems.append(f"{path}: line {n}: {problem}")
        elif entry is not None:
            out.entries.append(entry)
    return out


def _ftm_entry(row) -> tuple[dict | None, str | None]:
    if not isinstance(row, dict) or not isinstance(row.get("properties"), dict):
        return None, "not a FollowTheMoney entity (needs `schema` and `properties`)"
    kind = FTM_KINDS.get(row.get("schema"))
    if kind is None:
        return None, None  # an address, a vessel, a sanction: not an actor, skipped quietly
    props = row["properties"]
    names = [n for n in props.get("name") or [] if isinstance(n, str) and n.strip()]
    if not names:
        return None, f"a {row.get('schema')} without a name"
    aliases = [a for key in FTM_ALIASES for a in props.get(key) or [] if isinstance(a, str) and a.strip()]
    entry = {"name": names[0].strip(), "kind": kind,
             "aliases": list(dict.fromkeys(a.strip() for a in [*names[1:], *aliases] if a.strip() != names[0].strip()))}
    qids = [q for q in props.get("wikidataId") or [] if isinstance(q, str) and q.startswith("Q")]
    if qids:
        entry["qid"] = qids[0]
    return entry, None


def check_entry(item) -> str | None:
    """What is wrong with a gazetteer-format entry, or None."""
    if not isinstance(item, dict):
        return "not a mapping with name and kind"
    if not isinstance(item.get("name"), str) or not item["name"].strip():
        return "has no name"
    if item.get("kind") not in ENTITY_KINDS:
        return f"kind {item.get('kind')!r} is not one of {', '.join(ENTITY_KINDS)}"
    if not isinstance(item.get("aliases", []), list):
        return "aliases must be a list"
    return None


def _clean(item: dict) -> dict:
    keys = ("name", "kind", "aliases", "qid", "roles", "parent", "owners")
    return {k: item[k] for k in keys if item.get(k) not in (None, [], "")}
