"""The SOP source texts (`sops/source/*.txt`): the lines every `ref` points at."""

from functools import lru_cache
from pathlib import Path

from scenarios.models.common import REF_PATTERN

SOURCE_DIR = "source"


@lru_cache(maxsize=32)
def source_lines(path: Path) -> tuple[str, ...]:
    """The lines of a SOP source file (empty if it cannot be read)."""
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except OSError:
        return ()


PACKAGE_SOURCES = Path(__file__).resolve().parent / "sops" / SOURCE_DIR


def source_path(sops_dir: Path, file_name: str) -> Path:
    """Where the source text of a SOP lives: beside the SOP file, else in this package."""
    near = sops_dir / SOURCE_DIR / file_name
    return near if near.is_file() else PACKAGE_SOURCES / file_name


def ref_problem(ref: str, prefix: str, lines: tuple[str, ...]) -> str | None:
    """Why `ref` does not point at a non-blank line of the SOP source (None if it does)."""
    import re

    if not re.match(REF_PATTERN, ref):
        return f"{ref!r} is not a SOP line reference like '{prefix}:29'"
    file_prefix, _, number = ref.partition(":")
    if file_prefix != prefix:
        return f"{ref!r} cites SOP {file_prefix}, but this is SOP {prefix}"
    line = int(number)
    if not 1 <= line <= len(lines):
        return f"{ref!r}: the source has {len(lines)} lines"
    if not lines[line - 1].strip():
        return f"{ref!r} points at a blank line"
    return None


def passage(ref: str, lines: tuple[str, ...]) -> str:
    """The text of the line `ref` points at, stripped of list markers and spaces."""
    line = int(ref.partition(":")[2])
    if not 1 <= line <= len(lines):
        return ""
    return lines[line - 1].strip().lstrip("-*• ").strip()
