"""Event rules, one sentence and its expected event per case (published 2025-06-26, a Thursday)."""

from datetime import date

import pytest

from tests.conftest import find_event, names

CASES = [
    # verb triggers
    ("Jeff Bezos met Donald Trump at the White House on Monday.", "CONSULT", "Jeff Bezos", "Donald Trump"),
    ("Elon Musk spoke with Vice President JD Vance by phone.", "CONSULT", "Elon Musk", "JD Vance"),
    ("Dave Limp visited NASA headquarters last week.", "CONSULT", "Dave Limp", "NASA"),
    ("Donald Trump criticized Elon Musk on Thursday.", "ACCUSE", "Donald Trump", "Elon Musk"),
    ("Bill Nelson praised SpaceX for the launch.", "SUPPORT", "Bill Nelson", "SpaceX"),
    ("Blue Origin urged NASA to reopen the competition.", "REQUEST", "Blue Origin", "NASA"),
    ("The Government Accountability Office rejected the protest filed by Dynetics.", "REJECT", "Government Accountability Office", None),
    ("Donald Trump threatened SpaceX with the loss of its contracts.", "THREATEN", "Donald Trump", "SpaceX"),
    ("NASA awarded SpaceX a contract worth $2.9 billion.", "CONTRACT_AWARD", "NASA", "SpaceX"),
    ("The Space Force awarded contracts to SpaceX and Blue Origin.", "CONTRACT_AWARD", "United States Space Force", "Blue Origin"),
    ("NASA selected Blue Origin to build a second lunar lander.", "CONTRACT_AWARD", "NASA", "Blue Origin"),
    ("Blue Origin protested the award to the Government Accountability Office.", "CONTRACT_PROTEST", "Blue Origin", None),
    ("Blue Origin sued NASA over the lander contract.", "CONTRACT_PROTEST", "Blue Origin", "NASA"),
    ("Boeing is competing for a NASA contract.", "CONTRACT_BID", "Boeing", "NASA"),
    ("SpaceX lobbied Congress on launch policy.", "LOBBY", "SpaceX", "United States Congress"),
    ("Donald Trump nominated Jared Isaacman to lead NASA.", "APPOINT", "Donald Trump", "Jared Isaacman"),
    ("Bob Smith stepped down as chief executive of Blue Origin.", "DEPART", "Bob Smith", None),
    ("Elon Musk backed off the threat hours later.", "RETREAT", "Elon Musk", None),
    # passive
    ("Elon Musk was criticized by Donald Trump.", "ACCUSE", "Donald Trump", "Elon Musk"),
    ("SpaceX was awarded a launch contract by the Space Force.", "CONTRACT_AWARD", "United States Space Force", "SpaceX"),
    ("The contract was awarded to Blue Origin by NASA.", "CONTRACT_AWARD", "NASA", "Blue Origin"),
    # inverse verbs
    ("SpaceX won a contract from NASA.", "CONTRACT_AWARD", "NASA", "SpaceX"),
    ("Donald Trump hosted Elon Musk at the White House.", "CONSULT", "Elon Musk", "Donald Trump"),
    # noun triggers
    ("Jeff Bezos held talks with Donald Trump.", "CONSULT", "Jeff Bezos", "Donald Trump"),
    ("Elon Musk renewed his criticism of Donald Trump.", "ACCUSE", "Elon Musk", "Donald Trump"),
    ("Musk drew fire from Donald Trump.", "ACCUSE", "Donald Trump", "Elon Musk"),
    ("Bezos's conversation with Donald Trump lasted an hour.", "CONSULT", "Jeff Bezos", "Donald Trump"),
    ("Dynetics filed a protest with the Government Accountability Office over NASA's lander award.", "CONTRACT_PROTEST", "Dynetics", "NASA"),
    ("Blue Origin submitted a bid for the NASA lander contract.", "CONTRACT_BID", "Blue Origin", "NASA"),
    # phrasal verbs
    ("SpaceX called on the FAA to speed up launch licences.", "REQUEST", "SpaceX", "Federal Aviation Administration"),
    # relative clauses and control
    ("Blue Origin, which competes for NASA contracts, hired a lobbyist.", "CONTRACT_BID", "Blue Origin", "NASA"),
    ("Dave Limp went to Washington to meet with Susie Wiles.", "CONSULT", "Dave Limp", "Susie Wiles"),
]


def test_meeting_with_several_participants(extract):
    ex = extract("Jeff Bezos, Elon Musk and Tory Bruno met with Pete Hegseth at the Pentagon.")
    e = find_event(ex, "CONSULT", recipient="Pete Hegseth")
    assert {"Jeff Bezos", "Elon Musk", "Tory Bruno"} <= names(e.actors)


@pytest.mark.parametrize(
    "text,count",
    [
        ("Jeff Bezos held at least two conversations with Donald Trump.", 2),
        ("Jeff Bezos called Donald Trump twice last month.", 2),
        ("Jeff Bezos met Donald Trump three times.", 3),
        ("Jeff Bezos met Donald Trump.", None),
    ],
)
def test_count(extract, text, count):
    assert find_event(extract(text), "CONSULT", actor="Jeff Bezos").count == count


@pytest.mark.parametrize(
    "text,negated,modality",
    [
        ("Jeff Bezos did not meet Donald Trump.", True, "actual"),
        ("Jeff Bezos never met Donald Trump.", True, "actual"),
        ("Jeff Bezos met Donald Trump.", False, "actual"),
        ("Jeff Bezos plans to meet Donald Trump next week.", False, "planned"),
        ("Jeff Bezos will meet Donald Trump on Friday.", False, "planned"),
        ("Jeff Bezos is expected to meet Donald Trump.", False, "planned"),
        ("Jeff Bezos would meet Donald Trump if NASA asked.", False, "hypothetical"),
        ("If Blue Origin loses, Jeff Bezos would call Donald Trump.", False, "hypothetical"),
    ],
)
def test_negation_and_modality(extract, text, negated, modality):
    e = find_event(extract(text), "CONSULT", actor="Jeff Bezos")
    assert (e.negated, e.modality) == (negated, modality)


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("Jeff Bezos met Donald Trump on Wednesday.", date(2025, 6, 25), date(2025, 6, 25)),
        ("Jeff Bezos met Donald Trump earlier this month.", date(2025, 6, 1), date(2025, 6, 26)),
        ("Jeff Bezos met Donald Trump on April 4, 2025.", date(2025, 4, 4), date(2025, 4, 4)),
        ("Jeff Bezos met Donald Trump last year.", date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_event_time(extract, text, start, end):
    e = find_event(extract(text), "CONSULT", actor="Jeff Bezos")
    assert (e.time.interval_start, e.time.interval_end) == (start, end)


def test_time_of_a_report_is_not_the_time_of_the_event(extract):
    ex = extract("Jeff Bezos met Donald Trump, according to a report published Wednesday by Reuters.")
    assert find_event(ex, "CONSULT", actor="Jeff Bezos").time is None


def test_unresolved_without_publication_date(extract):
    e = find_event(extract("Jeff Bezos met Donald Trump last week.", published=None), "CONSULT", actor="Jeff Bezos")
    assert e.time.text == "last week" and e.time.interval_start is None


def test_no_co_occurrence_edges(extract):
    ex = extract("Jeff Bezos met Donald Trump while Elon Musk criticized NASA.")
    assert "Elon Musk" not in names(find_event(ex, "CONSULT", actor="Jeff Bezos").recipients)
    assert find_event(ex, "ACCUSE", actor="Elon Musk", recipient="NASA") is not None
    assert find_event(ex, "ACCUSE", actor="Jeff Bezos") is None


def test_repeated_mentions_in_one_article_are_one_event(extract):
    ex = extract("Blue Origin sued NASA over the lander award on Monday. The company filed the lawsuit in federal court.")
    protests = [e for e in ex.events if e.type == "CONTRACT_PROTEST"]
    assert len(protests) == 1
    assert names(protests[0].recipients) == {"NASA"}


def test_different_acts_in_one_article_stay_apart(extract):
    ex = extract("Donald Trump criticized Elon Musk. Elon Musk criticized Donald Trump.")
    assert len([e for e in ex.events if e.type == "ACCUSE"]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "For more information about the mission, visit the NASA website.",
        "Engineers at NASA fire up the rocket engine every morning.",
        "The compact design is especially appealing to NASA.",
        "Sally Ride received the award for her work at NASA.",
        "Contractors from Boeing support the NASA office in Houston.",
        "The NASA probe deployed its solar panels on Tuesday.",
        "Her research at NASA contributes to climate science.",
        "Blue Origin competes in the market for space tourism.",
        "The NASA report is a demonstration of careful engineering.",
    ],
)
def test_no_event(extract, text):
    assert [(e.type, e.trigger) for e in extract(text).events] == []


@pytest.mark.parametrize(
    "text,mode",
    [
        ("Jeff Bezos spoke with Donald Trump by phone on Friday.", "phone"),
        ("Jeff Bezos had a phone call with Donald Trump.", "phone"),
        ("Jeff Bezos called Donald Trump on Friday.", "phone"),
        ("Jeff Bezos visited Donald Trump at the White House.", "visit"),
        ("Jeff Bezos met Donald Trump.", None),
    ],
)
def test_consult_mode(extract, text, mode):
    assert find_event(extract(text), "CONSULT", actor="Jeff Bezos").mode == mode


def test_the_moon_is_a_place_not_a_person(extract):
    ex = extract("Blue Origin will launch cargo to the Moon for NASA.")
    assert {e.name: e.kind for e in ex.entities}.get("Moon") == "Place"


def test_negation_and_time_stay_in_their_clause(extract):
    ex = extract("Boeing did not win the tanker contract in March, but it may bid for a NASA contract next year.")
    bid = find_event(ex, "CONTRACT_BID", actor="Boeing")
    assert not bid.negated
    assert bid.time is None or bid.time.interval_start.year == 2026
    assert find_event(ex, "CONTRACT_AWARD", recipient="Boeing").negated


def test_officials_stand_for_their_organisation(extract):
    assert find_event(extract("Jeff Bezos met NASA officials on Monday."), "CONSULT", recipient="NASA") is not None


def test_protest_forum_is_not_the_recipient(extract):
    ex = extract("Blue Origin protested NASA's lander award to the Government Accountability Office.")
    e = find_event(ex, "CONTRACT_PROTEST", actor="Blue Origin")
    assert names(e.recipients) == {"NASA"}
    assert names(e.others) == {"Government Accountability Office"}


# Rules added while reading the development gold set's errors; each is one sentence and its event.
GOLD_RULE_CASES = [
    ("No meeting took place between Pete Hegseth and Alex Karp, the Pentagon said.", "CONSULT", "Pete Hegseth", None),
    ("Elon Musk will visit the White House on Thursday with Sam Altman.", "CONSULT", "Sam Altman", "White House"),
    ("Jeff Bezos discussed the lander programme with Donald Trump.", "CONSULT", "Jeff Bezos", "Donald Trump"),
    ("The Federal Aviation Administration fined SpaceX $633,009 on Tuesday.", "SANCTION", "Federal Aviation Administration", "SpaceX"),
    ("NASA rejected a request from Boeing for more money.", "REJECT", "NASA", "Boeing"),
    ("NASA rejected a request from Boeing for more money.", "REQUEST", "Boeing", "NASA"),
    ("Pete Hegseth issued an ultimatum to Anthropic. Anthropic rejected the demand on Monday.", "REJECT", "Anthropic", "Pete Hegseth"),
    ("NASA delayed the landing again. The decision was criticised by Senator Ted Cruz.", "ACCUSE", "Ted Cruz", "NASA"),
    ("SpaceX spent about $2.1 million lobbying Congress last year.", "LOBBY", "SpaceX", "United States Congress"),
    ("Ballard Partners lobbied the Pentagon on behalf of Blue Origin.", "LOBBY", "Blue Origin", "Department of Defense"),
    ("Elon Musk contributed $75 million in the third quarter to America PAC before the election.", "DONATE", "Elon Musk", "America PAC"),
    ("Palantir secured a $10 billion enterprise agreement with the U.S. Army last week.", "CONTRACT_AWARD", "United States Army", "Palantir"),
    ("FBI agents arrested two men on Tuesday.", "COERCE", "Federal Bureau of Investigation", None),
    ("Donald Trump threatened to cancel the contracts held by Elon Musk's companies.", "THREATEN", "Donald Trump", "Elon Musk"),
    ("Demonstrators rallied outside the showroom against Elon Musk's role in the government.", "PROTEST", None, "Elon Musk"),
    ("Boeing did not submit a proposal for NASA's Mars Sample Return redesign.", "CONTRACT_BID", "Boeing", "NASA"),
]


def test_what_is_threatened_is_not_an_event(extract):
    ex = extract("Donald Trump threatened to cancel the contracts held by Elon Musk's companies.")
    assert [e.type for e in ex.events] == ["THREATEN"]


def test_an_employee_of_a_body_is_not_the_body(extract):
    ex = extract("FBI agents arrested a former employee of the U.S. Air Force on Tuesday.")
    assert "United States Air Force" not in names(find_event(ex, "COERCE").recipients)


def test_protest_winner_is_among_the_others(extract):
    ex = extract("Blue Origin protested the lander award to SpaceX before the Government Accountability Office.")
    e = find_event(ex, "CONTRACT_PROTEST", actor="Blue Origin")
    assert "SpaceX" not in names(e.recipients)


def test_a_duration_is_not_when(extract):
    e = find_event(extract("Jeff Bezos met Donald Trump for an hour."), "CONSULT", actor="Jeff Bezos")
    assert e.time is None


def test_time_of_an_infinitive_complement(extract):
    e = find_event(extract("Donald Trump nominated Jared Isaacman to lead NASA on Tuesday."), "APPOINT", actor="Donald Trump")
    assert e.time is not None and e.time.interval_start == date(2025, 6, 24)


def test_lobbying_time_from_the_spending_clause(extract):
    e = find_event(extract("SpaceX spent about $2.1 million lobbying Congress last year."), "LOBBY", actor="SpaceX")
    assert e.time.interval_start == date(2024, 1, 1)


def test_meeting_between_a_broken_list_of_titled_people(extract):
    ex = extract("A meeting between SpaceX president Gwynne Shotwell, ULA chief executive Tory Bruno and "
                 "Space Force chief Gen. Chance Saltzman on Tuesday ended without agreement.")
    e = find_event(ex, "CONSULT", actor="Gwynne Shotwell")
    assert {"Gwynne Shotwell", "Tory Bruno", "Chance Saltzman"} <= names(e.actors)
    assert "SpaceX" not in names(e.actors)


def test_praise_for_a_confirmation_is_for_the_person(extract):
    ex = extract("Donald Trump hailed the Senate's confirmation of Jared Isaacman as NASA administrator.")
    assert find_event(ex, "SUPPORT", actor="Donald Trump", recipient="Jared Isaacman") is not None


def test_a_second_criticism_in_return_is_a_second_event(extract):
    ex = extract("Donald Trump renewed his criticism of Elon Musk. Musk attacked Trump's policies, drawing fire from Trump in return.")
    assert len([e for e in ex.events if e.type == "ACCUSE" and names(e.actors) == {"Donald Trump"}]) == 2


EXTRA_DEV_CASES = [
    ("Alex Karp dined privately with Pete Hegseth last month.", "CONSULT", "Alex Karp", "Pete Hegseth"),
    ("Boeing on Wednesday named Kelly Ortberg as its new chief executive.", "APPOINT", "Boeing", "Kelly Ortberg"),
    ("JD Vance, accompanied by Senator Ted Cruz, will visit NASA headquarters on Friday.", "CONSULT", "Ted Cruz", "NASA"),
    ("Palantir has agreed to work with Anduril on a shared software platform.", "AGREE", "Palantir", "Anduril"),
    ("NASA came under fire from its inspector general, Paul Martin, on Monday.", "ACCUSE", "Paul Martin", "NASA"),
    ("Anthropic has refused a Pentagon request to lift limits on its models.", "REJECT", "Anthropic", "Department of Defense"),
    ("Anthropic has refused a Pentagon request to lift limits on its models.", "REQUEST", "Department of Defense", "Anthropic"),
    ("The GAO denied the protests that Blue Origin and Dynetics had lodged against NASA's decision.", "REJECT", "Government Accountability Office", "Dynetics"),
    ("The Pentagon cancelled consulting contracts worth $5.1 billion with Deloitte on Friday.", "SANCTION", "Department of Defense", "Deloitte"),
    ("Boeing chief executive Dave Calhoun will step down, the company announced on Monday.", "DEPART", "Dave Calhoun", "Boeing"),
    ("Pete Hegseth warned that Anthropic could be designated a supply-chain risk.", "THREATEN", "Pete Hegseth", "Anthropic"),
]


def test_a_denial_is_not_merged_into_the_report(extract):
    ex = extract("Elon Musk and Donald Trump spoke by phone last week. A White House spokeswoman denied that the president had called Musk.")
    statuses = sorted(e.sourcing.status for e in ex.events if e.type == "CONSULT")
    assert statuses == ["asserted", "denied"]


def test_an_anaphoric_mention_merges_whatever_its_sourcing(extract):
    ex = extract("Jeff Bezos held two conversations with Donald Trump, according to Reuters. "
                 "The specifics of Bezos's conversations with Trump remain undisclosed.")
    assert len([e for e in ex.events if e.type == "CONSULT"]) == 1


def test_the_nasa_probe_is_a_spacecraft(extract):
    assert extract("The NASA probe deployed its solar panels on Tuesday.").events == ()


LEXICON_CASES = [
    ("Sean Duffy was sworn in as transportation secretary by JD Vance on Tuesday.", "APPOINT", "JD Vance", "Sean Duffy"),
    ("The Senate confirmed Jared Isaacman on Wednesday.", "APPOINT", "United States Senate", "Jared Isaacman"),
    ("Donald Trump's nominee, Jared Isaacman, met senators on Monday.", "APPOINT", "Donald Trump", "Jared Isaacman"),
    ("The Air Force ordered 15 aircraft from Boeing last year.", "CONTRACT_AWARD", "United States Air Force", "Boeing"),
    ("Pete Hegseth toured the Anduril factory in California on Friday.", "CONSULT", "Pete Hegseth", "Anduril"),
    ("Lockheed Martin negotiated with the Pentagon for months over the price.", "CONSULT", "Lockheed Martin", "Department of Defense"),
    ("The Pentagon sent troops to the border in January.", "MOBILIZE", "Department of Defense", None),
    ("Activists marched outside the SpaceX headquarters against Elon Musk's plans.", "PROTEST", None, "Elon Musk"),
]


def test_a_technical_challenge_is_no_protest(extract):
    assert extract("The instrument was NASA's answer to the polarimeter challenge.").events == ()


def test_stepping_down_as_head_of_a_company_leaves_it(extract):
    ex = extract("Jeff Bezos stepped down as chief executive of Amazon in July.")
    assert find_event(ex, "DEPART", actor="Jeff Bezos", recipient="Amazon") is not None


WIRE_CASES = [
    ("Dave Calhoun testified on Tuesday. Members of the Senate Permanent Subcommittee on Investigations questioned "
     "him for two hours.", "CONSULT", "Senate Permanent Subcommittee on Investigations", "Dave Calhoun"),
    ("The National Reconnaissance Office awarded the contract to SpaceX's Starshield business unit in 2021.",
     "CONTRACT_AWARD", "National Reconnaissance Office", "SpaceX"),
    ("Donald Trump on Saturday withdrew the nomination of Jared Isaacman to lead NASA.", "DEPART", "Jared Isaacman", "NASA"),
    ("Donald Trump on Monday picked Senator JD Vance of Ohio as his running mate.", "APPOINT", "Donald Trump", "JD Vance"),
    ("Peter Thiel gave $15 million in 2022 to America PAC, a super PAC.", "DONATE", "Peter Thiel", "America PAC"),
    ("The Air Force signed the block-buy deal with United Launch Alliance in December.", "CONTRACT_AWARD",
     "United States Air Force", "United Launch Alliance"),
    ("Palantir and Anduril are in talks with a dozen companies, including SpaceX and OpenAI.", "CONSULT", "Palantir", "OpenAI"),
    ("Elon Musk visited the Pentagon on Friday and met Defense Secretary Pete Hegseth.", "CONSULT", "Elon Musk", "Pete Hegseth"),
    ("The Federal Aviation Administration proposed $633,009 in civil penalties against SpaceX.", "SANCTION",
     "Federal Aviation Administration", "SpaceX"),
    ("NASA selected Blue Origin to deliver the rover to the Moon.", "CONTRACT_AWARD", "NASA", "Blue Origin"),
]


def test_a_visit_and_the_meeting_during_it_are_one_event(extract):
    ex = extract("Elon Musk visited the Pentagon on Friday and met Defense Secretary Pete Hegseth.")
    consults = [e for e in ex.events if e.type == "CONSULT"]
    assert len(consults) == 1 and names(consults[0].recipients) == {"Department of Defense", "Pete Hegseth"}


def test_stepping_down_as_a_companys_chief(extract):
    ex = extract("Alexandr Wang will step down as Scale AI's chief executive but remain on its board.")
    assert find_event(ex, "DEPART", actor="Alexandr Wang", recipient="Scale AI") is not None


MORE_WIRE_CASES = [
    ("Kelly Ortberg on Friday removed Ted Colbert as head of Boeing's defense unit.", "DEPART", "Ted Colbert", None),
    ("The Space Force awarded United Launch Alliance about 60 percent of the missions.", "CONTRACT_AWARD",
     "United States Space Force", "United Launch Alliance"),
    ("The firm Invariant lobbied the Senate on SpaceX's behalf in the second quarter.", "LOBBY", "SpaceX", "United States Senate"),
]


def test_an_honour_awarded_is_no_contract(extract):
    ex = extract("NASA awarded Boeing engineer Jane Smith its Distinguished Service Medal.")
    assert find_event(ex, "CONTRACT_AWARD") is None


def test_a_bid_is_towards_the_body_of_the_award_reported_beside_it(extract):
    ex = extract("The Army awarded Palantir a $178 million contract on Wednesday. Palantir beat Raytheon, which had also bid for the program.")
    assert find_event(ex, "CONTRACT_BID", actor="Raytheon", recipient="United States Army") is not None


def test_a_refused_protest_answers_the_protester(extract):
    ex = extract("Blue Origin sued NASA in August after the Government Accountability Office denied its protest of the lander award.")
    assert find_event(ex, "REJECT", actor="Government Accountability Office", recipient="Blue Origin") is not None


LEXICON_MORE_CASES = [
    ("Senator Elizabeth Warren assailed Elon Musk on Tuesday.", "ACCUSE", "Elizabeth Warren", "Elon Musk"),
    ("Donald Trump thanked Elon Musk at the rally.", "SUPPORT", "Donald Trump", "Elon Musk"),
    ("The Federal Aviation Administration grounded SpaceX's Starship fleet after the failure.", "SANCTION",
     "Federal Aviation Administration", "SpaceX"),
    ("Lockheed Martin struck a deal with the Pentagon on Monday.", "AGREE", "Lockheed Martin", "Department of Defense"),
    ("Boeing settled the lawsuit with NASA in March.", "AGREE", "Boeing", "NASA"),
]


def test_a_signed_deal_is_one_event(extract):
    ex = extract("The Air Force signed the block-buy deal with United Launch Alliance in December.")
    assert [e.type for e in ex.events] == ["CONTRACT_AWARD"]


def test_a_win_is_from_the_body_of_the_awards_just_reported(extract):
    ex = extract("Space Systems Command awarded launch contracts on Friday. SpaceX won about $5.9 billion for 28 missions.")
    assert find_event(ex, "CONTRACT_AWARD", actor="Space Systems Command", recipient="SpaceX") is not None


LEXICON_LAST_CASES = [
    ("Bill Nelson called for an investigation by the Government Accountability Office.", "REQUEST", "Bill Nelson", None),
    ("Amazon has pledged $1 million to the Trump Vance Inaugural Committee.", "DONATE", "Amazon", None),
    ("Elon Musk expressed regret for his posts about Donald Trump.", "CONCEDE", "Elon Musk", None),
    ("Elon Musk left his post leading the Department of Government Efficiency this week.", "DEPART", "Elon Musk",
     "Department of Government Efficiency"),
]


def test_a_second_bid_goes_where_the_first_went(extract):
    ex = extract("Rocket Lab submitted a bid for the Space Force's launch contracts. Relativity Space did not bid, the report said.")
    e = find_event(ex, "CONTRACT_BID", actor="Relativity Space")
    assert e is not None and e.negated and names(e.recipients) == {"United States Space Force"}


AWARD_NOUN_CASES = [
    ("Elizabeth Warren slammed the Pentagon's $200 million contract with xAI.", "CONTRACT_AWARD",
     "Department of Defense", "xAI"),
    ("SpaceX's contract with NASA was delayed.", "CONTRACT_AWARD", "NASA", "SpaceX"),
    ("Blue Origin sued NASA over the lander contract, widening its challenge to the agency's selection of SpaceX.",
     "CONTRACT_AWARD", "NASA", "SpaceX"),
    ("Blue Origin sued NASA on Monday, challenging the agency's award of the lunar lander contract to SpaceX.",
     "CONTRACT_AWARD", "NASA", "SpaceX"),
    # only a government awards: "its" is the Pentagon, not the company suing
    ("Amazon sued the Pentagon in the Court of Federal Claims over its award of a cloud contract to Microsoft.",
     "CONTRACT_AWARD", "Department of Defense", "Microsoft"),
]


def test_a_contract_named_with_one_party_is_no_event(extract):
    ex = extract("SpaceX holds billions of dollars in contracts with NASA and the Pentagon.")
    assert find_event(ex, "CONTRACT_AWARD") is None


def test_a_definite_mention_of_an_award_merges_with_the_report_of_it(extract):
    ex = extract("A judge dismissed Blue Origin's lawsuit over NASA's $2.9 billion lander contract with SpaceX. "
                 "NASA picked SpaceX for the lander in April.", published="2021-11-05")
    awards = [e for e in ex.events if e.type == "CONTRACT_AWARD"]
    assert len(awards) == 1, awards
    assert awards[0].trigger == "picked" and awards[0].time.interval_start.isoformat() == "2021-04-01"


REASSIGN_CASES = [
    ("The Space Force would reassign two of United Launch Alliance's national security missions to SpaceX.",
     "CONTRACT_AWARD", "United States Space Force", "SpaceX"),
    ("The Space Force awarded ULA about 60 percent of the missions in 2020.", "CONTRACT_AWARD",
     "United States Space Force", "United Launch Alliance"),
]


def test_work_moved_from_a_company_is_not_given_to_it(extract):
    ex = extract("Space Systems Command reassigned a GPS satellite launch from ULA to SpaceX last year.")
    e = find_event(ex, "CONTRACT_AWARD", actor="Space Systems Command")
    assert names(e.recipients) == {"SpaceX"} and names(e.others) == {"United Launch Alliance"}


CONTEXT_CASES = [
    # an active verb's "by" belongs to its object
    ("DARPA is funding a study by Northrop Grumman of a railway on the Moon.", "AID", "DARPA", "Northrop Grumman"),
    ("Elon Musk criticized a decision by the Pentagon on Friday.", "ACCUSE", "Elon Musk", "Department of Defense"),
    # "her months later" is the object and a time, not a possessive
    ("Kathy Lueders retired from NASA last year. SpaceX hired her months later to help manage its Starbase site.",
     "APPOINT", "SpaceX", "Kathy Lueders"),
    # the purpose of a contact is addressed to whoever was contacted
    ("Tory Bruno said he telephoned Frank Kendall twice in April to press for more launch missions.", "REQUEST",
     "Tory Bruno", "Frank Kendall"),
    ("Dave Limp visited the White House on Tuesday to lobby for more lunar missions.", "LOBBY", "Dave Limp", "White House"),
    # "the same amount" goes where the donation just reported went
    ("Sam Altman will donate $1 million to the Trump Vance Inaugural Committee. Amazon has pledged the same amount.",
     "DONATE", "Amazon", "Trump Vance Inaugural Committee"),
]


LEXICON_DECEMBER_CASES = [
    ("The Air Force barred SpaceX from the competition.", "SANCTION", "United States Air Force", "SpaceX"),
    ("Elon Musk lashed out at NASA on Friday.", "ACCUSE", "Elon Musk", "NASA"),
    ("Elizabeth Warren called out the Pentagon over the deal.", "ACCUSE", "Elizabeth Warren", "Department of Defense"),
    ("Blue Origin clinched a NASA contract on Monday.", "CONTRACT_AWARD", "NASA", "Blue Origin"),
    ("Vance's trip to the Anduril factory was brief.", "CONSULT", "JD Vance", "Anduril"),
    ("Boeing accepted the Air Force's offer.", "AGREE", "Boeing", "United States Air Force"),
    ("Sean Duffy credited SpaceX with the rescue.", "SUPPORT", "Sean Duffy", "SpaceX"),
    ("The Army awarded Bell the contract in December. Sikorsky and Boeing, which had offered the Defiant X helicopter, filed a "
     "protest.", "CONTRACT_BID", "Boeing", "United States Army"),
]


def test_language_barring_a_use_is_no_sanction(extract):
    ex = extract("OpenAI removed language barring military uses of its technology.")
    assert find_event(ex, "SANCTION") is None


PROTEST_DISCOURSE_CASES = [
    # "Sikorsky" read as an adjective of "unit" is still the unit's name
    ("The GAO on Thursday denied a protest by Lockheed Martin's Sikorsky unit and Boeing against the Army's "
     "decision to award Bell the contract.", "REJECT", "Government Accountability Office", "Sikorsky"),
    # "the watchdog" is the GAO, not the Air Force named before it; "its protest" is not the watchdog's own
    ("The U.S. Air Force on Friday picked United Launch Alliance and SpaceX to launch national security satellites. "
     "Blue Origin challenged the terms of the competition at the Government Accountability Office last year, but "
     "the watchdog turned down its protest in November.", "REJECT", "Government Accountability Office", "Blue Origin"),
    ("The U.S. Air Force on Friday picked United Launch Alliance and SpaceX to launch national security satellites. "
     "Blue Origin challenged the terms of the competition at the Government Accountability Office last year.",
     "CONTRACT_PROTEST", "Blue Origin", "United States Air Force"),
]


def test_a_protest_goes_where_the_same_company_bid(extract):
    ex = extract("The Air Force awarded the contracts to ULA and SpaceX. Blue Origin had bid for the work. ULA will carry "
                 "most missions. The service said the work starts in 2022. Blue Origin filed a protest over the contracts in November.")
    e = find_event(ex, "CONTRACT_PROTEST", actor="Blue Origin")
    assert e is not None and names(e.recipients) == {"United States Air Force"}


def test_a_meeting_that_ended_without_agreement(extract):
    ex = extract("A meeting between SpaceX president Gwynne Shotwell, ULA chief executive Tory Bruno and Space Force "
                 "chief Gen. Chance Saltzman on Tuesday ended without agreement on the launch schedule.")
    e = find_event(ex, "AGREE")
    assert e is not None and e.negated
    assert names(e.actors) == {"Gwynne Shotwell", "Tory Bruno", "Chance Saltzman"}


def test_negotiations_that_an_accord_ended(extract):
    ex = extract("Lockheed Martin reached an accord with the Pentagon on Monday over the price of the jets, ending "
                 "months of negotiations.")
    e = find_event(ex, "CONSULT")
    assert e is not None and names(e.actors) == {"Lockheed Martin", "Department of Defense"}


def test_a_trip_during_which_no_meeting_took_place_is_not_that_meeting(extract):
    ex = extract("No meeting took place between Pete Hegseth and Alex Karp during the defense secretary's trip to Denver.")
    assert not any(e.trigger == "trip" and "Alex Karp" in names(e.actors) for e in ex.events)


SHORT_NAME_CASES = [
    # "General Brown" is a person the model calls an organisation; the one fired leaves
    ("Hegseth fired General Brown.", "DEPART", "Brown", None),
    # "called Saltzman" read as "called (it) Saltzman"
    ("Shotwell called Saltzman.", "CONSULT", "Gwynne Shotwell", "Chance Saltzman"),
    ("Northrop protested the award.", "CONTRACT_PROTEST", "Northrop Grumman", None),
]


def test_an_award_won_for_a_workplace_is_no_contract(extract):
    assert find_event(extract("The Boeing Company won the award for best employer."), "CONTRACT_AWARD") is None


GROUP_CASES = [
    # "both companies" after two executives named with their companies
    ("Donald Trump met Boeing chief executive Dennis Muilenburg and Lockheed Martin chief executive Marillyn Hewson "
     "on Wednesday, after attacking both companies this month.", "ACCUSE", "Donald Trump", "Lockheed Martin"),
    # "the team" after "Sikorsky and its partner Boeing"; what is offered is no recipient
    ("Lockheed Martin's Sikorsky and its partner Boeing protested the Army's selection of Bell. The team, which had "
     "offered its Defiant X helicopter, filed the protest with the GAO.", "CONTRACT_BID", "Boeing", "United States Army"),
    # a meeting on a public body's premises is a visit to it
    ("Elon Musk met Defense Secretary Pete Hegseth at the Pentagon on Friday.", "CONSULT", "Elon Musk",
     "Department of Defense"),
]


def test_a_meeting_at_a_private_place_is_no_visit(extract):
    e = find_event(extract("Jeff Bezos met Donald Trump at Mar-a-Lago."), "CONSULT", actor="Jeff Bezos")
    assert e.mode is None and names(e.recipients) == {"Donald Trump"}


BLIND_DEV_CASES = [
    # the speaker of a sentence acts in the participle that hangs on "said"
    ("NASA will open its contract to other companies, acting Administrator Sean Duffy said on Monday, criticising "
     "SpaceX for falling behind schedule.", "ACCUSE", "Sean Duffy", "SpaceX"),
    ("Elon Musk took part in Donald Trump's call with Volodymyr Zelensky on Wednesday.", "CONSULT", "Elon Musk",
     "Volodymyr Zelensky"),
    ("Lockheed agreed to buy Aerojet in December 2020.", "AGREE", "Lockheed Martin", "Aerojet Rocketdyne"),
    ("Lockheed Martin on Sunday abandoned its $4.4 billion takeover of Aerojet Rocketdyne.", "RETREAT",
     "Lockheed Martin", "Aerojet Rocketdyne"),
    ("A fine against SpaceX was announced by the FAA on Tuesday, prompting Elon Musk to threaten to sue the agency.",
     "THREATEN", "Elon Musk", "Federal Aviation Administration"),
    ("Talks between the Italian government and SpaceX have reached an advanced stage.", "CONSULT", "Italian government",
     None),
    ("The GAO denied a protest by Boeing against the Air Force's choice of Northrop Grumman to build the bomber.",
     "CONTRACT_AWARD", "United States Air Force", "Northrop Grumman"),
]


def test_the_incoming_president_is_the_next_holder(extract):
    ex = extract("Jeff Bezos praised the incoming president's plans to cut regulation.", published="2024-12-19")
    assert find_event(ex, "SUPPORT", recipient="Donald Trump") is not None


def test_retiring_a_spacecraft_is_no_departure(extract):
    assert find_event(extract("SpaceX said it would not retire the Dragon spacecraft."), "DEPART") is None


BLIND_DEV_MORE_CASES = [
    ("Musk called Trump's bill a disgusting abomination.", "ACCUSE", "Elon Musk", "Donald Trump"),
    ("Northrop Grumman will join the Starlab project led by Voyager Space.", "COOPERATE", "Northrop Grumman",
     "Voyager Space"),
    ("NASA will open its contract to other companies, a move that could let Blue Origin compete for the mission.",
     "CONTRACT_BID", "Blue Origin", "NASA"),
    ("Mike Pence warned that the administration would turn to commercial rockets if NASA and its contractor Boeing "
     "could not get the rocket ready.", "THREATEN", "Mike Pence", "Boeing"),
    ("In September, Elon Musk demanded Whitaker's resignation.", "REQUEST", "Elon Musk", "Whitaker"),
    ("Gavin Newsom on Sunday vetoed SB 1047, a bill on AI safety. Anthropic backed the amended bill in August.",
     "SUPPORT", "Anthropic", "SB 1047"),
    ("Gavin Newsom on Sunday vetoed SB 1047, a bill on AI safety.", "REJECT", "Gavin Newsom", "SB 1047"),
    # the court hears the suit; the participle after it belongs to the company
    ("Amazon Web Services filed a lawsuit in the U.S. Court of Federal Claims challenging the Pentagon's award of a "
     "cloud contract.", "CONTRACT_PROTEST", "Amazon Web Services", "Department of Defense"),
]


def test_a_demanded_resignation_has_not_happened(extract):
    assert find_event(extract("Elon Musk demanded Whitaker's resignation."), "DEPART") is None


def test_one_act_told_twice_in_a_sentence_is_one_event(extract):
    ex = extract("Amazon Web Services filed a lawsuit in the U.S. Court of Federal Claims challenging the Pentagon's "
                 "award of a cloud contract.")
    assert len([e for e in ex.events if e.type == "CONTRACT_PROTEST"]) == 1


def test_blair_house_is_not_the_house(extract):
    ex = extract("Narendra Modi and Elon Musk met at Blair House in Washington on Thursday.")
    assert "House of Representatives" not in {e.name for e in ex.entities}


CLAUSE_CASES = [
    # a clause with a subject of its own is a second act, not a purpose of the first
    ("The Senate confirmed Jared Isaacman as NASA administrator, after President Donald Trump nominated the "
     "billionaire twice and pulled the first nomination in May.", "APPOINT", "Donald Trump", "Jared Isaacman"),
    ("The Senate confirmed Jared Isaacman as NASA administrator, after President Donald Trump nominated the "
     "billionaire twice and pulled the first nomination in May.", "DEPART", "Jared Isaacman", None),
    ("Elon Musk said on Wednesday that he regretted some of his posts about Donald Trump.", "CONCEDE", "Elon Musk",
     "Donald Trump"),
    ("NASA chose SpaceX for the lander contract. Blue Origin and Dynetics, the other bidders, protested the decision.",
     "CONTRACT_BID", "Dynetics", "NASA"),
    ("NASA picked Blue Origin to build a second lunar lander. The only other bidder was a team led by Dynetics.",
     "CONTRACT_BID", "Dynetics", "NASA"),
]


def test_whoever_pulls_a_nomination_does_not_leave(extract):
    ex = extract("Donald Trump nominated Jared Isaacman twice and pulled the first nomination in May.")
    assert find_event(ex, "DEPART", actor="Donald Trump") is None


MORE_BLIND_CASES = [
    ("Elon Musk threw his support behind Donald Trump at a rally in Butler on Saturday.", "SUPPORT", "Elon Musk",
     "Donald Trump"),
    ("Elon Musk has poured tens of millions of dollars into America PAC, a super PAC backing Donald Trump.", "DONATE",
     "Elon Musk", "America PAC"),
    # "calling him" is not the caller himself
    ("Radoslaw Sikorski warned that Poland would look for other suppliers. Musk told him to be quiet, calling him a "
     "small man.", "ACCUSE", "Elon Musk", "Radoslaw Sikorski"),
    ("The FAA on Tuesday proposed $633,009 in civil penalties against SpaceX.", "SANCTION",
     "Federal Aviation Administration", "SpaceX"),
]


def test_each_officer_removed_leaves_their_own_service(extract):
    ex = extract("Pete Hegseth removed the Navy's top officer, Admiral Lisa Franchetti, and the Air Force's vice "
                 "chief of staff, General James Slife.")
    departs = {(tuple(sorted(names(e.actors))), tuple(sorted(names(e.recipients)))) for e in ex.events if e.type == "DEPART"}
    assert departs == {(("Lisa Franchetti",), ("United States Navy",)), (("James Slife",), ("United States Air Force",))}
    assert len({e.id for e in ex.events}) == len(ex.events)


def test_an_act_someone_objects_to_did_not_happen(extract):
    ex = extract("Senator Jeanne Shaheen objected to hosting an official under U.S. sanctions.")
    assert find_event(ex, "CONSULT") is None and find_event(ex, "SANCTION", actor="Jeanne Shaheen") is None


LEXICON_WIDER_CASES = [
    ("Elon Musk said he supports Donald Trump's campaign.", "SUPPORT", "Elon Musk", "Donald Trump"),
    ("Lindsey Graham sided with Elon Musk in the dispute.", "SUPPORT", "Lindsey Graham", "Elon Musk"),
    ("SpaceX declined NASA's offer on Friday.", "REJECT", "SpaceX", "NASA"),
    ("The Commerce Department restricted exports to Huawei in May.", "SANCTION", "Commerce Department", "Huawei"),
    ("The Federal Trade Commission blocked Lockheed Martin's acquisition of Aerojet Rocketdyne.", "SANCTION",
     "Federal Trade Commission", "Lockheed Martin"),
    ("Donald Trump imposed tariffs on China in April.", "SANCTION", "Donald Trump", "China"),
    ("Dave Calhoun testified before the Senate Commerce Committee on Tuesday.", "CONSULT", "Dave Calhoun",
     "Senate Commerce Committee"),
    ("Boeing drew the ire of Donald Trump over the cost of Air Force One.", "ACCUSE", "Donald Trump", "Boeing"),
]


def test_the_aim_of_a_lawsuit_is_not_an_act(extract):
    ex = extract("The Federal Trade Commission sued last month to block Lockheed Martin's takeover of Aerojet Rocketdyne.")
    assert find_event(ex, "SANCTION") is None


def test_an_event_with_no_named_participant_is_dropped(extract):
    assert extract("The planemaker faces scrutiny from regulators over its safety record.").events == ()


DEV4_CASES = [
    ("Donald Trump told Tim Cook to build iPhones in the United States.", "REQUEST", "Donald Trump", "Tim Cook"),
    ("Jim Taiclet succeeded Marillyn Hewson as chief executive.", "APPOINT", None, "Jim Taiclet"),
    ("The Commerce Department tightened export controls on China.", "SANCTION", "Commerce Department", "China"),
    ("The Air Force withheld payments from Boeing.", "SANCTION", "United States Air Force", "Boeing"),
    ("The U.S. Air Force on Monday awarded Lockheed Martin a $480 million contract to design a weapon, four months "
     "after selecting the company for a separate weapon.", "CONTRACT_AWARD", "United States Air Force", "Lockheed Martin"),
]


def test_an_award_months_after_another_is_a_second_award(extract):
    ex = extract("The U.S. Air Force on Monday awarded Lockheed Martin a $480 million contract to design a weapon, four "
                 "months after selecting the company for a separate weapon.", published="2018-08-14")
    assert len([e for e in ex.events if e.type == "CONTRACT_AWARD"]) == 2


def test_telling_someone_to_do_something_is_no_report(extract):
    ex = extract("Donald Trump told Tim Cook to build iPhones in the United States.")
    assert find_event(ex, "REQUEST", actor="Donald Trump").sourcing.status == "asserted"


def test_the_terms_of_an_ultimatum_are_the_ultimatum(extract):
    ex = extract("Pete Hegseth issued an ultimatum to Anthropic last week, telling the company to drop its limits.")
    assert find_event(ex, "REQUEST") is None and find_event(ex, "THREATEN", recipient="Anthropic") is not None


VOICE_AND_PARTS_CASES = [
    ("The Government Accountability Office dismissed most of Blue Origin's protest.", "REJECT", "Government Accountability Office", "Blue Origin"),
    ("Oracle agreed to give the Pentagon a discount on its cloud services.", "AGREE", "Oracle", "Department of Defense"),
    ("Trump said he discussed tariffs during a phone call with Xi Jinping on Friday.", "CONSULT", "Donald Trump", "Xi Jinping"),
    ("Elon Musk was hosted by Donald Trump at the White House.", "CONSULT", "Elon Musk", "Donald Trump"),
    ("NASA's lander contract was won by SpaceX.", "CONTRACT_AWARD", "NASA", "SpaceX"),
    ("Marillyn Hewson will retire and be succeeded by Jim Taiclet.", "APPOINT", None, "Jim Taiclet"),
    ("The Navy awarded Huntington Ingalls Industries and General Dynamics contracts worth $2 billion.",
     "CONTRACT_AWARD", "United States Navy", "General Dynamics"),
    ("Space Force awards SpaceX, ULA and Blue Origin $13.7 billion in launch contracts", "CONTRACT_AWARD",
     "United States Space Force", "Blue Origin"),
    ("The Justice Department dropped its challenge to Google's purchase of Wiz.", "RETREAT", "Justice Department", "Google"),
    ("The White House lifted its tariffs on Canada on Friday.", "RETREAT", "White House", "Canada"),
    ("Raytheon withdrew from the competition in March.", "RETREAT", "Raytheon", None),
    ("The Energy Department finalized a loan of $1 billion to Tesla.", "AID", "Department of Energy", "Tesla"),
    ("Ohio will give Intel $600 million in tax credits.", "AID", "Ohio", "Intel"),
    ("SpaceX paid a fine to the FAA.", "SANCTION", "Federal Aviation Administration", "SpaceX"),
    ("Boeing must pay a $200 million penalty imposed by the Securities and Exchange Commission.", "SANCTION",
     "Securities and Exchange Commission", "Boeing"),
    ("Musk gave money to America PAC, a super PAC backing Donald Trump.", "SUPPORT", "America PAC", "Donald Trump"),
    ("The European Union imposed sanctions on Iran. Tehran condemned the sanctions on Friday.", "ACCUSE",
     "Iran", "European Union"),
    ("Trump said he would cut the tariffs. The decision drew criticism from Democrats, including Senator Elizabeth Warren.",
     "ACCUSE", "Elizabeth Warren", "Donald Trump"),
    ("The FAA opened a probe into whether Boeing misled regulators.", "ACCUSE", "Federal Aviation Administration", "Boeing"),
    ("The European Union urged Beijing to lift the curbs.", "REQUEST", "European Union", "China"),
    ("Beijing raised its levies on U.S. imports to 125%.", "SANCTION", "China", "United States"),
    ("The Army has chosen Sikorsky to keep developing the helicopter.", "CONTRACT_AWARD", "United States Army", "Sikorsky"),
    ("Navy picks Austal USA to build two ships", "CONTRACT_AWARD", "United States Navy", "Austal USA"),
    ("The Space Force picked Blue Origin to launch the satellites. Rocket Lab, which had also competed, was eliminated.",
     "CONTRACT_BID", "Rocket Lab", "United States Space Force"),
    ("Kelly Ortberg took over as chief executive in August.", "APPOINT", None, "Kelly Ortberg"),
    ("Ten days after President Donald Trump and Vice President JD Vance criticised Volodymyr Zelensky, aid resumed.",
     "ACCUSE", "Donald Trump", "Volodymyr Zelensky"),
    ("China has banned exports of rare-earth magnets to the United States.", "SANCTION", "China", "United States"),
    ("The Senate confirmed Jane Doe as administrator of NASA. She replaces Bill Nelson, who left the post in January.",
     "DEPART", "Bill Nelson", "NASA"),
    ("The European Commission fined Apple 1.8 billion euros on Monday.", "SANCTION", "European Commission", "Apple"),
    ("ZTE was added to the Commerce Department's entity list in 2016.", "SANCTION", "Commerce Department", "ZTE"),
    ("Anduril and Palantir formed a consortium last year.", "COOPERATE", "Anduril", None),
    ("Boeing and Lockheed Martin formed United Launch Alliance in 2006.", "COOPERATE", "Boeing", None),
    ("The Air Force chose not to award the contract to Boeing, opting instead for Northrop Grumman.", "CONTRACT_AWARD",
     "United States Air Force", "Northrop Grumman"),
    ("Micron received $6.1 billion in grants from the Commerce Department.", "AID", "Commerce Department", "Micron"),
    ("The Justice Department dropped its investigation into Boeing's role in the crashes.", "ACCUSE",
     "Justice Department", "Boeing"),
    ("Space Systems Command on Friday picked SpaceX, United Launch Alliance and Blue Origin for the next phase of the "
     "National Security Space Launch program, handing the three companies task orders worth a combined $13.7 billion.",
     "CONTRACT_AWARD", "Space Systems Command", "Blue Origin"),
    ("President-elect Donald Trump on Thursday named David Sacks, a former PayPal executive who hosted a fundraiser for "
     "him at his San Francisco home in June, as the White House's czar for artificial intelligence.", "APPOINT",
     "Donald Trump", "David Sacks"),
    ("Donald Trump praised Larry Ellison, a billionaire investor who hosted a fundraiser for him in June.", "CONSULT",
     "Donald Trump", "Larry Ellison"),
    ("Meta named Joel Kaplan as its head of global affairs, replacing Nick Clegg, the former British deputy prime "
     "minister, who is leaving the company after six years.", "DEPART", "Nick Clegg", "Meta"),
    ("The FTC cleared Chevron's takeover of Hess on Monday.", "AGREE", "Federal Trade Commission", "Hess"),
    ("The Justice Department approved T-Mobile's merger with Sprint.", "AGREE", "Justice Department", "Sprint"),
    ("Democrats opposed the nomination of Pete Hegseth.", "REJECT", None, "Pete Hegseth"),
    ("The Treasury lent $20 billion to Argentina.", "AID", None, "Argentina"),
    ("Elon Musk bankrolled America PAC last year.", "DONATE", "Elon Musk", "America PAC"),
    ("The Army terminated its contract with Palantir on Friday.", "SANCTION", "United States Army", "Palantir"),
    ("Ted Cruz praised the Federal Communications Commission for approving the merger of Nexstar and Tegna.", "AGREE",
     "Federal Communications Commission", None),
    ("GE Aerospace won a $5 billion engine contract from the Air Force, beating Pratt & Whitney.", "CONTRACT_BID",
     "Pratt & Whitney", "United States Air Force"),
    ("Senator Marsha Blackburn on Sunday struck a compromise with Ted Cruz.", "AGREE", "Marsha Blackburn", "Ted Cruz"),
    ("China stopped deliveries of Boeing jets. The order came days after Beijing raised its own levies on U.S. imports.",
     "SANCTION", "China", "United States"),
    ("Trump imposed 25% tariffs on Mexican and Canadian goods.", "SANCTION", "Donald Trump", "Canada"),
    ("The United States sanctioned Russian banks on Friday.", "SANCTION", "United States", "Russia"),
    ("Elon Musk met Chinese officials in Beijing.", "CONSULT", "Elon Musk", "China"),
    ("Boeing won praise from Donald Trump on Friday.", "SUPPORT", "Donald Trump", "Boeing"),
    ("The Pentagon ordered Lockheed Martin to halt deliveries of the jet.", "REQUEST", "Department of Defense", "Lockheed Martin"),
    ("The White House invited the chief executives of Microsoft, Google and OpenAI to a meeting.", "CONSULT",
     "White House", "OpenAI"),
    ("Senator Elizabeth Warren sent a letter to SpaceX asking about its foreign investors.", "REQUEST",
     "Elizabeth Warren", "SpaceX"),
    ("Boeing executives met FAA officials on Monday. Later the agency barred the planemaker from expanding production.",
     "SANCTION", "Federal Aviation Administration", "Boeing"),
]


ALL_CASES = (VOICE_AND_PARTS_CASES + DEV4_CASES + LEXICON_WIDER_CASES + MORE_BLIND_CASES + CLAUSE_CASES + BLIND_DEV_MORE_CASES + BLIND_DEV_CASES + GROUP_CASES + SHORT_NAME_CASES + PROTEST_DISCOURSE_CASES + LEXICON_DECEMBER_CASES + CONTEXT_CASES + REASSIGN_CASES + AWARD_NOUN_CASES + CASES + GOLD_RULE_CASES + EXTRA_DEV_CASES + LEXICON_CASES + WIRE_CASES + MORE_WIRE_CASES
             + LEXICON_MORE_CASES + LEXICON_LAST_CASES)


@pytest.mark.parametrize("text,type_,actor,recipient", ALL_CASES)
def test_event(extract, text, type_, actor, recipient):
    """One sentence, the event it must give (type, an actor and a recipient among the participants)."""
    ex = extract(text)
    found = [(e.type, sorted(names(e.actors)), sorted(names(e.recipients))) for e in ex.events]
    assert find_event(ex, type_, actor=actor, recipient=recipient) is not None, found


def test_an_unnamed_attacker_keeps_the_event(extract):
    # On 2024-07-15 "the former president" is Donald Trump, whom the sentence names too.
    ex = extract("A gunman shot at the former president during a rally, hours before Elon Musk endorsed Donald Trump.",
                 published="2024-07-15")
    assert find_event(ex, "ASSAULT", recipient="Donald Trump") is not None


def test_a_dated_instance_of_an_act_is_an_event_of_its_own(extract):
    ex = extract("The Federal Aviation Administration fined SpaceX. Elon Musk has repeatedly attacked the regulator, "
                 "last year accusing it of overreach.", published="2025-03-08")
    accusations = [e for e in ex.events if e.type == "ACCUSE"]
    assert len(accusations) == 2
    assert [e.time.value if e.time else None for e in accusations] == [None, "2024"]
    one = extract("Elon Musk attacked the regulator, accusing it of overreach.")
    assert len([e for e in one.events if e.type == "ACCUSE"]) == 1  # one act told twice


def test_the_move_a_reaction_answers_is_the_speakers_before_it(extract):
    ex = extract("President Donald Trump said he would move Space Command to Alabama. He told reporters that mail-in "
                 "voting had been a factor. Colorado Governor Jared Polis condemned the move.", published="2025-09-03")
    assert find_event(ex, "ACCUSE", actor="Jared Polis", recipient="Donald Trump") is not None


def test_a_bid_with_no_body_named_goes_to_the_owner_of_the_contract_named_before(extract):
    ex = extract("The Justice Department reviewed the Army's $2 billion radar contract. Raytheon, which also bid for "
                 "the contract, has hired new lawyers.")
    assert find_event(ex, "CONTRACT_BID", actor="Raytheon", recipient="United States Army") is not None


def test_a_threat_to_ones_own_company_has_no_recipient(extract):
    ex = extract("Elon Musk threatened to start decommissioning SpaceX's Dragon capsule.")
    threat = find_event(ex, "THREATEN", actor="Elon Musk")
    assert threat is not None and not names(threat.recipients)
    other = extract("Donald Trump threatened to cancel contracts held by SpaceX.")
    assert find_event(other, "THREATEN", actor="Donald Trump", recipient="SpaceX") is not None


def test_undoing_anothers_decision_rejects_it_undoing_ones_own_retreats(extract):
    ex = extract("Trump moved the command, reversing a 2023 decision by his predecessor, Joe Biden.")
    assert find_event(ex, "REJECT", actor="Donald Trump", recipient="Joe Biden") is not None
    assert find_event(ex, "RETREAT") is None
    own = extract("The Department of Defense reversed its decision to withhold payments from Lockheed Martin.")
    assert find_event(own, "RETREAT", actor="Department of Defense") is not None


def test_a_venture_formed_is_what_the_partners_made_not_a_party(extract):
    ex = extract("Boeing and Lockheed Martin formed United Launch Alliance in 2006.")
    event = find_event(ex, "COOPERATE", actor="Boeing")
    assert event is not None and "United Launch Alliance" not in names(event.recipients)


def test_a_choice_not_to_award_is_negated_and_the_other_choice_is_not(extract):
    ex = extract("The Air Force chose not to award the contract to Boeing, opting instead for Northrop Grumman.")
    assert find_event(ex, "CONTRACT_AWARD", recipient="Boeing").negated
    northrop = find_event(ex, "CONTRACT_AWARD", recipient="Northrop Grumman")
    assert northrop is not None and not northrop.negated and "Boeing" not in names(northrop.recipients)


def test_what_is_threatened_has_not_happened(extract):
    ex = extract("Donald Trump threatened to impose a 100% tariff on Canada.")
    assert find_event(ex, "THREATEN", actor="Donald Trump", recipient="Canada") is not None
    assert find_event(ex, "SANCTION") is None


def test_grants_received_are_aid_not_a_contract(extract):
    ex = extract("Intel received $7.86 billion in grants from the Commerce Department.")
    assert find_event(ex, "CONTRACT_AWARD") is None
    assert find_event(ex, "AID", actor="Commerce Department", recipient="Intel") is not None


def test_a_programme_is_not_the_maker_of_its_award(extract):
    ex = extract("The GAO sustained Blue Origin's protest of the HLS award.")
    assert find_event(ex, "CONTRACT_PROTEST", actor="Blue Origin") is not None
    assert not [e for e in ex.events if any(a.kind == "Programme" for a in e.actors)]


def test_a_description_in_apposition_is_the_name_it_follows(extract):
    ex = extract("Musk gave money to America PAC, a super PAC backing Donald Trump.")
    support = find_event(ex, "SUPPORT", recipient="Donald Trump")
    assert support is not None and names(support.actors) == {"America PAC"}


def test_those_who_act_during_a_meeting_met(extract):
    ex = extract("Donald Trump criticised Volodymyr Zelensky during a meeting at the White House on Friday.",
                 published="2025-03-03")
    meeting = find_event(ex, "CONSULT")
    assert meeting is not None
    assert names(meeting.actors) | names(meeting.recipients) == {"Donald Trump", "Volodymyr Zelensky", "White House"}


def test_a_contract_ended_is_not_an_award_made_then(extract):
    ex = extract("The Army terminated its contract with Palantir on Friday.")
    assert find_event(ex, "SANCTION", actor="United States Army", recipient="Palantir") is not None
    assert find_event(ex, "CONTRACT_AWARD") is None


def test_a_name_after_a_comma_is_not_a_co_subject(extract):
    ex = extract("In a letter to NASA Administrator Sean Duffy, Representative Don Beyer asked the agency to explain itself.")
    request = find_event(ex, "REQUEST", actor="Don Beyer")
    assert request is not None and names(request.actors) == {"Don Beyer"}


def test_a_bid_told_twice_in_one_sentence_is_one_bid(extract):
    ex = extract("The Army awarded Palantir a $178 million contract. Palantir beat RTX, which had also bid for the program.")
    bids = [e for e in ex.events if e.type == "CONTRACT_BID"]
    assert len(bids) == 1 and names(bids[0].actors) == {"RTX"}  # not the winner Palantir: the award is its


def test_settling_a_lawsuit_is_one_agreement_with_who_sued(extract):
    ex = extract("Paramount agreed to pay $16 million to settle a lawsuit brought by Donald Trump.")
    agreements = [e for e in ex.events if e.type == "AGREE"]
    assert len(agreements) == 1 and names(agreements[0].recipients) == {"Donald Trump"}
    assert find_event(ex, "ACCUSE", actor="Donald Trump", recipient="Paramount") is not None


def test_leaving_rivals_with_nothing_is_no_departure(extract):
    ex = extract("NASA's decision to give SpaceX the only lunar lander contract has left its two rivals with nothing.")
    assert find_event(ex, "CONTRACT_AWARD", actor="NASA", recipient="SpaceX") is not None
    assert find_event(ex, "DEPART") is None


def test_an_open_question_is_hypothetical_not_negated(extract):
    ex = extract("The Air Force has not decided whether to extend Boeing's contract.")
    award = find_event(ex, "CONTRACT_AWARD", recipient="Boeing")
    assert award is not None and not award.negated and award.modality == "hypothetical"
