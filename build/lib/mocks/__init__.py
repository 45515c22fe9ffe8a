"""The mock tools (one folder each) and the episode API, served as one FastAPI app."""
