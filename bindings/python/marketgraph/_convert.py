# SPDX-License-Identifier: MIT
"""Checks and conversions of Python values into the C API's arguments.

Wrong Python types raise TypeError; values the C API cannot carry raise
ValidationError with the same `path.field: ...` message the library gives
(a NaN would read as "absent", a NUL would cut a string, a negative
household count would read as "absent").  Everything else is passed on for
the library to judge, so that its rules and messages are the only ones.
"""

import ctypes
import json
import math
import numbers
import os
from collections.abc import Iterable, Mapping

from .errors import InvalidArgumentError, ValidationError

INT64_MAX = 2 ** 63 - 1


def text(raw):
    """A borrowed C string (bytes or None) as str."""
    return None if raw is None else raw.decode("utf-8")


def texts(array, count):
    """A borrowed C array of count strings (NULL when empty) as a list of str."""
    return [array[k].decode("utf-8") for k in range(count)]


def number(d):
    """A C double that may be absent (NaN) as float or None."""
    return None if d != d else d


def _type_name(value):
    return type(value).__name__


def cstr(value, where, required=False):
    """str -> UTF-8 bytes for a `const char *`; None stays NULL unless
    required (an argument, not a record field: then TypeError).  Lone
    surrogates are passed through as the invalid UTF-8 they encode, so the
    library reports them as it reports any invalid UTF-8."""
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise TypeError("%s: expected a string, got %s" % (where, _type_name(value)))
    if "\0" in value:
        raise ValidationError("%s: contains a NUL character (\\u0000)" % where)
    return value.encode("utf-8", "surrogatepass")


def cnumber(value, where, absent_ok=True):
    """int or float -> double.  None is absent (NaN) where absent_ok."""
    if value is None and absent_ok:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError("%s: expected a number, got %s" % (where, _type_name(value)))
    try:
        d = float(value)
    except OverflowError:  # an int beyond double: the library reports +-inf
        d = math.inf if value > 0 else -math.inf
    if d != d and absent_ok:
        raise ValidationError("%s: must be a number >= 0, got nan" % where)
    return d


def ccount(value, where):
    """A count (households) -> int64; None is absent (-1)."""
    if value is None:
        return -1
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError("%s: expected an integer, got %s" % (where, _type_name(value)))
    value = int(value)
    if value < 0:
        raise ValidationError("%s: must be an integer >= 0, got %d" % (where, value))
    if value > INT64_MAX:
        raise ValidationError("%s: must be an integer <= %d, got %d" % (where, INT64_MAX, value))
    return value


def cbool(value, where):
    if value is None:
        return 0
    if not isinstance(value, bool):
        raise TypeError("%s: expected a bool, got %s" % (where, _type_name(value)))
    return int(value)


def enum_names(name_fn, first=0):
    """The format names of an enumeration, read from the library."""
    names = {}
    i = first
    while True:
        raw = name_fn(i)
        if raw is None:
            return names
        names[raw.decode()] = i
        i += 1


def cenum(value, where, names, unset):
    """A format name -> enumeration value; None is `unset`."""
    if value is None:
        return unset
    if not isinstance(value, str):
        raise TypeError("%s: expected a string, got %s" % (where, _type_name(value)))
    try:
        return names[value]
    except KeyError:  # worded as the importer words it
        raise ValidationError("%s: unknown %s %s (expected %s)" % (
            where, where.rsplit(".", 1)[-1], json.dumps(value, ensure_ascii=False),
            ", ".join(names))) from None


def cstr_array(values, where):
    """A list of str -> (char *[], count); None -> (None, 0).  The array
    must stay referenced until the call returns."""
    if values is None:
        return None, 0
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError("%s: expected a list of strings, got %s" % (where, _type_name(values)))
    items = [cstr(v, "%s[%d]" % (where, k)) for k, v in enumerate(values)]
    return (ctypes.c_char_p * len(items))(*items), len(items)


def cattributes(value, where):
    """A dict of free user data -> its JSON text."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError("%s: expected a dict, got %s" % (where, _type_name(value)))
    try:
        return json.dumps(dict(value), ensure_ascii=False).encode("utf-8", "surrogatepass")
    except ValueError as e:  # a circular reference
        raise ValidationError("%s: %s" % (where, e)) from None


def check_keys(record, allowed, where):
    """The keys of a nested record (a payer, the targets) are those of the format."""
    if not isinstance(record, Mapping):
        raise TypeError("%s: expected a dict, got %s" % (where, _type_name(record)))
    for key in record:
        if key not in allowed:
            raise ValidationError("%s.%s: unknown field (expected %s)"
                                  % (where, key, ", ".join(allowed)))


def cpath(path):
    """A file path (str, bytes or os.PathLike) -> bytes for the library."""
    raw = os.fsencode(path)
    if b"\0" in raw:
        raise InvalidArgumentError("%r: path contains a NUL byte" % (path,))
    return raw


def nonfinite(value, path="", seen=None):
    """(path, number) of the first NaN or infinity in a document, or None."""
    if isinstance(value, float):
        return None if math.isfinite(value) else (path, value)
    if isinstance(value, Mapping):
        items = (("%s.%s" % (path, k) if path else str(k), v) for k, v in value.items())
    elif isinstance(value, (list, tuple)):
        items = (("%s[%d]" % (path, i), v) for i, v in enumerate(value))
    else:
        return None
    seen = seen if seen is not None else set()
    if id(value) in seen:  # a cycle: json reports it
        return None
    seen.add(id(value))
    for where, v in items:
        found = nonfinite(v, where, seen)
        if found:
            return found
    return None


def attributes(raw):
    """Stored attributes text (bytes or None) -> dict or None."""
    return None if raw is None else json.loads(raw)
