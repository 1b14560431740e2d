"""Role nouns and title abbreviations that mark a person's office or position."""

from __future__ import annotations

import re

# Singular role nouns (lower case). A hyphenated word counts if any part is here
# ("Director-General", "Secretary-General", "co-chair").
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    president vice-president premier minister secretary chancellor governor mayor senator congressman
    congresswoman congressperson representative lawmaker legislator deputy speaker leader head chief
    director director-general secretary-general commissioner envoy ambassador diplomat consul
    spokesman spokeswoman spokesperson spokesmen adviser advisor aide official officer commander
    general admiral colonel lieutenant major captain sergeant marshal chairman chairwoman chairperson
    chair ceo cfo coo cto founder co-founder executive manager administrator superintendent
    inspector prosecutor attorney judge justice magistrate sheriff councillor councilor councilman
    councilwoman alderman whip counterpart king queen prince princess emperor pope cardinal
    archbishop bishop imam rabbi patriarch monarch sultan emir sheikh ayatollah president-elect
    governor-general ombudsman auditor treasurer comptroller registrar chancellor rector provost
    dean principal coach manager captain chief-of-staff negotiator mediator rapporteur delegate
    regent viceroy dictator strongman warlord boss mp mep mla chairman-elect economist analyst
    correspondent editor publisher professor researcher scientist lawyer
    coordinator undersecretary under-secretary assemblyman assemblywoman assemblymember councilmember
    alderwoman selectman supervisor trustee warden headteacher headmaster headmistress chaplain nuncio
    mufti commodore brigadier taoiseach tanaiste attache emissary convener convenor vice-chair vice-chancellor
    steward constable detective premier-designate mayor-elect governor-elect commandant clerk meteorologist
    forecaster epidemiologist strategist solicitor barrister counsel coroner historian referee pastor
    writer reporter journalist photographer columnist organiser organizer campaigner activist
    lecturer collector priest missionary jawan naik havildar subedar mla mlc msp mha ssp dsp sp ig dig
    dgp oc eo tehsildar sarpanch councillor-elect senator-elect ombudswoman ombudsperson specialist mpa mna mk asp
    paramedic counsellor counselor advocate
    """.split()
)

# Abbreviated titles written before names, and what they stand for.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen.": "Senator", "sen": "Senator", "rep.": "Representative", "gov.": "Governor", "gen.": "General",
    "lt.": "Lieutenant", "col.": "Colonel", "sgt.": "Sergeant", "capt.": "Captain", "adm.": "Admiral",
    "maj.": "Major", "brig.": "Brigadier", "cmdr.": "Commander", "pres.": "President", "supt.": "Superintendent",
    "insp.": "Inspector", "det.": "Detective", "cpl.": "Corporal", "pvt.": "Private", "amb.": "Ambassador",
    "atty.": "Attorney", "lt.-gen.": "Lieutenant General", "maj.-gen.": "Major General",
    # British and South Asian style writes ranks without the stop: "Lt Col Azhar Khattak", "Brig Gen X"
    "lt": "Lieutenant", "gen": "General", "col": "Colonel", "brig": "Brigadier", "capt": "Captain", "sgt": "Sergeant",
    "cdr": "Commander", "comr.": "Commissioner", "sr.": "Senior",
}

# Read by the officials extractor only. The NER's title rules (reader/nlp/ner/titles.py) and the other fact
# extractors keep to ROLE_NOUNS and TITLE_ABBREVIATIONS: these words would change what they find.
OFFICIAL_TITLE_ABBREVIATIONS: dict[str, str] = {
    **TITLE_ABBREVIATIONS,
    "cdr.": "Commander", "comdr.": "Commander", "cmdre.": "Commodore", "del.": "Delegate",
    "commr.": "Commissioner", "lieut.": "Lieutenant", "asst.": "Assistant",
    "ald.": "Ald.",  # alderman or alderwoman: the text does not say which, so the title stays as written
    # plural titles before two or more names: "Sens. Ana Ruiz and Bo Lind"
    "sens.": "Senators", "reps.": "Representatives", "dels.": "Delegates", "govs.": "Governors", "gens.": "Generals",
}

# Role nouns the officials extractor reads besides ROLE_NOUNS (kept apart for the same reason).
OFFICIAL_ROLE_NOUNS: frozenset[str] = frozenset(
    "parliamentarian nurse logistician engineer anthropologist critic akim wali chargé prefect physician elder".split()
)

# Honorifics: part of how a name is written, never a role.
HONORIFICS: frozenset[str] = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady mme mme. m. herr monsieur madame "
    "u daw maulana sheikh".split()
)

# Words that are roles only in some uses; they need a capital letter or a modifier.
WEAK_ROLES: frozenset[str] = frozenset(
    "head chief leader major general justice principal chair executive manager captain boss "
    "economist analyst correspondent editor publisher professor researcher scientist lawyer "
    "writer reporter journalist photographer columnist organiser organizer campaigner activist "
    "lecturer priest missionary specialist paramedic".split()
)

# Nouns that can be the antecedent of "its" in "its governor".
PLACE_NOUNS: frozenset[str] = frozenset(
    """
    region province state city town village district county oblast country republic territory
    municipality prefecture canton island borough capital ministry party company firm alliance
    organisation organization agency committee council union bank court department government
    """.split()
)

# US party-state tags written after a senator's name: "D-Ore.", "R-Texas".
PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")


# The lower-case words `is_role_word` accepts as they are (a hyphenated word is also read by its parts).
ROLE_WORDS: frozenset[str] = ROLE_NOUNS | frozenset(TITLE_ABBREVIATIONS)


# The lower-case words `is_official_role_word` accepts as they are.
OFFICIAL_ROLE_WORDS: frozenset[str] = ROLE_WORDS | frozenset(OFFICIAL_TITLE_ABBREVIATIONS) | OFFICIAL_ROLE_NOUNS


def is_official_role_word(word: str) -> bool:
    """True if a token is a role noun or title abbreviation for the officials extractor (a wider list)."""
    low = word.lower()
    if low in OFFICIAL_ROLE_WORDS or is_role_word(word):
        return True
    return "-" in low and any(part in OFFICIAL_ROLE_NOUNS for part in low.split("-"))  # "sub-engineer"


def official_singular_role(word: str) -> str:
    """`singular_role` over the officials extractor's wider list, and for short acronyms ("MPs" -> "MP")."""
    found = singular_role(word)
    if found or not word.endswith("s"):
        return found
    stem = word[:-1]
    if stem.lower() in OFFICIAL_ROLE_NOUNS or (stem.isupper() and len(stem) >= 2 and stem.lower() in ROLE_NOUNS):
        return stem
    return ""


def expand_official_title(word: str) -> str:
    """The full form of an abbreviated title from the officials extractor's list ("Dels." -> "Delegates")."""
    return OFFICIAL_TITLE_ABBREVIATIONS.get(word.lower(), word) if word.endswith(".") else word


def is_role_word(word: str) -> bool:
    """True if a token is a role noun or a title abbreviation."""
    low = word.lower()
    if low in ROLE_WORDS:
        return True
    if "-" in low:
        return any(part in ROLE_NOUNS and part not in ("co", "vice") for part in low.split("-"))
    return False


def expand_title(word: str) -> str:
    """The full form of an abbreviated title ("Sen." -> "Senator"); other words unchanged."""
    return TITLE_ABBREVIATIONS.get(word.lower(), word) if word.endswith(".") else word


def singular_role(word: str) -> str:
    """The singular of a plural role noun ("ministers" -> "minister", "secretaries" -> "secretary"); "" if
    the word is not one."""
    low = word.lower()
    if not low.endswith("s") or len(low) < 4:
        return ""
    for cut, add in ((3, "y"), (2, ""), (1, "")):
        if cut == 3 and not low.endswith("ies"):
            continue
        stem = low[:-cut] + add
        if stem in ROLE_NOUNS:
            return word[: len(word) - cut] + add
    return ""

