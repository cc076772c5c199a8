"""Every CLI command is documented in the README, and the README's quick start is the two make targets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from backchannel.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture(scope="module")
def readme() -> str:
    if not README.exists():
        pytest.fail(f"{README} does not exist: the README must document every command")
    return README.read_text(encoding="utf-8")


def quick_start(text: str) -> str:
    """The body of the README section whose heading says 'Quick start', up to the next heading."""
    match = re.search(r"^(#+)\s*quick[\s-]*start\b.*$", text, re.IGNORECASE | re.MULTILINE)
    if not match:
        pytest.fail("README has no 'Quick start' heading")
    level = len(match.group(1))
    rest = text[match.end() :]
    following = re.search(rf"^#{{1,{level}}}\s", rest, re.MULTILINE)
    return rest[: following.start()] if following else rest


def test_cli_has_commands():
    assert {"ingest", "entities", "events", "relations", "show", "summary", "demo"} <= set(cli.commands)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_command_is_documented_in_readme(readme, command):
    assert re.search(rf"backchannel {re.escape(command)}\b", readme), f"README does not mention `backchannel {command}`"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_command_has_help(command):
    assert (cli.commands[command].help or "").strip(), f"`backchannel {command}` has no help text"


@pytest.mark.parametrize("target", ["make demo", "make test"])
def test_readme_quick_start_uses_make(readme, target):
    assert target in quick_start(readme)
