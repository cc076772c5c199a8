"""The MEANTIME reader and scorer, on an invented CAT file (tests/evaluate/fixtures/mini_cat.xml).

The fixture's text, rebuilt from its tokens, is::

    June 12, 2024
    Orbital Dynamics met NASA officials on Monday, the company's spokesman said.
    It didn't meet the Navy, and it may bid for a contract next year.
"""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from backchannel.errors import InputError
from backchannel.evaluate.cat import MeantimeRun, our_certainty, read_meantime, score_meantime, score_runs
from backchannel.model import Article, Entity, EntityMention, EntityRef, Event, Evidence, Extraction, Sourcing, TimeSpan

FIXTURE = Path(__file__).parent / "fixtures" / "mini_cat.xml"
TEXT = ("June 12, 2024\nOrbital Dynamics met NASA officials on Monday, the company's spokesman said.\n"
        "It didn't meet the Navy, and it may bid for a contract next year.")


@pytest.fixture(scope="module")
def doc():
    (found,) = read_meantime(FIXTURE)
    return found


def at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


# ---------------------------------------------------------------- reader


def test_text_is_rebuilt_with_natural_spacing_and_token_offsets(doc):
    assert doc.text == TEXT
    assert doc.id == "900001" and doc.name == "900001_Orbital_Dynamics_meets_NASA"
    assert doc.tokens["15"] == at(TEXT, "'s")  # "company's": no space before 's
    assert doc.tokens["21"] == at(TEXT, "n't")
    for t_id, (s, e) in doc.tokens.items():
        assert TEXT[s:e].strip() == TEXT[s:e] != ""
    assert doc.sentences == ((0, 13), (14, 90), (91, len(TEXT)))
    assert doc.annotated_end == len(TEXT)


def test_dct_and_timexes(doc):
    assert doc.dct == date(2024, 6, 12)
    assert (doc.dct_value, doc.dct_source, doc.dct_id) == ("2024-06-12", "CREATION_TIME", "20")
    by_text = {t.text: t for t in doc.timexes}
    assert set(by_text) == {"June 12, 2024", "Monday", "next year"}  # the token-less TIMEX3 is skipped
    monday = by_text["Monday"]
    assert (monday.start, monday.end, monday.type, monday.value, monday.function) == (*at(TEXT, "Monday"), "DATE", "2024-06-10", "NONE")
    assert by_text["next year"].value == "2025"
    assert any("without tokens" in w for w in doc.warnings)


def test_events_carry_factuality_and_instance_class(doc):
    events = {(e.text, e.start): e for e in doc.events}
    met = events[("met", at(TEXT, "met")[0])]
    assert (met.pred, met.pos, met.certainty, met.polarity, met.time) == ("meet", "VERB", "CERTAIN", "POS", "NON_FUTURE")
    assert met.event_class == "OTHER" and met.spans == (at(TEXT, "met"),)
    neg = events[("meet", at(TEXT, "meet")[0])]
    assert neg.polarity == "NEG"
    bid = events[("bid", at(TEXT, "bid")[0])]
    assert (bid.certainty, bid.time, bid.modality) == ("POSSIBLE", "FUTURE", "may")
    said = events[("said", at(TEXT, "said")[0])]
    assert said.event_class == "SPEECH_COGNITIVE"


def test_entities_and_participant_links(doc):
    ents = {e.m_id: e for e in doc.entities}
    assert (ents["1"].text, ents["1"].type, ents["1"].syntactic_type) == ("Orbital Dynamics", "ORG", "NAM")
    assert (ents["4"].text, ents["4"].start) == ("the company's spokesman", at(TEXT, "the company")[0])
    assert ents["5"].text == "It" and ents["5"].instance == ents["1"].instance == "30"
    assert ents["8"].type == "FIN"
    links = {(p.event, p.sem_role): p.entity for p in doc.participants}
    assert links[("10", "Arg0")] == "1" and links[("10", "Arg1")] == "2"
    assert links[("12", "Arg1")] == "6" and links[("13", "Arg1")] == "8"
    assert len(doc.participants) == 7


def test_directory_is_read_recursively(tmp_path):
    sub = tmp_path / "corpus_x"
    sub.mkdir()
    (sub / "a.xml").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not xml", encoding="utf-8")
    assert [d.id for d in read_meantime(tmp_path)] == ["900001"]


def test_quotes_and_currency_spacing(tmp_path):
    words = ["He", "said", "``", "we", "won", "''", "a", "US$", "40", "(", "big", ")", "deal", "."]
    tokens = "".join(f'<token t_id="{i}" sentence="0" number="{i}">{w}</token>' for i, w in enumerate(words, 1))
    path = tmp_path / "q.xml"
    path.write_text(f'<Document doc_id="1" doc_name="q">{tokens}<Markables/><Relations/></Document>', encoding="utf-8")
    (found,) = read_meantime(path)
    assert found.text == 'He said "we won" a US$40 (big) deal.'
    assert found.dct is None and "no document creation time" in found.warnings


@pytest.mark.parametrize("content, message", [
    ('<Document><token t_id="1" sentence="0">A</token>', "malformed XML"),
    ("", "malformed XML"),
    ("<html><body/></html>", "not a CAT document"),
    ('<Document><token t_id="1" sentence="0">A</token><Markables><TIMEX3 m_id="2" type="DATE" value="2020">'
     '<token_anchor t_id="9"/></TIMEX3></Markables></Document>', "unknown token 9"),
])
def test_bad_files_raise_one_line_input_errors(tmp_path, content, message):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_meantime(path)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_missing_path_and_empty_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_meantime(tmp_path / "absent.xml")
    with pytest.raises(InputError, match="no \\*.xml files"):
        read_meantime(tmp_path)


# ---------------------------------------------------------------- scoring, hand-built extraction


def _event(trigger: str, type_: str, actors=(), recipients=(), negated=False, modality="actual", status="asserted"):
    s, e = at(TEXT, trigger)
    return Event(id=f"evt-{trigger}", type=type_, mode=None, trigger=trigger, actors=tuple(actors),
                 recipients=tuple(recipients), others=(), time=None, count=None, negated=negated, modality=modality,
                 sourcing=Sourcing(status), evidence=Evidence("art", "", 0, len(TEXT), s, e))


def _span(word: str, value: str | None) -> TimeSpan:
    s, e = at(TEXT, word)
    return TimeSpan(word, s, e, value)


ORBITAL = Entity("ent-o", "Orbital Dynamics", "Company",
                 mentions=(EntityMention("ent-o", "Orbital Dynamics", *at(TEXT, "Orbital Dynamics")),))
NAVY = Entity("ent-n", "Navy", "PublicBody", mentions=(EntityMention("ent-n", "Navy", *at(TEXT, "Navy")),))
O_REF, N_REF = EntityRef("Orbital Dynamics", "Company", "ent-o"), EntityRef("Navy", "PublicBody", "ent-n")


@pytest.fixture()
def scores(doc):
    times = (_span("June 12, 2024", "2024-06-12"), _span("Monday", "2024-06-10"), _span("next year", "2025-03"),
             _span("didn't", "PAST_REF"))  # the last overlaps no gold TIMEX3
    events = (
        _event("met", "CONSULT", [O_REF], [N_REF]),  # the recipient is wrong: NASA officials
        _event("meet", "CONSULT", [O_REF], [N_REF], negated=True),
        _event("bid", "CONTRACT_BID", [O_REF], [], modality="planned"),
    )
    extraction = Extraction(Article("art", TEXT, published=doc.dct), (ORBITAL, NAVY), events, (), times)
    return score_runs([MeantimeRun(doc, extraction)])


def test_timex_counts_exact_and_lenient(scores):
    date_ = scores["timex"]["DATE"]
    assert (date_["gold"], date_["detected"], date_["value_exact"], date_["value_lenient"]) == (2, 2, 1, 2)
    assert date_["value_accuracy_all"] == 0.5 and date_["value_accuracy_all_lenient"] == 1.0
    assert scores["timex"]["ours"] == {"in_annotated_region": 4, "overlapping_no_gold": 1, "precision": 0.75}
    (wrong,) = scores["examples"]["timex_wrong_value"]
    assert (wrong["text"], wrong["gold"], wrong["ours"], wrong["lenient_ok"]) == ("next year", "2025", "2025-03", True)


def test_factuality_agreement_and_confusion(scores):
    fact = scores["factuality"]
    assert (fact["gold_events"], fact["gold_events_with_our_trigger"]) == (4, 3)
    assert fact["polarity"]["correct"] == fact["polarity"]["total"] == 3
    assert fact["certainty"]["correct"] == 2  # bid: POSSIBLE ("may bid"), ours planned, a plan firmly reported: no match
    assert fact["time"]["correct"] == 3  # bid: FUTURE ~ planned
    assert fact["confusion"]["certainty"]["POSSIBLE"]["planned"] == 1
    assert fact["confusion"]["polarity"]["NEG"]["negated"] == 1


def test_participants_by_offsets_and_names(scores):
    parts = scores["participants"]
    assert (parts["gold_events_mapped"], parts["gold_mapped_with_our_event"], parts["same_type"]) == (3, 3, 3)
    # Arg0: "Orbital Dynamics" (met, by offsets); "It" (meet) and "it" (bid), by their instance's name
    assert parts["actors"]["gold"] == 3 and parts["actors"]["gold_found"] == 3
    # Arg1: NASA officials (met, missed: we said Navy), the Navy (meet); "a contract" (FIN) is left out
    assert parts["recipients"]["gold"] == 2 and parts["recipients"]["gold_found"] == 1
    assert parts["recipients"]["ours"] == 2 and parts["recipients"]["precision"] == 0.5
    assert parts["gold_participants_left_out"] == 1
    assert parts["unmapped_predicates"] == [["say", 1]]


def test_result_is_json_with_tables_and_notes(scores):
    json.dumps(scores)
    for name in ("timex", "factuality", "participants", "mapped_predicates", "unmapped_predicates", "confusion_certainty"):
        table = scores["tables"][name]
        assert table["rows"] and all(len(r) == len(table["columns"]) for r in table["rows"])
    assert scores["notes"] and all(isinstance(n, str) for n in scores["notes"])


@pytest.mark.parametrize("status, modality, expected", [
    ("asserted", "actual", "certain"), ("anonymous", "actual", "certain"), ("speculative", "actual", "speculative"),
    ("attributed", "planned", "planned"), ("asserted", "hypothetical", "hypothetical"), ("denied", "actual", "denied"),
])
def test_our_certainty(status, modality, expected):
    event = _event("met", "CONSULT", modality=modality, status=status)
    assert our_certainty(event) == expected


# ---------------------------------------------------------------- scoring, the real pipeline


def test_score_meantime_runs_the_pipeline(doc, nlp):
    result = score_meantime([doc], nlp)
    assert {"corpus", "timex", "factuality", "participants", "examples", "tables", "notes", "timing"} <= set(result)
    assert result["corpus"]["documents"] == 1 and result["corpus"]["failed"] == []
    assert result["timex"]["DATE"]["gold"] == 2
    assert result["timex"]["DATE"]["detected"] == 2  # "Monday" and "next year" are basic
    assert result["factuality"]["gold_events"] == 4
    assert 1 <= result["factuality"]["gold_events_with_our_trigger"] <= 4
    assert result["participants"]["gold_events_mapped"] == 3
    json.dumps(result)


def test_a_failing_document_is_reported_not_raised(doc, nlp, monkeypatch):
    import backchannel.evaluate.cat as mt

    def boom(*_):
        raise RuntimeError("bad parse")

    monkeypatch.setattr(mt, "extract_doc", boom)
    result = score_meantime([doc, replace(doc, name="second")], nlp)
    assert len(result["corpus"]["failed"]) == 2 and "bad parse" in result["corpus"]["failed"][0]
    assert result["corpus"]["scored"] == 0
