"""The scenario library: every SOP encoding and case, loaded and validated together.

What the API serves (`get_library`) is never all-or-nothing: a file with a problem (bad YAML,
a wrong field, a case id another file already uses, a dangling link, an unreadable file) is
left out and listed in `problems` with its file, line and field, and every other case keeps
serving. The loaded library is kept while the files stay the same: each worker looks at the
files' sizes and times at most every GLADI_LIBRARY_CHECK_SECONDS and reloads only on a change.
`.yml` files are read like `.yaml` ones.
"""

import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from gladi.errors import NotFound
from scenarios.models import Case, Sop
from scenarios.problems import LibraryError, Problem
from scenarios.sources import source_lines, source_path
from scenarios.validate.case_file import validate_case
from scenarios.validate.errors import display
from scenarios.validate.sop_file import validate_sop
from scenarios.yamlsrc import Source, SourceError, read_source

SOPS, CASES = "sops", "cases"
SUFFIXES = (".yaml", ".yml")
Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass
class Library:
    """Loaded SOPs and cases (only files without problems)."""

    root: Path
    sops: dict[str, Sop] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def case(self, case_id: str) -> Case:
        """The case with this id; NotFound naming `scenario` otherwise."""
        try:
            return self.cases[case_id]
        except KeyError:
            raise NotFound(
                f"no scenario {case_id!r}",
                field="scenario",
                expected="an id from GET /api/scenarios",
            ) from None

    def sop_of(self, case: Case) -> Sop:
        """The SOP a case practises."""
        return self.sops[case.sop]

    def source_lines(self, sop: Sop) -> tuple[str, ...]:
        """The lines of the SOP's source text."""
        return source_lines(source_path(self.root / SOPS, sop.source))


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named, and those under the named folders (sorted, no duplicates); in a
    library root (a folder holding `sops` or `cases`) only those two folders are searched, so
    the engine's own data files (scenarios/understanding/data) are not taken for cases."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            roots = [path / SOPS, path / CASES]
            searched = [r for r in roots if r.is_dir()] or [path]
            for folder in searched:
                found += sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _is_sop_file(path: Path) -> bool:
    """SOP encodings live in a `sops` folder or are named `sop-NNN.yaml`; the rest are cases."""
    return path.parent.name == SOPS or re.fullmatch(r"sop-\d{3}", path.stem) is not None


def _unresolved(path: Path) -> str:
    """The file's own name for a problem (a dangling link is named, not its target)."""
    absolute = os.path.abspath(path)
    inside = absolute.startswith(os.path.abspath(os.getcwd()) + os.sep)
    return os.path.relpath(absolute) if inside else str(path)


def _read(path: Path, problems: list[Problem]) -> Source | None:
    try:
        return read_source(path)
    except SourceError as exc:
        name = display(path) if path.exists() else _unresolved(path)
        problems.append(Problem(name, exc.line, "", exc.message))
        return None


def _load(sop_paths: list[Path], case_paths: list[Path], into: Library) -> None:
    for path in sop_paths:
        src = _read(path, into.problems)
        if src is None:
            continue
        sop, found = validate_sop(src)
        into.problems += found
        if sop is not None and sop.id in into.sops:
            into.problems.append(Problem(display(path), 1, "id", f"duplicate SOP id {sop.id}"))
        elif sop is not None:
            into.sops[sop.id] = sop
    first_file: dict[str, Path] = {}
    for path in case_paths:
        src = _read(path, into.problems)
        if src is None:
            continue
        case, found = validate_case(src, into.sops)
        into.problems += found
        if case is not None and case.id in into.cases:
            other = display(first_file[case.id])
            message = f"duplicate case id {case.id}: {other} has it already"
            into.problems.append(Problem(display(path), src.line_of(("id",)), "id", message))
        elif case is not None:
            into.cases[case.id] = case
            first_file[case.id] = path
    into.problems.sort()


def _sop_files(root: Path) -> list[Path]:
    folder = root / SOPS
    return sorted(p for p in folder.glob("*") if p.suffix in SUFFIXES) if folder.is_dir() else []


def load_library(root: Path, strict: bool = True) -> Library:
    """Load `<root>/sops/*.yaml` and `<root>/cases/**/*.yaml`.

    With `strict` (the default) any problem raises LibraryError listing them all; otherwise the
    library holds the files without problems and `problems` lists the rest.
    """
    library = Library(root=root)
    _load(_sop_files(root), yaml_files([root / CASES]) if (root / CASES).is_dir() else [], library)
    if strict and library.problems:
        raise LibraryError(library.problems)
    return library


def validate_files(
    paths: Iterable[Path], root: Path | None = None, build: bool = True
) -> list[Problem]:
    """Every problem of the given files (folders are searched for YAML).

    Cases are checked against the SOP files given, else against the library's SOPs at `root`;
    with `build` each valid case is also built on several seeds (scenarios.validate.buildable).
    """
    files = yaml_files(paths)
    sop_paths = [p for p in files if _is_sop_file(p)]
    case_paths = [p for p in files if not _is_sop_file(p)]
    library = Library(root=root or Path("."))
    if case_paths and root is not None:
        given = {p.resolve() for p in sop_paths}
        sop_paths += [p for p in _sop_files(root) if p.resolve() not in given]
    _load(sop_paths, case_paths, library)
    named = {display(p) for p in files}
    problems = [p for p in library.problems if p.file in named]
    if build:
        from scenarios.validate.buildable import all_build_problems

        broken = {p.file for p in problems}
        sources = [s for p in case_paths if display(p) not in broken and (s := _quiet(p))]
        problems += all_build_problems(library, sources)
    return sorted(problems)


def _quiet(path: Path) -> Source | None:
    try:
        return read_source(path)
    except SourceError:
        return None


def fingerprint(root: str) -> Fingerprint:
    """Every YAML file of the library at `root` (under sops/ and cases/) with its mtime and
    size: changes when any file does (a file that cannot be stat'ed, such as a dangling link,
    counts as (-1, -1))."""
    entries = []
    for path in yaml_files([Path(root)]):
        try:
            stat = os.stat(path)
        except OSError:
            entries.append((str(path), -1, -1))
            continue
        entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


@lru_cache(maxsize=4)
def _cached(root: str, _files: Fingerprint) -> Library:
    return load_library(Path(root), strict=False)


_checked: dict[str, tuple[float, Fingerprint]] = {}
"""Per library root: when this process last looked at the files, and what it saw."""


def get_library() -> Library:
    """The library at `<settings.scenarios_dir>`: the files without problems, and `problems`.

    Loaded once and reused while no file changes: the files' mtimes and sizes are compared at
    most every GLADI_LIBRARY_CHECK_SECONDS, so a case saved through one worker is seen by every
    other worker within that time (at once by the worker that saved it: `clear_cache`).
    """
    from gladi.settings import get_settings

    settings = get_settings()
    root = str(settings.scenarios_dir)
    now = time.monotonic()
    seen = _checked.get(root)
    if seen is None or now - seen[0] >= settings.library_check_seconds:
        seen = (now, fingerprint(root))
        _checked[root] = seen
    return _cached(root, seen[1])


def clear_cache() -> None:
    """Forget loaded libraries and when the files were last looked at (after saving a file)."""
    _checked.clear()
    _cached.cache_clear()
