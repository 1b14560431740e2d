"""Feature extraction, normalisation and gazetteer matching of the entity tagger."""

from __future__ import annotations

from reader.nlp.ner.features import Featurizer, headline, label_cues, shape, short_shape, word_features
from reader.nlp.ner.gazetteers import Gazetteer
from reader.nlp.ner.normalize import norm, straighten


def test_shapes() -> None:
    assert shape("Kyiv") == "Xxxx"
    assert shape("NATO") == "XXXX"
    assert shape("1,200") == "d,ddd"
    assert short_shape("US-supplied") == "X-x"
    assert short_shape("Moscow’s") == "Xx'x"


def test_normalisation_merges_modern_and_old_styles() -> None:
    assert norm("Mr.") == norm("Mr") == "mr"
    assert norm("U.S.") == norm("US") == "us"
    assert norm("NATO") == norm("Nato")
    assert norm("’s") == "'s"
    assert straighten("“quoted”") == '"quoted"'
    assert norm(".") == "."


def test_word_features() -> None:
    f = word_features("US-supplied")
    assert "w=US-supplied" in f and "n=us-supplied" in f
    assert "hy" in f and "h0=us" in f and "hl=supplied" in f
    assert "p1=u" in f and "s4=lied" in f
    assert "ic" in f and "ac" not in f
    g = word_features("NATO")
    assert "ac" in g and "sh=XXXX" in g
    assert "hd" in word_features("2014") and "pu" in word_features("(")


def _gaz() -> Gazetteer:
    return Gazetteer({"LOC": ["Nova Kakhovka", "Kyiv"], "FIRST": ["Vladimir"], "TITLE": ["mr", "president"]})


def test_gazetteer_longest_match_needs_a_capital() -> None:
    gaz = _gaz()
    toks = ["in", "Nova", "Kakhovka", "and", "kyiv", "Kyiv"]
    m = gaz.match([norm(t) for t in toks], [t[:1].isupper() for t in toks])
    assert m[1] == ["g=LOC:B"] and m[2] == ["g=LOC:I"]
    assert m[4] == [] and m[5] == ["g=LOC:U"]
    assert gaz.cue("TITLE") == frozenset({"mr", "president"})


def test_headline_detection() -> None:
    assert headline(["SOCCER", "-", "LEEDS", "BEAT", "CHELSEA", "."])
    assert not headline(["The", "EU", "said", "so", "."])


def test_sentence_features_context_and_position() -> None:
    fz = Featurizer(_gaz())
    (sent,) = fz.document([["Mr", "Saldo", "visited", "Kyiv", "."]])
    assert len(sent) == 5
    saldo = sent[1]
    assert "n-1=mr" in saldo and "n1=visited" in saldo and "n-2=<S>" in saldo
    assert "title-1" in saldo
    assert "first" in sent[0] and "first" not in saldo
    assert "g=LOC:U" in sent[3]


def test_document_level_cues() -> None:
    fz = Featurizer(_gaz())
    doc = [["Vladimir", "Saldo", "spoke", "."], ["Saldo", "said", "Mr", "Saldo", "left", "."], ["SALDO", "SPEAKS"]]
    sents = fz.document(doc)
    first_saldo = sents[1][0]
    assert "D:last" in first_saldo  # seen as the last word of a capitalised run
    assert "D:title" in first_saldo  # seen after a title elsewhere
    assert any(f.startswith("D:cm1lo0") for f in first_saldo)
    caps = sents[2][0]
    assert "caps" in caps and "D:mix=Xx" in caps
    without = Featurizer(_gaz(), doc_features=False).document(doc)
    assert not any(f.startswith("D:") for s in without for t in s for f in t)


def test_label_cues_spread_a_type_over_the_document() -> None:
    sents = [["Vladimir", "Saldo", "spoke"], ["Saldo", "left"]]
    tags = [["B-PER", "I-PER", "O"], ["B-LOC", "O"]]
    cues = label_cues(sents, tags)
    assert "P:maj=PER" in cues[1][0] and "P:0=B-LOC" in cues[1][0]
    assert "P:-1=<S>" in cues[1][0] and "P:+1=O" in cues[1][0]
    assert not any(f.startswith("P:maj") for f in cues[0][2])


def test_feature_cache_is_reused() -> None:
    fz = Featurizer(_gaz())
    fz.document([["Kyiv", "said"]])
    before = fz._word["Kyiv"]
    fz.document([["in", "Kyiv"]])
    assert fz._word["Kyiv"] is before


def test_runs_skip_titles_and_common_sentence_starts() -> None:
    gaz = Gazetteer({"TITLE": ["mr"], "COMMON": ["both"]})
    fz = Featurizer(gaz)
    doc = [["Both", "Kyiv", "and", "Moscow", "agreed", "."], ["Mr", "Saldo", "spoke", "."], ["Kyiv", "and", "Saldo"]]
    sents = fz.document(doc)
    assert "D:last" not in sents[2][0]  # "Both Kyiv" is not a name run, "Mr Saldo" neither
    assert "D:last" not in sents[2][2]
    assert "cw" in sents[0][0] and "cw" not in sents[0][1]


def test_sentence_start_skips_bullets_and_quotes() -> None:
    fz = Featurizer(Gazetteer({"COMMON": ["the"]}))
    (sent,) = fz.document([["-", "“", "The", "Rostov", "region", "agreed"]])
    assert "first" in sent[2] and "first" not in sent[0]
    assert "D:last" not in sent[3]


def test_label_cues_coordination() -> None:
    cues = label_cues([["Russia", "and", "Crimea", ",", "Kyiv"]], [["B-LOC", "O", "B-ORG", "O", "B-LOC"]])
    assert "P:co=LOC" in cues[0][2] and "P:co+=LOC" in cues[0][2]
    assert "P:co+=ORG" in cues[0][0] and not any(f.startswith("P:co") for f in cues[0][1])

