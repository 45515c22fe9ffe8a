"""Show user-supplied text as the same text: Markdown and HTML in it are not interpreted.

Streamlit never runs HTML from `st.markdown`/`st.write`, but it does render Markdown, so a
question like `[klik](javascript:...)` would become a link. Everything a person or the data
typed goes through `plain()` before it reaches a Markdown-rendering element.
"""

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: object) -> str:
    """`text` with every Markdown metacharacter escaped, so it renders literally."""
    return _MARKDOWN.sub(r"\\\1", str(text))
