"""Reading a YAML file into plain data plus the line of every mapping key and list item.

The work is bounded whatever the text: nesting deeper than MAX_DEPTH is refused while the
document is composed (before any recursion can run away), and so are more than MAX_ALIASES
aliases; the composed node graph is then measured without expanding it (each shared node
counted once per use, from memoised sizes), and a document whose aliases would expand past
MAX_NODES nodes or MAX_DEPTH levels, or that refers to itself, is refused before anything
walks it. A 392-byte "billion laughs" bomb is refused in well under a millisecond instead of
taking seconds and gigabytes (bench/yaml_bomb.py). Non-printable characters are refused with
their line.
"""

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32
"""Nesting levels a file may have (the committed SOPs need 10)."""
MAX_ALIASES = 50
MAX_NODES = 50_000
"""Nodes a file may hold once its aliases are expanded (the largest SOP has ~2,600)."""
Path_ = tuple[str | int, ...]


class SourceError(Exception):
    """The file cannot be read as YAML; `line` says where (1-based)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class Source:
    """A parsed file: its data and where each path starts."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicates: list[tuple[Path_, int]] = field(default_factory=list)

    def line_of(self, loc: tuple[Any, ...]) -> int:
        """The line of the deepest known prefix of `loc` (1 if nothing matches)."""
        key = tuple(loc)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), 1)


def _build(loader: yaml.SafeLoader, node: yaml.Node, at: Path_, src: Source) -> Any:
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | bool | float):
                key = str(key)
            here = (*at, key)
            if key in result:
                src.duplicates.append((here, key_node.start_mark.line + 1))
            src.lines[here] = key_node.start_mark.line + 1
            result[key] = _build(loader, value_node, here, src)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            src.lines[(*at, index)] = item.start_mark.line + 1
            items.append(_build(loader, item, (*at, index), src))
        return items
    return loader.construct_object(node, deep=True)


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing too deep nesting and too many aliases as it composes."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = 0
        self.aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if isinstance(event, yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise SourceError(f"more than {MAX_ALIASES} aliases", line)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise SourceError(f"nested deeper than {MAX_DEPTH} levels", line)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_expansion(root: yaml.Node) -> None:
    """SourceError when the document, aliases expanded, would exceed MAX_NODES nodes or
    MAX_DEPTH levels, or contains itself. Linear in the composed (unexpanded) graph."""
    measured: dict[int, tuple[int, int]] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            parts = [measured[id(c)] for c in _children(node)]
            size = 1 + sum(p[0] for p in parts)
            depth = 1 + max((p[1] for p in parts), default=0)
            line = node.start_mark.line + 1
            if size > MAX_NODES:
                raise SourceError(f"its aliases expand to more than {MAX_NODES} nodes", line)
            if depth > MAX_DEPTH:
                raise SourceError(f"its aliases nest deeper than {MAX_DEPTH} levels", line)
            measured[key] = (size, depth)
        elif key in on_path:
            raise SourceError(
                "an alias refers to the node that contains it", node.start_mark.line + 1
            )
        elif key not in measured:
            on_path.add(key)
            stack.append((node, True))
            stack.extend((c, False) for c in _children(node) if id(c) not in measured)


def _reader_error(text: str, exc: yaml.reader.ReaderError) -> SourceError:
    line = text.count("\n", 0, max(0, exc.position)) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    return SourceError(f"non-printable character U+{code:04X} (not allowed in YAML)", line)


def parse_text(text: str, path: Path) -> Source:
    """Parse YAML text; SourceError (with the line) if it is not valid YAML or is over the
    limits on nesting, aliases and size."""
    src = Source(path=path, data=None)
    try:
        loader = _BoundedLoader(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, exc) from exc
    try:
        node = loader.get_single_node()
        if node is not None:
            check_expansion(node)
            src.lines[()] = node.start_mark.line + 1
            src.data = _build(loader, node, (), src)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, exc) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SourceError(f"not valid YAML: {exc.problem or exc}", line) from exc
    except yaml.YAMLError as exc:
        raise SourceError(f"not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    return src


def read_source(path: Path) -> Source:
    """Read and parse one file; refuses what is not a regular file (a folder, a dangling link,
    a pipe that would block), files over 256 KiB and non-UTF-8 text."""
    try:
        info = path.stat()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror} (a dangling link?)") from exc
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("cannot read: not a regular file")
    size = info.st_size
    if size > MAX_BYTES:
        raise SourceError(f"file is {size} bytes; the limit is {MAX_BYTES} (256 KiB)")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8 text: {exc.reason}") from exc
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}") from exc
    return parse_text(text, path)
