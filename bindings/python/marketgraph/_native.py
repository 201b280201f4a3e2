# SPDX-License-Identifier: MIT
"""The C library through ctypes: loading, the structs of the public headers,
and one table of prototypes.  Nothing here is public API.

Every int-returning fallible function gets `_check` as errcheck: a negative
status raises the exception mapped from mkg_error_code(), carrying
mkg_error_message().  ctypes runs errcheck on the calling thread right after
the call, so the thread-local message is the one of this call.
"""

import ctypes
import ctypes.util
import os

from ._version import __version__
from .errors import UnsupportedError, error_for_code

__all__ = ["lib", "library_path", "MODEL_P", "REPORT_P", "ActorDesc",
           "TransactionDesc", "FacilitationDesc", "Payment", "MembershipDesc",
           "CommodityDesc",
           "ReadOptions", "ReportOptions", "REPORT_PROGRESS", "owned_string", "NONE"]

SONAME = "libmarketgraph.so.0"
ENV = "MARKETGRAPH_LIBRARY"

# MKG_NONE: the size_t index that names no record.
NONE = ctypes.c_size_t(-1).value


def _open():
    """Load the library: $MARKETGRAPH_LIBRARY if set (and then only that, so a
    wrong path is never silently replaced by another build), else the soname,
    else what ctypes.util.find_library finds.  ImportError lists every try."""
    explicit = os.environ.get(ENV)
    if explicit:
        candidates = [(ENV + "=" + explicit, explicit)]
    else:
        candidates = [("soname " + SONAME, SONAME)]
        found = ctypes.util.find_library("marketgraph")
        candidates.append(("ctypes.util.find_library('marketgraph') -> %r" % found, found))
    tried = []
    for label, path in candidates:
        if not path:
            tried.append(label)
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append("%s: %s" % (label, e))
    raise ImportError("marketgraph: cannot load the C library libmarketgraph; tried:\n  "
                      + "\n  ".join(tried)
                      + "\nInstall libmarketgraph or set %s to the path of "
                      "libmarketgraph.so.0" % ENV)


lib, library_path = _open()


class _Model(ctypes.Structure):
    pass


class _Report(ctypes.Structure):
    pass


MODEL_P = ctypes.POINTER(_Model)
REPORT_P = ctypes.POINTER(_Report)

c_int, c_uint, c_size_t, c_double, c_int64 = (
    ctypes.c_int, ctypes.c_uint, ctypes.c_size_t, ctypes.c_double, ctypes.c_int64)
c_char_p, c_void_p = ctypes.c_char_p, ctypes.c_void_p
STR_ARRAY = ctypes.POINTER(c_char_p)
P = ctypes.POINTER


# ---- structs, field for field as in include/marketgraph/*.h (version 1) ----
# The record descriptions carry records both ways: into mkg_model_add_*() and
# out of mkg_model_*_at().

class Cost(ctypes.Structure):
    _fields_ = [("item", c_char_p), ("amount", c_double), ("period", c_char_p),
                ("commodity", c_char_p)]


class ActorDesc(ctypes.Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", c_char_p), ("name", c_char_p), ("kind", c_int),
                ("region", c_char_p), ("households", c_int64), ("capacity", c_double),
                ("supply", c_double), ("demand", c_double), ("tags", STR_ARRAY),
                ("tag_count", c_size_t), ("attributes", c_char_p), ("firms", c_int64),
                ("costs", ctypes.POINTER(Cost)), ("cost_count", c_size_t)]


class TransactionDesc(ctypes.Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", c_char_p), ("seller", c_char_p),
                ("buyer", c_char_p), ("commodity", c_char_p), ("volume", c_double),
                ("value", c_double), ("period", c_char_p), ("contract", c_int),
                ("service", c_int), ("capacity", c_double), ("attributes", c_char_p),
                ("level", c_char_p)]


class Payment(ctypes.Structure):
    _fields_ = [("actor", c_char_p), ("share", c_double)]


class FacilitationDesc(ctypes.Structure):
    VERSION = 2
    _fields_ = [("version", c_uint), ("id", c_char_p), ("facilitator", c_char_p),
                ("type", c_int), ("function", c_int),
                ("target_actors", STR_ARRAY), ("target_actor_count", c_size_t),
                ("target_transactions", STR_ARRAY), ("target_transaction_count", c_size_t),
                ("start", c_char_p), ("end", c_char_p), ("exit", c_int),
                ("successor", c_char_p), ("cost", c_double),
                ("paid_by", P(Payment)), ("paid_by_count", c_size_t),
                ("attributes", c_char_p),
                ("embedded", STR_ARRAY), ("embedded_count", c_size_t),
                ("embedded_share", c_double)]


class MembershipDesc(ctypes.Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("group", c_char_p), ("member", c_char_p),
                ("since", c_char_p), ("role", c_char_p)]


class CommodityDesc(ctypes.Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", c_char_p), ("unit", c_char_p),
                ("service", c_int), ("made_from", c_char_p), ("input_per_unit", c_double),
                ("attributes", c_char_p), ("transfer", c_int)]


class ReadOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_read_options_init"
    _fields_ = [("version", c_uint), ("format", c_int), ("aggregate", c_int)]


class ReportOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_report_options_init"
    _fields_ = [("version", c_uint), ("measure", c_int), ("thresholds", c_char_p),
                ("split_by_region", c_int), ("exit_date", c_char_p),
                ("coalition", STR_ARRAY), ("coalition_count", c_size_t),
                ("channels", c_int), ("levels", c_int),
                ("by_tag", STR_ARRAY), ("by_tag_count", c_size_t), ("detail", c_int),
                ("sections", c_char_p), ("top", c_size_t), ("progress", c_void_p),
                ("progress_data", c_void_p), ("threads", c_uint)]


# mkg_report_progress_fn: int (*)(const char *section, double fraction, void *data)
REPORT_PROGRESS = ctypes.CFUNCTYPE(ctypes.c_int, c_char_p, ctypes.c_double, c_void_p)


class ReportHtmlOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_report_html_options_init"
    _fields_ = [("version", c_uint), ("model", c_void_p), ("date", c_char_p)]


class ReportCsvOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_report_csv_options_init"
    _fields_ = [("version", c_uint), ("bom", c_int), ("safe_cells", c_int)]


class ConcentrationOptions(ctypes.Structure):
    VERSION, INIT = 2, "mkg_concentration_options_init"
    _fields_ = [("version", c_uint), ("measure", c_int), ("split_by_region", c_int),
                ("thresholds", c_char_p), ("custom_thresholds", c_void_p), ("levels", c_int),
                ("threads", c_uint)]


class CoalitionOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_coalitions_options_init"
    _fields_ = [("version", c_uint), ("measure", c_int), ("split_by_region", c_int),
                ("actors", STR_ARRAY), ("actor_count", c_size_t), ("no_groups", c_int),
                ("levels", c_int)]


class DependencyOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_dependency_options_init"
    _fields_ = [("version", c_uint), ("measure", c_int)]


class BottleneckOptions(ctypes.Structure):
    VERSION, INIT = 2, "mkg_bottlenecks_options_init"
    _fields_ = [("version", c_uint), ("sources", STR_ARRAY), ("source_count", c_size_t),
                ("sinks", STR_ARRAY), ("sink_count", c_size_t), ("pivots", c_size_t),
                ("seed", ctypes.c_uint64), ("chain", c_char_p), ("threads", c_uint)]


class Chain(ctypes.Structure):
    _fields_ = [("commodity", c_char_p), ("unit", c_char_p)]


class ShockOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_shock_options_init"
    _fields_ = [("version", c_uint), ("remove", STR_ARRAY), ("remove_count", c_size_t),
                ("sources", STR_ARRAY), ("source_count", c_size_t),
                ("sinks", STR_ARRAY), ("sink_count", c_size_t), ("chain", c_char_p)]


class FacilitationMixOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_facilitation_mix_options_init"
    _fields_ = [("version", c_uint), ("measure", c_int), ("split_by_region", c_int)]


class ExitSimulationOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_exit_simulation_options_init"
    _fields_ = [("version", c_uint), ("measure", c_int), ("split_by_region", c_int),
                ("date", c_char_p)]

class ExitReadinessOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_exit_readiness_options_init"
    _fields_ = [("version", c_uint)]

class CompetingOptions(ctypes.Structure):
    VERSION, INIT = 2, "mkg_competing_options_init"
    _fields_ = [("version", c_uint), ("duplication_similarity", c_double),
                ("sample_ids", c_size_t)]

class PaymentsOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_payments_options_init"
    _fields_ = [("version", c_uint)]

class ValueOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_value_options_init"
    _fields_ = [("version", c_uint), ("by_tag", STR_ARRAY), ("by_tag_count", c_size_t)]

class InclusivenessOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_inclusiveness_options_init"
    _fields_ = [("version", c_uint)]


class SummaryOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_summary_options_init"
    _fields_ = [("version", c_uint)]


class ChannelsOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_channels_options_init"
    _fields_ = [("version", c_uint), ("chain", c_char_p)]


class CompareOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_compare_options_init"
    _fields_ = [("version", c_uint), ("before_period", c_char_p), ("after_period", c_char_p),
                ("link_threshold", ctypes.c_double), ("thresholds", c_char_p)]


class GroupsOptions(ctypes.Structure):
    VERSION, INIT = 1, "mkg_groups_options_init"
    _fields_ = [("version", c_uint), ("measure", c_int), ("split_by_region", c_int),
                ("levels", c_int)]


class DotOptions(ctypes.Structure):
    VERSION, INIT = 3, "mkg_dot_options_init"
    _fields_ = [("version", c_uint), ("hide_services", c_int), ("hide_facilitation", c_int),
                ("hide_legend", c_int), ("flow", c_void_p), ("captive", c_void_p),
                ("coalitions", c_void_p), ("highlight", c_int), ("commodity", c_char_p),
                ("chain", c_char_p), ("collapse_by_region", c_uint), ("top", c_size_t),
                ("page", c_char_p), ("page_label_points", P(ctypes.c_double))]


# Every analysis: mkg_<name>_new(&out, model, <extra args>, [const options *]),
# mkg_<name>_write_json(result, &text, &len), mkg_<name>_free(result).
# Results never leave the bindings, so they are plain void pointers.
ANALYSES = {
    "report": ([], ReportOptions),
    "concentration": ([], ConcentrationOptions),
    "coalitions": ([], CoalitionOptions),
    "dependency": ([], DependencyOptions),
    "cutpoints": ([], BottleneckOptions),
    "captive": ([], BottleneckOptions),
    "betweenness": ([], BottleneckOptions),
    "throughput": ([], BottleneckOptions),
    "flow": ([], BottleneckOptions),
    "shock": ([], ShockOptions),
    "bottlenecks": ([], BottleneckOptions),
    "facilitation_mix": ([], FacilitationMixOptions),
    "exit_readiness": ([], ExitReadinessOptions),
    "exit_simulation": ([], ExitSimulationOptions),
    "competing": ([], CompetingOptions),
    "payments": ([], PaymentsOptions),
    "value": ([], ValueOptions),
    "inclusiveness": ([], InclusivenessOptions),
    "groups": ([], GroupsOptions),
    "channels": ([], ChannelsOptions),
    "summary": ([], SummaryOptions),
}


# ---- errcheck -----------------------------------------------------------------

def _check(result, func, args):
    if result < 0:
        code = lib.mkg_error_code()
        if code == result:
            message = lib.mkg_error_message().decode("utf-8", "replace")
        else:  # no message recorded for this failure: never show an older one
            code, message = result, "%s: %s" % (func.__name__, lib.mkg_strerror(result).decode())
        raise error_for_code(code, message)
    return result


def owned_string(fn, *args):
    """Call fn(*args, char **out, size_t *len) and return the text it hands
    over, freed with mkg_free() (never libc free)."""
    out = c_void_p()
    length = c_size_t()
    fn(*args, ctypes.byref(out), ctypes.byref(length))
    try:
        return ctypes.string_at(out.value, length.value).decode("utf-8")
    finally:
        lib.mkg_free(out)


# ---- the prototype table: (name, argtypes, restype, errcheck) -------------------

M = MODEL_P
_S = c_size_t
_STATUS = (c_int, _check)
_STR = (c_char_p, None)   # borrowed strings: c_char_p copies them into bytes
_SIZE = (c_size_t, None)
_INT = (c_int, None)


_PROTOTYPES = [
    ("mkg_error_message", [], c_char_p, None),
    ("mkg_error_code", [], c_int, None),
    ("mkg_error_clear", [], None, None),
    ("mkg_strerror", [c_int], c_char_p, None),
    ("mkg_free", [c_void_p], None, None),
    ("mkg_version_number", [], c_int, None),
    ("mkg_version_string", [], c_char_p, None),

    ("mkg_actor_kind_name", [c_int], c_char_p, None),
    ("mkg_contract_name", [c_int], c_char_p, None),
    ("mkg_facilitation_type_name", [c_int], c_char_p, None),
    ("mkg_function_name", [c_int], c_char_p, None),
    ("mkg_exit_name", [c_int], c_char_p, None),

    ("mkg_model_new", [P(M)]) + _STATUS,
    ("mkg_model_free", [M], None, None),
    ("mkg_model_set_name", [M, c_char_p]) + _STATUS,
    ("mkg_model_set_currency", [M, c_char_p]) + _STATUS,
    ("mkg_model_set_volume_unit", [M, c_char_p]) + _STATUS,
    ("mkg_model_set_period", [M, c_char_p]) + _STATUS,
    ("mkg_model_set_attributes", [M, c_char_p]) + _STATUS,
    ("mkg_model_name", [M]) + _STR,
    ("mkg_model_currency", [M]) + _STR,
    ("mkg_model_volume_unit", [M]) + _STR,
    ("mkg_model_period", [M]) + _STR,
    ("mkg_model_attributes", [M]) + _STR,
    ("mkg_model_actor_count", [M]) + _SIZE,
    ("mkg_model_transaction_count", [M]) + _SIZE,
    ("mkg_model_facilitation_count", [M]) + _SIZE,
    ("mkg_model_membership_count", [M]) + _SIZE,
    ("mkg_model_find_actor", [M, c_char_p, P(_S)]) + _STATUS,
    ("mkg_model_find_transaction", [M, c_char_p, P(_S)]) + _STATUS,
    ("mkg_model_find_facilitation", [M, c_char_p, P(_S)]) + _STATUS,
    ("mkg_model_find_membership", [M, c_char_p, c_char_p, P(_S)]) + _STATUS,
    ("mkg_model_commodity_count", [M]) + _SIZE,
    ("mkg_model_find_commodity", [M, c_char_p, P(_S)]) + _STATUS,
    ("mkg_model_validate", [M]) + _STATUS,
    ("mkg_model_primary_equivalent", [M, c_char_p, P(c_char_p), P(c_double)]) + _STATUS,
    ("mkg_commodity_desc_init", [P(CommodityDesc), c_uint]) + _STATUS,
    ("mkg_model_add_commodity", [M, P(CommodityDesc), P(_S)]) + _STATUS,
    ("mkg_model_equal", [M, M]) + _INT,

    ("mkg_actor_desc_init", [P(ActorDesc), c_uint]) + _STATUS,
    ("mkg_transaction_desc_init", [P(TransactionDesc), c_uint]) + _STATUS,
    ("mkg_facilitation_desc_init", [P(FacilitationDesc), c_uint]) + _STATUS,
    ("mkg_membership_desc_init", [P(MembershipDesc), c_uint]) + _STATUS,
    ("mkg_model_add_actor", [M, P(ActorDesc), P(_S)]) + _STATUS,
    ("mkg_model_add_transaction", [M, P(TransactionDesc), P(_S)]) + _STATUS,
    ("mkg_model_add_facilitation", [M, P(FacilitationDesc), P(_S)]) + _STATUS,
    ("mkg_model_add_membership", [M, P(MembershipDesc), P(_S)]) + _STATUS,

    ("mkg_json_read_file", [P(M), c_char_p]) + _STATUS,
    ("mkg_json_read_buffer", [P(M), c_char_p, c_size_t]) + _STATUS,
    ("mkg_json_write_string", [M, P(c_void_p), P(c_size_t)]) + _STATUS,
    ("mkg_json_write_file", [M, c_char_p]) + _STATUS,
]

# Records are read through the description structs the adds take (out-param
# with its version set by the caller).
_PROTOTYPES += [
    ("mkg_model_actor_at", [M, _S, P(ActorDesc)]) + _STATUS,
    ("mkg_model_transaction_at", [M, _S, P(TransactionDesc)]) + _STATUS,
    ("mkg_model_facilitation_at", [M, _S, P(FacilitationDesc)]) + _STATUS,
    ("mkg_model_membership_at", [M, _S, P(MembershipDesc)]) + _STATUS,
    ("mkg_model_commodity_at", [M, _S, P(CommodityDesc)]) + _STATUS,
    ("mkg_model_chain_count", [M, P(_S)]) + _STATUS,
    ("mkg_model_chain_at", [M, _S], P(Chain), None),
]


# Analyses may be missing from an older library of the same major version:
# they are looked up at import but only required when called (function()).
_OPTIONAL = []
for _name, (_extra, _options) in ANALYSES.items():
    _OPTIONAL += [
        ("mkg_%s_new" % _name, [P(c_void_p), M] + _extra + ([P(_options)] if _options else []))
        + _STATUS,
        ("mkg_%s_write_json" % _name, [c_void_p, P(c_void_p), P(c_size_t)]) + _STATUS,
        ("mkg_%s_free" % _name, [c_void_p], None, None),
    ]
for _options in {o for _, o in ANALYSES.values() if o is not None}:
    _OPTIONAL.append((_options.INIT, [P(_options), c_uint]) + _STATUS)
_OPTIONAL += [
    ("mkg_report_write_text", [c_void_p, P(c_void_p), P(c_size_t)]) + _STATUS,
    ("mkg_report_text_new", [M, P(ReportOptions), P(c_void_p), P(c_size_t)]) + _STATUS,
    (ReportHtmlOptions.INIT, [P(ReportHtmlOptions), c_uint]) + _STATUS,
    ("mkg_report_write_html", [c_void_p, P(ReportHtmlOptions), P(c_void_p), P(c_size_t)])
    + _STATUS,
    (ReportCsvOptions.INIT, [P(ReportCsvOptions), c_uint]) + _STATUS,
    ("mkg_report_write_csv_files", [c_void_p, c_char_p, P(ReportCsvOptions)]) + _STATUS,
    ("mkg_measure_from_name", [c_char_p, P(c_int)]) + _STATUS,
    (DotOptions.INIT, [P(DotOptions), c_uint]) + _STATUS,
    ("mkg_dot_write_string", [M, P(DotOptions), P(c_void_p), P(c_size_t)]) + _STATUS,
    (ReadOptions.INIT, [P(ReadOptions), c_uint]) + _STATUS,
    ("mkg_model_read_file", [P(M), c_char_p, P(ReadOptions)]) + _STATUS,
    ("mkg_model_read_buffer", [P(M), c_char_p, c_size_t, P(ReadOptions)]) + _STATUS,
    # two models side by side (marketgraph.compare)
    (CompareOptions.INIT, [P(CompareOptions), c_uint]) + _STATUS,
    ("mkg_compare_new", [P(c_void_p), M, M, P(CompareOptions)]) + _STATUS,
    ("mkg_compare_write_json", [c_void_p, P(c_void_p), P(c_size_t)]) + _STATUS,
    ("mkg_compare_write_text", [c_void_p, P(c_void_p), P(c_size_t)]) + _STATUS,
    ("mkg_compare_free", [c_void_p], None, None),
]


_missing = set()


def _register():
    for table, required in ((_PROTOTYPES, True), (_OPTIONAL, False)):
        for name, argtypes, restype, errcheck in table:
            try:
                fn = getattr(lib, name)
            except AttributeError:
                if required:
                    raise ImportError("marketgraph: %s lacks %s: the library is older than "
                                      "this package (%s)" % (library_path, name, __version__)
                                      ) from None
                _missing.add(name)
                continue
            fn.argtypes = argtypes
            fn.restype = restype
            if errcheck is not None:
                fn.errcheck = errcheck


def missing_functions():
    """The optional functions this library lacks (sorted)."""
    return sorted(_missing)


def function(name):
    """An optional function, or UnsupportedError when the library lacks it."""
    if name in _missing:
        raise UnsupportedError("this libmarketgraph (%s, %s) has no %s" % (
            lib.mkg_version_string().decode(), library_path, name))
    return getattr(lib, name)


def _check_version():
    if not hasattr(lib, "mkg_version_number"):
        raise ImportError("marketgraph: %s is not libmarketgraph (no mkg_version_number)"
                          % library_path)
    lib.mkg_version_number.restype = c_int
    lib.mkg_version_number.argtypes = []
    number = lib.mkg_version_number()
    major = int(__version__.split(".")[0])
    if number // 10000 != major:
        raise ImportError("marketgraph: %s is version %d.%d.%d, this package (%s) needs major "
                          "version %d" % (library_path, number // 10000, number // 100 % 100,
                                          number % 100, __version__, major))


_check_version()
_register()
