"""Word lists the event rules read: lemmas that mark plans, procurement, giving, posts and more."""

from __future__ import annotations

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "once": 1, "twice": 2, "thrice": 3}
PLAN_VERBS = {"plan", "intend", "expect", "schedule", "aim", "hope", "seek", "want", "prepare", "set", "agree",
              "promise", "pledge", "vow", "go", "propose", "arrange"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
# Objects that make "won", "secured", "received" a contract award by themselves ("won 19 missions");
# "received the award" needs a contract word nearby, since most awards in the news are honours.
CONTRACT_OBJECTS = {"contract", "order", "task", "mission", "lane", "deal", "selection", "agreement"}
# Unnamed but real doers: "a gunman shot at", "demonstrators rallied against".
AGENT_NOUNS = {"gunman", "demonstrator", "protester", "protestor", "attacker", "assailant", "hacker", "militant",
               "rebel", "soldier", "troop", "police", "crowd", "activist", "lawmaker", "senator", "official", "group"}
PHYSICAL_TARGETS = {"ship", "vessel", "base", "site", "convoy", "troop", "soldier", "plane", "aircraft", "facility",
                    "building", "embassy", "city", "town", "village", "tanker", "drone", "satellite", "infrastructure"}
COMPOUND_ACTOR_NOUNS = {"investigation", "award", "selection", "nomination", "criticism", "endorsement", "threat"}
# Where a contract protest is heard, not whom it is against: those go to "others".
HONOR_WORDS = {"medal", "prize", "honor", "honour", "title", "degree", "fellowship", "trophy", "citation"}
PROCUREMENT_VERBS = {"build", "launch", "develop", "deliver", "supply", "provide", "design", "operate", "carry", "fly",
                     "manufacture", "produce", "field", "integrate"}
# Verbs whose complement is an act that someone opposes, not one that happened.
OPPOSED_BY = {"object", "oppose", "resist", "protest", "fight", "block", "prevent", "forbid", "bar", "ban", "avoid"}
# Nouns for someone in a role an event gives: a bidder is someone who bids.
ROLE_NOUNS = {"bidder", "contender", "finalist"}
ACQUIRE_VERBS = {"buy", "acquire", "purchase", "merge", "invest", "partner", "license"}
# Prepositions that place an act in the time of a meeting: "said during talks with Xi".
TIME_PREPS = {"during", "at", "after", "before", "following", "in", "on", "since", "ahead"}
# What one leaves when one leaves an office, and the titles that name one.
POST_NOUNS = {"post", "job", "role", "position", "office", "seat"}
OFFICE_TITLES = {"secretary", "administrator", "director", "chief", "head", "chairman", "chairwoman", "chair",
                 "president", "commissioner", "executive", "officer", "leader", "commander", "minister"}
# What aid is given as: "$7.86 billion in grants".
AID_NOUNS = {"grant", "subsidy", "loan", "incentive", "credit", "aid", "assistance", "funding"}
# Trade whose stopping sanctions its destination: "banned deliveries of engines to the United States".
TRADE_FLOWS = {"delivery", "export", "sale", "shipment", "supply", "transfer", "shipping"}
# Verbs whose subject bears a penalty: "Tesla will pay a $20 million penalty".
PAYING_VERBS = {"pay", "incur", "owe", "accept"}
# What a party agrees to give goes to the other party: "agreed to give the U.S. government a stake".
GIVE_VERBS = {"give", "hand", "pay", "sell", "provide", "transfer", "grant", "supply", "offer", "cede", "return"}
# What a letter-writer sends: "sent a letter to SpaceX asking ...".
LETTER_NOUNS = {"letter", "note", "memo", "message", "petition", "email"}
