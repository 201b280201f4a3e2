# SPDX-License-Identifier: MIT
"""marketgraph: a market system as a graph, and what holds it back.

Thin Python bindings (ctypes, standard library only) over the C library
libmarketgraph.  Read a model with load(), loads() or from_dict(), or build
one with Model() and its add_* methods; export it with to_json(), to_dict()
or save().  Errors raise marketgraph.Error subclasses carrying the library's
message, with the JSON path of the offending field.

The library is found through $MARKETGRAPH_LIBRARY, else the soname
libmarketgraph.so.0, else ctypes.util.find_library("marketgraph").
"""

from ._version import __version__
from .errors import (CanceledError, Error, ExistsError, FileError, InvalidArgumentError,
                     NotFoundError, OutOfMemoryError, ParseError, UnsupportedError,
                     ValidationError)
from .model import (Actor, Commodity, Facilitation, Membership, Model, Transaction, from_dict,
                    load, loads, read)
from ._native import lib as _lib, library_path
from .analysis import compare
from .records import Records, records

__all__ = [
    "__version__", "library_version", "library_path",
    "Model", "load", "read", "loads", "from_dict", "compare",
    "Actor", "Transaction", "Facilitation", "Membership", "Commodity",
    "Records", "records",
    "Error", "OutOfMemoryError", "InvalidArgumentError", "NotFoundError", "ExistsError",
    "ValidationError", "ParseError", "UnsupportedError", "FileError", "CanceledError",
]

#: The version of the C library in use, as "0.1.0".
library_version = _lib.mkg_version_string().decode()
