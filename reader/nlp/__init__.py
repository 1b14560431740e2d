"""The language-processing core: segmentation, entities, linking, POS and facts. Knows nothing of the UI."""

# A text of this many characters or more is long (a few hundred kilobytes): after its analysis the steps drop
# their per-word caches and the pipeline hands freed memory back between steps, since its tens of thousands
# of word types would otherwise stay resident beside the later steps' working memory; a text of usual length
# keeps the caches for the next one, where most of its words recur.
LONG_TEXT_CHARS = 200_000
