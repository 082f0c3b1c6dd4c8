"""The exception family: user errors (exit 2) versus internal errors (exit 1)."""

from __future__ import annotations


class CorpusToolsError(Exception):
    """Base of every error corpus-tools raises on purpose."""

    exit_code = 1


class UserError(CorpusToolsError):
    """A problem the user can fix: bad input, bad option, missing file. Exit code 2."""

    exit_code = 2


class InputError(UserError):
    """An input file cannot be read; the message names the file and the place."""

    def __init__(self, path: str, message: str, *, line: int | None = None,
                 column: int | None = None, offset: int | None = None,
                 unit: int | None = None) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.offset = offset
        self.unit = unit
        where = []
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}")
        if offset is not None:
            where.append(f"byte offset {offset}")
        if unit is not None:
            where.append(f"unit {unit}")
        place = f" ({', '.join(where)})" if where else ""
        super().__init__(f"{path}{place}: {message}")


class ConfigError(UserError):
    """An option or configuration value is invalid."""


class OutputError(UserError):
    """An output path cannot be written."""


class BackendUnavailableError(UserError):
    """An optional extra (argos, embed, ray) is needed but not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs the '{extra}' extra: pip install 'corpus-tools[{extra}]'")
