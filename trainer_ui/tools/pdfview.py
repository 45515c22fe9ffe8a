"""Show a PDF inline: `st.pdf` when streamlit-pdf is installed, else the browser's own viewer."""

import hashlib
import tempfile
from pathlib import Path

import streamlit as st

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
    """The PDF inline, and a download button for the same bytes (key `key`)."""
    try:
        import streamlit_pdf  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        st.iframe(as_file(data, name), height=HEIGHT, alt=name)
    else:
        st.pdf(data, height=HEIGHT, alt=name)
    st.download_button(
        "Download PDF", data, file_name=name, mime="application/pdf", key=key, on_click="ignore"
    )
