"""Shell text of the trainer UI in Indonesian (default) and English.

Only the shell is translated; tool screens keep the real tools' Indonesian labels. `text` is
pure (tested without Streamlit); `t` reads the language chosen in the sidebar.
"""

from typing import Any

from trainer_ui.messages import MESSAGES as SHELL
from trainer_ui.messages_trainee import TRAINEE_MESSAGES
from trainer_ui.messages_trainer import TRAINER_MESSAGES

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
LANG_KEY = "lang"
MESSAGES = {**SHELL, **TRAINEE_MESSAGES, **TRAINER_MESSAGES}


def text(key: str, lang: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """The message `key` in `lang` (Indonesian when missing), with `{name}` values filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template


def current_language() -> str:
    """The language picked in the sidebar (Indonesian until changed)."""
    import streamlit as st

    lang = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values: Any) -> str:
    """The message `key` in the current language."""
    return text(key, current_language(), **values)
