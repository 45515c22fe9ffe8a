"""Reading a YAML file into plain data plus the line of every mapping key and list item."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 256 * 1024
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


def parse_text(text: str, path: Path) -> Source:
    """Parse YAML text; SourceError (with the line) if it is not valid YAML."""
    src = Source(path=path, data=None)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            src.lines[()] = node.start_mark.line + 1
            src.data = _build(loader, node, (), src)
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
    """Read and parse one file; refuses files over 256 KiB and non-UTF-8 text."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}") from exc
    if size > MAX_BYTES:
        raise SourceError(f"file is {size} bytes; the limit is {MAX_BYTES} (256 KiB)")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8 text: {exc.reason}") from exc
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}") from exc
    return parse_text(text, path)
