# SPDX-License-Identifier: MIT
"""The exceptions raised by marketgraph, one class per status code of
<marketgraph/error.h>.  Each carries the library's message (``str(e)``),
the status code (``e.code``) and, when the message starts with one, the
JSON path of the offending field (``e.path``, e.g. ``"transactions[3].buyer"``).
"""

import re
from typing import Optional

__all__ = [
    "Error", "OutOfMemoryError", "InvalidArgumentError", "NotFoundError",
    "ExistsError", "ValidationError", "ParseError", "UnsupportedError",
    "FileError", "CanceledError", "error_for_code",
]

# A JSON path at the start of a message: "actors[2].tags[0]: ...".
_NAME = r"[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?"
_PATH = re.compile(r"(%s(?:\.%s)*): " % (_NAME, _NAME))


class Error(Exception):
    """Base class of every error the library reports."""

    code = -1  # MKG_ERROR

    def __init__(self, message: str, code: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        m = _PATH.match(message)
        self.path = m.group(1) if m else None


class OutOfMemoryError(Error, MemoryError):
    """MKG_ENOMEM."""
    code = -2


class InvalidArgumentError(Error, ValueError):
    """MKG_EINVAL: a bad option or argument (unknown threshold set, ...)."""
    code = -3


class NotFoundError(Error, LookupError):
    """MKG_ENOTFOUND: no record with that id."""
    code = -4


class ExistsError(Error):
    """MKG_EEXISTS."""
    code = -5


class ValidationError(Error, ValueError):
    """Input that breaks a rule of the model format (MKG_EDATA), and the
    base of ParseError and UnsupportedError: every "bad input" error."""
    code = -10


class ParseError(ValidationError):
    """MKG_EPARSE: not well-formed JSON (the message gives line and column)."""
    code = -6


class UnsupportedError(ValidationError):
    """MKG_EUNSUPPORTED: a newer format version or an unsupported feature."""
    code = -9


class FileError(Error, OSError):
    """MKG_EIO: reading or writing a file failed (the message starts with the path)."""
    code = -7


class CanceledError(Error):
    """MKG_ECANCELED: the progress callback asked to stop (nothing was kept)."""
    code = -11


_BY_CODE = {cls.code: cls for cls in (
    OutOfMemoryError, InvalidArgumentError, NotFoundError, ExistsError,
    ValidationError, ParseError, UnsupportedError, FileError, CanceledError)}


def error_for_code(code: int, message: str) -> Error:
    """The exception for a status code and message (Error for codes not mapped)."""
    return _BY_CODE.get(code, Error)(message, code)
