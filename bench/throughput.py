#!/usr/bin/env python3
"""Throughput of Backchannel's ingest against plain spaCy, on the same texts, in one process.

    python bench/throughput.py CORPUS_DIR [--limit N] [--out bench/results] [--published 2025-01-01]

Two measurements, one after the other (Backchannel first, see ``main``), single process, on the
texts that ``iter_articles`` reads from CORPUS_DIR (each distinct article once, as a fresh ingest
parses them):

  spacy        ``spacy.load(MODEL)`` then ``nlp.pipe(texts)``, consuming every Doc (the model's
               own pipeline and default batch size, no Backchannel components);
  backchannel  ``backchannel.process.ingest([CORPUS_DIR], open_store(tmp.db), Defaults(published=...))``
               into a fresh SQLite file in a temporary directory: reading the files, the pipeline
               with Backchannel's entity ruler and name component, extraction, and one SQLite
               transaction per article.

Model loading and one-time warm-up (first parse, ontology files, dateparser import) are done
before either clock starts and reported separately. Results go to OUT/throughput-YYYY-MM-DD.json
(the latest run of that day) and are appended to OUT/throughput-YYYY-MM-DD.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from backchannel import __version__ as backchannel_version
from backchannel import settings
from backchannel.extract.document import extract_doc
from backchannel.ingest import Defaults, Failure, iter_articles
from backchannel.model import Article
from backchannel.nlp import get_pipeline
from backchannel.process import ingest
from backchannel.store import open_store

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = Path(__file__).resolve().parent / "results"


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports ru_maxrss in KiB)."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":  # bytes there
        kib /= 1024
    return round(kib / 1024, 1)


def current_rss_mib() -> float | None:
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError):
        return None


def git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.rstrip()


def select_inputs(corpus: str, limit: int | None, defaults: Defaults) -> tuple[list[str], list[Article], int, int, float]:
    """The paths to ingest, the articles a fresh ingest of them parses, failures, duplicates, read seconds.

    Without --limit the path is the corpus directory itself. With --limit N the first N documents
    (directory order: sorted paths) are kept and their files are passed to ingest instead.
    """
    t0 = time.perf_counter()
    items = list(iter_articles([corpus], defaults))
    read_seconds = time.perf_counter() - t0
    if limit is None:
        paths = [corpus]
    else:
        items = items[:limit]
        paths = []
        for item in items:
            path = item.path if isinstance(item, Article) else item.path
            if path and os.path.isfile(path) and path not in paths:
                paths.append(path)
        # A JSON Lines file yields several documents: read the chosen files again so that the texts
        # given to spaCy are exactly those ingest will see.
        items = list(iter_articles(paths, defaults))
    failures = sum(isinstance(i, Failure) for i in items)
    articles, seen, duplicates = [], set(), 0
    for item in items:
        if isinstance(item, Failure):
            continue
        if item.id in seen:
            duplicates += 1  # ingest skips it without parsing
            continue
        seen.add(item.id)
        articles.append(item)
    return paths, articles, failures, duplicates, read_seconds


def rates(documents: int, words: int, seconds: float) -> dict:
    return {
        "documents": documents,
        "words": words,
        "seconds": round(seconds, 3),
        "articles_per_s": round(documents / seconds, 2) if seconds else None,
        "words_per_s": round(words / seconds, 1) if seconds else None,
    }


def bench_spacy(model: str, texts: list[str], words: int) -> dict:
    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts[:2]):  # first batches allocate; keep them off the clock
        pass
    warmup_seconds = time.perf_counter() - t0
    rss_before = current_rss_mib()
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for _doc in nlp.pipe(texts):
        n += 1
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = rates(n, words, seconds)
    out.update(
        cpu_seconds=round(cpu, 3),
        model=model,
        pipes=nlp.pipe_names,
        batch_size=nlp.batch_size,
        load_seconds=round(load_seconds, 3),
        warmup_seconds=round(warmup_seconds, 3),
        rss_before_mib=rss_before,
        peak_rss_mib=peak_rss_mib(),
    )
    del nlp
    return out


def warm_backchannel(sample: Article) -> tuple[float, float]:
    """Load Backchannel's pipeline and everything it loads lazily, off the clock."""
    t0 = time.perf_counter()
    nlp = get_pipeline()  # the same cached Language object ingest uses
    load_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    extract_doc(nlp(sample.text), sample)  # ontology files, regex compilation, first parse
    try:  # the time-expression fallback imports dateparser lazily (seconds) on the first odd date
        import dateparser

        dateparser.parse("25.06.2025", languages=["en"])
    except ImportError:
        pass
    return load_seconds, time.perf_counter() - t0


def bench_backchannel(paths: list[str], articles: list[Article], words: int, defaults: Defaults) -> dict:
    load_seconds, warmup_seconds = warm_backchannel(articles[0])
    with tempfile.TemporaryDirectory(prefix="backchannel-bench-") as tmp:
        db = os.path.join(tmp, "bench.db")
        t0 = time.perf_counter()
        store = open_store(db)
        open_seconds = time.perf_counter() - t0
        rss_before = current_rss_mib()
        t0, c0 = time.perf_counter(), time.process_time()
        report = ingest(paths, store, defaults)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        store.close()
        con = sqlite3.connect(db)
        try:
            rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("articles", "entities", "mentions", "events", "relations", "times")}
        finally:
            con.close()
        db_bytes = sum(os.path.getsize(os.path.join(tmp, f)) for f in os.listdir(tmp))
    out = rates(len(articles), words, seconds)
    out.update(
        cpu_seconds=round(cpu, 3),
        measured="backchannel.process.ingest (in process)",
        read=report.read,
        new=report.new,
        duplicate=report.duplicate,
        failed=len(report.failed),
        failures=[{"path": f.path, "reason": f.reason} for f in report.failed][:20],
        events=report.events,
        relations=report.relations,
        rows=rows,
        db_bytes=db_bytes,
        pipes=get_pipeline().pipe_names,
        batch_size=16,  # backchannel.extract.document.extract_articles
        load_seconds=round(load_seconds, 3),
        warmup_seconds=round(warmup_seconds, 3),
        open_store_seconds=round(open_seconds, 3),
        rss_before_mib=rss_before,
        peak_rss_mib=peak_rss_mib(),
    )
    return out


def table(result: dict) -> str:
    s, b = result["spacy"], result["backchannel"]
    lines = [
        "| pipeline | documents | words | seconds | articles/s | words/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, r in ((f"spaCy `{s['model']}` nlp.pipe", s), ("Backchannel ingest -> SQLite", b)):
        lines.append(
            f"| {label} | {r['documents']:,} | {r['words']:,} | {r['seconds']:.1f} | "
            f"{r['articles_per_s']:.2f} | {r['words_per_s']:,.0f} |"
        )
    return "\n".join(lines)


def summary(result: dict) -> str:
    s, b, c = result["spacy"], result["backchannel"], result["corpus"]
    dirty = " (uncommitted changes)" if result["git_dirty"] else ""
    limit = f", first {c['limit']} documents" if c["limit"] else ""
    load = result["loadavg_1min"]
    return "\n".join([
        f"### {result['timestamp']} - corpus `{c['name']}`{limit}, commit `{result['git_commit']}`{dirty}",
        "",
        f"Python {result['python']}, spaCy {result['spacy_version']}, {result['cpu_count']} CPUs, single process; "
        f"1-minute load average {load['start']:.2f} at start, {load['end']:.2f} at end.",
        "",
        table(result),
        "",
        f"- Backchannel / spaCy throughput: **{result['ratio_backchannel_to_spacy']:.3f}** "
        f"(Backchannel takes {1 / result['ratio_backchannel_to_spacy']:.2f}x as long)",
        f"- stored: {b['events']:,} events, {b['relations']:,} relations "
        f"({b['rows']['entities']:,} entities, {b['rows']['mentions']:,} mentions, {b['rows']['times']:,} times); "
        f"ingest read {b['read']:,}, new {b['new']:,}, duplicate {b['duplicate']:,}, failed {b['failed']:,}",
        f"- CPU seconds of this process while timed: spaCy {s['cpu_seconds']:.1f}, Backchannel {b['cpu_seconds']:.1f} "
        f"(well below wall-clock seconds means other processes took the CPU)",
        f"- peak RSS (ru_maxrss): {b['peak_rss_mib']:,.0f} MiB after the ingest run (run first), "
        f"{s['peak_rss_mib']:,.0f} MiB after the spaCy run (batch size {s['batch_size']} against Backchannel's "
        f"{b['batch_size']})",
        f"- off the clock: spaCy load {s['load_seconds']:.1f} s; Backchannel pipeline load {b['load_seconds']:.1f} s "
        f"+ warm-up {b['warmup_seconds']:.1f} s; open_store {b['open_store_seconds']:.2f} s; "
        f"reading the corpus once for the texts {c['read_seconds']:.2f} s (ingest reads it again on the clock)",
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", metavar="CORPUS_DIR", help="directory of documents (any format iter_articles reads)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N documents (sorted paths)")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="results directory (default: bench/results)")
    parser.add_argument("--published", default="2025-01-01", metavar="DATE",
                        help="publication date for documents without one (default 2025-01-01)")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.corpus):
        parser.error(f"{args.corpus} is not a directory")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    load_start = os.getloadavg()
    # The code state when the modules were imported, i.e. the code being measured.
    status = git("status", "--porcelain", "--untracked-files=no")
    commit = (git("rev-parse", "--short", "HEAD") or "").strip() or None
    defaults = Defaults(published=dt.date.fromisoformat(args.published))
    paths, articles, failures, duplicates, read_seconds = select_inputs(args.corpus, args.limit, defaults)
    if not articles:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 1
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words ({failures} unreadable, {duplicates} duplicates skipped)",
          file=sys.stderr)

    # Backchannel first: ru_maxrss only grows, and plain nlp.pipe's larger batches take more memory,
    # so this order gives the ingest's own peak (the spaCy figure is then the peak of both).
    print("Backchannel ingest ...", file=sys.stderr)
    bc_result = bench_backchannel(paths, articles, words, defaults)
    print(f"  {bc_result['seconds']:.1f} s", file=sys.stderr)
    model = settings.spacy_model()
    print("spaCy ...", file=sys.stderr)
    spacy_result = bench_spacy(model, texts, words)
    print(f"  {spacy_result['seconds']:.1f} s", file=sys.stderr)

    now = dt.datetime.now()
    result = {
        "date": now.date().isoformat(),
        "timestamp": now.isoformat(timespec="seconds"),
        "git_commit": commit,
        "git_dirty": bool(status),
        "git_modified": [line[3:] for line in status.splitlines() if line.strip()] if status else [],
        "backchannel_version": backchannel_version,
        "python": platform.python_version(),
        "spacy_version": spacy.__version__,
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "processes": 1,
        "loadavg_1min": {"start": round(load_start[0], 2), "end": round(os.getloadavg()[0], 2)},
        "corpus": {
            "name": os.path.basename(os.path.normpath(args.corpus)),
            "limit": args.limit,
            "articles": len(texts),
            "words": words,
            "characters": sum(len(t) for t in texts),
            "unreadable": failures,
            "duplicates": duplicates,
            "read_seconds": round(read_seconds, 3),
            "published_default": args.published,
        },
        "spacy": spacy_result,
        "backchannel": bc_result,
        "ratio_backchannel_to_spacy": round(spacy_result["seconds"] / bc_result["seconds"], 4),
    }

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"throughput-{result['date']}"
    (out / f"{stem}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    md = out / f"{stem}.md"
    text = summary(result)
    with md.open("a", encoding="utf-8") as f:
        if f.tell() == 0:
            f.write(f"# Throughput, {result['date']}\n\nWritten by `bench/throughput.py`; see `bench/README.md`.\n\n")
        f.write(text + "\n")
    print(text)
    print(f"wrote {out / (stem + '.json')} and {md}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
