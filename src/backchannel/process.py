"""Ingest end to end: read files -> parse -> extract -> store, one transaction per article.

A bad file, a bad line or a document the extractor cannot handle is reported and skipped; the
batch goes on. An article whose content hash is already stored is a duplicate and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from . import ontology
from .errors import BackchannelError
from .extract.document import extract_articles
from .ingest import Defaults, Failure, iter_articles
from .model import Article, Extraction
from .nlp import get_pipeline
from .store import Store


@dataclass
class IngestReport:
    """What an ingest run did: counts, and every failure with its reason."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: list[Failure] = field(default_factory=list)
    events: int = 0
    relations: int = 0

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "failed": len(self.failed),
            "failures": [{"path": f.path, "reason": f.reason} for f in self.failed],
            "events": self.events,
            "relations": self.relations,
        }


def _new_articles(
    items: Iterable[Article | Failure], store: Store, report: IngestReport, tick: Callable[[str], None]
) -> Iterator[Article]:
    """Pass on the articles not yet stored; count duplicates and read failures on the way."""
    stored = store.view().article_ids()
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Failure):
            report.failed.append(item)
            tick(item.path)
            continue
        report.read += 1
        if item.id in stored or item.id in seen:
            report.duplicate += 1
            tick(item.path or item.id)
            continue
        seen.add(item.id)
        yield item


def ingest(
    paths: Sequence[str],
    store: Store,
    defaults: Defaults = Defaults(),
    stdin: TextIO | BinaryIO | None = None,
    tick: Callable[[str], None] = lambda _path: None,
) -> IngestReport:
    """Ingest files, directories or '-' into the store and report what happened."""
    report = IngestReport()
    articles = _new_articles(iter_articles(paths, defaults, stdin=stdin), store, report, tick)
    ingest_articles(articles, store, report, tick)
    return report


def ingest_articles(
    articles: Iterable[Article], store: Store, report: IngestReport, tick: Callable[[str], None] = lambda _p: None
) -> IngestReport:
    """Parse, extract and store articles that are known to be new."""
    # the known actors imported into this store extend the gazetteer for its ingests
    ontology.use_extra_entries(store.view().kb_entries())
    for result in extract_articles(_LazyPipeline(), articles):
        if isinstance(result, Extraction):
            try:
                with store.writer() as w:
                    added = w.add(result)
            except BackchannelError as exc:
                report.failed.append(Failure(result.article.path or result.article.id, str(exc)))
                tick(result.article.path or "")
                continue
            if added:
                report.new += 1
                report.events += len(result.events)
                report.relations += len(result.relations)
            else:
                report.duplicate += 1
            tick(result.article.path or "")
        else:
            article, reason = result
            report.failed.append(Failure(article.path or article.id, reason))
            tick(article.path or "")
    return report


class _LazyPipeline:
    """Load the spaCy pipeline only when the first new article needs it: duplicates cost nothing."""

    def pipe(self, *args, **kwargs):
        return get_pipeline().pipe(*args, **kwargs)
