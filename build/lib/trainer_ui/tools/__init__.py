"""One renderer per tool tab of the attempt workspace (`render()` in each module)."""
