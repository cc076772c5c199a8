"""The ``backchannel`` command: one module per command group; library errors become one line."""

from __future__ import annotations

import sys

import click

from ..errors import BackchannelError
from . import evaluate, extract, influence, ingest, kb, query, records, resolve, summary


class Group(click.Group):
    """A click group that prints library errors as one line and exits non-zero, no traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BackchannelError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted: what was stored before stays stored", err=True)
            ctx.exit(130)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="backchannel")
def cli() -> None:
    """Backchannel: a sourced, time-aware map of political influence over government contracting."""


for module in (ingest, records, extract, query, influence, resolve, kb, summary, evaluate):
    module.register(cli)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="backchannel")


if __name__ == "__main__":
    sys.exit(main())
