"""Driving the Streamlit trainer in a real browser: find widgets, act, wait for the result.

Widgets are found by the class Streamlit derives from their `key` (`st-key-<key>`), tabs and
options by their visible names. Streamlit reruns the script after every interaction, and the
attempt page's clock fragment reruns every second, so "the app is idle" alone does not say an
action is done: every action is followed by a wait for what it should show (a chat line, a
screen's table, the next page), polled together with the app being idle; never a fixed sleep.
"""

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Locator, Page

IDLE = (
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
    '[data-test-script-state="notRunning"]'
)
READ_GRIDS = """frames => frames.map(f => Array.from(f.querySelectorAll('tbody tr[role="row"]'))
    .map(r => Array.from(r.querySelectorAll('td[role="gridcell"]')).map(c => c.textContent)))"""
POLL_MS = 100


class StreamlitPage:
    """One browser tab on the trainer UI."""

    def __init__(self, page: Page, timeout_s: float = 30) -> None:
        self.page = page
        self.timeout_s = timeout_s

    def settle(self) -> None:
        """Wait until the app is connected and no script run is in progress."""
        self.page.wait_for_selector(IDLE, state="attached")

    def until(self, condition: Callable[[], Any], what: str) -> Any:
        """Poll until `condition()` is truthy while the app is idle; returns its value."""
        for _ in range(int(self.timeout_s * 1000 / POLL_MS)):
            self.settle()
            found = condition()
            if found:
                return found
            self.page.wait_for_timeout(POLL_MS)
        raise AssertionError(f"timed out after {self.timeout_s} s waiting for {what}")

    def widget(self, key: str) -> Locator:
        """The element container of the widget with `key`."""
        return self.page.locator(f".st-key-{key}")

    def type(self, key: str, text: str) -> None:
        """Type into a text box (Enter) or area (Ctrl+Enter), committing it as a person does."""
        box = self.widget(key).locator("input, textarea").first
        box.fill(text)
        box.press("Control+Enter" if box.evaluate("e => e.tagName") == "TEXTAREA" else "Enter")

    def press(self, key: str) -> None:
        """Click the button with `key`."""
        self.widget(key).locator('button[data-testid^="stBaseButton"]').first.click()

    def choose(self, key: str, option: str) -> None:
        """Open the select box with `key`, type to filter, and pick the option labelled `option`."""
        box = self.widget(key).get_by_role("combobox")
        box.click()
        box.fill(option)
        self.page.get_by_role("option", name=option, exact=True).click()
        self.until(lambda: box.input_value() == option, f"{key} showing {option!r}")

    def tab(self, name: str) -> Locator:
        """Open the tab called `name`; returns its panel."""
        self.page.get_by_role("tab", name=name, exact=True).click()
        panel = self.page.locator('[role="tabpanel"]:visible')
        self.until(lambda: panel.count() == 1, f"the {name} tab")
        return panel

    def chat_lines(self) -> list[str]:
        """The text of every chat message, in order (avatar glyphs left out)."""
        lines = self.page.get_by_test_id("stChatMessageContent").all_inner_texts()
        return [line.strip() for line in lines]

    def tables(self, where: Locator, *expect: str) -> list[list[list[str]]]:
        """The cells of every st.dataframe in `where`, once cells reading `expect` are there.

        The grid draws on a canvas and fills its accessible table (what is read here) a frame
        or two after its data arrives, a grid shown before being updated in place; so read
        until every expected cell is there, no grid is empty, and two reads in a row agree.
        """
        last: list[Any] = []

        def read() -> list[list[list[str]]] | None:
            nonlocal last
            alerts = where.get_by_test_id("stAlert").all_inner_texts()
            if alerts:  # an error or "services down/slow" instead of the screen
                raise AssertionError(f"the page says {alerts} instead of showing {expect}")
            found = where.get_by_test_id("stDataFrame").evaluate_all(READ_GRIDS)
            cells = {cell for grid in found for row in grid for cell in row}
            ready = found == last and all(found) and cells.issuperset(expect)
            last = found
            return found if ready else None

        try:
            return self.until(read, f"tables showing {expect}")
        except AssertionError as exc:
            raise AssertionError(f"{exc}; last read: {last}") from None


def fields(grid: list[list[str]]) -> dict[str, str]:
    """A label/value screen block (columns Field, Nilai) as a dict."""
    return {row[0]: row[1] for row in grid if len(row) >= 2}
