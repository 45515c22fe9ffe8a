"""Show a PDF inline: `st.pdf` when streamlit-pdf is installed, else the browser's own viewer."""

import hashlib
import importlib.util
import tempfile
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException

HEIGHT = 700


def as_file(data: bytes, name: str) -> Path:
    """The bytes written once to a temporary file named by their hash (st.iframe serves it)."""
    folder = Path(tempfile.gettempdir()) / "gladi-ui-pdf"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{Path(name).stem}-{hashlib.sha256(data).hexdigest()[:16]}.pdf"
    if not path.exists():
        path.write_bytes(data)
    return path


def show_pdf(data: bytes, name: str, key: str) -> None:
    """The PDF inline, and a download button for the same bytes (key `key`).

    `st.pdf` (pdf.js, from the streamlit-pdf package) renders in any browser, headless Chromium
    included; without that package the browser's own viewer in an iframe is the fallback
    (Chromium refuses PDFs in Streamlit's sandboxed iframes, so the download button stays).
    """
    try:
        if importlib.util.find_spec("streamlit_pdf") is None:
            raise StreamlitAPIException("streamlit-pdf is not installed")
        st.pdf(data, height=HEIGHT, alt=name)
    except StreamlitAPIException:
        st.iframe(as_file(data, name), height=HEIGHT, alt=name)
    st.download_button(
        "Download PDF", data, file_name=name, mime="application/pdf", key=key, on_click="ignore"
    )
