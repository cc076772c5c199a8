"""Read MEANTIME (NewsReader) CAT XML files into frozen dataclasses.

A CAT file lists ``<token t_id sentence number>`` elements, then ``<Markables>`` (ENTITY_MENTION,
EVENT_MENTION, TIMEX3, anchored to tokens; ENTITY and EVENT instances, not anchored) and
``<Relations>`` (HAS_PARTICIPANT, REFERS_TO, TLINK, ...). The text is rebuilt from the tokens with
natural spacing ("Boeing's", "(EADS)", "US$40") because the spaCy pipeline parses real prose better
than space-joined tokens; sentences are separated by a newline. Every mention keeps the character
offsets of its tokens in that text. Entity type and event class live on the instance a mention
REFERS_TO, so they are copied onto the mention.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError

__all__ = ["MeantimeDoc", "MeantimeEntity", "MeantimeEvent", "MeantimeParticipant", "MeantimeTimex", "read_meantime",
           "read_meantime_file"]

Spans = tuple[tuple[int, int], ...]

# PTB quotes become plain ones so the text reads like news; offsets are taken after the swap.
_SURFACE = {"``": '"', "''": '"'}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "\u201d", "\u2019", "...", "'",
                    "'s", "'re", "'ve", "'ll", "'d", "'m", "n't"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "\u201c", "\u2018", "`", "#", "\u00a3", "\u20ac", "US$", "CA$", "AU$"}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DAY_FIRST = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$")  # one file writes its DCT as 03-02-2009 (3 February)


@dataclass(frozen=True)
class MeantimeTimex:
    """A TIMEX3 anchored in the text."""

    m_id: str
    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str
    function: str = "NONE"  # CREATION_TIME for the document creation time


@dataclass(frozen=True)
class MeantimeEvent:
    """An event mention with its factuality attributes; ``spans`` may be discontinuous ("took ... over")."""

    m_id: str
    text: str
    start: int
    end: int
    spans: Spans
    pred: str | None
    pos: str | None
    event_class: str | None  # from the EVENT instance: OTHER, SPEECH_COGNITIVE, GRAMMATICAL, MIX
    certainty: str | None  # CERTAIN, PROBABLE, POSSIBLE, UNDERSPECIFIED
    polarity: str | None  # POS, NEG, UNDERSPECIFIED
    time: str | None  # NON_FUTURE, FUTURE, UNDERSPECIFIED
    tense: str | None = None
    aspect: str | None = None
    modality: str | None = None  # the modal word the annotators saw ("could"), when any
    special_cases: str | None = None


@dataclass(frozen=True)
class MeantimeEntity:
    """An entity mention; ``type`` (PER, ORG, LOC, PRO, FIN, MIX) and ``name`` come from its instance."""

    m_id: str
    text: str
    start: int
    end: int
    spans: Spans
    type: str | None
    syntactic_type: str | None  # NAM, NOM, PRO, ...
    name: str | None = None  # the instance's TAG_DESCRIPTOR ("Northrop Grumman")
    instance: str | None = None  # the instance's m_id: mentions of one entity share it


@dataclass(frozen=True)
class MeantimeParticipant:
    """A HAS_PARTICIPANT link from an event mention to an entity mention."""

    event: str
    entity: str
    sem_role: str  # Arg0, Arg1, Arg2, Argm-LOC, ...


@dataclass(frozen=True)
class MeantimeDoc:
    """One MEANTIME article: rebuilt text, token offsets, DCT and the intra-document annotation.

    ``annotated_end`` is the end offset of the last sentence holding any annotation: MEANTIME annotates
    only the title, the dateline and the first sentences of each article, so anything we find after it
    can be neither right nor wrong. ``dct_source`` is ``CREATION_TIME`` or, for the two files that lack
    one, ``dateline`` (a full date in the second sentence), or None.
    """

    id: str
    name: str
    path: str
    url: str | None
    text: str
    tokens: dict[str, tuple[int, int]]
    sentences: Spans
    dct: date | None
    dct_value: str | None
    dct_source: str | None
    dct_id: str | None  # m_id of the TIMEX3 taken as the DCT: not scored, it is the date we are given
    timexes: tuple[MeantimeTimex, ...]
    events: tuple[MeantimeEvent, ...]
    entities: tuple[MeantimeEntity, ...]
    participants: tuple[MeantimeParticipant, ...]
    annotated_end: int
    warnings: tuple[str, ...] = ()


def read_meantime(path: str | Path) -> list[MeantimeDoc]:
    """Every MEANTIME document under ``path``: a CAT XML file or a directory searched recursively for *.xml."""
    root = Path(path)
    if root.is_dir():
        files = sorted(p for p in root.rglob("*.xml") if p.is_file())
        if not files:
            raise InputError(f"{root}: no *.xml files found; give a MEANTIME corpus folder or one CAT XML file")
        return [read_meantime_file(p) for p in files]
    if not root.exists():
        raise InputError(f"{root}: no such file or directory")
    return [read_meantime_file(root)]


def read_meantime_file(path: str | Path) -> MeantimeDoc:
    """One CAT XML file; malformed XML or a file that is not a CAT document raises InputError."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{path}: malformed XML ({exc}); is this a MEANTIME CAT file?") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if root.tag != "Document" or root.find("token") is None:
        raise InputError(f"{path}: not a CAT document (expected <Document> with <token> elements)")
    return _Builder(path, root).build()


def _join_tokens(tokens: list[tuple[str, int, str]]) -> tuple[str, dict[str, tuple[int, int]], Spans]:
    """Text with natural spacing from (t_id, sentence, surface) triples; token offsets; sentence spans."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentences: list[tuple[int, int]] = []
    pos = 0
    prev_sentence, prev, open_quote = None, None, False
    for t_id, sentence, raw in tokens:
        surface = _SURFACE.get(raw, raw)
        if sentence != prev_sentence:
            if prev_sentence is not None:
                parts.append("\n")
                pos += 1
                sentences[-1] = (sentences[-1][0], pos - 1)
            sentences.append((pos, pos))
            prev_sentence, prev, open_quote = sentence, None, False
        closing_quote = raw == '"' and open_quote
        glue = prev is None or raw.lower() in _NO_SPACE_BEFORE or closing_quote or prev in _NO_SPACE_AFTER \
            or (prev == '"' and open_quote)
        if raw == '"':
            open_quote = not open_quote
        if not glue:
            parts.append(" ")
            pos += 1
        offsets[t_id] = (pos, pos + len(surface))
        parts.append(surface)
        pos += len(surface)
        prev = raw
    if sentences:
        sentences[-1] = (sentences[-1][0], pos)
    return "".join(parts), offsets, tuple(sentences)


class _Builder:
    """Turns one parsed CAT tree into a MeantimeDoc; collects warnings instead of failing on dangling ids."""

    def __init__(self, path: Path, root: ET.Element):
        self.path, self.root = path, root
        self.warnings: list[str] = []
        tokens = []
        for tok in root.iter("token"):
            t_id, sentence = tok.get("t_id"), tok.get("sentence")
            if t_id is None or sentence is None or not sentence.isdigit():
                raise InputError(f"{path}: a <token> lacks t_id or a numeric sentence attribute")
            tokens.append((t_id, int(sentence), tok.text or ""))
        self.token_sentence = {t_id: s for t_id, s, _ in tokens}
        self.text, self.offsets, self.sentences = _join_tokens(tokens)
        markables = root.find("Markables")
        self.markables = list(markables) if markables is not None else []
        self.by_id = {m.get("m_id"): m for m in self.markables}
        self.instance_of: dict[str, str] = {}
        for rel in root.iter("REFERS_TO"):
            target = rel.find("target")
            for src in rel.findall("source"):
                if target is not None:
                    self.instance_of[src.get("m_id")] = target.get("m_id")

    def spans(self, el: ET.Element) -> Spans:
        """Character spans of the element's tokens, contiguous runs merged, in text order."""
        found = []
        for anchor in el.iter("token_anchor"):
            t_id = anchor.get("t_id")
            if t_id not in self.offsets:
                raise InputError(f"{self.path}: {el.tag} {el.get('m_id')} points to unknown token {t_id}")
            found.append(self.offsets[t_id])
        merged: list[tuple[int, int]] = []
        for s, e in sorted(set(found)):
            if merged and s - merged[-1][1] <= 1 and not self.text[merged[-1][1]:s].strip():
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        return tuple(merged)

    def span_text(self, spans: Spans) -> str:
        return " ".join(self.text[s:e] for s, e in spans)

    def instance(self, m_id: str) -> ET.Element | None:
        target = self.instance_of.get(m_id)
        return self.by_id.get(target) if target else None

    def build(self) -> MeantimeDoc:
        timexes, events, entities = [], [], []
        unanchored = 0
        for el in self.markables:
            spans = self.spans(el) if el.tag in ("TIMEX3", "EVENT_MENTION", "ENTITY_MENTION") else ()
            if el.tag in ("TIMEX3", "EVENT_MENTION", "ENTITY_MENTION") and not spans:
                unanchored += 1  # empty TIMEX3 (a date implied by a duration) and the like
                continue
            if el.tag == "TIMEX3":
                timexes.append(self.timex(el, spans))
            elif el.tag == "EVENT_MENTION":
                events.append(self.event(el, spans))
            elif el.tag == "ENTITY_MENTION":
                entities.append(self.entity(el, spans))
        if unanchored:
            self.warnings.append(f"{unanchored} markables without tokens skipped")
        timexes.sort(key=lambda t: (t.start, t.end))
        events.sort(key=lambda e: (e.start, e.end))
        entities.sort(key=lambda e: (e.start, e.end))
        participants = self.participants({e.m_id for e in events}, {e.m_id for e in entities})
        dct, dct_value, dct_source, dct_id = self.dct(timexes)
        return MeantimeDoc(
            id=self.root.get("doc_id") or self.path.stem,
            name=self.root.get("doc_name") or self.path.stem,
            path=str(self.path),
            url=self.root.get("url"),
            text=self.text,
            tokens=self.offsets,
            sentences=self.sentences,
            dct=dct,
            dct_value=dct_value,
            dct_source=dct_source,
            dct_id=dct_id,
            timexes=tuple(timexes),
            events=tuple(events),
            entities=tuple(entities),
            participants=participants,
            annotated_end=self.annotated_end(),
            warnings=tuple(self.warnings),
        )

    def timex(self, el: ET.Element, spans: Spans) -> MeantimeTimex:
        return MeantimeTimex(el.get("m_id", ""), self.span_text(spans), spans[0][0], spans[-1][1],
                             el.get("type", ""), el.get("value", ""), el.get("functionInDocument") or "NONE")

    def event(self, el: ET.Element, spans: Spans) -> MeantimeEvent:
        inst = self.instance(el.get("m_id", ""))

        def attr(name: str) -> str | None:
            return el.get(name) or None

        return MeantimeEvent(
            m_id=el.get("m_id", ""), text=self.span_text(spans), start=spans[0][0], end=spans[-1][1], spans=spans,
            pred=attr("pred"), pos=attr("pos"), event_class=(inst.get("class") or None) if inst is not None else None,
            certainty=attr("certainty"), polarity=attr("polarity"), time=attr("time"), tense=attr("tense"),
            aspect=attr("aspect"), modality=attr("modality"), special_cases=attr("special_cases"))

    def entity(self, el: ET.Element, spans: Spans) -> MeantimeEntity:
        inst = self.instance(el.get("m_id", ""))
        return MeantimeEntity(
            m_id=el.get("m_id", ""), text=self.span_text(spans), start=spans[0][0], end=spans[-1][1], spans=spans,
            type=(inst.get("ent_type") or None) if inst is not None else None,
            syntactic_type=el.get("syntactic_type") or None,
            name=(inst.get("TAG_DESCRIPTOR") or None) if inst is not None else None,
            instance=inst.get("m_id") if inst is not None else None)

    def participants(self, events: set[str], entities: set[str]) -> tuple[MeantimeParticipant, ...]:
        """HAS_PARTICIPANT links between anchored event and entity mentions; links to VALUEs are left out."""
        out, dangling = [], 0
        for rel in self.root.iter("HAS_PARTICIPANT"):
            src, tgt = rel.find("source"), rel.find("target")
            source = src.get("m_id") if src is not None else None
            target = tgt.get("m_id") if tgt is not None else None
            if source in events and target in entities:
                out.append(MeantimeParticipant(source, target, rel.get("sem_role") or ""))
            elif self.by_id.get(target) is None or source not in events:
                dangling += 1
        if dangling:
            self.warnings.append(f"{dangling} HAS_PARTICIPANT links with a missing end skipped")
        return tuple(out)

    def dct(self, timexes: list[MeantimeTimex]) -> tuple[date | None, str | None, str | None, str | None]:
        """The CREATION_TIME date; failing that, a full date alone in the dateline (sentence 1)."""
        for t in timexes:
            if t.function == "CREATION_TIME":
                return _iso_day(t.value), t.value, "CREATION_TIME", t.m_id
        if len(self.sentences) > 1:
            s, e = self.sentences[1]
            for t in timexes:
                if t.type == "DATE" and s <= t.start and t.end <= e and _iso_day(t.value):
                    self.warnings.append("no CREATION_TIME; the dateline's date is used as the DCT")
                    return _iso_day(t.value), t.value, "dateline", t.m_id
        self.warnings.append("no document creation time")
        return None, None, None, None

    def annotated_end(self) -> int:
        last = -1
        for el in self.markables:
            for anchor in el.iter("token_anchor"):
                last = max(last, self.token_sentence.get(anchor.get("t_id"), -1))
        return self.sentences[last][1] if last >= 0 else 0


def _iso_day(value: str | None) -> date | None:
    """The day of a TIMEX3 value: YYYY-MM-DD..., or DD-MM-YYYY as one MEANTIME DCT is written."""
    m = _ISO_DAY.match(value or "")
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
    elif (m := _DAY_FIRST.match(value or "")):
        d, mo, y = m.group(1), m.group(2), m.group(3)
    else:
        return None
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None
