"""The ontology as data: event types and triggers, relations, sourcing cues, descriptors, gazetteer."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import OntologyError
from ..ids import name_key
from ..model import ENTITY_KINDS


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans only: 'on', 'off', 'yes', 'no' are words here (particles, prepositions)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def _load(name: str) -> dict:
    try:
        text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, yaml.YAMLError) as exc:
        raise OntologyError(f"cannot read ontology file {name}: {exc}; reinstall the package") from exc
    if not isinstance(data, dict):
        raise OntologyError(f"ontology file {name} is not a mapping; reinstall the package")
    return data


@dataclass(frozen=True)
class Trigger:
    """One trigger lemma of an event type, with how to read its arguments."""

    lemma: str
    pos: str  # VERB or NOUN
    type: str
    mode: str | None = None
    recipients: tuple[str, ...] = ()
    inverse: bool = False
    objects: tuple[str, ...] | None = None
    not_objects: tuple[str, ...] = ()
    if_person: str | None = None
    particle: tuple[str, ...] | None = None
    poss_recipient: bool = False
    person: bool = False
    needs_recipient: bool = False
    no_predicate: bool = False
    object_is_topic: bool = False
    object_leaves: bool = False
    parties: bool = False
    from_loses: bool = False
    no_object: bool = False
    predicate: bool = False
    infinitive: bool = False
    to_list: bool = False
    object_bids: bool = False
    actors: tuple[str, ...] = ("by", "from")
    context: frozenset[str] | None = None


@dataclass(frozen=True)
class EventOntology:
    """Triggers by (pos, lemma), light verbs, inverse light verbs, award-context words."""

    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    types: tuple[str, ...]
    modes: dict[str, tuple[str, ...]]
    light_verbs: frozenset[str]
    inverse_light_verbs: frozenset[str]
    award_context: frozenset[str]
    contract_types: frozenset[str]
    contexts: dict[str, frozenset[str]]


def _as_tuple(value) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(value) if isinstance(value, list) else (value,)


# Trigger options that are plain flags, read as ``name: true`` in events.yaml.
_FLAGS = tuple(f.name for f in fields(Trigger) if f.type == "bool" and f.name != "poss_recipient")
_OPTIONS = frozenset({*_FLAGS, "mode", "recipients", "objects", "not_objects", "if_person", "particle", "possessor", "actors"})


def _trigger(lemma: str, pos: str, type_name: str, opts: dict, default_recipients: tuple, context) -> Trigger:
    unknown = set(opts) - _OPTIONS
    if unknown:
        raise OntologyError(f"events.yaml: {type_name} {lemma!r}: unknown option(s) {', '.join(sorted(unknown))}")
    objects = opts.get("objects")
    return Trigger(
        lemma=lemma,
        pos=pos,
        type=type_name,
        mode=opts.get("mode"),
        recipients=tuple(opts.get("recipients", default_recipients)),
        objects=tuple(objects) if objects else None,
        not_objects=tuple(opts.get("not_objects", ())),
        if_person=opts.get("if_person"),
        particle=_as_tuple(opts.get("particle")),
        poss_recipient=opts.get("possessor") == "recipient",
        actors=tuple(opts.get("actors", ("by", "from"))),
        context=frozenset(context) if context else None,
        **{flag: bool(opts.get(flag, False)) for flag in _FLAGS},
    )


@lru_cache(maxsize=1)
def events() -> EventOntology:
    """The event ontology from events.yaml."""
    data = _load("events.yaml")
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    modes = {}
    for type_name, spec in data["types"].items():
        modes[type_name] = tuple(spec.get("modes") or ())
        default_recipients = tuple(spec.get("recipients") or ())
        for pos, key in (("VERB", "verbs"), ("NOUN", "nouns")):
            for lemma, value in (spec.get(key) or {}).items():
                for opts in value if isinstance(value, list) else [value or {}]:
                    trig = _trigger(lemma, pos, type_name, opts, default_recipients, spec.get("context"))
                    triggers.setdefault((pos, lemma), []).append(trig)
    return EventOntology(
        triggers={k: tuple(v) for k, v in triggers.items()},
        types=tuple(data["types"]),
        modes=modes,
        light_verbs=frozenset(data.get("light_verbs") or ()),
        inverse_light_verbs=frozenset(data.get("inverse_light_verbs") or ()),
        award_context=frozenset(data.get("award_context") or ()),
        contract_types=frozenset(data.get("contract_types") or ()),
        contexts={t: frozenset(spec["context"]) for t, spec in data["types"].items() if spec.get("context")},
    )


@lru_cache(maxsize=1)
def relations() -> dict:
    """Relation types, title words and relation verbs from relations.yaml."""
    return _load("relations.yaml")


@lru_cache(maxsize=1)
def sourcing() -> dict[str, frozenset[str]]:
    """Sourcing cue word lists from sourcing.yaml, as sets."""
    return {k: frozenset(v) for k, v in _load("sourcing.yaml").items()}


@lru_cache(maxsize=1)
def descriptors() -> dict[str, str]:
    """Description head noun -> the entity kinds it can refer to, first kind listed wins for the noun."""
    out: dict[str, list[str]] = {}
    for kind, nouns in _load("descriptors.yaml").items():
        if kind in ("fits", "capitals", "nationalities"):
            continue
        for noun in nouns:
            out.setdefault(noun, []).append(kind)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital -> the country its name stands for as a participant ("Washington": "United States")."""
    return {k: str(v) for k, v in (_load("descriptors.yaml").get("capitals") or {}).items()}


@lru_cache(maxsize=1)
def nationalities() -> dict[str, str]:
    """Nationality word -> its country ("Chinese": "China")."""
    return {k: str(v) for k, v in (_load("descriptors.yaml").get("nationalities") or {}).items()}


@lru_cache(maxsize=1)
def descriptor_fits() -> dict[str, tuple[str, ...]]:
    """Description ("watchdog", "space agency") -> words one of which a fitting entity's name holds."""
    fits = _load("descriptors.yaml").get("fits") or {}
    return {k.lower(): tuple(w.lower() for w in v) for k, v in fits.items()}


@dataclass(frozen=True)
class Role:
    """An office held: title, the body it belongs to, and a [start, end) interval."""

    title: str
    of: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class KnownEntity:
    """A gazetteer entry. ``parent``: the canonical name of the entry that owns or contains this one
    (Sikorsky -> Lockheed Martin); ``owners``: the entries that jointly own a joint venture
    (United Launch Alliance -> Boeing, Lockheed Martin)."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    roles: tuple[Role, ...] = field(default_factory=tuple)
    parent: str | None = None
    owners: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    """Known entities, and lookups by folded name and by office."""

    entries: tuple[KnownEntity, ...]
    by_key: dict[str, KnownEntity]

    def lookup(self, name: str) -> KnownEntity | None:
        """The entry whose name or alias folds to the same key as ``name``."""
        return self.by_key.get(name_key(name))

    def lineage(self, name: str) -> list[str]:
        """The entry called ``name`` and the entries above it by ``parent``, nearest first (Space
        Systems Command, United States Space Force, Department of the Air Force, Department of
        Defense); empty when no entry has that name."""
        out, entry = [], self.lookup(name)
        while entry is not None and entry.name not in out:
            out.append(entry.name)
            entry = self.lookup(entry.parent) if entry.parent else None
        return out

    def holders(self, title: str, of: str | None, day: date | None) -> list[KnownEntity]:
        """Entries that held an office with this title (of this body) on that day."""
        title = title.lower()
        of_key = name_key(of) if of else None
        found = []
        for entry in self.entries:
            for role in entry.roles:
                if role.title != title and role.title not in (f"acting {title}", f"interim {title}"):
                    continue
                if of_key and name_key(role.of) != of_key:
                    body = self.lookup(role.of)
                    if not body or name_key(body.name) != of_key:
                        continue
                if day is not None and not role.holds_on(day):
                    continue
                found.append(entry)
                break
        return found


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


KINDS = ENTITY_KINDS


def _entry(raw) -> KnownEntity:
    roles = tuple(
        Role(r["title"].lower(), r["of"], _as_date(r.get("start")), _as_date(r.get("end")))
        for r in raw.get("roles") or ()
    )
    for role in roles:
        if role.start is not None and role.end is not None and role.start >= role.end:
            raise ValueError(f"role {role.title!r} of {role.of!r} ends ({role.end}) before it starts ({role.start})")
    if raw["kind"] not in KINDS:
        raise ValueError(f"unknown kind {raw['kind']!r}")
    owners = raw.get("owners") or ()
    if isinstance(owners, str) or not all(isinstance(o, str) for o in owners):
        raise ValueError("owners must be a list of entry names")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise ValueError("parent must be an entry name")
    return KnownEntity(
        raw["name"], raw["kind"], tuple(raw.get("aliases") or ()), raw.get("qid"), roles, parent, tuple(owners)
    )


def _check_links(entries: list[KnownEntity]) -> None:
    """Every parent and owner names an entry; no entry is its own parent or owner, even indirectly."""
    names: dict[str, KnownEntity] = {}
    for entry in entries:
        if entry.name in names:
            raise OntologyError(f"two gazetteer entries are named {entry.name!r}")
        names[entry.name] = entry
    for entry in entries:
        for other in (entry.parent, *entry.owners):
            if other is not None and other not in names:
                raise OntologyError(
                    f"gazetteer entry {entry.name!r} names {other!r} as parent or owner, but no entry has that name"
                )
        if entry.name == entry.parent or entry.name in entry.owners:
            raise OntologyError(f"gazetteer entry {entry.name!r} is its own parent or owner")
        seen, step = {entry.name}, entry
        while step.parent is not None:
            if step.parent in seen:
                raise OntologyError(f"gazetteer entry {entry.name!r} is in a cycle of parents")
            seen.add(step.parent)
            step = names[step.parent]


# Entries a user imported into their store (``backchannel kb import``), as raw dicts in the
# gazetteer's own format; ``use_extra_entries`` sets them for this process.
_EXTRA: tuple[str, ...] = ()


def use_extra_entries(raw_entries: list[dict]) -> None:
    """Extend the gazetteer with imported entries (same format as gazetteer.yaml) from now on.

    An entry with the name of a packaged one adds its aliases, roles and ids to it; a new name is a
    new entry. Raises OntologyError for an entry that is malformed or names an unknown parent.
    """
    global _EXTRA
    frozen = tuple(json.dumps(e, sort_keys=True, default=str) for e in raw_entries)
    if frozen != _EXTRA:
        previous = _EXTRA
        _EXTRA = frozen
        gazetteer.cache_clear()
        try:
            gazetteer()
        except OntologyError:
            _EXTRA = previous
            gazetteer.cache_clear()
            raise


def extra_version() -> str:
    """A short fingerprint of the imported entries in use ("" when none)."""
    return hashlib.sha1("\n".join(_EXTRA).encode()).hexdigest()[:12] if _EXTRA else ""


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The packaged gazetteer, extended by the imported entries in use."""
    data = _load("gazetteer.yaml")
    if _EXTRA:
        data = {"entities": merge_entries(list(data.get("entities") or ()), [json.loads(e) for e in _EXTRA])}
    return _gazetteer_from(data)


def merge_entries(base: list[dict], extra: list[dict]) -> list[dict]:
    """Entries of ``base`` with ``extra`` folded in by name: aliases and roles added, a missing id or
    parent filled; entries with a new name appended."""
    by_name = {e.get("name"): dict(e) for e in base}
    order = [e.get("name") for e in base]
    for e in extra:
        name = e.get("name")
        if name not in by_name:
            by_name[name] = dict(e)
            order.append(name)
            continue
        known = by_name[name]
        known["aliases"] = list(dict.fromkeys([*(known.get("aliases") or []), *(e.get("aliases") or [])]))
        known["roles"] = [*(known.get("roles") or []), *(r for r in (e.get("roles") or []) if r not in (known.get("roles") or []))]
        for key in ("qid", "parent"):
            if e.get(key) and not known.get(key):
                known[key] = e[key]
    return [by_name[n] for n in order]


def _gazetteer_from(data: dict) -> Gazetteer:
    entries = []
    by_key: dict[str, KnownEntity] = {}
    for raw in data.get("entities") or ():
        try:
            entry = _entry(raw)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise OntologyError(f"bad gazetteer entry {raw!r}: {exc}") from exc
        entries.append(entry)
        for spelling in (entry.name, *entry.aliases):
            # The first entry to claim a spelling keeps it; ambiguous surnames stay with the earlier entry.
            by_key.setdefault(name_key(spelling), entry)
    _check_links(entries)
    return Gazetteer(tuple(entries), by_key)
