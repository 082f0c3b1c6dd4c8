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
        self.message = message
        super().__init__(f"{path}{place}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only fields: the default pickling would call __init__(str) and fail in pool workers.
        return (_rebuild_input_error, (self.path, self.message, self.line, self.column, self.offset, self.unit))


class ConfigError(UserError):
    """An option or configuration value is invalid."""


class OutputError(UserError):
    """An output path cannot be written."""


class BackendUnavailableError(UserError):
    """An optional extra (argos, embed, ray) is needed but not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs the '{extra}' extra: pip install 'corpus-tools[{extra}]'")

    def __reduce__(self) -> tuple[object, ...]:
        return (BackendUnavailableError, (self.feature, self.extra))


def _rebuild_input_error(path: str, message: str, line: int | None, column: int | None,
                         offset: int | None, unit: int | None) -> InputError:
    return InputError(path, message, line=line, column=column, offset=offset, unit=unit)
