"""Command palette provider: jump to any entity or fact by typing part of its name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from reader.document import fact_summary
from reader.sanitize import sanitize
from reader.ui.spans import salience

if TYPE_CHECKING:
    from reader.ui.screens.reader import ReaderScreen


class JumpCommands(Provider):
    """Entities and facts of the open article (names are shown as plain text, never markup)."""

    def _reader(self) -> ReaderScreen | None:
        from reader.ui.screens.reader import ReaderScreen

        return self.screen if isinstance(self.screen, ReaderScreen) else None

    def _candidates(self) -> Iterator[tuple[str, str, object]]:
        screen = self._reader()
        if screen is None:
            return
        doc = screen.doc
        order = sorted(range(len(doc.entities)), key=lambda i: salience(doc.entities[i]))
        for i in order:
            ent = doc.entities[i]
            # help text is parsed as markup by the palette: our own words, escaped all the same
            yield sanitize(ent.name), f"{ent.label} - {len(ent.mentions)} mentions", partial(screen.jump_to_entity, i)
        for i, fact in enumerate(doc.facts):
            yield sanitize(fact_summary(fact, doc)), f"fact: {fact.kind}", partial(screen.jump_to_fact, i)

    async def discover(self) -> Hits:
        """Before typing: the most salient entities."""
        for n, (text, help_text, callback) in enumerate(self._candidates()):
            if n >= 20:
                break
            yield DiscoveryHit(Content(text), callback, text=text, help=escape(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        """Fuzzy-match entity names and fact summaries."""
        matcher = self.matcher(query)
        for text, help_text, callback in self._candidates():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), callback, text=text, help=escape(help_text))  # type: ignore[arg-type]


def highlight(matcher: object, text: str) -> Content:
    """Mark the matched characters without parsing the text as markup (Matcher.highlight would)."""
    content = Content(text)
    fuzzy = getattr(matcher, "fuzzy_search", None)
    query = getattr(matcher, "query", "")
    if fuzzy is None:
        return content
    score, offsets = fuzzy.match(query, text)
    if not score:
        return content
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content
