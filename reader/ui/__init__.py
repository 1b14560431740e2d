"""The Textual app: article view, facts/entities/notes sidebar, library, help and note editor."""
