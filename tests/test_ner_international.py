"""Names from non-Western traditions: the hand-written international name list, the name-part rules
of reader/nlp/ner/titles.py, surname-first names in reader/nlp/person_names.py, and the held-out
international news check (tests/data/ner_international_test.conll)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from reader.document import Document
from reader.nlp.ner.gazetteers import INTERNATIONAL_PATH, fold_accents, load_international, load_lists
from reader.nlp.ner.step import mentions, title_lists
from reader.nlp.ner.tagger import MODEL_PATH, load, sidecar
from reader.nlp.ner.titles import Lists, split_titles
from reader.nlp.person_names import TITLE_WORDS, gender_of, parse_person
from reader.nlp.segment import run as segment

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _mentions(text: str) -> set[tuple[str, str]]:
    doc = segment(Document(text=text))
    return {(label, text[s:e]) for label, s, e in mentions(doc)}


# --- the list ---------------------------------------------------------------------------------


def test_international_list_is_shipped_hand_written_and_large() -> None:
    data = json.loads(INTERNATIONAL_PATH.read_text(encoding="utf-8"))
    assert "hand-written" in data["source"]
    assert {"arabic", "south_asian", "chinese", "korean", "japanese", "african", "latin_american", "slavic",
            "turkish", "persian", "southeast_asian"} <= set(data["given"])
    assert {"chinese", "korean", "vietnamese"} == set(data["surname_first"])
    names = load_international()
    assert len(names.given) > 3000
    assert {"wang", "nguyen", "park"} <= names.surnames_first


def test_list_leaves_out_common_words_and_titles() -> None:
    """A given name the training text writes in lower case ("Said", "Long") or a title ("Sultan")
    would make the tagger call ordinary words names."""
    common = set(json.loads(sidecar(MODEL_PATH).read_text(encoding="utf-8"))["lists"]["COMMON"])
    data = json.loads(INTERNATIONAL_PATH.read_text(encoding="utf-8"))
    for by_sex in data["given"].values():
        for names in by_sex.values():
            for name in names:
                assert name.lower() not in common, name
                assert name.lower() not in TITLE_WORDS, name


def test_accented_names_are_also_listed_without_diacritics() -> None:
    assert fold_accents("Özgür") == "Ozgur" and fold_accents("Nguyễn") == "Nguyen" and fold_accents("Łukasz") == "Lukasz"
    given = set(load_international().given)
    assert {"Özgür", "Ozgur", "Andrés", "Andres"} <= given


def test_given_names_feed_the_first_name_gazetteer() -> None:
    """The CRF's g=FIRST features fire for the new names without retraining."""
    western = {n.lower() for n in load_lists(international=None)["FIRST"]}
    merged = {n.lower() for n in load_lists()["FIRST"]}
    assert "chukwuemeka" not in western and "chukwuemeka" in merged
    assert merged > western
    tagger = load()
    assert "g=FIRST:U" in tagger.featurizer.gaz.match(["chukwuemeka"], [True])[0]
    assert "g=FIRST:U" in tagger.featurizer.gaz.match(["xiaoming"], [True])[0]
    assert {"chukwuemeka", "oluwaseun", "tejas"} & title_lists(tagger).first_names == {"chukwuemeka", "oluwaseun"}


def test_listed_given_name_turns_a_place_guess_into_a_person() -> None:
    # Without the list, the CRF calls the lone word a place.
    assert ("PERSON", "Mwangi") in _mentions("Police said Mwangi was held with Wanjiru Kamau and Otieno Ouma.")


# --- name-part rules on spans (no model) --------------------------------------------------------

LISTS = Lists(
    first_names=frozenset({"khalid", "maria", "bashar", "hassan"}),
    common=frozenset({"trade", "health"}),
    entries={},
    surnames_first=frozenset({"zhao", "tran"}),
)


def _split(sentence: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    toks = sentence.split()
    return [(" ".join(toks[i:j]), typ) for i, j, typ in split_titles(toks, spans, LISTS, {})]


def test_bin_joins_the_parts_of_a_name() -> None:
    s = "Khalid bin Rashid Al-Mansouri signed it"
    assert _split(s, [(0, 1, "PER"), (2, 4, "PER")]) == [("Khalid bin Rashid Al-Mansouri", "PER")]
    assert _split(s, [(2, 4, "PER")]) == [("Khalid bin Rashid Al-Mansouri", "PER")]
    assert _split("Reema bint Bandar spoke", [(0, 1, "ORG"), (2, 3, "LOC")]) == [("Reema bint Bandar", "PER")]


def test_bin_after_a_title_word_is_left_alone() -> None:
    assert _split("by Sultan bin Saad today", [(1, 2, "ORG"), (3, 4, "PER")]) == [("Sultan", "ORG"), ("Saad", "PER")]


def test_arabic_article_and_romance_particles_join() -> None:
    assert _split("Abdel Fattah el-Sisi met", [(0, 2, "PER")]) == [("Abdel Fattah el-Sisi", "PER")]
    assert _split("Bashar al-Assad fled to Moscow", [(4, 5, "LOC")]) == [("Bashar al-Assad", "PER"), ("Moscow", "LOC")]
    assert _split("senator Maria del Rosario Fuentes voted", [(1, 2, "PER"), (3, 5, "PER")]) == [
        ("Maria del Rosario Fuentes", "PER")
    ]
    # A particle before an organisation does not join it to the person.
    assert _split("Maria de Universidad Central", [(0, 1, "PER"), (2, 4, "ORG")]) == [
        ("Maria", "PER"), ("Universidad Central", "ORG")
    ]


def test_family_name_written_first_starts_the_person() -> None:
    assert _split("Zhao Xiaoming visited", [(1, 2, "PER")]) == [("Zhao Xiaoming", "PER")]
    assert _split("Hassan Ali Mohamud spoke", [(0, 1, "LOC"), (1, 3, "PER")]) == [("Hassan Ali Mohamud", "PER")]
    # A common word before a person is not a name part.
    assert _split("Health Xiaoming spoke", [(1, 2, "PER")]) == [("Xiaoming", "PER")]


def test_person_at_the_end_of_an_organisation_after_a_title() -> None:
    s = "Minister of Natural Resources Zhao Xiaoming said"
    assert _split(s, [(2, 6, "ORG")]) == [("Zhao Xiaoming", "PER")]
    s = "Governor of the Central Bank Khalid Omar said"
    assert _split(s, [(3, 7, "ORG")]) == [("Central Bank", "ORG"), ("Khalid Omar", "PER")]
    # Without a title before it, an organisation keeps its name.
    assert _split("the Central Bank Khalid Omar", [(1, 5, "ORG")]) == [("Central Bank Khalid Omar", "ORG")]


def test_portfolio_after_minister_of_is_not_an_organisation() -> None:
    s = "Vice Minister of Emergency Management Zhao Wei said"
    assert _split(s, [(3, 5, "ORG"), (5, 7, "PER")]) == [("Zhao Wei", "PER")]
    s = "the Ministry of Emergency Management said"
    assert _split(s, [(1, 5, "ORG")]) == [("Ministry of Emergency Management", "ORG")]


def test_person_tagged_street_is_a_place() -> None:
    assert _split("down Sheikh Zayed Road today", [(2, 4, "PER")]) == [("Sheikh Zayed Road", "LOC")]


# --- the whole NER step on new sentences ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Trade minister Saeed bin Hamad Al-Kaabi opened the fair in Doha on Sunday.",
         {("PERSON", "Saeed bin Hamad Al-Kaabi")}, {("PERSON", "Saeed")}),
        ("Minister of Natural Resources Zhao Xiaoming visited the flooded mine in Shanxi.",
         {("PERSON", "Zhao Xiaoming")}, {("ORG", "Natural Resources Zhao Xiaoming")}),
        ("Deputy Minister of Health Tran Van Thuan said 12 hospitals had been evacuated.",
         {("PERSON", "Tran Van Thuan")}, {("ORG", "Health Tran Van Thuan")}),
        ("Governor of the Central Bank of Kenya Kamau Otieno said inflation had eased.",
         {("ORG", "Central Bank of Kenya"), ("PERSON", "Kamau Otieno")}, set()),
        ("Abdullah bin Ahmed Al-Thani and Noura bint Khalid spoke at the forum.",
         {("PERSON", "Abdullah bin Ahmed Al-Thani"), ("PERSON", "Noura bint Khalid")}, set()),
        ("Colombian senator María del Rosario Fuentes voted against the bill.",
         {("PERSON", "María del Rosario Fuentes")}, set()),
        ("Bashar al-Assad fled to Moscow, Syrian officials said.", {("PERSON", "Bashar al-Assad")}, set()),
        ("Inspector General of Police Kayode Egbetokun visited the scene.", {("PERSON", "Kayode Egbetokun")}, set()),
    ],
)
def test_names_in_news_sentences(text: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]) -> None:
    found = _mentions(text)
    assert expected <= found, found
    assert not absent & found, found


# --- person names: surname first, genders --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "surname", "given"),
    [
        ("Liu Wenjie", "liu", ("wenjie",)),
        ("Pham Minh Chinh", "pham", ("minh", "chinh")),
        ("Kim Jong Un", "kim", ("jong", "un")),
        ("Lee Anderson", "anderson", ("lee",)),  # Western order: Lee is a given name here
        ("Kim Clijsters", "clijsters", ("kim",)),
        ("Jackie Chan", "chan", ("jackie",)),
        ("Mohammed bin Zayed Al Nahyan", "al nahyan", ("mohammed", "zayed")),
        ("Al Nahyan", "al nahyan", ()),
    ],
)
def test_parse_person_knows_surname_first_names(name: str, surname: str, given: tuple[str, ...]) -> None:
    pn = parse_person(name)
    assert (pn.surname, pn.given) == (surname, given)


def test_international_given_names_have_genders() -> None:
    assert gender_of(("chinedu",)) == "m" and gender_of(("ngozi",)) == "f" and gender_of(("fatemeh",)) == "f"
    assert gender_of(("maria",)) == "f"  # the Western list still answers first


def test_family_name_alone_links_to_the_full_name() -> None:
    from reader.nlp.linking import run as link
    from reader.nlp.ner.step import run as ner

    text = "Vice Minister of Water Resources Chen Minghui visited the dam on Monday. Chen said repairs would take a month."
    doc = link(ner(segment(Document(text=text))))
    people = [e for e in doc.entities if e.label == "PERSON"]
    assert len(people) == 1 and people[0].name == "Chen Minghui"
    assert [text[m.start : m.end] for m in people[0].mentions if m.kind == "name"] == ["Chen Minghui", "Chen"]


# --- held-out check -----------------------------------------------------------------------------


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("ner_international", ROOT / "benchmarks" / "ner_international.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_held_out_international_news_score() -> None:
    """tests/data/ner_international_test.conll: hand-annotated international news, never used for
    tuning (scored only before and after the work, its errors never read). Floor a little under
    the figure measured when the rules were written (see MODEL_CARD.md), so a regression fails."""
    result = _scorer().score_file(DATA / "ner_international_test.conll")
    assert result.overall.f1 >= FLOOR_OVERALL
    assert result.by_type["PER"].f1 >= FLOOR_PER


FLOOR_OVERALL = 0.88  # measured 0.9024 (before this work: 0.8580)
FLOOR_PER = 0.95  # measured 0.9746 (before: 0.9128)
