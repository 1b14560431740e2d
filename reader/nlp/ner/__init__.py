"""Named-entity recognition: a CRF tagger (python-crfsuite) trained on CoNLL-2003 and shipped as data.

`reader.nlp.ner.step:run` is the pipeline step; `tagger.load()` gives the shipped model.
"""
