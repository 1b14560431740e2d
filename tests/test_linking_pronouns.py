"""Pronoun mentions: he/she & co. resolved to a compatible person in the same or previous sentence."""

from __future__ import annotations

from tests.test_linking_support import entity_with, linked, surfaces, unlinked


def test_he_in_next_sentence_links_to_the_person() -> None:
    text = "Tomas Ruiz resigned on Monday. He said his health was poor."
    doc, ents = linked(text, [("Tomas Ruiz", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == ["He", "his"]
    pron = [m for m in ents[0].mentions if m.kind == "pronoun"]
    assert doc.text[pron[0].start : pron[0].end] == "He"


def test_gender_from_first_names_picks_the_right_person() -> None:
    text = "Maria Lopez met John Carter in Madrid. She said he was late, and her aide agreed."
    doc, ents = linked(text, [("Maria Lopez", "PERSON"), ("John Carter", "PERSON"), ("Madrid", "LOC")])
    maria = entity_with(doc, ents, "Maria Lopez")
    john = entity_with(doc, ents, "John Carter")
    assert surfaces(doc, maria, "pronoun") == ["She", "her"]
    assert surfaces(doc, john, "pronoun") == ["he"]


def test_gendered_title_gives_gender_to_an_unknown_first_name() -> None:
    text = "Mrs Adaeze Nwosu met Mr Tariq Baig. She thanked him."
    doc, ents = linked(text, [("Adaeze Nwosu", "PERSON"), ("Tariq Baig", "PERSON")])
    assert surfaces(doc, entity_with(doc, ents, "Adaeze Nwosu"), "pronoun") == ["She"]
    assert surfaces(doc, entity_with(doc, ents, "Tariq Baig"), "pronoun") == ["him"]


def test_unknown_gender_is_compatible_with_both() -> None:
    text = "Marat Zaripov spoke on television. He urged calm."
    doc, ents = linked(text, [("Marat Zaripov", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == ["He"]


def test_incompatible_gender_is_not_linked() -> None:
    text = "John Carter spoke on television. She urged calm."
    doc, ents = linked(text, [("John Carter", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == []


def test_no_person_in_window_leaves_pronoun_unlinked() -> None:
    text = "Tomas Ruiz resigned on Monday. The market fell. Prices rose sharply. He was not there."
    doc, ents = linked(text, [("Tomas Ruiz", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == []


def test_chains_carry_through_resolved_pronouns() -> None:
    text = "Tomas Ruiz resigned on Monday. He cited his health. His health improved. He later returned."
    doc, ents = linked(text, [("Tomas Ruiz", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == ["He", "his", "His", "He"]


def test_another_person_noun_breaks_the_chain() -> None:
    text = "Tomas Ruiz resigned on Monday. He cited his health. His doctor agreed. He later returned."
    doc, ents = linked(text, [("Tomas Ruiz", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == ["He", "his", "His"]


def test_speech_attribution_after_a_quote() -> None:
    text = "Speaking on Friday, Mr Ruiz said the town was safe. “Nobody needs to leave,” he said."
    doc, ents = linked(text, [("Ruiz", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == ["he"]


def test_pronoun_inside_a_quotation_is_not_resolved() -> None:
    text = "Tomas Ruiz spoke to reporters. “He is a liar,” Ruiz said of the mayor."
    doc, ents = linked(text, [("Tomas Ruiz", "PERSON"), ("Ruiz", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == []


def test_subject_wins_over_object() -> None:
    text = "John Carter met Peter Hale in Rome. He said the talks went well."
    doc, ents = linked(text, [("John Carter", "PERSON"), ("Peter Hale", "PERSON"), ("Rome", "LOC")])
    assert surfaces(doc, entity_with(doc, ents, "John Carter"), "pronoun") == ["He"]
    assert surfaces(doc, entity_with(doc, ents, "Peter Hale"), "pronoun") == []


def test_possessive_in_same_sentence_links_to_the_earlier_person() -> None:
    text = "President Omar Farouk met his Kenyan counterpart Peter Hale on Monday."
    doc, ents = linked(text, [("Omar Farouk", "PERSON"), ("Peter Hale", "PERSON")])
    assert surfaces(doc, entity_with(doc, ents, "Omar Farouk"), "pronoun") == ["his"]


def test_two_equal_candidates_leave_the_pronoun_alone() -> None:
    text = "John Carter said yes, Peter Hale said no. He left early."
    doc, ents = linked(text, [("John Carter", "PERSON"), ("Peter Hale", "PERSON")])
    assert unlinked(ents, doc, "He")


def test_a_person_noun_in_between_blocks_the_link() -> None:
    text = "John Carter watched as a young boy was pulled from the rubble, although he later died."
    doc, ents = linked(text, [("John Carter", "PERSON")])
    assert unlinked(ents, doc, "he")


def test_pronoun_two_sentences_away_is_not_linked() -> None:
    text = "Maria Lopez won. The crowd cheered. She smiled."
    doc, ents = linked(text, [("Maria Lopez", "PERSON")])
    assert unlinked(ents, doc, "She")


def test_pronouns_never_attach_to_places_or_organisations() -> None:
    text = "Oslo hosted the Red Cross. He arrived late."
    doc, ents = linked(text, [("Oslo", "LOC"), ("Red Cross", "ORG")])
    assert all(m.kind == "name" for e in ents for m in e.mentions)


def test_speaker_after_said_and_possessive_title_wins_over_a_quoted_name() -> None:
    text = (
        "Aid will reach the Rostov region, said its governor Vasily Orlov. "
        "“The Rostov region will host Pavel Dorin and everyone,” he added."
    )
    doc, ents = linked(text, [("Vasily Orlov", "PERSON"), ("Pavel Dorin", "PERSON"), ("Rostov region", "LOC")])
    assert surfaces(doc, entity_with(doc, ents, "Vasily Orlov"), "pronoun") == ["he"]
    assert surfaces(doc, entity_with(doc, ents, "Pavel Dorin"), "pronoun") == []


def test_contracted_and_capitalised_pronouns() -> None:
    text = "Tomas Ruiz won again. He's the mayor now, and HE knows it."
    doc, ents = linked(text, [("Tomas Ruiz", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == ["He", "HE"]


def test_pronoun_inside_a_longer_word_is_ignored() -> None:
    text = "Tomas Ruiz won. Ruiz-hers and hero-his are made-up words; the theme held."
    doc, ents = linked(text, [("Tomas Ruiz", "PERSON")])
    assert surfaces(doc, ents[0], "pronoun") == []
