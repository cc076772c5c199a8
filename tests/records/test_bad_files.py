"""Files that cannot be read at all raise InputError with one line, at the call, before any record."""

from __future__ import annotations

import pytest

from backchannel.errors import InputError
from backchannel.records import Record, read_records

from .conftest import FIXTURES

KINDS = ("usaspending", "fpds", "lda")


def refused(kind: str, path) -> str:
    """The InputError message for reading ``path``; the error must come from the call itself."""
    with pytest.raises(InputError) as caught:
        read_records(kind, path)
    message = str(caught.value)
    assert "\n" not in message and message.strip() == message
    return message


@pytest.mark.parametrize("kind", KINDS)
def test_empty_file(kind, write):
    assert "empty file (no bytes): nothing to read" in refused(kind, write("empty", b""))


@pytest.mark.parametrize("kind", KINDS)
def test_white_space_only(kind, write):
    assert "empty file (only white space)" in refused(kind, write("blank", " \n\t\n"))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01\x02binary\x00", "binary file (NUL bytes)"),
        (b"PK\x03\x04rest-of-a-zip", "binary file, a ZIP archive: unzip it"),
        (b"\x1f\x8b\x08\x00gz", "binary file, a gzip archive"),
        (b"%PDF-1.7\n", "binary file, a PDF"),
        ("<PublicFilings/>".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
    ],
)
def test_binary_files(kind, content, expected, write):
    assert expected in refused(kind, write("data.bin", content))


@pytest.mark.parametrize(
    ("kind", "name", "content"),
    [
        ("usaspending", "a.json", '{"results": [{"Award ID": "X", "Recipient Name": "CAF\xc9"}]}'),
        ("usaspending", "a.csv", "award_id_piid,recipient_name,awarding_agency_name,federal_action_obligation\nX,CAF\xc9,NASA,1\n"),
        ("lda", "a.json", '{"results": [{"filing_uuid": "x", "client": {"name": "CAF\xc9"}}]}'),
        ("lda", "a.xml", "<PublicFilings><Filing ID='x'><Client ClientName='CAF\xc9'/></Filing></PublicFilings>"),
        ("fpds", "a.xml", "<feed><title>CAF\xc9</title></feed>"),
    ],
)
def test_latin1_bytes_are_not_utf8(kind, name, content, write):
    message = refused(kind, write(name, content.encode("latin-1")))
    assert "not UTF-8 text (byte 0xc9 at offset" in message and "re-save the file as UTF-8" in message


def test_a_bad_byte_deep_in_a_large_csv_is_refused_before_any_record(write):
    header = "award_id_piid,recipient_name,awarding_agency_name,federal_action_obligation\n"
    rows = "".join(f"P{n},SPACEX,NASA,1\n" for n in range(10000))  # far more than the first 64 KiB
    path = write("big.csv", (header + rows).encode() + b"P1,CAF\xc9,NASA,1\n")
    assert "not UTF-8 text (byte 0xc9" in refused("usaspending", path)


def test_utf16_and_utf8_with_byte_order_marks_are_read(write):
    csv_text = (FIXTURES / "usaspending_legacy.csv").read_text(encoding="utf-8")
    records = [r for r in read_records("usaspending", write("legacy16.csv", csv_text.encode("utf-16"))) if isinstance(r, Record)]
    assert [r.recipient for r in records] == ["SPACE EXPLORATION TECHNOLOGIES CORP", "ORBITAL SCIENCES CORPORATION"]
    json_text = (FIXTURES / "lda_api.json").read_text(encoding="utf-8")
    records = [r for r in read_records("lda", write("api.json", b"\xef\xbb\xbf" + json_text.encode())) if isinstance(r, Record)]
    assert len(records) == 3


def test_xml_declaring_latin1_is_decoded_as_declared(write):
    xml = (
        "<?xml version='1.0' encoding='ISO-8859-1'?><PublicFilings><Filing ID='X1' Year='2016' Amount='10000' "
        "Period='3rd Quarter'><Registrant RegistrantName='Soci\xe9t\xe9 Example'/><Client ClientName='Caf\xe9 Corp'/>"
        "</Filing></PublicFilings>"
    )
    [filing] = read_records("lda", write("latin1.xml", xml.encode("latin-1")))
    assert (filing.registrant, filing.client) == ("Société Example", "Café Corp")


@pytest.mark.parametrize("kind", ("usaspending", "lda"))
def test_malformed_json(kind, write):
    message = refused(kind, write("bad.json", '{"results": [{"filing_uuid": "x",}]'))
    assert "malformed JSON (line 1, column" in message and "download the response again" in message


@pytest.mark.parametrize("kind", ("fpds", "lda"))
def test_malformed_xml(kind, write):
    message = refused(kind, write("bad.xml", "<PublicFilings><Filing ID='1'>\n<Client></Filing>"))
    assert "malformed XML (line 2, column" in message and "mismatched tag" in message


def test_malformed_csv_quoting(write):
    header = "award_id_piid,recipient_name,awarding_agency_name,federal_action_obligation\n"
    path = write("bad.csv", header + 'P1,"SPACEX,NASA,1\n')
    with pytest.raises(InputError, match=r"malformed CSV \(line 2: unexpected end of data\)") as caught:
        list(read_records("usaspending", path))
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("kind", "fixture", "expected"),
    [
        ("lda", "fpds_feed.xml", "not an LDA XML file: expected <PublicFilings> with <Filing> elements, found <feed>"),
        ("fpds", "lda_filings.xml", "not an FPDS ATOM feed: expected <feed> with <entry> elements, found <PublicFilings>"),
        ("fpds", "usaspending_search.json", "not an FPDS ATOM feed: expected XML, found JSON"),
        ("usaspending", "lda_filings.xml", "not a USAspending file: this is XML"),
        ("usaspending", "lda_api.json", "not a USAspending API response: expected an award detail"),
        ("lda", "usaspending_search.json", "not an LDA API response: no result has a filing_uuid"),
        ("lda", "usaspending_legacy.csv", "not an LDA file: expected <PublicFilings> XML or LDA API JSON, found CSV"),
    ],
)
def test_a_file_of_another_kind(kind, fixture, expected):
    assert expected in refused(kind, FIXTURES / fixture)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name,amount\nSPACEX,1\n", "not a USAspending contracts CSV: expected award_id_piid"),
        ("award_id_fain,recipient_name\nF1,STATE OF X\n", "a USAspending assistance download (grants, loans), not contracts"),
        ("award_id_piid,recipient_name\nP1,SPACEX\n", "bulk download CSV without the column(s) awarding_agency_name"),
        ("award_id_piid,recipient_name,awarding_agency_name\nP1,SPACEX,NASA\n", "bulk CSV without an amount column (federal_action_obligation"),
        ("piid,vendorname\nP1,SPACEX\n", "legacy CSV without the column(s) dollarsobligated"),
    ],
)
def test_csv_headers_that_are_not_usaspending_contracts(content, expected, write):
    assert expected in refused("usaspending", write("x.csv", content))


def test_json_of_an_unknown_shape(write):
    assert "not a USAspending API response" in refused("usaspending", write("x.json", '{"results": [{"foo": 1}]}'))
    assert "not a USAspending API response" in refused("usaspending", write("y.json", "[1, 2]"))
    assert "not an LDA API response" in refused("lda", write("z.json", '{"count": 0}'))


def test_an_empty_page_of_results_is_no_records(write):
    assert list(read_records("usaspending", write("none.json", '{"results": [], "page_metadata": {}}'))) == []
    assert list(read_records("lda", write("none.json", '{"count": 0, "results": []}'))) == []


def test_a_result_that_is_not_an_object_is_a_problem(write):
    items = list(read_records("usaspending", write("odd.json", '{"results": [{"Award ID": "P1", "Awarding Agency": "NASA"}, 42]}')))
    assert [(item.location.rsplit(": ", 1)[1], item.reason) for item in items] == [
        ("record 1", "no recipient name (Recipient Name): the record is incomplete; check the download"),
        ("record 2", "expected an object, found int"),
    ]
    items = list(read_records("lda", write("odd.json", '{"results": [{"filing_uuid": "u1"}, "x"]}')))
    assert [(item.location.rsplit(": ", 1)[1], item.reason) for item in items] == [
        ("record 1", "no registrant name (registrant.name): the filing is incomplete; check the download"),
        ("record 2", "expected a filing object, found str"),
    ]


def test_missing_file_directory_and_unknown_kind(tmp_path):
    assert "no such file: check the path" in refused("lda", tmp_path / "nope.xml")
    assert "is a directory: give the record files inside it one by one" in refused("lda", tmp_path)
    assert "unknown record kind 'grants': use one of usaspending, fpds, lda" in refused("grants", tmp_path)


def test_xml_declaring_an_unknown_encoding(write):
    path = write("odd.xml", "<?xml version='1.0' encoding='xTF-8'?><PublicFilings/>")
    assert "XML in an unknown encoding: xTF-8: re-save the file as UTF-8" in refused("lda", path)


def test_nested_values_of_the_wrong_type_are_problems_not_crashes(write):
    filing = {
        "filing_uuid": "u1",
        "registrant": {"name": "Capitol Orbit Strategies LLC"},
        "client": {"name": "Example Launch Co."},
        "lobbying_activities": True,
        "income": [1],
    }
    [problem] = read_records("lda", write("odd.json", '{"results": [' + __import__("json").dumps(filing) + "]}"))
    assert problem.reason == "income [1] is not an amount"
    award = '{"generated_unique_award_id": "CONT_AWD_X_8000_-NONE-_-NONE-", "awarding_agency": 7, "recipient": "X"}'
    [problem] = read_records("usaspending", write("odd.json", award))
    assert problem.reason == "no awarding agency: the record is incomplete; check the download"
