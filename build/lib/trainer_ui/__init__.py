"""The Streamlit trainer: a pure HTTP client of the Gladi API (pages, tool screens, helpers)."""
