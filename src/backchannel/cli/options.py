"""Options shared by several commands."""

from __future__ import annotations

import click

from .. import settings
from ..errors import DateError
from ..ingest import parse_date
from ..store import Store, open_store

db_option = click.option(
    "--db",
    "db",
    default=None,
    metavar="FILE",
    help="Database file or SQLAlchemy URL [default: $BACKCHANNEL_DB or backchannel.db].",
)
json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")


def store_for(db: str | None) -> Store:
    """Open the store the user asked for."""
    return open_store(db or settings.db_path())


def date_arg(value: str | None, option: str):
    """Parse a date option, or raise a one-line DateError that names the option."""
    if value is None:
        return None
    try:
        return parse_date(value)
    except DateError as exc:
        raise DateError(f"{option}: {exc}") from exc
