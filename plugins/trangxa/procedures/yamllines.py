"""Line numbers of nested YAML values, so messages can point inside lists and mappings."""

from __future__ import annotations

import yaml

Path = tuple[str | int, ...]

# libyaml's parser gives the same nodes and marks many times faster than the pure-Python one.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def nested_lines(text: str, first_line: int = 1) -> dict[Path, int]:
    """Map each key path, such as ("history", 1, "posted"), to the line where it starts."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        # The mapping loader has already reported syntax errors; lines are a courtesy.
        return {}
    lines: dict[Path, int] = {}

    def walk(node: yaml.Node, path: Path) -> None:
        lines.setdefault(path, first_line + node.start_mark.line)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key_path = (*path, str(key_node.value))
                lines[key_path] = first_line + key_node.start_mark.line
                walk(value_node, key_path)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index))

    if root is not None:
        walk(root, ())
    return lines
