"""Gladi core: settings, database access, the world's tables and formats, and the CLI."""
