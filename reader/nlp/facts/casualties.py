"""Casualty facts: how many people were killed and injured ("killing four people and wounding 31")."""

from __future__ import annotations

import re

from reader.document import Document, Fact, Span
from reader.nlp.facts.base import AUX, DASHES, MONTHS, PERSON_NOUNS, WEEKDAYS, Sent
from reader.nlp.facts.roles import ROLE_NOUNS
from reader.nlp.numbers import NumberSpan

# cue word -> (kind, where the count is: "before" the cue, "after" it, or both)
KILLED_BEFORE = frozenset("killed dead died die dies slain perished deaths fatalities drowned executed succumbed martyred"
                          .split())
KILLED_AFTER = frozenset("killing killed kills kill claimed".split())
INJURED_BEFORE = frozenset("injured wounded hurt injuries injured. wounded. hospitalized hospitalised".split())
INJURED_AFTER = frozenset("injuring wounding injured wounded hurting injures wounds".split())
TRIGGERS = ("kill", "dead", "died", "die ", "dies", "death", "slain", "perish", "fatalit", "wound", "injur", "hurt",
            "toll", "drown", "executed", "lives", "hospitali", "risen", "rose", "succumb", "treated", "bodies", "martyr",
            "hospital", "treatment", "body of", "lost his life", "lost her life", "sustained", "suffered")
# "are estimated to have died", "are likely to have been killed", "are presumed dead".
_HEDGES = frozenset("estimated to likely presumed expected understood".split())
_PASSIVE_AUX = frozenset({"were", "was", "been", "are", "is", "be", "being"})
# "were pronounced dead", "were confirmed dead", "was found dead", "are feared dead".
_DECLARED = frozenset("pronounced confirmed found reported declared feared believed presumed".split())
# How the harm was done, between the auxiliary and the cue: "were shot and wounded", "was fatally stabbed".
_MANNER = frozenset("shot stabbed beaten struck hit run attacked and fatally critically seriously badly slightly "
                    "severely mortally".split())
# Singular people a lone "a"/"an" can count: "a 45-year-old man was killed".
_ONE_PERSON = frozenset("man woman boy girl child baby teenager person pedestrian cyclist motorcyclist driver "
                        "passenger resident worker officer soldier student toddler infant journalist".split())


def _one_noun(word: str) -> bool:
    """True for a singular noun naming one person: "man", "shepherd" (a people noun's singular), "commander"."""
    return (word in _ONE_PERSON or (word + "s" in PERSON_NOUNS and not word.endswith("s")) or word in ROLE_NOUNS
            or word in _ONE_MORE or (word.endswith("man") and len(word) > 4 and word.isalpha()))  # "headman"


# One person the lists above lack: "a passer-by", "a security escort".
_ONE_MORE = frozenset("passer-by passerby bystander escort bodyguard co-worker coworker vigilante corporal deckhand "
                      "farmhand".split())


def _one_head(sent: Sent, k: int) -> int:
    """The index of a one-person noun that ends a short noun phrase starting at k, after its modifiers ("34-year-old
    man", "village headman", "Tajik border guard", "crew member"); -1 when there is none."""
    last = -1
    for t in range(k, min(len(sent), k + 5)):
        tag, w = sent.tags[t], sent.lower[t]
        if not (tag.startswith(("JJ", "NN")) or "-old" in w):
            break
        last = t if _one_noun(w) else -1
    return last


# Openings of an aside between a count's people and its verb: "Two men, both aged in their 30s, died".
_ASIDES = frozenset("including among mostly mainly largely both all each aged most many some".split())


def _gap_ok(sent: Sent, n: NumberSpan, cue: int) -> bool:
    """Tokens between a count and a following cue are its people noun phrase and auxiliaries."""
    k = n.end
    if k + 1 < cue and sent.lower[k] == "more" and sent.tags[k + 1].startswith("NN"):
        k += 1  # "Seven more women were being treated in hospital"
    noun_end = min(sent.noun_run(k), cue)
    if noun_end == k and k < cue and sent.tags[k].startswith("JJ") and sent.words[k].islower() and _people_at(sent, k, k + 1):
        noun_end = k + 1  # "left one miner dead": a people noun the tagger took for an adjective
    if noun_end > k:
        if not _people_at(sent, k, noun_end):
            return False
        k = noun_end
        if k < cue and sent.lower[k] in ("aged", "ages"):
            k += 1  # "Two men aged 30 and 35 were killed": the age phrase is part of the noun phrase
            while k < cue and (sent.lower[k] in _AGE_LINKS or sent.lower[k].isdigit()):
                k += 1
    k = _past_participle(sent, n, k, cue)  # "19 pilgrims returning from the festival were injured"
    # "the Castillo family, four of whom were killed"
    if k == n.end and sent.lower[k : k + 2] == ["of", "whom"]:
        k += 2
    # "members of the same family", "people in the car", "two of four men aboard a speedboat": short prepositional
    # tails
    for _ in range(2):
        if not (k < cue and sent.lower[k] in ("of", "in", "on", "from", "inside", "aboard")):
            break
        j = k + 1
        while j < cue and (sent.tags[j].startswith(("DT", "JJ", "NN", "PRP$", "CD")) or sent.words[j][:1].isupper()):
            j += 1
        if not (cue - k <= 7 or j - k <= 4):
            break
        k = _past_participle(sent, n, j, cue)  # "four relatives of detainees travelling to the border were killed"
    # "the 97 fans who died": a relative pronoun right before the cue's auxiliaries
    if k < cue and sent.lower[k] in ("who", "that") and k > n.end:
        k += 1
        if k == cue and sent.count_at(cue + 1) is not None:
            return False  # "Two gunmen who killed five people were arrested": the cue has its own object
        # "Two neighbours who tried to rescue them were treated": a short relative clause, then the auxiliaries
        j = k
        while j < cue and j - k < 7 and sent.lower[j] not in _PASSIVE_AUX and sent.words[j] not in (",", *DASHES):
            j += 1
        if j < cue and j > k and sent.lower[j] in ("were", "was") and sent.tags[k].startswith("VB"):
            k = j
    # "five people - three of them children - died": a parenthetical between dashes
    if k < cue and sent.words[k] in DASHES:
        j = k + 1
        while j < cue and j - k < 10 and sent.words[j] not in DASHES:
            j += 1
        if j < cue:
            k = j + 1
    # ", including two children," / ", both aged in their 30s," parenthetical
    if k < cue and sent.words[k] in ("," , *DASHES) and k + 1 < cue and sent.lower[k + 1] in _ASIDES:
        j = k + 2
        while j < cue and sent.words[j] not in (",", *DASHES):
            j += 1
        k = j + 1 if j < cue else j
    elif k > n.end and k < cue and sent.words[k] == ",":
        k = _past_apposition(sent, k, cue)  # "one crewman, 19-year-old Dang Van Khoa, drowned"
    while k < cue and (sent.lower[k] in AUX or sent.lower[k] in _HEDGES or sent.tags[k] in ("RB", "MD")
                       or (sent.lower[k] in _DECLARED and sent.lower[cue] in ("dead", "killed"))):
        k += 1
    while k < cue and sent.lower[k] in _MANNER and sent.lower[k - 1] != "," and (
            sent.lower[k] != "and" or sent.lower[k - 1] in _MANNER):
        k += 1  # "were shot and wounded" (not "displaced 12 million people and killed tens of thousands")
    return k == cue


def _past_participle(sent: Sent, n: NumberSpan, k: int, cue: int) -> int:
    """Past a participle and its phrase at k that describe a count's people, up to the cue's auxiliaries ("19
    pilgrims | returning from the festival | were injured", "four soldiers | serving with a force in the Gambia |
    were killed"); k when there is none."""
    if k > n.end and k < cue and sent.tags[k] in ("VBG", "VBN") and sent.lower[k] not in AUX and cue - k <= 11:
        j = k + 1
        while j < cue and (sent.tags[j].startswith(("IN", "DT", "JJ", "NN", "PRP$", "CD", "TO")) or sent.words[j][:1].isupper()):
            j += 1
        if j < cue and sent.lower[j] in AUX:
            return j
    return k


# People nouns the shared list lacks: "vigilantes", "passers-by", "a security escort", "his crewmates".
_MORE_PEOPLE = frozenset("vigilantes vigilante passers-by passer-by passerby bystander escort escorts bodyguard guard "
                         "compatriots countrymen comrades companions colleagues "
                         "co-workers co-worker coworkers coworker".split())


def _people_at(sent: Sent, i: int, j: int) -> bool:
    """True when tokens [i, j) name people: the shared test, a plural of what people do ("deminers"), a few more
    ("vigilantes", "passers-by") and lower-case nouns of fellows and men ("crewmates", "headman", "longshoremen")."""
    if j <= i:
        return False
    w = sent.lower[j - 1]
    return (sent.is_personish(i, j) or _agent_plural(sent, j - 1) or w in _MORE_PEOPLE
            or (sent.words[j - 1][:1].isupper() and w.endswith("ists") and len(w) > 6)  # "Maoists", "Islamists"
            or (sent.words[j - 1].islower() and w.endswith(("mates", "man", "men")) and len(w) > 4))


# Tags of a finite verb: a clause between commas ("Three people, police said, were ...") is not an apposition.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _past_apposition(sent: Sent, k: int, cue: int) -> int:
    """After an apposition between commas that starts at the comma k and ends before cue ("one crewman, 19-year-old
    Dang Van Khoa, drowned", "Three people, a gendarme and two protesters, were injured", "63 people, 14 of them
    police officers, had been taken"): the index after its closing comma; k when there is none."""
    j = k + 1
    while j < cue and j - k <= 10 and sent.words[j] != "," and sent.tags[j] not in _FINITE:
        j += 1
    return j + 1 if j < cue and j > k + 1 and sent.words[j] == "," else k


# Endings of plural nouns that name people by what they do ("deminers", "devotees", "spectators", "cyclists").
_AGENT_ENDINGS = ("ers", "ors", "ees", "ists", "ians", "ants", "men")  # "guardsmen", "policemen"


def _agent_plural(sent: Sent, k: int) -> bool:
    """True when token k is a lower-case plural noun naming people by what they do ("deminers", "devotees")."""
    w = sent.lower[k]
    return (sent.tags[k] == "NNS" and sent.words[k].islower() and w.endswith(_AGENT_ENDINGS) and len(w) > 5
            and w not in _KIN_PLURAL and w not in ("mothers", "fathers"))  # kin are counted as a list of people


def _one_person(sent: Sent, cue: int) -> NumberSpan | None:
    """ "A 45-year-old man was killed", "an officer was wounded": a count of one."""
    k = cue
    while k > 0 and sent.lower[k - 1] in _MANNER:
        k -= 1
    if not (k > 0 and sent.lower[k - 1] in _PASSIVE_AUX | {"has", "had"}) and sent.lower[cue] not in ("died", "lost"):
        return None
    life = sent.lower[cue] == "lost"  # "lost his life": whoever the noun names is a person ("a 17-year-old deckhand")
    while k > 0 and sent.lower[k - 1] in AUX:
        k -= 1
    k = _past_age(sent.lower, k)  # "a man in his 50s died", "a woman aged 71 was killed"
    if k > 2 and sent.lower[k - 1] == ",":  # "a reservist, Staff Sgt. Yonatan Alon, 20, from Modiin, had been killed"
        for j in range(k - 2, max(0, k - 16), -1):
            if sent.lower[j] == "," and sent.words[j + 1][:1].isupper() and (
                    sent.lower[j - 1] in _ONE_PERSON or sent.lower[j - 1] + "s" in PERSON_NOUNS):
                k = j
                break
    if k >= 2 and not _one_subject(sent, k - 1):
        k = _past_tail(sent, k)  # "a helicopter pilot working on the fire was killed", "a hiker from Minnesota died"
    if k < 2 or not (_one_subject(sent, k - 1) or life and sent.tags[k - 1] == "NN" and sent.words[k - 1].islower()):
        return None
    j = k - 2
    while j >= 0 and j > k - 5 and (sent.tags[j].startswith("JJ") or "-old" in sent.lower[j]
                                    or (sent.tags[j] == "NNP" and sent.words[j][:1].isupper())
                                    or (sent.tags[j] == "NN" and sent.words[j].islower())):
        j -= 1  # "a 45-year-old man", "a Bangladeshi peacekeeper"
    if any(w in _ORDINALS for w in sent.lower[j + 1 : k]):
        if sent.lower[cue] in INJURED_BEFORE and sent.lower[j] == "a" and sent.lower[j + 1] in _ORDINALS:
            return NumberSpan(j, j + 2, 1)  # "A second guard was wounded": one more person hurt
        return None  # "a third person has died": the ordinal gives the toll
    if j < 0 or sent.lower[j] not in ("a", "an") or (j > 0 and sent.lower[j - 1] not in (
            ",", "said", "that", "when", "after", "and", "which", "whom", "where") and not _opening_time(sent, j)):
        return None
    return NumberSpan(j, j + 1, 1)


_TIME_NOUNS = WEEKDAYS | MONTHS | frozenset("week month year night morning evening afternoon yesterday".split())


def _opening_time(sent: Sent, j: int) -> bool:
    """True when the tokens before j are a sentence-opening time ("Last month a pedestrian died", "On Sunday a",
    "And only last week a driver")."""
    low, i = sent.lower, 0
    while i < 2 and i < j and low[i] in ("and", "but", "only", "just", "then"):
        i += 1
    return 0 < j - i <= 3 and low[j - 1] in _TIME_NOUNS and low[i] in ("last", "on", "in", "this", "yesterday",
                                                                      "that", "the")


def _one_subject(sent: Sent, k: int) -> bool:
    """True for a singular noun at k naming one person as a subject: a known one ("man") or a lower-case noun of
    what someone does ("farmer", "cyclist", "guardian")."""
    w = sent.lower[k]
    return _one_noun(w) or (sent.tags[k] == "NN" and sent.words[k].islower() and len(w) > 5
                            and w.endswith(("er", "or", "ist", "ian")))


_TAIL_TAGS = ("IN", "DT", "JJ", "NN", "CD", "PRP", "VBG", "VBN", "TO", "POS")  # "a guard escorting them"


def _past_tail(sent: Sent, k: int) -> int:
    """Where a one-person noun ends before a short phrase that ends at k ("pilot | working on the fire",
    "hiker | from Minnesota"); k when there is none."""
    for j in range(k - 1, max(1, k - 8), -1):
        if not sent.tags[j].startswith(_TAIL_TAGS) or sent.lower[j] in AUX:
            return k
        if _one_noun(sent.lower[j - 1]) and (sent.tags[j] in ("IN", "VBG", "VBN")) and sent.lower[j] not in ("of", "and"):
            return j
    return k


_DECADES = re.compile(r"^(?:\d0s|(?:twen|thir|for|fif|six|seven|eigh|nine)ties|teens)$")


def _past_age(low: list[str], k: int) -> int:
    """The token index before an age phrase ending at k ("in his 50s", "in her early twenties", "aged 71",
    ", 34,"); k when there is none."""
    j = k
    if j > 0 and low[j - 1] == ",":
        j -= 1
    if j >= 3 and _DECADES.match(low[j - 1]):
        i = j - 1
        if low[i - 1] in ("early", "late", "mid"):
            i -= 1
        if i >= 2 and low[i - 1] in ("his", "her", "their") and low[i - 2] == "in":
            return i - 2
    if j >= 2 and low[j - 1].isdigit() and low[j - 2] in ("aged", "of") and (low[j - 2] == "aged" or _one_noun(low[j - 3])):
        j -= 2  # "a woman aged 71", "a man of 70"
        return j - 1 if j > 0 and low[j - 1] == "," else j
    return k


# A person's relatives and companions, counted in "a woman and her two daughters".
_KIN = frozenset("wife husband son daughter mother father brother sister child baby grandson granddaughter "
                 "grandmother grandfather nephew niece cousin uncle aunt friend colleague partner fiancee fiance "
                 "companion".split())
_KIN_PLURAL = frozenset("sons daughters children brothers sisters grandchildren friends colleagues relatives "
                        "nephews nieces cousins parents siblings companions".split())


def _people_list(sent: Sent, cue: int) -> NumberSpan | None:
    """The count of a list of people before a cue's auxiliaries: "a woman and her two daughters were killed"
    (3), "a man, his wife and their son died" (3)."""
    low = sent.lower
    k = cue
    while k > 0 and (low[k - 1] in AUX or low[k - 1] in _MANNER):
        k -= 1
    total, parts, j = 0, 0, k
    joined = -1  # where the list stood before the last "and"/"," was taken in
    while j > 0:
        head = low[j - 1]
        i = j - 1
        if _one_noun(head) or head in _KIN:
            while i > 0 and (sent.tags[i - 1].startswith("JJ") or "-old" in low[i - 1] or (
                    sent.tags[i - 1].startswith("NN") and not _one_noun(low[i - 1]) and low[i - 1] not in _KIN)):
                i -= 1  # "a 34-year-old man", "a police sergeant", "a Tajik border guard"
            if i == 0 or low[i - 1] not in ("a", "an", "his", "her", "their", "one"):
                return None
            total, i = total + 1, i - 1
        elif head in _KIN_PLURAL or (head.endswith("s") and sent.is_personish(i, i + 1)):  # "her two daughters"
            while i > 0 and (sent.tags[i - 1].startswith("JJ") or sent.tags[i - 1] == "NNP" and sent.words[i - 1][:1].isupper()):
                i -= 1  # "two Guinean soldiers"
            num = sent.number_ending_before(i)
            if num is None:
                return None
            total, i = total + num.value, num.start
            if i > 0 and low[i - 1] in ("his", "her", "their"):
                i -= 1
        else:
            if joined >= 0:
                j = joined  # the word before "and" is not another person: the list ended there
            break
        parts += 1
        j = i
        joined = -1
        if j > 0 and low[j - 1] in ("and", ","):
            joined = j
            j -= 1
            if j > 0 and low[j - 1] == ",":
                j -= 1
            continue
        break
    if parts < 2 or j in sent.used:
        return None
    if j > 0 and low[j - 1] not in (",", "said", "that", "when", "after", "and", "while", "as", "which", "whom"):
        return None
    return NumberSpan(j, k, total)


# Injury phrases a count of people comes before: "14 of whom were taken to hospital with injuries",
# "left 14 passengers with minor injuries", "were treated for minor injuries".
_INJURY_GAP = frozenset("of whom who were was had have has been being later also then all taken treated admitted rushed "
                        "airlifted flown brought rescued pulled evacuated alive out , to a the hospital hospitals local nearby with for "
                        "sustained suffered received "
                        "minor serious critical severe multiple various life-threatening non-life-threatening "
                        "light slight head burn gunshot stab and in varying varied degrees from".split())


def _injuries_count(sent: Sent, cue: int) -> NumberSpan | None:
    """The people count of "injuries" at cue: "14 of whom were taken to hospital with injuries", "left 14
    passengers with minor injuries", "Fourteen passengers were treated for minor injuries"."""
    low = sent.lower
    if cue == 0 or low[cue - 1] in ("no", "their", "his", "her", "its", "of") and low[cue - 2 : cue - 1] not in (
            ["with"], ["degrees"]):
        return None
    for n in reversed(sent.numbers):
        if n.end > cue or cue - n.end > 14 or n.start in sent.used or sent.is_year_token(n):
            continue
        k = min(sent.noun_run(n.end, limit=3), cue)
        if k == n.end and low[k : k + 1] == ["of"] and low[k + 1 : k + 2] != ["whom"] and _of_people(sent, n):
            k = min(_of_end(sent, n.end), cue)  # "four of his soldiers sustained injuries"
            while k > n.end and sent.tags[k - 1].startswith("VB"):
                k -= 1
            if k <= n.end + 1:
                return None
        while k > n.end and sent.tags[k - 1].startswith("VB"):
            k -= 1  # "14 sustained injuries", "people sustained injuries": the verb is not part of the noun
        if k > n.end and not (sent.is_personish(n.end, k) or _agent_plural(sent, k - 1)):
            return None
        if k == n.end and low[k : k + 2] != ["of", "whom"] and not (k < cue and (low[k] in AUX or low[k] in (
                "sustained", "suffered", "received"))):
            return None
        if n.start > 0 and low[n.start - 1] in ("no", "not"):
            return None
        if all(w in _INJURY_GAP or sent.tags[t].startswith("JJ") or sent.tags[t] == "NNP" and sent.words[t][:1].isupper()
               or low[t - 2 : t] == ["from", "the"]  # "rescued from the debris with serious injuries"
               for t, w in enumerate(low[k:cue], start=k)) and (
                "with" in low[k:cue] or "for" in low[k:cue] or
                                                          "sustained" in low[k:cue] or "suffered" in low[k:cue]):
            return n
        return None
    return None


# What a person sustains or suffers when hurt: "sustained burns and shrapnel wounds", "suffered a broken wrist".
_HARMS = frozenset("injuries injury wounds wound burns burn fractures fracture broken cuts bruises".split())
# Where a clause about the hurt can start: "..., and a guard sustained", "said the driver suffered".
_CLAUSE_OPEN = frozenset({",", ";", "and", "while", "when", "said", "that", "but", "as", "after"})


def _sufferers(sent: Sent, c: int) -> NumberSpan | None:
    """The people who "sustained"/"suffered" an injury at c: a count ("the other five sustained burns", "two of
    his companions sustained gunshot injuries", "One of them had suffered a broken wrist") or one person named
    by a noun phrase ("a jawan sustained injuries", "the driver of their vehicle sustained bullet injuries")."""
    n = _before_count(sent, c)
    if n is not None:
        return n
    low = sent.lower
    k = c
    while k > 0 and (low[k - 1] in AUX or sent.tags[k - 1] == "RB"):
        k -= 1  # "had suffered", "also sustained"
    if k >= 3 and low[k - 2 : k] == ["of", "them"]:
        return _of_them(sent, c)  # "One of them had suffered"
    for j in range(k - 2, max(-1, k - 9), -1):
        if low[j] not in ("a", "an", "the") or j in sent.used:
            continue
        h = _one_head(sent, j + 1)
        if h < 0:
            continue
        t = h + 1  # "the driver | of their vehicle": a short tail of where the person was
        if t < k and low[t] in ("of", "in", "on", "aboard", "from"):
            t += 1
            while t < k and sent.tags[t].startswith(("DT", "PRP$", "JJ", "NN")):
                t += 1
        if t == k and (j == 0 or low[j - 1] in _CLAUSE_OPEN):
            return NumberSpan(j, j + 1, 1)
        return None
    return None


def _of_them(sent: Sent, c: int) -> NumberSpan | None:
    """The count of "N of them" right before the auxiliaries of the cue at c ("Six of them were being treated");
    a hospital's part of an injured count told before is dropped later (`_part`)."""
    low = sent.lower
    k = c
    while k > 0 and (low[k - 1] in AUX or sent.tags[k - 1] == "RB"):
        k -= 1
    if k < 3 or low[k - 2 : k] != ["of", "them"]:
        return None
    m = sent.number_ending_before(k - 2)
    if m is None or m.start in sent.used or not (m.start == 0 or low[m.start - 1] in _CLAUSE_OPEN):
        return None
    return m


def _before_count(sent: Sent, cue: int) -> NumberSpan | None:
    """The count for a cue whose number comes first: "Two people were killed", "left nine dead"."""
    best = None
    for n in sent.numbers:
        if n.end > cue or cue - n.end > (16 if sent.lower[n.end : n.end + 3] == ["of", "whom", ","] else 12) \
                or n.start in sent.used:
            continue  # "one of whom, <a name and where he was from>, later died": an apposition may be long
        if n.start >= 2 and sent.lower[n.start - 1] == "of" and sent.lower[n.start - 2] in ("bodies", "remains") \
                and not _RECOVERED.intersection(sent.lower[max(0, n.start - 6) : n.start]):
            continue  # "returned the bodies of 12 soldiers killed in fighting": a handover, not a toll
        if sent.is_year_token(n) or (n.start > 0 and sent.words[n.start - 1] in ("$", "£", "€")):
            continue
        if _age_of(sent, n):
            continue  # "A man of 70 was killed": an age, not a count
        if n.start > 1 and sent.tags[n.start - 1] == "NNP" and sent.words[n.start - 1][:1].isupper() \
                and sent.words[n.start][:1].isdigit():
            continue  # "a crash on Interstate 270 killed five": the number names a road, a flight, a room
        if n.end < len(sent) and sent.words[n.end] in ("%", "-", "–"):
            continue
        if n.end < len(sent) and sent.lower[n.end] in ("of", "years", "year", "days", "hours", "weeks", "months") \
                and not _of_people(sent, n):
            continue
        if best is not None and sent.lower[n.start - 1] == "of" and n.start - best.end <= 4:
            continue  # "eleven members of two families were injured": the count is the first one
        if _gap_ok(sent, n, cue):
            best = n
    return best


# Words inside an age phrase between its numbers: "aged between 20 and 40", "aged 30 to 35".
_AGE_LINKS = frozenset({"and", "or", "to", "between", "from", "-", "–"})


def _age_of(sent: Sent, n: NumberSpan) -> bool:
    """True for a number that gives an age: "a woman aged 71", "aged between 20 and 40", "A woman, 34, was killed",
    "a man of 70" (no people noun follows it)."""
    low = sent.lower
    j = n.start
    while j > 0 and (low[j - 1] in _AGE_LINKS or low[j - 1].isdigit()):
        j -= 1
    if j > 0 and low[j - 1] in ("aged", "ages"):
        return True  # "a woman aged 71", "two men aged 30 and 35", "people aged between 20 and 40"
    if 2 <= n.start and low[n.start - 1] == "," and low[n.end : n.end + 1] == [","] and (
            _one_noun(low[n.start - 2]) or sent.words[n.start - 2][:1].isupper()):
        return True  # "A woman, 34, was killed", "Ana Ruiz, 34, died"
    return (n.start >= 2 and low[n.start - 1] == "of" and _one_noun(low[n.start - 2])
            and sent.noun_run(n.end) == n.end)


def _of_people(sent: Sent, n: NumberSpan) -> bool:
    """True for a count followed by "of" that still counts people: "two of his siblings", "the family, four of
    whom were killed"."""
    low, e = sent.lower, n.end
    if low[e + 1 : e + 2] in (["his"], ["her"], ["their"], ["its"], ["our"]) and e + 2 < len(sent):
        return _people_at(sent, e + 2, e + 3) or low[e + 2] in _KIN_PLURAL  # "six of its fighters"
    if low[e : e + 1] == ["of"] and (m := sent.count_at(e + 1)) is not None and m.value > n.value:
        return sent.noun_run(m.end) > m.end and _people_at(sent, m.end, sent.noun_run(m.end))  # "two of four men"
    if low[e : e + 2] == ["of", "the"] and e + 2 < len(sent) and low[e + 2] not in ("victims", "dead", "injured"):
        # "Three of the survivors were injured", "Two of the Filipino crewmen sustained injuries" (not "one of the
        # workers killed in October": a part of a toll): the count is the subject of a finite verb
        return any(_people_at(sent, e + 2, j) and low[j] in _SUBJECT_VERBS
                   for j in range(e + 3, min(max(sent.noun_run(e + 2, limit=3), e + 3), len(sent) - 1) + 1))
    return low[e : e + 2] == ["of", "whom"] and "," in low[max(0, n.start - 2) : n.start]


# Finite verbs right after "N of the <people>": the count is their subject.
_SUBJECT_VERBS = frozenset("were was had have sustained suffered received died drowned perished".split())


def _as_was(sent: Sent, c: int, n: NumberSpan) -> NumberSpan:
    """The count n of a passive cue at c grown by ", as was a Tajik civilian" / ", as were two others"."""
    low = sent.lower
    if low[c + 1 : c + 3] != [",", "as"] or low[c + 3 : c + 4] not in (["was"], ["were"]):
        return n
    k = c + 4
    if low[k : k + 1] in (["a"], ["an"]) and k not in sent.used:
        return NumberSpan(n.start, n.end, n.value + 1)
    more = sent.count_at(k)
    if more is not None and more.start not in sent.used:
        sent.used.update(range(more.start, more.end))
        return NumberSpan(n.start, n.end, n.value + more.value)
    return n


def _of_end(sent: Sent, k: int) -> int:
    """Where "of his soldiers" / "of them" / "of the survivors" starting at k ends."""
    j = k + 1
    while j < len(sent) and sent.tags[j].startswith(("PRP", "DT", "CD", "JJ")):
        j += 1
    return max(j, min(sent.noun_run(j), len(sent)))


def _after_count(sent: Sent, cue: int) -> NumberSpan | None:
    """The count after an active cue: "killing four people", "wounded at least 31 others"."""
    k = cue + 1
    if k < len(sent) and sent.lower[k] in ("and", "or") and k + 1 < len(sent) and sent.lower[k + 1] in INJURED_AFTER | KILLED_AFTER:
        return None  # "killed and wounded 12": ambiguous
    if k + 1 < len(sent) and sent.lower[k] in ("him", "her") and sent.lower[k + 1] in (",", ".", ";", "and", "instantly") \
            and k not in sent.used:
        return NumberSpan(k, k + 1, 1)  # "an old landmine exploded beneath a shepherd, killing him and injuring ..."
    if k + 1 < len(sent) and sent.lower[k] in ("his", "her", "their", "its"):
        if (sent.lower[k + 1] in _KIN or _one_noun(sent.lower[k + 1])) and k + 1 not in sent.used:
            return _more_objects(sent, NumberSpan(k, k + 2, 1))  # "wounded his son", "killing its pilot"
        k += 1  # "injuring her two daughters"
    if k + 1 < len(sent) and sent.lower[k] == "all" and sent.words[k + 1][:1].isdigit():
        k += 1  # "killing all 176 people on board": the count after "all"
    n = sent.count_at(k)
    if n is None and k + 1 < len(sent) and sent.lower[k] == "a" and sent.lower[k + 1] in _ORDINALS \
            and k not in sent.used and sent.lower[k + 2 : k + 3] != ["of"]:
        return NumberSpan(k, k + 2, 1)  # "shot dead two smugglers and wounded a third"
    if n is None and k < len(sent) and sent.lower[k] in ("a", "an"):
        one = _one_object(sent, k)
        return None if one is None else _more_objects(sent, one)
    if n is None and k + 1 < len(sent) and sent.lower[k] == "the" and _one_noun(sent.lower[k + 1]) \
            and k not in sent.used and not (k + 2 < len(sent) and sent.tags[k + 2].startswith("NN")):
        return _more_objects(sent, NumberSpan(k, k + 1, 1))  # "killing the driver and injuring four passengers"
    if n is None or n.start in sent.used:
        return None
    e = n.end
    if e < len(sent) and sent.words[e] in ("%", "-", "–"):
        return None
    if e < len(sent) and sent.lower[e] == "of" and (_of_people(sent, n) or sent.lower[e + 1 : e + 2] == ["them"]):
        return n  # "shot dead three of their colleagues", "killing three of them"
    if e < len(sent) and sent.lower[e] in ("years", "year", "days", "hours", "times", "of", "minutes"):
        return None
    noun_end = sent.noun_run(e)
    if noun_end > e and not sent.people_prefix(e, noun_end) and sent.lower[noun_end - 1] not in _KIN_PLURAL \
            and not _agent_plural(sent, noun_end - 1):  # "injured two Ecuadoran deminers"
        return None  # "killed 7,600 people last year": the people noun may come before the run's end
    return n


def _alive_but(sent: Sent, cue: int) -> NumberSpan | None:
    """The subject count of "... were pulled out alive but injured": "Two more", "three others", "four miners"."""
    low = sent.lower
    for n in sent.numbers:
        if n.start > 3 or n.end >= cue or n.start in sent.used or sent.is_year_token(n):
            continue
        k = n.end
        if low[k] in ("more", "others", "other"):
            k += 1
        k = max(k, min(sent.noun_run(k), cue))
        if k < cue and low[k] in ("were", "was") and (k > n.end and (low[k - 1] in ("more", "others")
                                                                     or sent.is_personish(n.end, k))):
            return n
    return None


_SWAPPED = ("exchange", "swap", "brought home", "return home", "returned home", "released", "freed", "prisoners", "pows",
            "captiv", "repatriat")


def _captives_noun(sent: Sent, cue: int) -> bool:
    """True for "wounded" used before people handed over in a swap ("25 severely wounded servicemen")."""
    return (cue + 1 < len(sent) and sent.is_personish(cue + 1, cue + 2)
            and any(w in sent.lowtext for w in _SWAPPED))


def _wounded_after_aux(low: list[str], k: int) -> bool:
    """True when low[k:] is auxiliaries and manner words, then an injured cue ("was seriously wounded")."""
    while k < len(low) and (low[k] in _PASSIVE_AUX or low[k] in _MANNER or low[k] == "had"):
        k += 1
    return k < len(low) and low[k] in INJURED_BEFORE


def _another_one(sent: Sent, cue: int) -> NumberSpan | None:
    """ "a third was seriously wounded" after two deaths: one more person, counted once."""
    k = cue
    while k > 0 and (sent.lower[k - 1] in _MANNER or sent.lower[k - 1] in _PASSIVE_AUX):
        k -= 1
    if k >= 2 and sent.lower[k - 2] == "a" and sent.lower[k - 1] in _ORDINALS and k - 2 not in sent.used:
        return NumberSpan(k - 2, k - 1, 1)
    return None


_LEFT = frozenset({"left", "leaving", "leaves"})


def _left_one(sent: Sent, c: int) -> NumberSpan | None:
    """One person left dead or hurt, named by a noun phrase right before the cue at c: "left a shepherd dead",
    "leaving one dead and a Georgian police officer wounded"."""
    low = sent.lower
    while c > 0 and low[c - 1] in _MANNER and low[c - 1] != "and":
        c -= 1  # "left a girl seriously wounded"
    for j in range(c - 1, max(-1, c - 7), -1):
        if low[j] not in ("a", "an"):
            continue
        if j in sent.used or j == 0 or not _one_noun(low[c - 1]) or not all(
                sent.tags[t].startswith(("JJ", "NN")) or "-old" in low[t] for t in range(j + 1, c)):
            return None
        if low[j - 1] in _LEFT or (low[j - 1] == "and" and _LEFT.intersection(low[max(0, j - 12) : j])):
            return NumberSpan(j, j + 1, 1)
        return None
    return None


def _one_object(sent: Sent, k: int) -> NumberSpan | None:
    """ "killed a 34-year-old man", "wounding an elderly woman": "a"/"an" at k counting one person."""
    if _one_head(sent, k + 1) >= 0 and k not in sent.used:
        return NumberSpan(k, k + 1, 1)  # "killed a 34-year-old man", "wounded a village headman"
    return None


def _more_objects(sent: Sent, one: NumberSpan) -> NumberSpan:
    """A count of one person after a verb, grown by the people listed after it ("killing the pilot and a passenger"
    (2), "killing a woman and her daughter" (2)); `one` itself when no person follows."""
    low, total = sent.lower, one.value
    k = one.start + 1 if low[one.start] in ("a", "an", "the", "his", "her", "their", "its") else one.start
    if low[k : k + 1] and low[k] in _KIN:
        head = k
    else:
        head = _one_head(sent, k)
    if head < 0:
        return one
    end = head + 1
    while end + 2 < len(low) and low[end] == "and":
        j = end + 1
        if low[j] in ("his", "her", "their"):
            j += 1
        more = sent.count_at(j) if low[j] not in ("a", "an", "the") else None
        if more is not None and more.start not in sent.used:  # "a woman and her three children", "two Afghan men"
            stop = sent.noun_run(more.end)
            if stop == more.end or not (_people_at(sent, more.end, stop) or low[stop - 1] in _KIN_PLURAL):
                break
            total, end = total + more.value, stop
            continue
        if low[j] in ("a", "an", "the"):
            j += 1
        if low[j + 1 : j + 2] and low[j + 1] in _KIN and sent.tags[j].startswith(("JJ", "NN")) and low[j] not in _KIN:
            j += 1  # "killing a woman and her teenage son"
        h = j if low[j : j + 1] and low[j] in _KIN else _one_head(sent, j)
        if h < 0 or h in sent.used:
            break
        total, end = total + 1, h + 1
    return NumberSpan(one.start, end, total) if total > one.value else one


def _toll(sent: Sent, cue: int) -> NumberSpan | None:
    """The count of "the death toll rose to 17" / "toll ... at 17" / "the toll from the floods in the
    north rose to 31"."""
    low = sent.lower
    reach = cue + 7
    verb = cue  # the count comes after the toll's verb ("the toll from the M6.9 quake rose to nine")
    bringing = bool(_BRINGING.intersection(low[max(0, cue - 4) : cue]))
    for k in range(cue + 1, min(len(sent) - 1, cue + 24)):
        if low[k] in (",", ".", ";") and not _in_name_list(sent, k):
            break
        if low[k] in _UPDATE or low[k] in ("stood", "stands", "was", "is") or (bringing and low[k] == "to"):
            reach = max(reach, k + 5)  # the verb, "to"/"at", "at least"/"more than", the count
            verb = k
            break
    for n in sent.numbers:
        if verb < n.start <= reach and not sent.is_year_token(n) and n.start not in sent.used:
            if any(sent.lower[t] in (",", ".", ";") and not _in_name_list(sent, t) for t in range(cue + 1, n.start)):
                return None
            if n.end < len(sent) and sent.lower[n.end] in ("%", "percent", "per", "pct") or n.value != int(n.value):
                return None  # "deaths fell 3.1 percent"
            return n
    return None


def _in_name_list(sent: Sent, k: int) -> bool:
    """True for a comma inside a list of names ("parts of Nairobi, Machakos and the Rift Valley")."""
    return (sent.words[k] == "," and 0 < k < len(sent) - 1 and sent.words[k - 1][:1].isupper()
            and sent.words[k + 1][:1].isupper())


_EARLIER = frozenset("initially earlier previously first".split())
_PRIOR = frozenset("earlier previous initial original preliminary".split())
_REPORTS = frozenset("reports report figures figure estimates estimate accounts tallies".split())
_REPORTED = frozenset("put placed stood reported given gave counted said confirmed registered recorded spoken "
                      "spoke".split())


def _earlier_figure(low: list[str]) -> int:
    """Where a sentence gives an earlier figure (-1 if it does not): "had put the toll at 24", "initially reported two deaths",
    "had earlier put the number of injured at 17" (not "Earlier this month, five people were killed")."""
    for k, w in enumerate(low):
        nxt = low[k + 1 : k + 3]
        if w in ("initially", "previously") or (w in _EARLIER and _REPORTED.intersection(nxt)):
            return k
        if w in _PRIOR and nxt[:1] and nxt[0] in _REPORTS:
            return k  # "Initial reports from the district said eight had died", "preliminary figures showed"
        if w == "had" and (_REPORTED.intersection(nxt[:1]) or (nxt[:1] and nxt[0] in _EARLIER and _REPORTED.intersection(nxt))):
            return k
    return -1


_TO_DEATH = frozenset("stabbed shot beaten crushed burned burnt hacked trampled starved frozen mauled".split())
_UPDATE = frozenset("rose risen rising rises climbed climbs jumped jumps increased reached reaches grown grew now "
                    "hit hits topped tops passed mounted".split())
# "bringing the death toll to five", "raising the toll to 31".
_BRINGING = frozenset("bringing brought brings taking took takes pushing pushed raising raised lifting".split())
# A count that continues the previous sentence's incident: "Another 25 soldiers were wounded", "nine others".
_CONTINUING = frozenset({"another", "further", "additional"})
_NUMBER_OF = frozenset({"dead", "deaths", "fatalities", "killed", "victims", "lives"})
_RECOVERED = frozenset("recovered retrieved pulled found discovered".split())
_ORDINALS = {w: k for k, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth".split(), start=2)}
_VICTIMS = frozenset("victim person man woman child boy girl soldier passenger worker resident".split())
_ORDINAL_DEATH = frozenset("died dies succumbed killed dead".split())


def _toll_cue(low: list[str], c: int, after_deaths: bool = False) -> bool:
    """ "death toll", "the toll" in a sentence about deaths (or right after one), "the number of dead", and
    "it had risen to 63" right after a sentence about the toll."""
    w = low[c]
    if w in _FIGURE and c > 0 and low[c - 1] == "the" and (after_deaths or bool(KILLED_BEFORE.intersection(low[:c]))):
        k = c + 2 if low[c + 1 : c + 2] in (["has"], ["had"]) else c + 1
        return low[k : k + 1] != [] and low[k] in _UPDATE and low[k + 1 : k + 2] == ["to"]  # "the figure rose to 32"
    if w == "it" and after_deaths:
        return c + 1 < len(low) and bool(_UPDATE.intersection(low[c + 1 : c + 3]))
    if w == "toll":
        return ("death" in low[max(0, c - 3) : c] or bool(KILLED_BEFORE.intersection(low)) or "dead" in low
                or "bodies" in low or "deceased" in low or after_deaths)
    return w == "number" and _number_of(low, c) >= 0


# Nouns that stand for a toll told just before: "the figure rose to 32", "the tally climbed to 40".
_FIGURE = frozenset({"figure", "tally"})
_NUMBER_OF_INJURED = frozenset({"injured", "wounded", "hurt", "injuries"})


def _number_of(low: list[str], c: int) -> int:
    """For "number" at c: the index of the casualty word of "the number of dead", "the number of people
    confirmed dead", "the number of injured"; -1 if there is none."""
    if c + 2 >= len(low) or low[c + 1] != "of":
        return -1
    for k in range(c + 2, min(len(low), c + 8)):  # "the number of people who lost their lives"
        if low[k] in _NUMBER_OF or low[k] in _NUMBER_OF_INJURED:
            return k
        if low[k] in (",", ".", ";", "rose", "risen", "stood", "is", "was", "has", "had"):
            break
    return -1


# Illnesses people are treated for that no incident caused ("treated for malaria", "chronic illnesses"); an
# incident's "heat-related illness" or "smoke inhalation" is its toll of hurt.
_ILLNESS = frozenset("chronic malaria cholera dengue tuberculosis typhoid diabetes".split())


def extract(sent: Sent, after_deaths: bool = False) -> list[Fact]:
    """Casualty facts in one sentence: a new fact starts when a second incident's count of the same kind appears.
    `after_deaths`: the previous sentence reported deaths or a toll ("The toll rose to three" then continues it)."""
    if not sent.has_cue("casualties.TRIGGERS", TRIGGERS) or not (sent.numbers or "a" in sent.lower or "an" in sent.lower):
        return []
    groups: list[dict[str, NumberSpan | None]] = []
    cur: dict[str, NumberSpan | None] = {"killed": None, "injured": None}
    toll_update = False
    group_toll = False  # the group's deaths are a toll ("the death toll rose to 21")
    ordinal = False  # "a third person has died": the toll counts every death told elsewhere
    moved: dict[int, NumberSpan] = {}  # group id -> the wounded who later died ("wounding two, one of whom later died")
    found_bodies: set[int] = set()  # ids of groups whose deaths are bodies found ("the bodies of two men were found")
    tolled: set[int] = set()  # ids of groups whose deaths are a toll the sentence states
    parts: set[int] = set()  # ids of groups whose injured are "N of <a group>" in hospital
    low = sent.lower
    skip = -1  # a cue already counted by an ordinal that completes the count before it
    for c, w in enumerate(low):
        if c == skip:
            continue
        completes = False
        prev = low[c - 1] if c else ""
        nxt = low[c + 1] if c + 1 < len(sent) else ""
        if nxt == "or" and c + 2 < len(sent) and low[c + 2] in INJURED_BEFORE | KILLED_BEFORE:
            continue  # "killed or injured": cannot split the count
        if prev == "or":
            continue
        kind = ""
        n = None
        is_toll = False
        hospital = w in ("treated", "receiving", "in") or w in _TAKEN  # the count is of people treated or in hospital
        if _toll_cue(low, c, after_deaths):
            at = _number_of(low, c) if w == "number" else c
            kind, n = "injured" if low[at] in _NUMBER_OF_INJURED else "killed", _toll(sent, at)
            if n is None and c >= 3 and low[c - 1] == "the" and _BRINGING.intersection(low[max(0, c - 5) : c - 2]):
                n = sent.count_at(c - 2) if low[c - 3] == "to" else None  # "bringing to 13 the number of people killed"
                if n is not None and (n.start in sent.used or n.end != c - 1):
                    n = None
            if set(low[max(0, c - 3) : c]) & _PRIOR or (
                    set(low[max(0, c - 5) : c]) & _EARLIER and set(low[max(0, c - 5) : c]) & _REPORTED):
                n = None  # "revising an earlier toll of 15", "who had earlier put the death toll at four"
            if n is not None and cur["killed"] is not None and _earlier_figure(low[c - 3 : n.start]) >= 0:
                continue  # "Three people lost their lives; the toll had stood at two": the figure before this one
            is_toll = n is not None
            if is_toll and (_UPDATE.intersection(low[c + 1 : n.start]) or _BRINGING.intersection(low[max(0, c - 4) : c])):
                toll_update = True
        elif w == "death" and prev == "to" and c >= 2 and low[c - 2] in _TO_DEATH:
            kind = "killed"  # "a man was stabbed to death", "two were crushed to death"
            n = _before_count(sent, c - 2) or _one_person(sent, c - 2)
        elif w == "embraced" and nxt == "martyrdom":
            kind, n = "killed", _before_count(sent, c)  # "four soldiers embraced martyrdom"
        elif w == "lost" and low[c + 1 : c + 3] in (["their", "lives"], ["his", "life"], ["her", "life"]):
            kind, n = "killed", _before_count(sent, c) or _people_list(sent, c) or _one_person(sent, c)
        elif w == "bodies" and (_RECOVERED.intersection(low[c + 1 : c + (7 if nxt == "of" else 4)]) or (
                c >= 2 and _RECOVERED.intersection(low[max(0, c - 3) : c]))):  # "the bodies of seven men had been found"
            kind = "killed"  # "17 bodies were recovered", "recovered the bodies of 12 people"
            n = None if prev == "more" else (_before_count(sent, c) or (
                _after_count(sent, c + 1) if nxt == "of" else None))
        elif w in _ORDINALS and prev == "a" and (done := _ordinal_completes(sent, c, cur["killed"])) >= 0:
            kind, n = "killed", NumberSpan(c - 1, c + 1, _ORDINALS[w])  # "Two ... were found dead, and a third ... died"
            completes, skip = True, done
        elif w in _ORDINALS and prev in ("a", "the") and nxt in _VICTIMS and (_ORDINAL_DEATH.intersection(low[c:])
                                                                             or low[c - 3 : c - 1] == ["body", "of"]):
            kind, n = "killed", NumberSpan(c, c + 1, _ORDINALS[w])  # "A fifth victim ... succumbed": the toll is five
            toll_update = ordinal = True
        elif w in ("sustained", "suffered") and _HARMS.intersection(low[c + 1 : c + 5]):
            kind, n = "injured", _sufferers(sent, c)  # "the other five sustained burns", "a guard suffered a broken arm"
        elif w == "injuries" and not (prev == "to" and c >= 2 and low[c - 2] in ("succumbed", "succumbing")):
            kind, n = "injured", _before_count(sent, c) or _injuries_count(sent, c)
        elif w == "treated" and prev in _PASSIVE_AUX and (nxt == "for" or _HOSPITAL.intersection(low[c + 1 : c + 9])):
            kind, n = "injured", _before_count(sent, c)  # "34 others are still being treated at ... Hospital"
            if n is None and _HARMS.intersection(low[c + 1 : c + 10]):
                n = _of_them(sent, c)  # "Six of them were being treated in hospital for minor injuries"
        elif w in _TAKEN and _HOSPITAL.intersection(low[c + 2 : c + 8]) and prev in _PASSIVE_AUX:
            kind, n = "injured", _before_count(sent, c)  # "Another 21 were taken to hospitals"
            if n is not None and low[n.end : n.end + 2] == ["of", "whom"]:
                n = None  # "14 were treated, two of whom were taken to hospital": a part of the injured
        elif w in _TAKEN and "hospital" in low[c + 2 : c + 8]:
            kind, n = "injured", _after_count(sent, c)  # "had taken 11 people to hospital with injuries"
            if n is not None and "to" not in low[n.end : n.end + 4]:
                n = None
        elif w == "in" and nxt in ("hospital", "hospitals") and (prev in _PASSIVE_AUX or prev in _STILL_IN):
            # "Three people have died and 14 others are in hospital", "Twenty others remain in hospital"
            kind, n = "injured", _before_count(sent, c - 1 if prev in _REMAIN else c)
            if n is not None and low[n.end : n.end + 2] in (["of", "whom"], ["of", "them"]):
                n = None  # "71 people were injured, 18 of whom remain in hospital": a part of the injured
        elif w == "receiving" and nxt == "treatment":
            kind, n = "injured", _before_count(sent, c)  # "eight other villagers were receiving treatment"
        elif w in ("injured", "hurt", "wounded") and prev == "but" and c >= 2 and low[c - 2] == "alive":
            kind, n = "injured", _alive_but(sent, c)  # "Two more were pulled from the mud alive but injured"
        elif w == "another" and prev == "and" and cur["killed"] is not None and cur["injured"] is None and (
                nxt in INJURED_BEFORE or nxt in ("was", "had") and _wounded_after_aux(low, c + 1)):
            # "a peacekeeper was killed and another wounded", "a fisherman was shot dead and another was wounded"
            kind, n = "injured", NumberSpan(c, c + 1, 1)
        elif w == "dead" and prev == "shot" and (shot := _after_count(sent, c)) is not None:
            kind, n = "killed", shot  # "gunmen shot dead three of their colleagues"
        elif w in INJURED_BEFORE and _wounded_who_died(sent, c):
            continue  # "two wounded officers died in hospital": the wounded are counted among the dead
        elif w in INJURED_BEFORE and _captives_noun(sent, c):
            continue  # "25 severely wounded POWs return home" in a swap: people handed over, not an incident's toll
        elif w in KILLED_BEFORE or w in INJURED_BEFORE:
            kind = "killed" if w in KILLED_BEFORE else "injured"
            n = _before_count(sent, c)
            if n is None and kind == "injured" and cur["killed"] is not None:
                n = _another_one(sent, c)  # "Two men were killed and a third was seriously wounded"
            if n is not None and n.start > 0 and low[n.start - 1] == "and":
                whole = _people_list(sent, c)  # "a police sergeant and three firefighters were hurt"
                if whole is not None and whole.start < n.start:
                    n = whole
            if n is None and (w in ("killed", "died", "injured", "wounded", "hurt") or (w == "dead" and prev in (
                    "shot", "found"))):
                n = _people_list(sent, c) or _one_person(sent, c)
            if n is None and w in ("dead", "injured", "wounded", "hurt"):
                n = _left_one(sent, c)  # "left a shepherd dead and a police officer wounded"
            if n is None and (w in KILLED_AFTER or w in INJURED_AFTER) and prev not in _PASSIVE_AUX:
                n = _after_count(sent, c)
            if n is not None and prev in _PASSIVE_AUX:
                n = _as_was(sent, c, n)
        elif w in KILLED_AFTER or w in INJURED_AFTER:
            kind = "killed" if w in KILLED_AFTER else "injured"
            n = _after_count(sent, c)
        if w == "claiming" and low[c + 1 : c + 4] == ["the", "lives", "of"]:
            kind, n = "killed", _after_count(sent, c + 3)  # "struck in February, claiming the lives of two people"
        if w == "claimed" and not any(x in low[c + 1 : c + 8] for x in ("lives", "life")):
            n = None
        elif w == "claimed" and n is None and low[c + 1 : c + 4] == ["the", "lives", "of"]:
            n = _after_count(sent, c + 3)  # "claimed the lives of 30 people"
        if n is None:
            continue
        if hospital and kind == "injured" and _ILLNESS.intersection(low[c + 1 : c + 12]):
            continue  # "one nurse was being treated for malaria": the sick are not an incident's hurt
        if n.value == 0:
            continue  # "zero deaths", "0 injured": no one, so no casualty (a goal or a denial, never a toll)
        if n.start > 0 and low[n.start - 1] in ("no", "not") or (n.value == 1 and low[n.start] == "one" and n.start > 0
                                                                 and low[n.start - 1] == "no"):
            continue  # "no one was hurt"
        if hospital and low[n.end : n.end + 1] == ["of"]:
            parts.add(id(cur))  # "six of its citizens were treated": maybe a part of an injured count told before
        if w == "bodies" and kind == "killed" and cur["killed"] is None:
            found_bodies.add(id(cur))
        if kind == "killed" and _wounded_later_died(low, n, cur["injured"]) and id(cur) not in moved:
            moved[id(cur)] = n  # "wounding three others, one of whom later died": moved to the dead below
        elif completes:
            cur["killed"] = n  # "Two ... and a third died": the ordinal is the count of the deaths told
        elif is_toll and cur["killed"] is not None:
            cur["killed"] = n  # "two died, bringing the death toll to three": the toll is the figure
            group_toll = True
            tolled.add(id(cur))
        elif kind == "killed" and group_toll and cur["killed"] is not None and n.value < cur["killed"].value:
            pass  # "the toll rose to 21 after three more victims died": a part of the toll
        elif cur[kind] is not None and _others_after(low, n) and n.start > 0 and low[n.start - 1] == "and" \
                and not {"separate", "another", "elsewhere"}.intersection(low[n.end :]):
            # "a soldier was seriously injured and two others were slightly hurt": one count of three
            cur[kind] = NumberSpan(cur[kind].start, cur[kind].end, cur[kind].value + n.value)
        elif cur[kind] is not None:
            groups.append(cur)  # a second incident in the same sentence
            cur = {"killed": None, "injured": None}
            cur[kind] = n
            group_toll = is_toll
        else:
            cur[kind] = n
            group_toll = group_toll or (is_toll and kind == "killed")
            if is_toll and kind == "killed":
                tolled.add(id(cur))
        if kind == "injured" and low[n.end : n.end + 2] == ["of", "them"]:
            parts.add(id(cur))  # "Five of them had suffered burns": a part of the hurt told before
        if kind == "injured" and n.start > 0 and (low[n.start - 1] == "the" or low[n.start - 2 : n.start] == ["the", "other"]):
            parts.add(id(cur))  # "the two others suffered bruises": the rest of a group told before
        sent.used.update(range(n.start, n.end))
    groups.append(cur)
    for g in groups:
        died = moved.get(id(g))
        if died is not None and id(g) not in tolled and g["injured"] is not None:
            # the wounded who later died are counted with the dead; a toll the sentence states already has them
            k = g["killed"]
            g["killed"] = died if k is None else NumberSpan(k.start, k.end, k.value + died.value)
            g["injured"] = NumberSpan(g["injured"].start, g["injured"].end, g["injured"].value - died.value)
    out = []
    earlier_at = _earlier_figure(low)
    revised_at = _revised_after(low, earlier_at)
    for g in groups:
        if g["killed"] is None and g["injured"] is None:
            continue
        fields = {
            "killed": None if g["killed"] is None else g["killed"].value,
            "injured": None if g["injured"] is None else g["injured"].value,
        }
        if toll_update:
            fields["_update"] = True
        if ordinal:
            fields["_ordinal"] = True
        if earlier_at >= 0 and any(n is not None and earlier_at < n.start < revised_at for n in g.values()):
            fields["_earlier"] = True  # "had put the toll at 24", "initially reported two deaths"
        # (an updated toll "has risen to 38 since last week" is not a running total: an injured count may join it)
        if not toll_update and (_since_long(low) or ("so" in low and "far" in low)
                                or ("total" in low and "a" in low and "toll" not in low)):
            fields["_cumulative"] = True  # "has killed at least 43 people since July": no later injured count joins it
        if any(n is not None and _continues(sent, n) for n in g.values()):
            fields["_continues"] = True
        if id(g) in found_bodies and g["killed"] is not None:
            fields["_bodies"] = True
        if id(g) in parts:
            fields["_part"] = True
        out.append(Fact("casualties", sent.span, fields))
    return out


def _revised_after(low: list[str], earlier_at: int) -> int:
    """Where a sentence that gives an earlier figure turns to the revised one ("initially reported 11 dead | but
    raised the toll to 13"); the sentence's length when it does not."""
    if earlier_at < 0:
        return len(low)
    for k in range(earlier_at + 1, len(low)):
        if low[k] == "but" or (low[k] in _BRINGING and "toll" in low[k + 1 : k + 4]):
            return k
    return len(low)


_CASUALTY_CUES = KILLED_BEFORE | INJURED_BEFORE


def _ordinal_completes(sent: Sent, c: int, killed: NumberSpan | None) -> int:
    """For "a third" at c after a count of deaths one below it ("Two residents were found dead, and a third, an
    elderly woman, died"): the index of the death cue the ordinal goes with; -1 when it does not complete the count."""
    low = sent.lower
    if killed is None or killed.value != _ORDINALS[low[c]] - 1 or killed.end > c:
        return -1
    for k in range(c + 1, min(len(low), c + 14)):
        if low[k] in (".", ";"):
            return -1
        if low[k] in _CASUALTY_CUES:
            return k if low[k] in _ORDINAL_DEATH else -1
    return -1


_DEATH_AFTER = frozenset("died dies succumbed".split())


def _wounded_later_died(low: list[str], n: NumberSpan, injured: NumberSpan | None) -> bool:
    """True for a death count of some of the wounded told just before ("wounding three soldiers near the town, one
    of whom later died"): they were first counted as wounded."""
    return (injured is not None and injured.end <= n.start and n.start - injured.end <= 6
            and low[n.end : n.end + 2] == ["of", "whom"] and n.value < injured.value
            and low[n.start - 1] == "," and not {"and", "while", "but"}.intersection(low[injured.end : n.start]))


def _wounded_who_died(sent: Sent, c: int) -> bool:
    """True for "wounded" naming people who then died ("after two wounded officers died"): not an injured count."""
    low = sent.lower
    return (c + 2 < len(low) and sent.is_personish(c + 1, c + 2) and c > 0 and low[c - 1] not in _PASSIVE_AUX
            and bool(_DEATH_AFTER.intersection(low[c + 2 : c + 5])))


_HOSPITAL = frozenset({"hospital", "hospitals", "institute", "clinic", "infirmary", "centre", "center"})
# Verbs of bringing people to hospital: "were taken to hospital", "rushed 11 people to hospital".
_TAKEN = frozenset("took taken rushed airlifted transported ferried".split())


# Words between "remain" and "in hospital" of people still there.
_STILL_IN = frozenset("remain remained remains still".split())
_REMAIN = frozenset("remain remained remains".split())


def _others_after(low: list[str], n: NumberSpan) -> bool:
    """True when the count at n is followed by "others" / "other people" ("and two others were hurt")."""
    return low[n.end : n.end + 1] == ["others"] or low[n.end : n.end + 1] == ["other"]


def _continues(sent: Sent, n: NumberSpan) -> bool:
    """True for "another 25 soldiers", "a further 12", "nine others", or a count in a sentence that
    looks back at the toll ("Three children were among the dead, and 54 people were injured")."""
    before = sent.lower[max(0, n.start - 2) : n.start]
    after = sent.lower[n.end : n.end + 2]
    return (bool(_CONTINUING.intersection(before)) or "others" in after or after[:1] == ["other"]
            or _LOOKS_BACK.search(sent.lowtext) is not None)


_LOOKS_BACK = re.compile(r"\bamong (?:the|those) (?:dead|killed|victims|injured|wounded)\b|\bthe dead (?:include|included)\b"
                        r"|\bsince the (?:[\w-]+ ){1,2}(?:began|started|struck|hit|broke out)\b")


def _merge_continuations(facts: list[Fact], sents: list[Sent]) -> list[Fact]:
    """Join "20 people were killed." + "Another 25 were wounded." (adjacent, complementary) into one fact."""
    out: list[Fact] = []
    for f in facts:
        prev = out[-1] if out else None
        if prev is not None and f.fields.get("_continues") and not prev.fields.get("_continues"):
            a, b = prev.fields, f.fields
            gap = f.evidence.start - prev.evidence.end
            complementary = all(a[k] is None or b[k] is None for k in ("killed", "injured"))
            if complementary and 0 <= gap <= 3:
                merged = {k: a[k] if a[k] is not None else b[k] for k in ("killed", "injured")}
                merged.update({k: v for k, v in a.items() if k.startswith("_")})
                out[-1] = Fact(prev.kind, Span(prev.evidence.start, f.evidence.end), merged)
                continue
        out.append(f)
    return out


def _carry_injured(facts: list[Fact]) -> list[Fact]:
    """An updated death toll ("the toll has risen to 31") keeps the injured count of the report it updates."""
    out = list(facts)
    for j, f in enumerate(out):
        b = f.fields
        if b["killed"] is None or b["injured"] is not None:
            continue
        for i in range(j - 1, -1, -1) if b.get("_update") else ():
            a = out[i].fields
            if a["killed"] is not None and a["killed"] < b["killed"]:
                if a["injured"] is not None and _same_report(a, b):
                    out[j] = Fact(f.kind, f.evidence, {**b, "injured": a["injured"]})
                break
        else:  # the update told first ("toll rises to 11"), the first figures after ("initially ... 10 dead and 10 injured")
            for g in out[j + 1 :]:
                a = g.fields
                if a.get("_earlier") and a["killed"] is not None and a["injured"] is not None and a["killed"] < b["killed"] \
                        and not a.get("_other") and a.get("_para", 0) - b.get("_para", 0) <= _CARRY_PARAS:
                    out[j] = Fact(f.kind, f.evidence, {**b, "injured": a["injured"]})
                    break
    return out


# How many paragraphs after an updated toll the first figures it revises may be told.
_CARRY_PARAS = 2


def _apart(a: dict, b: dict) -> bool:
    """True when two facts are told of different days and one sentence opens on its day ("On Thursday, a shell
    struck ..." after "... on Friday"): two incidents, not one told twice."""
    return (bool(a.get("_opens_day") or b.get("_opens_day")) and bool(a.get("_days")) and bool(b.get("_days"))
            and a["_days"].isdisjoint(b["_days"]))


def _subsumed(a: dict, b: dict) -> bool:
    """True when fact fields `a` restate part of `b`: every count a gives, b gives with the same value."""
    given = [k for k in ("killed", "injured") if a[k] is not None]
    return bool(given) and all(b[k] == a[k] for k in given)


def _superseded(a: dict, others: list[dict]) -> bool:
    """True when a later report gives every count `a` gives, at least as high."""
    given = [k for k in ("killed", "injured") if a[k] is not None]
    return bool(given) and any(not b.get("_earlier") and all(b[k] is not None and b[k] >= a[k] for k in given)
                               for b in others)


def _same_report(a: dict, b: dict) -> bool:
    """Whether `b` (an update) can revise `a`: an earlier figure, the headline or lede, or the same paragraph."""
    return bool(a.get("_earlier")) or a.get("_para", 0) <= 1 or bool(a.get("_lede")) or a.get("_para") == b.get("_para")


def _resplit_later(a: dict, later: list[dict]) -> bool:
    """True when a later fact counts the same people as `a` after some of the wounded died: both counts given,
    more dead, fewer wounded, the same total."""
    if a["killed"] is None or a["injured"] is None:
        return False
    return any(not b.get("_opens") and b["killed"] is not None and b["injured"] is not None and b["killed"] > a["killed"]
               and b["injured"] < a["injured"] and b["killed"] + b["injured"] == a["killed"] + a["injured"]
               for b in later)


# How many paragraphs from an updated toll bodies found are taken as a part of it.
_BODIES_PARAS = 4


def dedupe(facts: list[Fact]) -> list[Fact]:
    """Drop restated tolls (a headline or later sentence repeating part of a fact) and superseded tolls."""
    keep: list[Fact] = []
    for i, f in enumerate(facts):
        a = f.fields
        restated = False
        for j, g in enumerate(facts):
            if i == j:
                continue
            b = g.fields
            if _subsumed(a, b) and (not _subsumed(b, a) or j < i) and not (_subsumed(b, a) and a.get("_other")) \
                    and not (a.get("_other") and j < i) and not _apart(a, b) \
                    and not (j > i and a.get("_other") and b.get("_opens")):
                restated = True  # b says as much or more; identical facts keep the first unless told as another incident
                break
            # "the death toll has risen to 31" replaces an earlier "24 killed" with no injured count (or, in the same
            # paragraph, a smaller one: "six killed and 42 injured ... the toll had risen to eight ... 53 treated")
            if (b.get("_update") and (j > i or a.get("_earlier"))) and a["killed"] is not None \
                    and b["killed"] is not None and a["killed"] < b["killed"] and (a["injured"] in (None, b["injured"]) or (
                        b["injured"] is not None and a["injured"] < b["injured"] and a.get("_para") == b.get("_para"))) \
                    and _same_report(a, b):
                restated = True
                break
        # "nine killed and 13 wounded" then "the toll at 11 dead and 11 wounded": the same people told again after
        # two of the wounded died (a later report, the same total, more dead and fewer wounded)
        if not restated and _resplit_later(a, [g.fields for g in facts[i + 1 :]]):
            restated = True
        # bodies found ("The bodies of two men have been found") are how an updated toll told near them grew
        if not restated and a.get("_bodies") and a["injured"] is None and not a.get("_other") and any(
                b.get("_update") and b["killed"] is not None and b["killed"] > a["killed"]
                and abs(b.get("_para", 0) - a.get("_para", 0)) <= _BODIES_PARAS for b in (g.fields for g in facts)):
            restated = True
        # an earlier figure ("had earlier put the number of injured at 17") gives way to a later report
        # that gives the same counts, at least as high ("injured 21")
        if not restated and a.get("_earlier") and _superseded(a, [g.fields for j, g in enumerate(facts) if j != i]):
            restated = True
        # a headline rounds the figures the body gives ("over 130 injured" for 134): same deaths, no fewer injured
        if not restated and a.get("_head") and any(
                _superseded(a, [b]) and not _subsumed(b, a) and not _apart(a, b)
                and any(a[k] is not None and a[k] == b[k] for k in ("killed", "injured"))
                for b in (g.fields for g in facts[i + 1 :])):
            restated = True
        if not restated:
            keep.append(f)
    return [Fact(f.kind, f.evidence, {k: v for k, v in f.fields.items() if not k.startswith("_")}) for f in keep]


_ABOUT_DEATHS = frozenset({"toll", "tolls", "deaths", "dead", "killed", "died", "deceased"})


# How long the lede's first sentence is at least, in tokens (a standfirst or subhead is shorter).
_LEDE_TOKENS = 25


def run_all(doc: Document, sents: list[Sent]) -> list[Fact]:
    """All casualty facts in a document, restatements removed."""
    found: list[tuple[int, Fact]] = []
    para = 0
    lede = -1  # the paragraph of the first full sentence of the body (after a headline, standfirst, byline)
    for i, s in enumerate(sents):
        if i and "\n" in doc.text[sents[i - 1].span.end : s.span.start]:
            para += 1
        if lede < 0 and i and len(s) >= _LEDE_TOKENS:
            lede = para
        after_deaths = bool(i) and not _ABOUT_DEATHS.isdisjoint(sents[i - 1].lower)  # words: "deadline" is not "dead"
        try:
            facts = extract(s, after_deaths)
        except (IndexError, ValueError):
            continue
        if not facts:
            continue  # what follows only marks this sentence's facts
        opens = _other_incident(s) or bool(found) and _other_time(sents[found[-1][0]], s)
        other = opens or _past_year(s)
        days = WEEKDAYS.intersection(s.lower)
        opens_day = bool(days) and bool(WEEKDAYS.intersection(s.lower[:2]))
        had_been = _pluperfect(s)
        for f in facts:
            f.fields["_para"] = para
            f.fields["_lede"] = para == lede
            f.fields["_days"] = days
            f.fields["_opens_day"] = opens_day
            f.fields["_head"] = i == 0
            f.fields["_had_been"] = had_been
            if other:
                f.fields["_other"] = True
            if opens:
                f.fields["_opens"] = True  # the sentence opens on another incident ("Separately", "In May", "Weeks earlier")
            found.append((i, f))
    found = _drop_partial_tolls(_drop_breakdowns(_drop_before_ordinal(found), sents))
    out = _merge_nearby(_merge_continuations([f for _, f in found], sents), found, sents)
    return dedupe(_carry_injured(out))


# Openings of a sentence about another incident: "Separately, ...", "Elsewhere, ...", "In a separate attack".
_OTHER_INCIDENT = frozenset("separately elsewhere meanwhile earlier previously last also further separate later "
                            "hours days weeks months moments".split())
_PLACES_AWAY = frozenset({"elsewhere", "separately", "meanwhile"})
_EVENT_NOUNS = frozenset("attack incident strike blast explosion accident crash raid clash shooting fire".split())
# Phrases that split a toll already given: "11 passengers died on the spot, while two others succumbed".
_BREAKDOWN = ("on the spot", "at the scene", "on arrival", "succumbed", "later died", "died later", "instantly",
              "in hospital", "of them", "already", " more were ", "more bodies", "of the dead")


def _other_incident(sent: Sent) -> bool:
    """True when a sentence opens on another incident ("Separately, ...", "In a separate attack ...")."""
    low = sent.lower
    if low[:1] and low[0] in _OTHER_INCIDENT or _PLACES_AWAY.intersection(low[:2]):
        return True  # "Separately, ...", "Earlier, ...", "Elsewhere ..."
    if "separate" in low[:4] or any(a == "another" and b in _EVENT_NOUNS for a, b in zip(low[:4], low[1:5])):
        return True  # "In a separate attack", "In another incident"
    # "In Sumy, five people were injured", "In the southern Kherson region, ...": it opens on another place
    words = sent.words
    if len(words) > 3 and low[0] in ("in", "at", "near", "outside") and "," in words[2:8]:
        comma = words.index(",", 2)
        return any(w[:1].isupper() for w in words[1:comma])
    if len(words) > 4 and low[:2] == ["on", "the"] and "," in words[3:7]:  # "On the Malian side, ..."
        return low[words.index(",", 3) - 1] in ("side", "front", "border", "frontier")
    return False


def _past_year(sent: Sent) -> bool:
    """True when a sentence names a year not as the start of a period ("the November 2021 riots, which left three
    people dead"; not "since 2019"): an incident of another year."""
    return any(sent.is_year_token(n) and not (n.start > 0 and sent.lower[n.start - 1] in ("since", "of"))
               for n in sent.numbers)


_TIME_WORDS = WEEKDAYS | MONTHS | {"yesterday", "last"}
# Words that may open a sentence's time phrase without a comma after it ("And on May 5 a boat capsized").
_TIME_OPENERS = frozenset({"on", "in", "last", "yesterday", "early", "late"})


def _time_marks(low: list[str], lo: int, hi: int) -> set[str]:
    """The time words of low[lo:hi], with a month and its day as one more mark ("may 5")."""
    marks = set(_TIME_WORDS.intersection(low[lo:hi]))
    for k in range(lo, min(hi, len(low)) - 1):
        if low[k] in MONTHS and low[k + 1].isdigit():
            marks.add(f"{low[k]} {low[k + 1]}")
        elif low[k].isdigit() and low[k + 1] in MONTHS:
            marks.add(f"{low[k + 1]} {low[k]}")
    return marks


def _opening_end(low: list[str], k: int) -> int:
    """Where the time phrase a sentence opens on ends: at its comma ("On Sunday, ..."), or after a short phrase
    of a preposition, time words and a day without one ("And on May 5 a boat ..."); k when there is none."""
    if "," in low[k : k + 6]:
        return low.index(",", k)
    if k < len(low) and low[k] in _TIME_OPENERS:
        j = k + 1
        while j < len(low) and j - k < 5 and (low[j] in _TIME_WORDS or low[j].isdigit() or low[j] == "the"):
            j += 1
        if j > k + 1:
            return j
    return k


def _other_time(first: Sent, later: Sent, untimed: bool = False) -> bool:
    """True when a sentence opens on a time other than the one the earlier sentence names ("Last month, ... six
    fighters were killed." then "And on Sunday, two police officers were wounded"; "on May 3" then "And on May
    5"; "The 2015 clashes killed 40" then "On Saturday, three were wounded"): another incident. "By Tuesday
    night ..." tells how the same incident went on. `untimed`: also when the earlier sentence names no time ("two
    rangers were killed in an ambush" then "On Monday night, a gunman wounded a village chief")."""
    low = later.lower
    k = 1 if low[:1] and low[0] in ("and", "but") else 0
    if low[k : k + 1] == ["by"]:
        return False
    end = _opening_end(low, k)
    times = _time_marks(low, k, end)
    named = _time_marks(first.lower, 0, len(first))
    days, named_days = {t for t in times if " " in t}, {t for t in named if " " in t}
    if days and named_days:
        return days.isdisjoint(named_days)
    if times and not named and _past_year(first) and not any(later.is_year_token(n) for n in later.numbers):
        return True  # the earlier sentence is about another year
    return bool(times) and (bool(named) or untimed) and times.isdisjoint(named)


# How many paragraphs from an ordinal toll ("A fourth man died") the deaths it counts are told.
_ORDINAL_PARAS = 2


def _drop_before_ordinal(found: list[tuple[int, Fact]]) -> list[tuple[int, Fact]]:
    """Drop deaths-only counts below an ordinal toll of the same incident ("A third person has died" ...
    "police said two people had died"): the ordinal counts them."""
    tolls = [(f.fields["killed"], f.fields.get("_para", 0)) for _, f in found
             if f.fields.get("_ordinal") and not f.fields.get("_other")]
    if not tolls:
        return found
    return [(i, f) for i, f in found if f.fields.get("_ordinal") or f.fields.get("_other") or f.fields["injured"] is not None
            or f.fields["killed"] is None
            or not any(f.fields["killed"] < top and abs(f.fields.get("_para", 0) - para) <= _ORDINAL_PARAS
                       for top, para in tolls)]


def _drop_breakdowns(found: list[tuple[int, Fact]], sents: list[Sent]) -> list[tuple[int, Fact]]:
    """Drop counts that split a toll given just before ("Thirteen people died ... 11 passengers died on the
    spot, while two others succumbed to their injuries"): deaths no more than the toll, within 3 sentences and
    the same or the next paragraph. Bodies recovered ("recovered seven bodies overnight and two more") are not
    above the toll they make up; people taken to hospital while "the others were treated at the scene" are a
    part of an injured count told up to two paragraphs before."""
    out: list[tuple[int, Fact]] = []
    for i, f in found:
        a = f.fields
        part = False
        if a["killed"] is not None and a["injured"] is None and not a.get("_other"):
            k = a["killed"]
            bodies = _bodies_recovered(sents[i].lower)
            part = (bodies or any(c in sents[i].lowtext for c in _BREAKDOWN)) and any(
                j < i and i - j <= 3 and g.fields["killed"] is not None
                and (g.fields["killed"] > k or (bodies and g.fields["killed"] == k))
                and a.get("_para", 0) - g.fields.get("_para", 0) <= 1 for j, g in out)
        elif a["injured"] is not None and a["killed"] is None and not a.get("_other") and (
                not a.get("_continues") or a.get("_part")):
            part = not a.get("_continues") and _INJURED_REST.search(sents[i].lowtext) is not None and any(
                j < i and i - j <= 3 and g.fields["injured"] is not None and g.fields["injured"] > a["injured"]
                and a.get("_para", 0) - g.fields.get("_para", 0) <= 2 for j, g in out)
            # "six of its citizens were treated for gunshot wounds" after "wounded 11": a part of the injured
            part = part or bool(a.get("_part")) and any(
                j < i and g.fields["injured"] is not None and g.fields["injured"] > a["injured"]
                and not g.fields.get("_other") and a.get("_para", 0) - g.fields.get("_para", 0) <= _PART_PARAS
                for j, g in out)
        if not part:
            out.append((i, f))
    return out


# How many paragraphs after an injured count a hospital's part of it ("six of its citizens were treated") is told.
_PART_PARAS = 6
# The rest of an injured count, told after a part of it: "and the others were treated at the scene".
_INJURED_REST = re.compile(r"\b(?:the|all the) (?:others|rest|remaining \w+) (?:were|was|had been|are) "
                           r"(?:treated|discharged|released)\b")


def _bodies_recovered(low: list[str]) -> bool:
    """True for a sentence about bodies being recovered ("Rescue teams recovered seven bodies")."""
    return any(w == "bodies" and bool(_RECOVERED.intersection(low[k + 1 : k + 4])
                                      or _RECOVERED.intersection(low[max(0, k - 3) : k]))
               for k, w in enumerate(low))


def _pluperfect(sent: Sent) -> bool:
    """True for a sentence in the pluperfect ("Six deaths had been confirmed", "Nine workers had died on Saturday",
    "The police had on Sunday confirmed five deaths")."""
    low = sent.lower
    return any(w == "had" and ("been" in low[t + 1 : t + 3] or "died" in low[t + 1 : t + 3]
                               or any(low[k] in _TOLL_GIVEN for k in range(t + 1, min(t + 5, len(low)))))
               for t, w in enumerate(low))


# Verbs of giving a toll: "had confirmed five deaths", "had on Sunday reported".
_TOLL_GIVEN = frozenset("confirmed reported announced recorded counted".split())


_LATELY = WEEKDAYS | {"yesterday", "dawn", "morning", "overnight"}


def _since_long(low: list[str]) -> bool:
    """True for a "since" that opens a long period ("since July", "since 2019"), not a few days ("since Monday")."""
    return any(w == "since" and (t + 1 == len(low) or low[t + 1] not in _LATELY) for t, w in enumerate(low))


def _drop_partial_tolls(found: list[tuple[int, Fact]]) -> list[tuple[int, Fact]]:
    """Drop "Six deaths had been confirmed as of Tuesday evening" after "the toll rose to nine": an earlier,
    smaller count of the same toll (deaths only, told in the pluperfect within two paragraphs)."""
    out: list[tuple[int, Fact]] = []
    for i, f in found:
        a = f.fields
        part = (a.get("_had_been") and a["killed"] is not None and a["injured"] is None and not a.get("_other")
                and any(b.get("_update") and b["killed"] is not None and b["killed"] > a["killed"]
                        and 0 <= a.get("_para", 0) - b.get("_para", 0) <= 4 for b in (g.fields for _, g in out)))
        if not part:
            out.append((i, f))
    return out


def _merge_nearby(facts: list[Fact], found: list[tuple[int, Fact]], sents: list[Sent]) -> list[Fact]:
    """Join a death toll and an injured count given up to 4 sentences later about the same incident ("The toll
    ... rose to 43 dead." ... "Twelve people were wounded") when nothing between reports casualties and the
    later sentence does not open on another incident."""
    index = {id(f): i for i, f in found}
    out: list[Fact] = []
    for f in facts:
        at = len(out) - 1
        while at >= 0 and out[at].fields.get("_earlier"):
            at -= 1  # "He had put the toll at 70." between a toll and its injured count
        prev = out[at] if at >= 0 else None
        i, j = index.get(id(prev), -1), index.get(id(f), -1)
        if (prev is not None and i >= 0 and j > i and (j - i <= 4 or j - i <= 8 and f.fields.get("_continues"))
                and prev.fields["killed"] is not None and prev.fields["injured"] is None
                and f.fields["killed"] is None and f.fields["injured"] is not None
                and not f.fields.get("_earlier") and not prev.fields.get("_cumulative") and not _apart(prev.fields, f.fields)
                and not any(_other_incident(sents[k]) for k in range(i + 1, j + 1))
                and not (_bullet(sents[i]) or _bullet(sents[j]))
                and not _other_time(sents[i], sents[j], untimed=True)):
            merged = {**prev.fields, "injured": f.fields["injured"]}
            out[at] = Fact(prev.kind, Span(prev.evidence.start, f.evidence.end), merged)
            index[id(out[at])] = j
            continue
        if (prev is not None and i >= 0 and 0 < j - i <= 4 and _later_by(sents[j])
                and prev.fields["killed"] is not None and prev.fields["injured"] is not None
                and f.fields["killed"] is None and f.fields["injured"] is not None
                and f.fields["injured"] > prev.fields["injured"] and not f.fields.get("_other")):
            # "killed two and injured at least 19" ... "By Friday afternoon, 23 workers had been treated": the
            # injured count as it stood later
            out[at] = Fact(prev.kind, prev.evidence, {**prev.fields, "injured": f.fields["injured"]})
            index[id(out[at])] = j
            continue
        out.append(f)
    return out


def _bullet(sent: Sent) -> bool:
    """True for a sentence told as a bullet point ("- Eight children were hurt ..."): one item of a summary list,
    not joined to its neighbours."""
    return bool(sent.words) and sent.words[0] in ("-", "•", "*", *DASHES)


def _later_by(sent: Sent) -> bool:
    """True for a sentence opening on a later time of the same story ("By Friday afternoon, ...", "By evening")."""
    low = sent.lower
    return low[:1] == ["by"] and bool(_TIME_WORDS.intersection(low[1:4]) or {"evening", "nightfall", "night", "noon",
                                                                             "morning", "afternoon"}.intersection(low[1:4]))
