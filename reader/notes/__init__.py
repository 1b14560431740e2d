"""Highlights and notes: a SQLite store that follows edited and renamed articles, and exports."""

from reader.notes.store import ArticleInfo, Highlight, NotesError, NotesStore, default_db_path

__all__ = ["ArticleInfo", "Highlight", "NotesError", "NotesStore", "default_db_path"]
