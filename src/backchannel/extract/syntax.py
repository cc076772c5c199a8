"""Small dependency-parse helpers shared by the event, relation and sourcing rules."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Verbs whose object, not subject, is the doer of an infinitive complement ("urged Trump to meet").
OBJECT_CONTROL = {"urge", "ask", "press", "persuade", "invite", "encourage", "push", "tell", "pressure", "direct", "order",
                  "nominate", "renominate", "name", "appoint", "pick", "select", "tap", "hire", "choose", "elect",
                  "help", "allow", "authorize", "require", "force", "want", "expect", "prompt", "spur", "lead",
                  "drive", "compel", "convince", "cause"}
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "csubj", "parataxis"}


def with_conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("NASA and the Pentagon").

    The small model often parses a list of names "A, B and C" as A with an apposition B that has
    the conjunct C; a proper-noun apposition with conjuncts of its own is read as a list.
    """
    out = [token]
    for conj in token.conjuncts:
        if conj not in out:
            out.append(conj)
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and token.pos_ == "PROPN" and child.conjuncts:
            for tok in (child, *child.conjuncts):
                if tok not in out:
                    out.append(tok)
    return out


def is_passive(verb: Token) -> bool:
    """True when the verb is in the passive voice."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def relative_antecedent(token: Token) -> Token:
    """For 'who'/'which' heading a relative clause, the noun the clause attaches to."""
    if token.lower_ in RELATIVE_PRONOUNS:
        clause = token.head
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The grammatical subjects of a verb, following relative clauses, conjuncts and control."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl") and c.dep_ != "expl"]
    if found:
        out = []
        for tok in found:
            out.extend(with_conjuncts(relative_antecedent(tok)))
        return out
    if depth > 4 or verb.head == verb:
        return []
    head = verb.head
    if verb.dep_ in ("xcomp", "advcl") and head.pos_ in ("VERB", "AUX"):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL and infinitive:
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objs:
                return with_conjuncts(objs[0])
        if verb.dep_ == "xcomp" and is_passive(head):
            return passive_subjects(head)  # "Bezos is expected to meet Trump"
        return subjects(head, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return subjects(head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
        # "filed a lawsuit in the Court of Federal Claims challenging the award": the participle after
        # a phrase of place or manner belongs to the clause's subject, not to the court
        found = subjects(head.head.head, depth + 1)
        if found:
            return found
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if not is_passive(verb) and verb.tag_ != "VBN":
            return [head]
        # "Donald Trump on Thursday named David Sacks ...": a sentence the parser made a name with a
        # reduced relative; a participle with an object of its own and no agent is active
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") or (c.dep_ == "oprd" and c.pos_ == "PROPN")]
        if verb.tag_ == "VBN" and objs and head.dep_ == "ROOT" and head.pos_ == "PROPN" and not agents(verb):
            return [head]
    if verb.dep_ == "amod" and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
        return subjects(head.head, depth + 1)  # "spent $2 million lobbying Congress"
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        if head.lower_ == "for" and head.head.lemma_ in REASON_VERBS:
            # "praised the FCC for approving the deal", "criticised Boeing for failing": the one praised did it
            objs = [c for c in head.head.children if c.dep_ == "dobj"]
            if objs:
                return with_conjuncts(objs[0])
        return subjects(head.head, depth + 1) if head.head.pos_ in ("VERB", "AUX") else []
    return []


# Verbs whose object is the doer of the act their "for" gives as the reason.
REASON_VERBS = {"praise", "thank", "commend", "credit", "applaud", "congratulate", "criticize", "criticise", "blame",
                "fault", "slam", "blast", "attack", "rebuke", "chide", "scold", "fine", "sue", "penalize", "penalise",
                "punish", "sanction", "reward", "hail", "laud", "condemn", "accuse", "castigate", "lambaste"}


def passive_subjects(verb: Token) -> list[Token]:
    """Subjects of a passive verb (the ones acted on)."""
    out = []
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            out.extend(with_conjuncts(relative_antecedent(c)))
    if not out and verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        out.append(verb.head)  # "Blue Origin, founded by Jeff Bezos"
    if not out and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "Hewson will step down and be succeeded by Taiclet": the subject of the first verb
        head = verb.head
        out = passive_subjects(head) if is_passive(head) else subjects(head)
    return out


def agents(verb: Token) -> list[Token]:
    """The 'by' objects of a passive verb (also when the parser hangs 'by' on the object)."""
    out = []
    # also when the parser hangs 'by' on the object or on an 'as' phrase ("sworn in as secretary by Vance")
    attach = [verb] + [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(verb, ("as",))
    for c in (child for node in attach for child in node.children):
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(with_conjuncts(p))
    return out


def prep_objects(token: Token, preps: set[str] | tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions attached to the token ("with Trump", "of Musk")."""
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    out.extend(with_conjuncts(p))
    return out


def prep_objects_of(tokens: list[Token], preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions attached to any of the tokens ("hundreds of demonstrators")."""
    return [p for tok in tokens for p in prep_objects(tok, preps)]


def title_owners(title: Token) -> list[Token]:
    """Whose a title is: "chief executive of Amazon", "head at NASA", "the Navy's top officer"."""
    return prep_objects(title, ("of", "at")) + [c for c in title.children if c.dep_ == "poss"]


def objects(verb: Token) -> list[Token]:
    """Direct and indirect objects of a verb (the parser makes "lobbying Congress" an adjective)."""
    out = []
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and verb.head.pos_ == "PROPN":
        out.extend(with_conjuncts(verb.head))
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") or (c.dep_ == "oprd" and c.pos_ == "PROPN"):  # "named Kelly Ortberg"
            out.extend(with_conjuncts(c))
        elif c.dep_ == "ccomp" and c.pos_ == "NOUN" and c.tag_ in ("NN", "NNS"):
            out.extend(with_conjuncts(c))  # "refused Pentagon demands to lift ...": the model's clause is a noun
    return out


PARTITIVES = {"percent", "%", "half", "some", "most", "all", "part", "parts", "share", "portion", "portions", "many",
              "much", "several", "each", "both", "one"}


def object_lemmas(verb: Token) -> set[str]:
    """Lemmas of a verb's objects, looking through a partitive ("reassign two of the missions",
    "won 60 percent of the launches") to what is counted."""
    out = set()
    for obj in objects(verb) + [c for c in verb.children if c.dep_ == "nsubjpass"]:
        out.add(obj.lemma_.lower())
        if obj.pos_ == "NUM" or obj.lower_ in PARTITIVES:
            out.update(p.lemma_.lower() for p in prep_objects(obj, ("of",)))
    return out


def clause_of(token: Token) -> Token:
    """The verb heading the smallest clause that contains the token."""
    node = token
    for _ in range(40):
        if node.pos_ in ("VERB", "AUX") and node.dep_ in CLAUSE_DEPS | {"advcl"}:
            return node
        if node.head == node:
            return node
        node = node.head
    return node


def sentence_index(token: Token) -> int:
    """The index of the token's sentence in its document (sentence starts are computed once per Doc)."""
    starts = token.doc.user_data.get("backchannel_sentence_starts")
    if starts is None:
        starts = [sent.start for sent in token.doc.sents]
        token.doc.user_data["backchannel_sentence_starts"] = starts
    return bisect_right(starts, token.i) - 1


def sentence_start(doc, index: int) -> int:
    """The first token of the sentence with this index (clamped to the first sentence)."""
    sentence_index(doc[0])  # fills the cache
    return doc.user_data["backchannel_sentence_starts"][max(0, index)]


MEASURED_FROM = {"after", "before", "later", "earlier", "ago", "since"}


def own_time(token: Token) -> bool:
    """True when a time phrase hangs on the word itself ("last year accusing it", "accusing it on Monday")."""
    for c in token.children:
        if c.ent_type_ in ("DATE", "TIME") and c.dep_ in ("npadvmod", "advmod", "tmod"):
            # not a span measured from something else ("two years after it lost the first award")
            edge = c.right_edge.i + 1
            after = c.doc[edge].lower_ if edge < len(c.doc) else ""
            if not any(a.lower_ in MEASURED_FROM for a in c.subtree) and after not in MEASURED_FROM:
                return True
        if c.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ == "pobj"):
            return True
    return False
