"""The names component: an organisation name and the country word after it."""

from __future__ import annotations


def test_a_company_name_ending_in_a_country_word_is_one_company(nlp):
    doc = nlp("The Navy picked Austal USA to build two ships. Boeing sold jets to the U.S. last year.")
    ents = [(e.text, e.label_, e.ent_id_) for e in doc.ents]
    assert ("Austal USA", "ORG", "") in ents  # never the country's id
    assert any(text == "U.S." and label == "GPE" for text, label, _ in ents)  # after "to the": the country


def test_a_name_is_never_run_into_the_amount_after_it(nlp):
    doc = nlp("The European Commission fined Apple 1.8 billion euros on Monday.")
    assert "Apple" in [e.text for e in doc.ents if e.label_ == "ORG"]
    assert not any(e.text.startswith("Apple ") for e in doc.ents)
