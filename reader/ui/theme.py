"""Entity colours as theme-aware CSS variables, with a dark and a light palette."""

from __future__ import annotations

# displaCy-like palette: PERSON lilac, ORG cyan, LOC amber, MISC grey-green.
DARK: dict[str, str] = {
    "entity-person": "#c8a2e8",
    "entity-org": "#5fd7e0",
    "entity-loc": "#f2b84b",
    "entity-misc": "#9fbf9a",
    "entity-number": "#b8c7d9",
}
LIGHT: dict[str, str] = {
    "entity-person": "#7b3fa8",
    "entity-org": "#007c89",
    "entity-loc": "#9a5b00",
    "entity-misc": "#4f6b4a",
    "entity-number": "#3f5670",
}

LABEL_VARIABLE: dict[str, str] = {
    "PERSON": "entity-person",
    "ORG": "entity-org",
    "LOC": "entity-loc",
    "MISC": "entity-misc",
}
LABEL_WORDS: dict[str, str] = {
    "PERSON": "People",
    "ORG": "Organisations",
    "LOC": "Places",
    "MISC": "Other",
}
# Themes `t` cycles through (all built into Textual).
THEME_CYCLE: tuple[str, ...] = (
    "textual-dark",
    "nord",
    "gruvbox",
    "dracula",
    "tokyo-night",
    "textual-light",
    "solarized-light",
)


def palette(dark: bool) -> dict[str, str]:
    """The entity colour variables for a dark or a light theme."""
    return dict(DARK if dark else LIGHT)
