"""Official facts: a PERSON entity and the role or title the text gives them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.document import Document, Fact
from reader.nlp.facts.base import MONTHS, WEEKDAYS, Sent, SpanIndex, mention_index
from reader.nlp.facts.grammar import role_chunks
from reader.nlp.facts.roles import (
    HONORIFICS,
    PARTY_TAG,
    PLACE_NOUNS,
    OFFICIAL_ROLE_WORDS,
    OFFICIAL_TITLE_ABBREVIATIONS,
    expand_official_title,
    is_official_role_word,
    official_singular_role,
)

_INR = frozenset({"of", "for", "to", "at", "in", "on", "with", "from"})
# Lower-case particles inside proper names ("Junta de Andalucía", "Alhaurín de la Vega", "Den Haag van ...").
_NAME_PARTICLES = frozenset("de la del de' da do dos das di van von der den le du des y".split())
_DATES = WEEKDAYS | MONTHS | {"yesterday", "today", "tomorrow"}
_FORCE_JJ = frozenset({"acting", "outgoing", "incoming", "serving", "ruling", "reigning", "presiding", "managing",
                       "founding", "consulting", "visiting"})
# A PERSON span ending in one of these is a place or body named after a person ("Queen Elizabeth Hospital").
_FACILITY_WORDS = frozenset("hospital university college school academy airport station bridge street road avenue "
                            "square park stadium centre center institute foundation hall museum library cathedral "
                            "church mosque temple prize award memorial".split())
_COPULA = frozenset({"is", "was", "became", "becomes", "remains", "remained", "'s"})
_COPULA2 = {("has", "been"), ("had", "been"), ("serves", "as"), ("served", "as"), ("was", "named"),
            ("was", "appointed"), ("was", "elected"), ("is", "now"), ("was", "then"), ("has", "served")}
_EVENTS = frozenset("meeting meetings session sessions talks hearing hearings conference summit discussion discussions "
                    "call negotiations visit raid attack march protest".split())
_HEADS_VERBS = {"heads": "head", "headed": "head", "leads": "leader", "led": "leader", "chairs": "chair",
                "chaired": "chair", "runs": "head", "ran": "head", "oversees": "overseer", "commands": "commander",
                "commanded": "commander", "directs": "director", "represents": "representative"}
_APPOINTED = frozenset({"appointed", "named", "elected", "nominated", "reappointed", "re-elected"})
# Verbs that put a person into an office named after "as": "confirmed X as labor secretary".
_APPOINTING = frozenset("confirmed confirm confirms appointed appoint appoints named name names elected elect elects "
                        "nominated nominate nominates installed install chose choose chosen picked pick tapped tap "
                        "swore sworn reappointed re-elected approved designated".split())
_RESPONSIBILITY = frozenset({"responsibility", "responsibilities", "oversight", "charge", "portfolio"})
_BODIES = frozenset("board council committee commission cabinet parliament parliamentary assembly politburo "
                    "senate congress panel jury team delegation".split())
# Roles that describe a person's trade rather than an office: dropped when the text gives a better role.
_DESCRIPTIVE = frozenset("diplomat economist analyst correspondent editor publisher professor researcher scientist "
                         "lawyer aide adviser advisor".split())
# Initials written before a name: "K.V. Maheswara Rao", "Ch. Subrahmanyam Sastry", "J. Weston".
# Trades on the officials-only list: a bare "a nurse" describes an ordinary person, not an office.
_TRADES = frozenset("nurse logistician engineer anthropologist".split())
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$")
# Bodies a "member of" belongs to, besides `_BODIES`: "a member of the State Duma's defence committee".
_LEGISLATURES = frozenset("duma knesset bundestag rada majlis legislature house lok rajya sabha diet".split())
_PRONOUNS = frozenset("i me you he him she her it we us they them one myself yourself himself herself itself "
                      "ourselves themselves yourselves 's".split())
# An upper-case rank abbreviation written between a title and a name ("COP", "ACP", "IGP").
_RANK_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_CLAUSE_END = frozenset({",", ".", ";", ":", ")", "!", "?", "''", "”", "–", "—", "--", "\"", "and"})


@dataclass
class _Name:
    """The tokens [i, j) of a PERSON name in a sentence and its entity id."""

    i: int
    j: int
    entity: str


def _names_in(sent: Sent, mentions: SpanIndex[str]) -> list[_Name]:
    """Token ranges of the PERSON mentions inside a sentence (titles inside a mention split off)."""
    names: list[_Name] = []
    if not sent.starts:
        return names
    s0, s1 = sent.starts[0], sent.ends[-1]
    for a, b, eid in mentions.overlapping(s0, s1):
        if sent.doc.text[a + 1 : a + 2] == "-" and PARTY_TAG.match(sent.doc.text[a:b].split(" ", 1)[0]):
            continue
        toks = sent.tokens_overlapping(a, b)
        if not toks:
            continue
        i, j = toks.start, toks.stop
        if all(is_official_role_word(w) or w.lower() in HONORIFICS for w in sent.words[i:j]):
            continue  # NER took a bare title for a name ("Brig Gen" + "Mohammad Karim" -> "Gen")
        if sent.lower[j - 1] in _FACILITY_WORDS or (j < len(sent) and sent.lower[j] in _FACILITY_WORDS
                                                    and sent.words[j][:1].isupper()):
            continue
        while i < j - 1 and (is_official_role_word(sent.words[i]) or sent.lower[i] in HONORIFICS or official_singular_role(sent.words[i])):
            i += 1  # NER put a title inside the name: "President Vladimir Putin", "Justices Ana Ruiz"
        if i < j - 2 and sent.lower[i] == "state" and i == toks.start and sent.lower[i - 1 : i] == ["of"]:
            i += 1  # "Minister of State Khalid bin Nasser al-Marri": NER took "State" from the title
        while i > 0 and _INITIALS.match(sent.words[i - 1]) and sent.lower[i - 1] not in HONORIFICS \
                and not is_official_role_word(sent.words[i - 1]):
            i -= 1  # "Superintendent of Police K.V. Maheswara Rao": the initials are part of the name
        names.append(_Name(i, j, eid))
    return names


def _marks(sent: Sent, names: list[_Name]) -> list[str]:
    """Chunker tags: POS tags with PER / ROLE / INR / HON / DATE / PARTY marks."""
    tags = list(sent.tags)
    per = {k for n in names for k in range(n.i, n.j)}
    first = {n.i for n in names}
    for k, (w, low) in enumerate(zip(sent.words, sent.lower)):
        if low not in _MARK_WORDS and "-" not in low and tags[k] != "PRP" and k + 1 not in first \
                and not w[:1].isupper() and not w.isupper():
            continue  # no mark below applies to this word (the common case: a plain lower-case word or a stop)
        if low in ("general", "major") and k + 1 < len(sent) and k + 1 not in per and sent.words[k + 1][:1].isupper() \
                and not is_official_role_word(sent.words[k + 1]) and sent.lower[k + 1] not in HONORIFICS:
            continue  # "General Assembly", "General Motors", "Major League": part of a name, not a rank
        t = tags[k]
        if low in HONORIFICS and k > 0 and sent.lower[k - 1] == "the" and k not in per and k + 1 < len(sent) \
                and sent.words[k + 1][:1].isupper() and k + 1 not in per:
            tags[k] = "NNP"  # "the Sheikh Maqsoud neighbourhood": part of a place name
        elif low in HONORIFICS:
            tags[k] = "HON"
        elif low in _DATES and w[:1].isupper():
            tags[k] = "DATE"
        elif w[1:2] == "-" and PARTY_TAG.match(w) or (k > 0 and tags[k - 1] == "PARTY" and w[:1].isupper()):
            tags[k] = "PARTY"  # "D-Ore.", "R-Garden City"
        elif low in _FORCE_JJ:
            tags[k] = "JJ"
        elif low == "member" and (k > 0 and sent.lower[k - 1] in _BODIES or _member_of(sent, k)):
            tags[k] = "ROLE"  # "board member Lisa Cook", "a member of the State Duma's defence committee"
        elif low == "representing" and k > 0 and is_official_role_word(sent.words[k - 1]):
            tags[k] = "INR"  # "the senator representing Kebbi South"
        elif low == "general" and k > 0 and is_official_role_word(sent.words[k - 1]):
            tags[k] = "ROLE"  # "director general", "attorney general"
        elif k + 1 in first and (official_singular_role(w) or (low == "members" and k > 0 and sent.lower[k - 1] in _BODIES)):
            tags[k] = "ROLE"  # "foreign ministers Anna Keller and Omar Aziz", "council members A and B"
        elif _state_not_title(sent, k):
            tags[k] = ","  # "Dover, Del. Mayor X": the state closes the town's name; no title "Delegate"
        elif is_official_role_word(w) and (t.startswith(("NN", "JJ")) or w[:1].isupper()) and (w[:1].isupper() or low not in ("general", "major")):
            tags[k] = "ROLE"
        elif low in _INR and t in ("IN", "TO"):
            tags[k] = "INR"
        elif low in _APPOINTED:
            tags[k] = "VBX"  # "was appointed ambassador": the verb is not part of the role
        elif k > 0 and w[:1].isupper() and t.startswith(("VB", "IN", "RB")) and low not in _INR:
            tags[k] = "NNP"  # a capitalised word mid-sentence is a name, whatever the tagger thought
        elif low in _NAME_PARTICLES and w.islower() and 0 < k < len(sent) - 1 and sent.words[k - 1][:1].isupper() \
                and (sent.words[k + 1][:1].isupper() or sent.lower[k + 1] in _NAME_PARTICLES):
            tags[k] = "NNP"  # "the president of the Junta de Andalucía": a particle inside a name
        elif k + 1 in first and k not in per and k > 0 and _RANK_ACRONYM.match(w) and (
                tags[k - 1] == "ROLE" or sent.words[k - 1] == ","):
            tags[k] = "HON"  # "Regional Police Commander ACP Juma Said", "the police chief, IGP X": a rank, like "Dr"
        elif w.isupper() and w.isalpha() and len(w) > 1 and not t.startswith("NN"):
            tags[k] = "NNP"  # "UN", "EU", "NATO" mis-tagged as function words
        elif t == "PRP" and w.islower() and low not in _PRONOUNS:
            tags[k] = "NN"  # "foreign policy affairs department": the tagger's rare slip on a plain noun
    for k in range(1, len(tags) - 1):  # "pensions select committee": a verb tag between nouns is a modifier
        if tags[k] in ("VB", "VBP") and tags[k - 1].startswith("NN") and tags[k + 1].startswith("NN") \
                and sent.words[k].islower() and sent.words[k + 1].islower():
            tags[k] = "JJ"
    for n in names:
        for k in range(n.i, n.j):
            tags[k] = "PER"
        for k in range(max(0, n.i - 2), n.i):  # title split off a mention
            if tags[k] not in ("PER",) and is_official_role_word(sent.words[k]) and not _state_not_title(sent, k):
                tags[k] = "ROLE"
    return tags


# Every lower-case word `_marks` treats apart from its shape and tag (role nouns and titles included).
_MARK_WORDS = (HONORIFICS | _DATES | _FORCE_JJ | _INR | _APPOINTED | _NAME_PARTICLES | OFFICIAL_ROLE_WORDS
               | {"general", "major", "member", "members", "representing"})


def _state_not_title(sent: Sent, k: int) -> bool:
    """True for "Del." after a town and a comma ("Dover, Del."): the US state, not the title "Delegate"."""
    return sent.lower[k] == "del." and k > 0 and sent.words[k - 1] == ","


def _items(sent: Sent, tags: list[str]) -> list[tuple[str, int, int]]:
    """The role chunks as (label, first token, end token) items (tokens outside chunks carry their tag)."""
    return role_chunks(tags)


def _antecedent(sent: Sent, before: int, prev: Sent | None) -> str:
    """The place/organisation "its" most likely refers to: "Rostov region" in "Russia's Rostov region"."""
    for s, limit in ((sent, before), (prev, len(prev) if prev is not None else 0)):
        if s is None:
            continue
        for k in range(limit - 1, -1, -1):
            if s.lower[k] in PLACE_NOUNS and s.tags[k].startswith("NN"):
                i = k
                while i > 0 and s.tags[i - 1] in ("NNP", "NNPS") and s.words[i - 1][:1].isupper():
                    i -= 1
                if i < k:  # a named place: "Tver region", "Lagos city"
                    return s.slice(i, k + 1)
    return ""


def _role_text(sent: Sent, i: int, j: int, prev: Sent | None) -> str:
    """Role words [i, j) with a leading determiner/date dropped, "its X" resolved, titles expanded."""
    lead = ""
    while i < j and (sent.tags[i] in ("DT", "PRP$") or sent.lower[i] in _DATES):
        lead = sent.lower[i]
        i += 1
    while j > i and sent.tags[j - 1] in (",", ":"):
        j -= 1
    if i >= j:
        return ""
    if j - i == 1 and sent.words[i].endswith("."):
        return expand_official_title(sent.words[i])
    text = sent.slice(i, j)
    if lead in ("its", "their") and j - i == 1:
        place = _antecedent(sent, i, prev)
        if place:
            text = f"{text} of {place}"
    return " ".join(expand_official_title(w) if w.endswith(".") and w.lower() not in ("u.s.", "u.n.", "u.k.", "e.u.") else w
                    for w in text.split(" "))


def _role_ok(sent: Sent, i: int, j: int) -> bool:
    """A role chunk must have a role noun as its head (not only as a modifier) and real words."""
    heads = [k for k in range(i, j) if is_official_role_word(sent.words[k]) and not _critic_of(sent, k)
             or (sent.lower[k] == "member" and (k > i and sent.lower[k - 1] in _BODIES or _member_of(sent, k)))
             or (k == j - 1 and _plural(sent.words[k]))]
    if heads and all(sent.lower[k] in _TRADES for k in heads) and j - i == 2 and sent.lower[i] in ("a", "an"):
        return False  # "Ana Silva, 34, a nurse, said": a bare trade is no office ("an Italian nurse" is a title)
    return bool(heads)


def _critic_of(sent: Sent, k: int) -> bool:
    """True for "critic of" at k: a "critic of the deal" is someone's stance; "labour critic" is an office."""
    return sent.lower[k] == "critic" and sent.lower[k + 1 : k + 2] == ["of"]


def _next_is_boundary(sent: Sent, k: int) -> bool:
    """True if token k ends a clause (or the sentence)."""
    if k >= len(sent):
        return True
    return sent.words[k] in _CLAUSE_END or sent.tags[k].startswith(("VB", "MD")) or sent.lower[k] in ("who", "said")


def _pp_tail(sent: Sent, k: int) -> int:
    """End of a role phrase's further prepositional phrases from token k, if they run to a clause end
    within 10 tokens ("... for the Treatment of Prisoners of War,"); k otherwise."""
    if k >= len(sent) or sent.tags[k] not in ("IN", "TO"):
        return k
    j = k
    while j < len(sent) and j - k < 10 and not _next_is_boundary(sent, j):
        if not sent.tags[j].startswith(("IN", "TO", "DT", "NN", "JJ", "POS", "CD")):
            return k
        j += 1
    return j if j < len(sent) and _next_is_boundary(sent, j) and sent.tags[j - 1].startswith("NN") else k


def _clause_end(sent: Sent, k: int) -> int:
    """The first clause-ending punctuation at or after token k."""
    while k < len(sent) and sent.words[k] not in (",", ".", ";", ":", ")", "–", "—", "--", "!", "?"):
        k += 1
    return k


def extract(sent: Sent, mentions: SpanIndex[str], prev: Sent | None = None) -> list[Fact]:
    """Official facts in one sentence."""
    names = _names_in(sent, mentions)
    if not names:
        return []
    low = sent.lower
    if _credit_line(sent):
        return []
    if (OFFICIAL_ROLE_WORDS.isdisjoint(low) and "who" not in low and _COPULA.isdisjoint(low) and "member" not in low
            and "members" not in low and not any("-" in w and is_official_role_word(w) or official_singular_role(w) for w in sent.words)):
        return []  # no role word (`OFFICIAL_ROLE_WORDS` holds `is_official_role_word`'s unhyphenated ones), "who", copula or "member"
    tags = _marks(sent, names)
    items = _items(sent, tags)
    by_start = {n.i: n for n in names}
    found: list[tuple[str, str]] = []  # (entity id, role)
    used_chunks: set[int] = set()
    n_items = len(items)

    def role_of(item: tuple[str, int, int]) -> str:
        return _role_text(sent, item[1], item[2], prev) if _role_ok(sent, item[1], item[2]) else ""

    for idx, (label, a, b) in enumerate(items):
        if label != "PER" or a not in by_start:
            continue
        name = by_start[a]
        # the item index where the name ends
        end_idx = idx
        while end_idx + 1 < n_items and items[end_idx + 1][0] == "PER" and items[end_idx + 1][1] < name.j:
            end_idx += 1
        # A: premodifier "French Deputy Prime Minister Anne Morel", "Sen. Maria Holt"
        at = idx - 1 if _lost_given_name(sent, items, idx) else idx  # where the name really starts
        p = at - 1 if not _noun_follows(sent, name) else -1
        if p >= 0 and items[p][0] == "HON":
            p -= 1
        if p >= 0 and items[p][0] in ("ROLE_NP", "ROLE_PP"):
            label_p, a_p, b_p = items[p]
            t = b_p - 1
            while t - 1 > a_p and sent.lower[t - 1] in OFFICIAL_TITLE_ABBREVIATIONS:
                t -= 1  # a rank of two words: "Brig Gen", "Lt. Col."
            if t > a_p and sent.lower[t] in OFFICIAL_TITLE_ABBREVIATIONS and any(
                    is_official_role_word(w) and w.lower() not in OFFICIAL_TITLE_ABBREVIATIONS for w in sent.words[a_p:t]):
                # "Army spokesman Col. Moussa Traore": an office and a rank, two roles
                rank = " ".join(expand_official_title(w) for w in sent.words[t:b_p])
                for role in (role_of((label_p, a_p, t)), rank):
                    if role:
                        found.append((name.entity, role))
            else:
                role = role_of(items[p])
                plural = _plural(role.rsplit(" ", 1)[-1]) if role else ""
                if plural:
                    role = role[: role.rfind(" ") + 1] + plural
                if role:
                    found.append((name.entity, role))
                if plural:  # the same role for each of the coordinated names that follow
                    found.extend((other, role) for other in _coordinated(items, end_idx, by_start))
            used_chunks.add(p)
        # B: appositive "Ivan Petrov, the governor of Tver region," / "Maria Holt, D-Ore., the whip"
        q = end_idx + 1
        if q < n_items and items[q][0] == ",":
            q += 1
            while q + 1 < n_items and items[q][0] in ("PARTY", "CD"):
                r = q + 1
                while r < n_items and items[r][0] == "PARTY":
                    r += 1
                if r >= n_items or items[r][0] != ",":
                    break
                q = r + 1
            r = q
            while r < n_items and r - q < 3 and items[r][0] in ("PER", "NNP"):
                r += 1
            if q < r < n_items and items[r][0] in ("ROLE_NP", "ROLE_PP") and sent.tags[items[r][1]] == "POS":
                owner = items[q][1]  # "Jorge Palomino, Sutran's superintendent,": the owner is not a second person
                q = r
                items[q] = (items[q][0], owner, items[q][2])
            if q < n_items and items[q][0] in ("ROLE_NP", "ROLE_PP"):
                nxt = items[q + 1][1] if q + 1 < n_items else len(sent)
                followed_by_name = q + 1 < n_items and items[q + 1][0] == "PER"
                tail = _pp_tail(sent, nxt) if items[q][0] == "ROLE_PP" else nxt
                if tail > nxt:  # "a spokesman for the Office for the Treatment of Prisoners of War,"
                    items[q] = (items[q][0], items[q][1], tail)
                    nxt = tail
                if not followed_by_name and _next_is_boundary(sent, nxt):
                    role = role_of(items[q])
                    if role:
                        found.append((name.entity, role))
                        used_chunks.add(q)
                    if q + 2 < n_items and items[q + 1][0] == "WP" and low[items[q + 1][1]] == "who":
                        # "Ana Ruiz, the Chilean diplomat who was elected president of the assembly"
                        role = _relative_role(sent, items[q + 1][2], prev, items, q + 2, titled=True)
                        if role:
                            found.append((name.entity, role))
            elif q + 1 < n_items and items[q][0] == "WP" and low[items[q][1]] == "who":
                titled = any(e == name.entity for e, _ in found)
                role = _relative_role(sent, items[q][2], prev, items, q + 1, titled=titled)
                if role:
                    found.append((name.entity, role))
        # C: "The head of the trade bloc, Lars Berg, said" / "Chile's U.N. envoy, Pablo Ruiz"
        c = at - 2 if at >= 1 and items[at - 1][0] == "HON" else at - 1  # "the superintendent, Dr Grace Chebet"
        if c >= 2 and items[c][0] == "ROLE_NP" and items[c - 1][0] == "," and all(
                sent.lower[t] in OFFICIAL_TITLE_ABBREVIATIONS or sent.lower[t] in HONORIFICS or sent.words[t].isupper()
                for t in range(items[c][1], items[c][2])):
            c -= 1  # "The command's spokesperson, ASP Yazid Abubakar", "Kuwait's foreign minister, Sheikh X"
        if c >= 1 and items[c][0] == "," and items[c - 1][0] in ("ROLE_NP", "ROLE_PP") and (c - 1) not in used_chunks:
            before = items[c - 2] if c >= 2 else None
            chunk = items[c - 1]
            possessive = sent.tags[chunk[1]] == "POS"  # "Acme Andes' chief executive, Ana Ruiz"
            if before is not None and before[0] == "PER" and possessive:
                owner = c - 2
                while owner > 0 and items[owner - 1][0] == "PER":
                    owner -= 1
                before = items[owner - 1] if owner else None
                chunk = (chunk[0], items[owner][1], chunk[2])
            elif before is not None and before[0] == "," and (sent.lower[chunk[1]] == "the" or "'s" in sent.lower[
                    chunk[1] : chunk[1] + 2] or (sent.lower[chunk[1] + 2 : chunk[1] + 3] == ["'s"] and sent.words[
                    chunk[1] + 1][:1].isupper())) and (c < 3 or items[c - 3][0] != "PER"):
                before = None  # "Responding for the government, the minister, Owen Price, said", "..., Haiti's Prime Minister, X,"
            if (before is None or before[0] not in (",", "PER")) and _next_is_boundary(sent, name.j):
                role = role_of(chunk)
                if role:
                    found.append((name.entity, role))
                    used_chunks.add(c - 1)
        # F: "the Senate confirmed Adaeze Okafor as labor secretary", "named Lee Hyun-soo as its chief justice"
        k = name.j
        if k + 1 < len(sent) and low[k] == "as" and any(w in _APPOINTING for w in low[max(0, name.i - 3) : name.i]):
            r = end_idx + 1
            while r < n_items and items[r][1] < k + 1:
                r += 1
            if r < n_items and items[r][0] in ("ROLE_NP", "ROLE_PP") and items[r][1] == k + 1:
                nxt = items[r][2]
                if _next_is_boundary(sent, nxt) or sent.tags[nxt] in ("IN", "TO") or low[nxt] in _DATES:
                    role = role_of(items[r])
                    if role:
                        found.append((name.entity, role))
        # E: copula "Smith is the new mayor of Springfield" / "Smith was appointed ambassador"
        k = name.j
        if k < len(sent) and (low[k] in _COPULA or (k + 1 < len(sent) and (low[k], low[k + 1]) in _COPULA2)):
            step = 1 if low[k] in _COPULA and not (k + 1 < len(sent) and (low[k], low[k + 1]) in _COPULA2) else 2
            r = end_idx + 1
            while r < n_items and items[r][1] < k + step:
                r += 1
            if r < n_items and items[r][0] in ("ROLE_NP", "ROLE_PP") and items[r][1] == k + step:
                nxt = items[r][2]
                if _next_is_boundary(sent, nxt) or (nxt < len(sent) and sent.tags[nxt] in ("IN", "TO", "INR")):
                    role = role_of(items[r])
                    if role and (sent.tags[items[r][1]] in ("DT", "PRP$") or sent.words[items[r][1]][:1].isupper()
                                 or low[k] not in ("is", "'s")):
                        found.append((name.entity, role))
    return [Fact("official", sent.span, {"person": eid, "role": role}) for eid, role in found]


def _credit_line(sent: Sent) -> bool:
    """True for a contact line ("Reach reporter X at x@example.com."): the journalist is no official of the
    story."""
    low = sent.lower
    return bool(low) and low[0] in ("reach", "contact", "email", "e-mail") and "@" in sent.doc.text[sent.span.start : sent.span.end]


def _lost_given_name(sent: Sent, items: list[tuple[str, int, int]], idx: int) -> bool:
    """True when the word before the name at item idx is a given name the tagger left out: "the Speaker,
    Shamsuddeen Garba Anka", "Police Officer Nazir Khan Marwat" (a capitalised word between a title or a comma
    and the name)."""
    if idx < 2 or items[idx - 1][0] != "NNP" or items[idx - 1][2] - items[idx - 1][1] != 1:
        return False
    w = sent.words[items[idx - 1][1]]
    return (w[:1].isupper() and w.isalpha() and not w.isupper() and not is_official_role_word(w)
            and sent.lower[items[idx - 1][1]] not in PLACE_NOUNS and items[idx - 2][0] in ("ROLE_NP", "ROLE_PP", ","))


def _member_of(sent: Sent, k: int) -> bool:
    """True for "member" at k followed by "of" and a body: "member of the State Duma's defence committee"."""
    low = sent.lower
    return low[k + 1 : k + 2] == ["of"] and any(w in _BODIES or w in _LEGISLATURES for w in low[k + 2 : k + 9])


def _plural(word: str) -> str:
    """The singular of a plural role word ("ministers", "members" of a body); "" for any other word."""
    return official_singular_role(word) or (word[:-1] if word.lower() == "members" else "")


def _coordinated(items: list[tuple[str, int, int]], end_idx: int, by_start: dict[int, _Name]) -> list[str]:
    """Entity ids of the names listed after the name ending at item `end_idx`: ", B, C and D"."""
    out: list[str] = []
    k = end_idx + 1
    while k + 1 < len(items) and items[k][0] in (",", "CC") and items[k + 1][0] == "PER" and items[k + 1][1] in by_start:
        name = by_start[items[k + 1][1]]
        out.append(name.entity)
        k += 2
        while k < len(items) and items[k][0] == "PER" and items[k][1] < name.j:
            k += 1
    return out


def _noun_follows(sent: Sent, name: _Name) -> bool:
    """True for a one-word "name" followed by a common noun: "General Assembly resolutions" is no person."""
    k = name.j
    return name.j - name.i == 1 and k < len(sent) and sent.tags[k] in ("NN", "NNS") and sent.words[k].islower()


def _relative_role(sent: Sent, k: int, prev: Sent | None, items: list[tuple[str, int, int]], next_item: int,
                   titled: bool = False) -> str:
    """Role from a relative clause after "who": "who is the mayor", "who has responsibility for X". When the
    person already has a title ("Deputy Prime Minister X, who heads the flood commission", "the MEP who leads
    her group's work"), a duty told by a verb ("heads", "leads", "is in charge of") is what the titled person
    does, not a second role: only a copula's role ("who is the mayor") counts then."""
    low = sent.lower
    n = len(sent)
    if k >= n:
        return ""
    if titled and (low[k] in _HEADS_VERBS or low[k] in ("has", "had", "holds", "held", "took")
                   or low[k : k + 3] in (["is", "in", "charge"], ["was", "in", "charge"])):
        return ""
    # "who heads the agency" -> "head of the agency"
    if low[k] in _HEADS_VERBS:
        end = _clause_end(sent, k + 1)
        obj = sent.slice(k + 1, end)
        if low[k] == "represents" and not any(w[:1].isupper() for w in sent.words[k + 1 : end]):
            return ""  # "who represents several people": a lawyer's clients, not a constituency or a body
        if set(low[k + 1 : k + 4]) & _EVENTS:
            return ""  # "who chaired a meeting of ...", "who led the talks": an event, not an office
        if end - (k + 1) > 12:  # "who heads the prisoners' committee of the Autonomous Administration of ..."
            cut = next((t for t in range(k + 3, end) if low[t] in ("of", "for", "(")), end)
            end = cut if cut - (k + 1) <= 12 else end
            obj = sent.slice(k + 1, end)
        if obj and end - (k + 1) <= 12:
            return f"{_HEADS_VERBS[low[k]]} of {obj}"
        return ""
    # "who has (special) responsibility for southern Russia and Crimea"
    if low[k] in ("has", "had", "holds", "held", "is", "was", "took"):
        j = k + 1
        while j < n and sent.tags[j] in ("JJ", "RB", "DT") and j - k < 4:
            j += 1
        if j < n and low[j] in _RESPONSIBILITY:
            end = _clause_end(sent, j + 1)
            if end - j <= 12:
                return sent.slice(k + 1, end)
            return ""
        if low[k] in ("is", "was") and j < n and low[j] == "in" and j + 1 < n and low[j + 1] == "charge":
            end = _clause_end(sent, j + 2)
            return sent.slice(j, end) if end - j <= 12 else ""
    # "who is/was/has been/serves as the mayor of X"
    j = k
    if j + 1 < n and (low[j], low[j + 1]) in _COPULA2:
        j += 2
        if j < n and low[j] == "as" and low[j - 1] in _APPOINTED:
            j += 1  # "who was elected as president"
    elif low[j] in _COPULA:
        j += 1
    else:
        return ""
    if j < n and low[j] in ("also", "now", "then", "currently"):
        j += 1
    for label, a, b in items[next_item:]:
        if a < j:
            continue
        if a == j and label in ("ROLE_NP", "ROLE_PP") and _role_ok(sent, a, b) and (
                _next_is_boundary(sent, b) or (b < n and sent.tags[b] in ("IN", "TO"))):
            return _role_text(sent, a, b, prev)
        break
    return ""


def _descriptive(role: str) -> bool:
    """True for a role like "a Ghanaian diplomat": a trade noun as head, no "of"/"for" complement."""
    words = role.lower().split()
    return bool(words) and words[-1] in _DESCRIPTIVE and len(words) <= 3


def dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per (person, role); a role contained in a longer one for the same person is dropped,
    and a descriptive role ("Ghanaian diplomat") is dropped when the person has an office as well."""
    offices = {f.fields["person"] for f in facts if not _descriptive(f.fields["role"])}
    facts = [f for f in facts if not (_descriptive(f.fields["role"]) and f.fields["person"] in offices)]
    # "Sheikh" (an honorific as much as a title) is no role beside a real one ("the foreign minister, Sheikh X")
    titled = {f.fields["person"] for f in facts if f.fields["role"].lower() not in HONORIFICS}
    facts = [f for f in facts if not (f.fields["role"].lower() in HONORIFICS and f.fields["person"] in titled)]
    out: list[Fact] = []
    seen: dict[str, list[tuple[str, int]]] = {}
    for f in facts:
        pid, role = f.fields["person"], f.fields["role"]
        words = role.lower().split()
        known = seen.setdefault(pid, [])
        dup = False
        for k, (other, pos) in enumerate(known):
            ow = other.split()
            if ow == words or _contains(ow, words):
                dup = True
                break
            if _contains(words, ow):  # the new role is longer: replace the old one in place
                out[pos] = f
                known[k] = (" ".join(words), pos)
                dup = True
                break
        if not dup:
            known.append((" ".join(words), len(out)))
            out.append(f)
    return out


def _contains(big: list[str], small: list[str]) -> bool:
    """True if `small` is a contiguous run inside `big` (and shorter)."""
    if len(small) >= len(big):
        return False
    return any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))


def run_all(doc: Document, sents: list[Sent]) -> list[Fact]:
    """All official facts in a document, de-duplicated."""
    mentions = mention_index(doc, "PERSON")
    if not mentions:
        return []
    facts: list[Fact] = []
    for k, sent in enumerate(sents):
        try:
            facts.extend(extract(sent, mentions, sents[k - 1] if k else None))
        except (IndexError, ValueError, KeyError):  # never let one odd sentence stop the rest
            continue
    return dedupe(facts)

