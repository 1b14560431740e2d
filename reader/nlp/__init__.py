"""The language-processing core: segmentation, entities, linking, POS and facts. Knows nothing of the UI."""
