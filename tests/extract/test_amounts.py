"""Dollar amounts of awards, donations, lobbying and penalties, read from the event's own clause."""

import pytest

from backchannel.extract.amounts import parse_usd
from tests.conftest import find_event


@pytest.mark.parametrize(
    "text,value",
    [("$2.9 billion", 2.9e9), ("$633,009", 633009.0), ("up to $200 million", 2e8), ("$1.76 million", 1.76e6),
     ("$14.3bn", 14.3e9), ("1.5 billion euros", None), ("about 40 percent", None)],
)
def test_parse_usd(text, value):
    assert parse_usd(text) == value


@pytest.mark.parametrize(
    "text,type_,amount",
    [
        ("NASA awarded SpaceX a $2.9 billion contract on Friday.", "CONTRACT_AWARD", 2.9e9),
        ("The FAA proposed $633,009 in civil penalties against SpaceX.", "SANCTION", 633009.0),
        ("OpenAI spent $1.76 million lobbying Congress in 2024.", "LOBBY", 1.76e6),
        ("SpaceX won a contract worth up to $200 million from the Pentagon.", "CONTRACT_AWARD", 2e8),
        # an amount in another clause is not this event's
        ("NASA awarded SpaceX the contract, which analysts said was worth $3 billion.", "CONTRACT_AWARD", None),
    ],
)
def test_event_amount(extract, text, type_, amount):
    assert find_event(extract(text), type_).amount == amount
