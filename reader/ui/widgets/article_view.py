"""The article pane: a Line API ScrollView that wraps once per width and draws only visible lines."""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any, Sequence

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.document import Document
from reader.ui.layout import Wrapped, char_cells, offset_at_column, wrap
from reader.ui.spans import MentionRef, SpanLayer, cursor_units, mention_layer, number_layer

GUTTER = 2
_CLUSTER_MARKS = "\u200d\ufe0f"  # zero-width joiner, variation selector 16
MAX_FIND_MATCHES = 100_000
_LABEL_CLASS = {
    "PERSON": "article-view--person",
    "ORG": "article-view--org",
    "LOC": "article-view--loc",
    "MISC": "article-view--misc",
}


class ArticleView(ScrollView, can_focus=True):
    """The article text with entity colours, a sentence cursor, mention walking and find."""

    COMPONENT_CLASSES = {
        "article-view--person",
        "article-view--org",
        "article-view--loc",
        "article-view--misc",
        "article-view--number",
        "article-view--note",
        "article-view--cursor",
        "article-view--active",
        "article-view--find",
        "article-view--find-current",
        "article-view--flash",
        "article-view--gutter-mark",
    }

    DEFAULT_CSS = """
    ArticleView {
        overflow-y: scroll;
        overflow-x: hidden;
        background: $surface;
        color: $foreground;
        padding: 0 1 0 0;
    }
    ArticleView > .article-view--person { color: $entity-person; }
    ArticleView > .article-view--org { color: $entity-org; }
    ArticleView > .article-view--loc { color: $entity-loc; }
    ArticleView > .article-view--misc { color: $entity-misc; }
    ArticleView > .article-view--number { color: $entity-number; text-style: italic; }
    ArticleView > .article-view--note { background: $warning 25%; }
    ArticleView > .article-view--cursor { background: $primary 18%; }
    ArticleView > .article-view--active { text-style: bold underline; }
    ArticleView > .article-view--find { background: $secondary 45%; }
    ArticleView > .article-view--find-current { background: $accent 70%; text-style: bold; }
    ArticleView > .article-view--flash { text-style: reverse bold; }
    ArticleView > .article-view--gutter-mark { color: $accent; text-style: bold; }
    """

    BINDINGS = [
        Binding("j", "cursor(1)", "Next sentence", id="next-sentence", show=False),
        Binding("k", "cursor(-1)", "Previous sentence", id="prev-sentence", show=False),
        Binding("down", "scroll_lines(1)", "Scroll down", id="scroll-down", show=False),
        Binding("up", "scroll_lines(-1)", "Scroll up", id="scroll-up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", id="page-down", show=False),
        Binding("b,pageup", "page(-1)", "Page up", id="page-up", show=False),
        Binding("g,home", "edge(0)", "Top", id="top", show=False),
        Binding("G,end", "edge(1)", "Bottom", id="bottom", show=False),
        Binding("enter", "activate_here", "Jump", id="activate", show=False,
                tooltip="Make the first entity in the current sentence active"),
    ]

    class StateChanged(Message):
        """The active entity, find state or cursor changed (the status line re-reads the view)."""

    def __init__(self, doc: Document, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.doc = doc
        self.wrapped: Wrapped | None = None
        self.mentions: SpanLayer[MentionRef] = SpanLayer()
        self.numbers: SpanLayer[str] = SpanLayer()
        self.notes: SpanLayer[int] = SpanLayer()
        self.units: SpanLayer[int] = SpanLayer()
        self.find_layer: SpanLayer[int] = SpanLayer()
        self.find_query = ""
        self.find_index = -1
        self.nav_mode = "entity"
        self.cursor = 0
        self.active_entity: int | None = None
        self.active_mention = 0
        self._active_lines: set[int] = set()
        self._flash: tuple[int, int] | None = None
        self._flash_timer: Any = None
        self._generation = 0
        self._cache: OrderedDict[tuple[int, int], Strip] = OrderedDict()
        self._cache_size = 512
        self._styles: dict[str, Style] = {}
        self._build_layers()

    # ----- document and layers -------------------------------------------------------------
    def _build_layers(self) -> None:
        doc = self.doc
        self.mentions = mention_layer(doc)
        self.numbers = number_layer(doc)
        self.units = cursor_units(doc)
        self.cursor = min(self.cursor, max(0, len(self.units) - 1))

    def set_document(self, doc: Document) -> None:
        """Show a new analysis of the document (same text; new entity and fact layers)."""
        keep = self.cursor_span()
        text_changed = doc.text != self.doc.text
        self.doc = doc
        self.active_entity = None
        self.active_mention = 0
        self._active_lines = set()
        self._build_layers()
        if keep is not None and len(self.units):
            self.cursor = self._unit_index_at(keep[0])
        if text_changed:
            self.wrapped = None
            self.clear_find()
            self._rewrap()
        self._restyle()
        self.post_message(self.StateChanged())

    def set_highlights(self, spans: Sequence[tuple[int, int, int]]) -> None:
        """Mark highlighted passages: (start, end, highlight id)."""
        self.notes = SpanLayer(spans, merge=True)
        self._restyle()

    # ----- wrapping and drawing -------------------------------------------------------------
    def _wrap_width(self) -> int:
        return max(8, self.scrollable_content_region.width - GUTTER)

    def _rewrap(self) -> None:
        width = self._wrap_width()
        if self.wrapped is not None and self.wrapped.width == width:
            return
        self.wrapped = wrap(self.doc.text, width)
        self._cache.clear()
        self._update_active_lines()
        self.virtual_size = Size(width + GUTTER, len(self.wrapped))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap when the width changes, keeping the cursor in view."""
        if self.scrollable_content_region.width <= 0:
            return
        old = self.wrapped
        self._rewrap()
        if old is not self.wrapped and old is not None:
            self.scroll_to_offset(self.cursor_span()[0] if self.cursor_span() else 0, center=False)

    def notify_style_update(self) -> None:
        """Theme or CSS changed: forget resolved styles and cached strips."""
        super().notify_style_update()
        self._styles = {}
        self._restyle()

    def _restyle(self) -> None:
        self._generation += 1
        self._cache.clear()
        self.refresh()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def render_line(self, y: int) -> Strip:
        """Draw one visible line (cached per line and style generation)."""
        if self.wrapped is None:
            if self.scrollable_content_region.width <= 0:
                return Strip.blank(self.size.width, self.rich_style)
            self._rewrap()
        assert self.wrapped is not None
        index = self.scroll_offset.y + y
        width = self.wrapped.width + GUTTER
        if index >= len(self.wrapped):
            return Strip.blank(width, self.rich_style)
        key = (index, self._generation)
        strip = self._cache.get(key)
        if strip is not None:
            self._cache.move_to_end(key)
            return strip
        strip = self._render_wrapped_line(index, width)
        self._cache[key] = strip
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return strip

    def _render_wrapped_line(self, index: int, width: int) -> Strip:
        assert self.wrapped is not None
        base = self.rich_style
        text = self.doc.text
        start, end = self.wrapped.starts[index], self.wrapped.ends[index]
        mark = index in self._active_lines
        segments = [Segment("▌ " if mark else "  ", base + self._style("article-view--gutter-mark") if mark else base)]
        layers: list[tuple[str, list[tuple[int, int, Any]]]] = []
        points = {start, end}
        cur = self.cursor_span()
        sources: list[tuple[str, SpanLayer[Any] | None, list[tuple[int, int, Any]] | None]] = [
            ("mention", self.mentions, None),
            ("number", self.numbers, None),
            ("note", self.notes, None),
            ("find", self.find_layer, None),
            ("cursor", None, [(cur[0], cur[1], None)] if cur else []),
            ("flash", None, [(self._flash[0], self._flash[1], None)] if self._flash else []),
        ]
        for name, layer, spans in sources:
            found = list(layer.overlapping(start, end)) if layer is not None else [
                s for s in (spans or []) if s[0] < end and s[1] > start
            ]
            if found:
                layers.append((name, found))
                for s, e, _ in found:
                    if start < s < end:
                        points.add(s)
                    if start < e < end:
                        points.add(e)
        cuts = sorted(points)
        column = 0
        entities = self.doc.entities
        for a, b in zip(cuts, cuts[1:]):
            style = base
            for name, found in layers:
                hit = next((p for s, e, p in found if s <= a < e), _MISS)
                if hit is _MISS:
                    continue
                if name == "mention":
                    ent = entities[hit.entity]
                    style += self._style(_LABEL_CLASS.get(ent.label, "article-view--misc"))
                    if hit.entity == self.active_entity:
                        style += self._style("article-view--active")
                elif name == "number":
                    style += self._style("article-view--number")
                elif name == "note":
                    style += self._style("article-view--note")
                elif name == "find":
                    current = hit == self.find_index
                    style += self._style("article-view--find-current" if current else "article-view--find")
                elif name == "cursor":
                    style += self._style("article-view--cursor")
                elif name == "flash":
                    style += self._style("article-view--flash")
            chunk = text[a:b]
            if "\t" in chunk or not chunk.isascii():
                parts = []
                for ch in chunk:
                    cells = char_cells(ch, column)
                    # a joiner or emoji selector would make the terminal (and Textual) draw a cluster
                    # narrower than the cells the line was wrapped with: leave them out
                    parts.append(" " * cells if ch == "\t" else "" if ch in _CLUSTER_MARKS else ch)
                    column += cells
                chunk = "".join(parts)
            else:
                column += len(chunk)
            segments.append(Segment(chunk, style))
        if column < width - GUTTER:
            segments.append(Segment(" " * (width - GUTTER - column), base))
        return Strip(segments, width)

    # ----- geometry helpers -----------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        """The visual line holding a character offset."""
        if self.wrapped is None:
            return 0
        return self.wrapped.line_of(offset)

    def scroll_to_offset(self, offset: int, center: bool = True) -> None:
        """Scroll so the line holding an offset is comfortably in view."""
        if self.wrapped is None:
            return
        line = self.line_of(offset)
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_offset.y)
        if top + 1 <= line < top + height - 1 and not center:
            return
        if top + 2 <= line < top + height - 2:
            return
        self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def _update_active_lines(self) -> None:
        self._active_lines = set()
        if self.wrapped is None or self.active_entity is None:
            return
        for m in self.doc.entities[self.active_entity].mentions:
            first = self.wrapped.line_of(m.start)
            last = self.wrapped.line_of(max(m.start, m.end - 1))
            self._active_lines.update(range(first, last + 1))

    # ----- cursor -----------------------------------------------------------------------------
    def cursor_span(self) -> tuple[int, int] | None:
        """The current cursor unit (sentence) as (start, end), if the text has any."""
        if not len(self.units):
            return None
        i = min(self.cursor, len(self.units) - 1)
        return self.units.starts[i], self.units.ends[i]

    def _unit_index_at(self, offset: int) -> int:
        i = self.units.index_after(offset) - 1
        return max(0, min(i, len(self.units) - 1))

    def set_cursor_at(self, offset: int) -> None:
        """Put the cursor on the sentence holding (or just before) an offset."""
        if len(self.units):
            self.cursor = self._unit_index_at(offset)

    def action_cursor(self, step: int) -> None:
        """Move the cursor to the next/previous sentence and keep it in view."""
        if not len(self.units):
            return
        self.cursor = max(0, min(len(self.units) - 1, self.cursor + step))
        span = self.cursor_span()
        if span:
            self.scroll_to_offset(span[0], center=False)
        self._restyle()
        self.post_message(self.StateChanged())

    def _follow_scroll(self) -> None:
        """After scrolling, move the cursor onto a visible sentence if it went off screen."""
        span = self.cursor_span()
        if span is None or self.wrapped is None:
            return
        top = int(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        line = self.line_of(span[0])
        if top <= line < top + height:
            return
        target_line = top if line < top else min(len(self.wrapped) - 1, top + height - 1)
        self.cursor = self._unit_index_at(self.wrapped.starts[target_line])
        if line < top and self.line_of(self.units.starts[self.cursor]) < top and self.cursor + 1 < len(self.units):
            self.cursor += 1
        self._restyle()
        self.post_message(self.StateChanged())

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling moved the view: keep the cursor on screen."""
        super().watch_scroll_y(old_value, new_value)
        if old_value != new_value:
            self.call_after_refresh(self._follow_scroll)

    def action_scroll_lines(self, step: int) -> None:
        """Scroll by lines."""
        self.scroll_to(y=self.scroll_offset.y + step, animate=False, immediate=True)

    def action_page(self, step: int) -> None:
        """Scroll by a page."""
        height = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y + step * height, animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        """Go to the top or the bottom, with the cursor."""
        if len(self.units):
            self.cursor = len(self.units) - 1 if end else 0
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False, immediate=True)
        self._restyle()
        self.post_message(self.StateChanged())

    # ----- entities ---------------------------------------------------------------------------
    def activate_entity(self, index: int | None, mention: int = 0, jump: bool = True, flash: bool = False) -> None:
        """Make an entity active (its mentions emphasised) and optionally go to one mention."""
        self.active_entity = index
        self.nav_mode = "entity"
        self.active_mention = 0
        if index is not None:
            mentions = self.doc.entities[index].mentions
            if mentions:
                self.active_mention = mention % len(mentions)
                m = mentions[self.active_mention]
                self.set_cursor_at(m.start)
                if jump:
                    self.scroll_to_offset(m.start)
                if flash:
                    self.flash(m.start, m.end)
        self._update_active_lines()
        self._restyle()
        self.post_message(self.StateChanged())

    def next_mention(self, step: int) -> None:
        """Go to the next/previous mention of the active entity (wrapping round)."""
        if self.active_entity is None:
            self.next_entity(step)
            return
        self.activate_entity(self.active_entity, self.active_mention + step)

    def _reading_position(self) -> int:
        if self.active_entity is not None:
            mentions = self.doc.entities[self.active_entity].mentions
            if mentions:
                return mentions[self.active_mention % len(mentions)].start
        span = self.cursor_span()
        return span[0] - 1 if span else -1

    def next_entity(self, step: int) -> None:
        """Make the entity of the next/previous mention (of another entity) in reading order active."""
        if not len(self.mentions):
            self.app.bell()
            return
        pos = self._reading_position()
        n = len(self.mentions)
        i = self.mentions.index_after(pos) if step > 0 else self.mentions.index_before(pos)
        refs = self.mentions.payloads
        for _ in range(n):  # skip further mentions of the entity that is already active
            ref = refs[i % n]
            if ref.entity != self.active_entity:
                break
            i += 1 if step > 0 else -1
        ref = refs[i % n]
        self.activate_entity(ref.entity, ref.mention)

    def action_activate_here(self) -> None:
        """Make the first entity mentioned in the cursor sentence active."""
        span = self.cursor_span()
        if span is None:
            return
        for _, _, ref in self.mentions.overlapping(*span):
            self.activate_entity(ref.entity, ref.mention, flash=True)
            return
        self.app.bell()

    # ----- find -------------------------------------------------------------------------------
    def find(self, query: str) -> int:
        """Find every case-insensitive occurrence of a plain string; go to the first after the cursor."""
        self.find_query = query
        if not query:
            self.clear_find()
            return 0
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        spans = []
        for n, match in enumerate(pattern.finditer(self.doc.text)):
            if n >= MAX_FIND_MATCHES:
                break
            spans.append((match.start(), match.end(), n))
        self.find_layer = SpanLayer(spans)
        self.nav_mode = "find" if spans else self.nav_mode
        self.find_index = -1
        if spans:
            span = self.cursor_span()
            pos = span[0] if span else 0
            i = self.find_layer.index_after(pos - 1)
            self._goto_match(i if i < len(self.find_layer) else 0)
        else:
            self._restyle()
            self.post_message(self.StateChanged())
        return len(spans)

    def _goto_match(self, i: int) -> None:
        self.find_index = i
        start = self.find_layer.starts[i]
        self.set_cursor_at(start)
        self.scroll_to_offset(start)
        self._restyle()
        self.post_message(self.StateChanged())

    def find_next(self, step: int) -> None:
        """Go to the next/previous find match (wrapping round)."""
        if not len(self.find_layer):
            self.app.bell()
            return
        self._goto_match((self.find_index + step) % len(self.find_layer))

    def clear_find(self) -> None:
        """Forget the find query; n/N walk entity mentions again."""
        self.find_query = ""
        self.find_layer = SpanLayer()
        self.find_index = -1
        self.nav_mode = "entity"
        self._restyle()
        self.post_message(self.StateChanged())

    def navigate(self, step: int) -> None:
        """n/N: walk find matches while a find is active, else the active entity's mentions."""
        if self.nav_mode == "find" and len(self.find_layer):
            self.find_next(step)
        else:
            self.next_mention(step)

    # ----- jumps, flash and mouse -----------------------------------------------------------
    def jump_to(self, start: int, end: int, flash: bool = True) -> None:
        """Move the cursor to a span, scroll it into view and flash it."""
        self.set_cursor_at(start)
        self.scroll_to_offset(start)
        if flash:
            self.flash(start, end)
        self._restyle()
        self.post_message(self.StateChanged())

    def flash(self, start: int, end: int, seconds: float = 0.8) -> None:
        """Show a span in reverse video for a moment."""
        self._flash = (start, end)
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(seconds, self._end_flash)
        self._restyle()

    def _end_flash(self) -> None:
        self._flash = None
        self._flash_timer = None
        self._restyle()

    def offset_at(self, x: int, y: int) -> int | None:
        """The character offset drawn at a point of the widget's content area."""
        if self.wrapped is None:
            return None
        index = int(self.scroll_offset.y) + y
        if not 0 <= index < len(self.wrapped) or x < GUTTER:
            return None
        return offset_at_column(self.doc.text, self.wrapped.starts[index], self.wrapped.ends[index], x - GUTTER)

    def on_click(self, event: events.Click) -> None:
        """Click: put the cursor there; on an entity mention, make that entity active."""
        point = event.get_content_offset(self)
        if point is None:
            return
        offset = self.offset_at(point.x, point.y)
        if offset is None:
            return
        hit = self.mentions.at(offset)
        if hit is not None:
            self.activate_entity(hit[2].entity, hit[2].mention, jump=False)
        else:
            self.set_cursor_at(offset)
            self._restyle()
            self.post_message(self.StateChanged())

    # ----- status -------------------------------------------------------------------------------
    def status_text(self) -> str:
        """A one-line description of the active entity or find, e.g. "Okafor - mention 2/3"."""
        if self.find_query and (self.nav_mode == "find" or not len(self.find_layer)):
            n = len(self.find_layer)
            if not n:
                return f"find {self.find_query!r}: no matches"
            return f"find {self.find_query!r} - match {self.find_index + 1}/{n}"
        if self.active_entity is not None:
            ent = self.doc.entities[self.active_entity]
            total = len(ent.mentions)
            return f"{ent.name} ({ent.label}) - mention {self.active_mention + 1}/{total}"
        return ""


_MISS = object()
