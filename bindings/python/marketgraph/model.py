# SPDX-License-Identifier: MIT
"""The market model: a Model owns one C mkg_model; its records are read
through light views that keep the model alive and read the C data on demand,
one record at a time, through the description structs the adds take."""

import ctypes
import json
import os
import threading
import weakref
from collections.abc import Mapping, Sequence
from operator import index as _as_index
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

from . import _convert as cv
from .analysis import Analyses
from ._native import ReadOptions, function, missing_functions
from ._native import (ActorDesc, CommodityDesc, Cost, FacilitationDesc, MembershipDesc,
                      MODEL_P, Payment, TransactionDesc, lib, owned_string)
from .errors import ValidationError

__all__ = ["Model", "load", "loads", "from_dict",
           "Actor", "Transaction", "Facilitation", "Membership", "Commodity"]

ACTOR_KINDS = cv.enum_names(lib.mkg_actor_kind_name)
CONTRACTS = cv.enum_names(lib.mkg_contract_name)
FACILITATION_TYPES = cv.enum_names(lib.mkg_facilitation_type_name)
FUNCTIONS = cv.enum_names(lib.mkg_function_name)
EXITS = cv.enum_names(lib.mkg_exit_name, first=1)   # 0 is "no exit", unnamed

_KIND_UNSET = _FUNCTION_UNSET = _TYPE_UNSET = -1
_CONTRACT_SPOT = 0
_EXIT_NONE = 0


def _reverse(names):
    return {v: k for k, v in names.items()}


ACTOR_KIND_NAMES, CONTRACT_NAMES, FACILITATION_TYPE_NAMES, FUNCTION_NAMES, EXIT_NAMES = map(
    _reverse, (ACTOR_KINDS, CONTRACTS, FACILITATION_TYPES, FUNCTIONS, EXITS))


class Model(Analyses):
    """A market model.  Build one from scratch (``Model(name=...)`` and the
    add_* methods), or read one with load(), loads() or from_dict().

    The C model is freed when the Model is garbage-collected, on close(), or
    at the end of a ``with`` block; using a closed model raises ValueError.
    Calls on one Model are serialised by a lock; use one Model per thread
    for parallel work."""

    def __init__(self, *, name: Optional[str] = None, currency: Optional[str] = None,
                 volume_unit: Optional[str] = None, period: Optional[str] = None,
                 attributes: Optional[Mapping[str, Any]] = None) -> None:
        ptr = MODEL_P()
        lib.mkg_model_new(ctypes.byref(ptr))
        self._adopt(ptr)
        for field, value in (("name", name), ("currency", currency),
                             ("volume_unit", volume_unit), ("period", period),
                             ("attributes", attributes)):
            if value is not None:
                setattr(self, field, value)

    def _adopt(self, ptr):
        self._ptr = ptr
        self._lock = threading.RLock()
        self._finalizer = weakref.finalize(self, lib.mkg_model_free, ptr)

    @classmethod
    def _wrap(cls, ptr):
        model = cls.__new__(cls)
        model._adopt(ptr)
        return model

    def _handle(self):
        if self._ptr is None:
            raise ValueError("operation on a closed marketgraph.Model")
        return self._ptr

    def _call(self, fn, *args):
        """fn(model, *args) under the model's lock, on an open model."""
        with self._lock:
            return fn(self._handle(), *args)

    # ---- lifetime -------------------------------------------------------------

    def close(self) -> None:
        """Free the C model now.  Idempotent; views of a closed model raise ValueError."""
        with self._lock:
            self._finalizer()
            self._ptr = None

    @property
    def closed(self) -> bool:
        return self._ptr is None

    def __enter__(self) -> "Model":
        self._handle()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ---- document fields ------------------------------------------------------

    def _text_field(field, getter, setter, doc):
        def get(self: "Model") -> Optional[str]:
            return cv.text(self._call(getter))

        def set_(self: "Model", value: Optional[str]) -> None:
            self._call(setter, cv.cstr(value, field))
        return property(get, set_, doc=doc)

    name = _text_field("name", lib.mkg_model_name, lib.mkg_model_set_name,
                       "The title of the model, or None.")
    currency = _text_field("currency", lib.mkg_model_currency, lib.mkg_model_set_currency,
                           "The currency (ISO 4217) of every value, or None.")
    volume_unit = _text_field("volume_unit", lib.mkg_model_volume_unit,
                              lib.mkg_model_set_volume_unit,
                              "The unit of every volume and capacity, or None.")
    period = _text_field("period", lib.mkg_model_period, lib.mkg_model_set_period,
                         "The default period of transactions, or None.")
    del _text_field

    @property
    def attributes(self) -> Optional[Dict[str, Any]]:
        """The document's free attributes as a dict, or None."""
        return cv.attributes(self._call(lib.mkg_model_attributes))

    @attributes.setter
    def attributes(self, value: Optional[Mapping[str, Any]]) -> None:
        self._call(lib.mkg_model_set_attributes, cv.cattributes(value, "attributes"))

    # ---- records --------------------------------------------------------------

    @property
    def actors(self) -> "Actors":
        """The actors, a read-only sequence (also indexable by id)."""
        return Actors(self)

    @property
    def transactions(self) -> "Transactions":
        return Transactions(self)

    @property
    def facilitation(self) -> "FacilitationRecords":
        return FacilitationRecords(self)

    @property
    def memberships(self) -> "Memberships":
        return Memberships(self)

    @property
    def commodities(self) -> "Commodities":
        """The commodities the model lists (section 4.1 of docs/format.md)."""
        return Commodities(self)

    def primary_equivalent(self, commodity: str) -> Tuple[str, float]:
        """(primary commodity id, units of primary per unit of commodity)."""
        with self._lock:
            primary = ctypes.c_char_p()
            factor = ctypes.c_double()
            self._call(lib.mkg_model_primary_equivalent, cv.cstr(commodity, "commodity", True),
                       ctypes.byref(primary), ctypes.byref(factor))
            return cv.text(primary.value), factor.value

    def validate(self) -> None:
        """Check the rules joining records (made_from chains, services'
        transactions); raises ValidationError with the importer's message."""
        self._call(lib.mkg_model_validate)

    def _add(self, records, desc_type, init, add, fill):
        """Fill a description struct for the record the model's array would
        hold next, add it, and return its view."""
        with self._lock:
            handle = self._handle()
            path = "%s[%d]" % (records._array, records._count(handle))
            desc = desc_type()
            init(ctypes.byref(desc), desc_type.VERSION)
            fill(desc, path)  # ctypes keeps the arrays assigned to the struct alive
            index = ctypes.c_size_t()
            add(handle, ctypes.byref(desc), ctypes.byref(index))
        return records._view(self, index.value)

    def add_actor(self, id: str, kind: str, *, name: Optional[str] = None,
                  region: Optional[str] = None, households: Optional[int] = None,
                  capacity: Optional[float] = None, supply: Optional[float] = None,
                  demand: Optional[float] = None, tags: Optional[Sequence[str]] = None,
                  attributes: Optional[Mapping[str, Any]] = None, firms: Optional[int] = None,
                  costs: Optional[Sequence[Mapping[str, Any]]] = None) -> "Actor":
        """Append an actor (fields as in the model format) and return its view.
        costs: a list of ``{"item", "amount", "period", "commodity"}`` dicts
        (docs/format.md, "Costs").
        Raises ValidationError with the importer's message, e.g.
        ``actors[2].id: duplicate id "coop-1" (first at actors[0])``."""
        def fill(d, path):
            at = path + "."
            d.id = cv.cstr(id, at + "id")
            d.kind = cv.cenum(kind, at + "kind", ACTOR_KINDS, _KIND_UNSET)
            d.name = cv.cstr(name, at + "name")
            d.region = cv.cstr(region, at + "region")
            d.households = cv.ccount(households, at + "households")
            d.capacity = cv.cnumber(capacity, at + "capacity")
            d.supply = cv.cnumber(supply, at + "supply")
            d.demand = cv.cnumber(demand, at + "demand")
            d.tags, d.tag_count = cv.cstr_array(tags, at + "tags")
            d.attributes = cv.cattributes(attributes, at + "attributes")
            d.firms = cv.ccount(firms, at + "firms")
            if costs is not None:
                d.costs, d.cost_count = _costs(costs, at + "costs")
        return self._add(Actors, ActorDesc, lib.mkg_actor_desc_init,
                         lib.mkg_model_add_actor, fill)

    def add_transaction(self, seller: str, buyer: str, commodity: str, *, id: Optional[str] = None,
                        volume: Optional[float] = None, value: Optional[float] = None,
                        period: Optional[str] = None, contract: Optional[str] = None,
                        service: Optional[bool] = None, capacity: Optional[float] = None,
                        attributes: Optional[Mapping[str, Any]] = None,
                        level: Optional[str] = None) -> "Transaction":
        """Append a transaction and return its view (id generated as t<N> when None)."""
        def fill(d, path):
            at = path + "."
            d.id = cv.cstr(id, at + "id")
            d.seller = cv.cstr(seller, at + "seller")
            d.buyer = cv.cstr(buyer, at + "buyer")
            d.commodity = cv.cstr(commodity, at + "commodity")
            d.volume = cv.cnumber(volume, at + "volume")
            d.value = cv.cnumber(value, at + "value")
            d.period = cv.cstr(period, at + "period")
            d.contract = cv.cenum(contract, at + "contract", CONTRACTS, _CONTRACT_SPOT)
            d.service = cv.cbool(service, at + "service")
            d.capacity = cv.cnumber(capacity, at + "capacity")
            d.attributes = cv.cattributes(attributes, at + "attributes")
            d.level = cv.cstr(level, at + "level")
        return self._add(Transactions, TransactionDesc, lib.mkg_transaction_desc_init,
                         lib.mkg_model_add_transaction, fill)

    def add_facilitation(self, facilitator: str, type: str, function: str, *,
                         targets: Mapping[str, Sequence[str]], id: Optional[str] = None,
                         start: Optional[str] = None, end: Optional[str] = None,
                         exit: Optional[str] = None, successor: Optional[str] = None,
                         cost: Optional[float] = None,
                         paid_by: Optional[Sequence[Mapping[str, Any]]] = None,
                         attributes: Optional[Mapping[str, Any]] = None) -> "Facilitation":
        """Append a facilitation record and return its view.  targets is
        ``{"actors": [ids], "transactions": [ids]}``, paid_by a list of
        ``{"actor": id, "share": fraction}``, the last one possibly
        ``{"embedded": [transaction ids], "share": fraction}`` (a cost
        recovered in the price of those transactions), as in the format."""
        def fill(d, path):
            at = path + "."
            d.id = cv.cstr(id, at + "id")
            d.facilitator = cv.cstr(facilitator, at + "facilitator")
            d.type = cv.cenum(type, at + "type", FACILITATION_TYPES, _TYPE_UNSET)
            d.function = cv.cenum(function, at + "function", FUNCTIONS, _FUNCTION_UNSET)
            cv.check_keys(targets, ("actors", "transactions"), at + "targets")
            d.target_actors, d.target_actor_count = cv.cstr_array(
                targets.get("actors"), at + "targets.actors")
            d.target_transactions, d.target_transaction_count = cv.cstr_array(
                targets.get("transactions"), at + "targets.transactions")
            d.start = cv.cstr(start, at + "start")
            d.end = cv.cstr(end, at + "end")
            d.exit = cv.cenum(exit, at + "exit", EXITS, _EXIT_NONE)
            d.successor = cv.cstr(successor, at + "successor")
            d.cost = cv.cnumber(cost, at + "cost")
            if paid_by is not None:
                d.paid_by, d.paid_by_count, embedded = _payments(paid_by, at + "paid_by")
                if embedded is not None:
                    d.embedded, d.embedded_count = cv.cstr_array(
                        embedded["embedded"], at + "paid_by[%d].embedded" % d.paid_by_count)
                    d.embedded_share = embedded["share"]
            d.attributes = cv.cattributes(attributes, at + "attributes")
        return self._add(FacilitationRecords, FacilitationDesc, lib.mkg_facilitation_desc_init,
                         lib.mkg_model_add_facilitation, fill)

    def add_membership(self, group: str, member: str, *, since: Optional[str] = None,
                       role: Optional[str] = None) -> "Membership":
        """Append a membership of member in group and return its view."""
        def fill(d, path):
            at = path + "."
            d.group = cv.cstr(group, at + "group")
            d.member = cv.cstr(member, at + "member")
            d.since = cv.cstr(since, at + "since")
            d.role = cv.cstr(role, at + "role")
        return self._add(Memberships, MembershipDesc, lib.mkg_membership_desc_init,
                         lib.mkg_model_add_membership, fill)

    def add_commodity(self, id: str, *, unit: Optional[str] = None, service: Optional[bool] = None,
                      made_from: Optional[str] = None, input_per_unit: Optional[float] = None,
                      attributes: Optional[Mapping[str, Any]] = None,
                      transfer: Optional[bool] = None) -> "Commodity":
        """Append a commodity and return its view.  made_from may name a
        commodity added later: validate() checks the chains.  transfer: a
        fee, levy or tax (a service; never value added)."""
        def fill(d, path):
            at = path + "."
            d.id = cv.cstr(id, at + "id")
            d.unit = cv.cstr(unit, at + "unit")
            d.service = cv.cbool(service, at + "service")
            d.transfer = cv.cbool(transfer, at + "transfer")
            d.made_from = cv.cstr(made_from, at + "made_from")
            d.input_per_unit = cv.cnumber(input_per_unit, at + "input_per_unit")
            d.attributes = cv.cattributes(attributes, at + "attributes")
        return self._add(Commodities, CommodityDesc, lib.mkg_commodity_desc_init,
                         lib.mkg_model_add_commodity, fill)

    # ---- export ---------------------------------------------------------------

    def to_json(self) -> str:
        """The model as JSON text in the model format (deterministic bytes)."""
        with self._lock:
            return owned_string(lib.mkg_json_write_string, self._handle())

    def to_dict(self) -> Dict[str, Any]:
        """The model as the dict of its JSON document."""
        return json.loads(self.to_json())

    def save(self, path: Union[str, os.PathLike]) -> None:
        """Write the model to a file in the model format (FileError on failure)."""
        self._call(lib.mkg_json_write_file, cv.cpath(path))

    # ---- comparison -----------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Model):
            return NotImplemented
        first, second = sorted((self, other), key=id)  # one lock order for every pair
        with first._lock, second._lock:
            return bool(lib.mkg_model_equal(self._handle(), other._handle()))

    __hash__ = None  # mutable

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        # pickle, copy.copy and copy.deepcopy give an independent model (never
        # a second owner of this C model)
        return (loads, (self.to_json(),))

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<marketgraph.Model (closed)>"
        return ("<marketgraph.Model %r: %d actors, %d transactions, %d facilitation, "
                "%d memberships>" % (self.name, len(self.actors), len(self.transactions),
                                     len(self.facilitation), len(self.memberships)))


def _payments(paid_by, where):
    """(payers array, count, embedded item or None); the embedded item must
    be the last, as in the format."""
    if isinstance(paid_by, (str, bytes, Mapping)) or not isinstance(paid_by, Sequence):
        raise TypeError("%s: expected a list of {\"actor\", \"share\"} dicts, got %s"
                        % (where, type(paid_by).__name__))
    items, embedded = list(paid_by), None
    if items and isinstance(items[-1], Mapping) and "embedded" in items[-1]:
        embedded = items.pop()
        at = "%s[%d]" % (where, len(items))
        if "actor" in embedded:
            raise ValidationError("%s: names an actor and \"embedded\", expected one of them"
                                  % at)
        cv.check_keys(embedded, ("embedded", "share"), at)
        if "share" not in embedded:
            raise ValidationError("%s.share: missing (required)" % at)
        if not embedded["embedded"]:
            raise ValidationError("%s.embedded: names no transaction" % at)
        embedded = {"embedded": embedded["embedded"],
                    "share": cv.cnumber(embedded["share"], at + ".share", absent_ok=False)}
    payments = (Payment * len(items))()
    for k, payer in enumerate(items):
        at = "%s[%d]" % (where, k)
        if isinstance(payer, Mapping) and "embedded" in payer:
            raise ValidationError("%s: the \"embedded\" part must be the last item of paid_by"
                                  % at)
        cv.check_keys(payer, ("actor", "share"), at)
        if "share" not in payer:
            raise ValidationError("%s.share: missing (required)" % at)
        payments[k].actor = cv.cstr(payer.get("actor"), at + ".actor")
        payments[k].share = cv.cnumber(payer["share"], at + ".share", absent_ok=False)
    return payments, len(items), embedded


def _costs(costs, where):
    if isinstance(costs, (str, bytes, Mapping)) or not isinstance(costs, Sequence):
        raise TypeError("%s: expected a list of {\"item\", \"amount\"} dicts, got %s"
                        % (where, type(costs).__name__))
    rows = (Cost * len(costs))()
    for k, cost in enumerate(costs):
        at = "%s[%d]" % (where, k)
        cv.check_keys(cost, ("item", "amount", "period", "commodity"), at)
        rows[k].item = cv.cstr(cost.get("item"), at + ".item")
        rows[k].amount = cv.cnumber(cost.get("amount"), at + ".amount")
        rows[k].period = cv.cstr(cost.get("period"), at + ".period")
        rows[k].commodity = cv.cstr(cost.get("commodity"), at + ".commodity")
    return rows, len(costs)


# ---- record views ------------------------------------------------------------------

class _Record:
    """A view of one record: the model and an index.  Records are never
    removed, so the index stays valid as long as the model is open.  Each
    read fills the record's description struct (mkg_model_*_at) and turns
    it into Python values at once, under the model's lock: the C strings and
    arrays it points to are borrowed, valid only until the model changes."""

    __slots__ = ("_model", "index")
    _desc = _read_fn = None  # set by each kind

    def __init__(self, model: "Model", index: int) -> None:
        self._model = model
        self.index = index

    @property
    def model(self) -> "Model":
        return self._model

    def _fields(self):
        """The record as a dict of Python values, absent fields None (the
        keys and the order of the model format)."""
        with self._model._lock:
            desc = self._desc()
            desc.version = self._desc.VERSION
            self._read_fn(self._model._handle(), self.index, ctypes.byref(desc))
            return self._convert(desc)

    def _convert(self, desc):
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._model is other._model and self.index == other.index

    def __hash__(self) -> int:
        return hash((id(self._model), self.index))

    def __repr__(self) -> str:
        return "<marketgraph.%s %s>" % (type(self).__name__, self.to_dict())


def _field(name, kind, doc=None):
    """A read-only property: the record's field name, of type kind."""
    def get(self: "_Record") -> Any:
        return self._fields()[name]
    get.__annotations__["return"] = kind
    return property(get, doc=doc)


def _compact(fields):
    """A record dict without its absent fields, in the format's key order."""
    return {k: v for k, v in fields.items() if v is not None}


class Actor(_Record):
    __slots__ = ()
    _desc, _read_fn = ActorDesc, lib.mkg_model_actor_at

    id = _field("id", str)
    kind = _field("kind", str)
    region = _field("region", Optional[str])
    households = _field("households", Optional[int])
    firms = _field("firms", Optional[int],
                   "independent businesses the actor stands for, or None")
    capacity = _field("capacity", Optional[float])
    supply = _field("supply", Optional[float])
    demand = _field("demand", Optional[float])
    attributes = _field("attributes", Optional[Dict[str, Any]],
                        "free user data as a dict, or None")

    def _convert(self, d):
        return {
            "id": cv.text(d.id), "name": cv.text(d.name), "kind": ACTOR_KIND_NAMES.get(d.kind),
            "region": cv.text(d.region),
            "households": None if d.households < 0 else d.households,
            "firms": None if d.firms < 1 else d.firms,
            "capacity": cv.number(d.capacity), "supply": cv.number(d.supply),
            "demand": cv.number(d.demand),
            "tags": cv.texts(d.tags, d.tag_count) or None,
            "costs": [_compact({"item": cv.text(d.costs[k].item), "amount": d.costs[k].amount,
                                "period": cv.text(d.costs[k].period),
                                "commodity": cv.text(d.costs[k].commodity)})
                      for k in range(d.cost_count)] or None,
            "attributes": cv.attributes(d.attributes)}

    @property
    def name(self) -> str:
        """The display name: the name given, else the id."""
        fields = self._fields()
        return fields["id"] if fields["name"] is None else fields["name"]

    @property
    def tags(self) -> Tuple[str, ...]:
        return tuple(self._fields()["tags"] or ())

    @property
    def costs(self) -> List[Dict[str, Any]]:
        """The actor's costs: a list of ``{"item", "amount"[, "period"][, "commodity"]}``."""
        return list(self._fields()["costs"] or ())

    def to_dict(self) -> Dict[str, Any]:
        """The actor as the record of the model format."""
        return _compact(self._fields())


class Transaction(_Record):
    __slots__ = ()
    _desc, _read_fn = TransactionDesc, lib.mkg_model_transaction_at

    id = _field("id", str)
    seller = _field("seller", str, "The seller's actor id.")
    buyer = _field("buyer", str)
    commodity = _field("commodity", str)
    volume = _field("volume", Optional[float])
    value = _field("value", Optional[float])
    capacity = _field("capacity", Optional[float])
    level = _field("level", Optional[str],
                   "The transaction's own market level, or None (the seller's kind).")
    attributes = _field("attributes", Optional[Dict[str, Any]],
                        "free user data as a dict, or None")

    def _convert(self, d):
        return {
            "id": cv.text(d.id), "seller": cv.text(d.seller), "buyer": cv.text(d.buyer),
            "commodity": cv.text(d.commodity), "level": cv.text(d.level),
            "volume": cv.number(d.volume),
            "value": cv.number(d.value), "period": cv.text(d.period),
            "contract": CONTRACT_NAMES.get(d.contract), "service": bool(d.service),
            "capacity": cv.number(d.capacity), "attributes": cv.attributes(d.attributes)}

    @property
    def period(self) -> Optional[str]:
        """The transaction's period, else the model's, else None."""
        with self._model._lock:
            own = self._fields()["period"]
            return own if own is not None else self._model.period

    @property
    def contract(self) -> str:
        return self._fields()["contract"]

    @property
    def service(self) -> bool:
        return self._fields()["service"]

    def to_dict(self) -> Dict[str, Any]:
        fields = self._fields()  # the period of its own only
        if fields["contract"] == "spot":
            fields["contract"] = None
        if not fields["service"]:
            fields["service"] = None
        return _compact(fields)


class Facilitation(_Record):
    __slots__ = ()
    _desc, _read_fn = FacilitationDesc, lib.mkg_model_facilitation_at

    id = _field("id", str)
    facilitator = _field("facilitator", str)
    type = _field("type", str)
    function = _field("function", str)
    targets = _field("targets", Dict[str, List[str]],
                     "``{\"actors\": [ids], \"transactions\": [ids]}`` (empty lists left out).")
    start = _field("start", Optional[str])
    end = _field("end", Optional[str])
    exit = _field("exit", Optional[str])
    successor = _field("successor", Optional[str])
    cost = _field("cost", Optional[float])
    paid_by = _field("paid_by", Optional[List[Dict[str, Any]]],
                     "``[{\"actor\": id, \"share\": fraction}]`` (the last item "
                     "possibly ``{\"embedded\": [ids], \"share\": fraction}``), or None when "
                     "absent.")
    attributes = _field("attributes", Optional[Dict[str, Any]],
                        "free user data as a dict, or None")

    def _convert(self, d):
        targets = {"actors": cv.texts(d.target_actors, d.target_actor_count) or None,
                   "transactions": cv.texts(d.target_transactions,
                                            d.target_transaction_count) or None}
        paid_by = [{"actor": cv.text(d.paid_by[k].actor), "share": d.paid_by[k].share}
                   for k in range(d.paid_by_count)]
        if d.embedded_count:
            paid_by.append({"embedded": cv.texts(d.embedded, d.embedded_count),
                            "share": d.embedded_share})
        return {
            "id": cv.text(d.id), "facilitator": cv.text(d.facilitator),
            "type": FACILITATION_TYPE_NAMES.get(d.type), "function": FUNCTION_NAMES.get(d.function),
            "targets": _compact(targets), "start": cv.text(d.start), "end": cv.text(d.end),
            "exit": EXIT_NAMES.get(d.exit), "successor": cv.text(d.successor),
            "cost": cv.number(d.cost), "paid_by": paid_by or None,
            "attributes": cv.attributes(d.attributes)}

    def to_dict(self) -> Dict[str, Any]:
        return _compact(self._fields())


class Membership(_Record):
    __slots__ = ()
    _desc, _read_fn = MembershipDesc, lib.mkg_model_membership_at

    group = _field("group", str)
    member = _field("member", str)
    since = _field("since", Optional[str])
    role = _field("role", Optional[str])

    def _convert(self, d):
        return {"group": cv.text(d.group), "member": cv.text(d.member),
                "since": cv.text(d.since), "role": cv.text(d.role)}

    def to_dict(self) -> Dict[str, Any]:
        return _compact(self._fields())


class Commodity(_Record):
    __slots__ = ()
    _desc, _read_fn = CommodityDesc, lib.mkg_model_commodity_at

    id = _field("id", str)
    unit = _field("unit", Optional[str], "The unit, or None (the model's volume_unit).")
    made_from = _field("made_from", Optional[str])
    input_per_unit = _field("input_per_unit", Optional[float])
    attributes = _field("attributes", Optional[Dict[str, Any]],
                        "free user data as a dict, or None")

    def _convert(self, d):
        return {"id": cv.text(d.id), "unit": cv.text(d.unit), "service": bool(d.service),
                "transfer": bool(d.transfer), "made_from": cv.text(d.made_from),
                "input_per_unit": cv.number(d.input_per_unit),
                "attributes": cv.attributes(d.attributes)}

    @property
    def service(self) -> bool:
        return self._fields()["service"]

    @property
    def transfer(self) -> bool:
        """True for a fee, levy or tax (docs/format.md): never value added."""
        return self._fields()["transfer"]

    def to_dict(self) -> Dict[str, Any]:
        fields = self._fields()
        for flag in ("service", "transfer"):
            if not fields[flag]:
                fields[flag] = None  # the default is left out, as in the format
        return _compact(fields)


# ---- sequence views -------------------------------------------------------------------

class _Records(Sequence):
    """A read-only sequence of the model's records of one kind.  Indexing
    by int (negative counts from the end) or slice; `find` by id."""

    __slots__ = ("_model",)

    def __init__(self, model: "Model") -> None:
        self._model = model

    def __len__(self) -> int:
        return self._model._call(self._count)

    def __getitem__(self, key: Union[int, slice, str]) -> Any:
        if isinstance(key, slice):
            return [self._view(self._model, i) for i in range(*key.indices(len(self)))]
        if isinstance(key, str):
            return self.find(key)
        i = _as_index(key)
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("%s index out of range" % self._array)
        return self._view(self._model, i)

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self)):
            yield self._view(self._model, i)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, self._view):
            return item.model is self._model and item.index < len(self)
        if isinstance(item, str) and self._lookup is not None:
            try:
                self.find(item)
            except LookupError:
                return False
            return True
        return False

    def find(self, id: str) -> Any:
        """The record with this id (NotFoundError when there is none)."""
        where = ctypes.c_size_t()
        self._model._call(self._lookup, cv.cstr(id, "id", True), ctypes.byref(where))
        return self._view(self._model, where.value)

    def to_list(self) -> List[Dict[str, Any]]:
        """The records as the list of dicts of the model format."""
        return [r.to_dict() for r in self]

    def __repr__(self) -> str:
        return "<marketgraph %s: %d>" % (self._array, len(self))


class Actors(_Records):
    __slots__ = ()
    _array, _view = "actors", Actor
    _count = lib.mkg_model_actor_count
    _lookup = lib.mkg_model_find_actor


class Transactions(_Records):
    __slots__ = ()
    _array, _view = "transactions", Transaction
    _count = lib.mkg_model_transaction_count
    _lookup = lib.mkg_model_find_transaction


class FacilitationRecords(_Records):
    __slots__ = ()
    _array, _view = "facilitation", Facilitation
    _count = lib.mkg_model_facilitation_count
    _lookup = lib.mkg_model_find_facilitation


class Commodities(_Records):
    __slots__ = ()
    _array, _view = "commodities", Commodity
    _count = lib.mkg_model_commodity_count
    _lookup = lib.mkg_model_find_commodity


class Memberships(_Records):
    __slots__ = ()
    _array, _view = "memberships", Membership
    _count = lib.mkg_model_membership_count
    _lookup = None

    def find(self, group: str, member: str) -> "Membership":
        """The membership of member in group (NotFoundError when there is none)."""
        where = ctypes.c_size_t()
        self._model._call(lib.mkg_model_find_membership, cv.cstr(group, "group", True),
                          cv.cstr(member, "member", True), ctypes.byref(where))
        return self._view(self._model, where.value)

    def __getitem__(self, key: Union[int, slice, str, Tuple[str, str]]) -> Any:
        if isinstance(key, tuple):
            return self.find(*key)
        return super().__getitem__(key)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, tuple) and len(item) == 2:
            try:
                self.find(*item)
            except LookupError:
                return False
            return True
        return super().__contains__(item)


# ---- reading -----------------------------------------------------------------------

def _read(fn, *args):
    ptr = MODEL_P()
    fn(ctypes.byref(ptr), *args)
    return Model._wrap(ptr)


def _read_options(aggregate):
    options = ReadOptions()
    function(ReadOptions.INIT)(ctypes.byref(options), ReadOptions.VERSION)
    options.aggregate = 1 if aggregate else 0
    return options


def load(path: Union[str, os.PathLike], *, aggregate: bool = False) -> "Model":
    """Read a model from a file: a model-format document or a JSON Lines
    stream (``.jsonl``), either of them gzip-compressed (``.gz``; found from
    the content, whatever the name).  aggregate=True reads a stream of raw
    exchanges and merges those with the same seller, buyer, commodity, level
    and period (docs/format.md, section 10).  Raises FileError, ParseError
    (``line 14, column 3: ...``), ValidationError (with the JSON path of the
    offending field, and ``line L: `` in a stream) or UnsupportedError (a
    newer version)."""
    if not aggregate and "mkg_model_read_file" in missing_functions():
        return _read(lib.mkg_json_read_file, cv.cpath(path))  # an older library
    options = _read_options(aggregate)
    return _read(function("mkg_model_read_file"), cv.cpath(path), ctypes.byref(options))


read = load


def loads(data: Union[str, bytes, bytearray, memoryview]) -> "Model":
    """Read a model from JSON text (str) or UTF-8 bytes; errors as load()."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    elif isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
    else:
        raise TypeError("loads: expected str or bytes, got %s" % type(data).__name__)
    return _read(lib.mkg_json_read_buffer, data, len(data))


def from_dict(document: Mapping[str, Any]) -> "Model":
    """Read a model from the dict of a model-format document (as json.load
    gives it); the library checks it exactly as it checks a file."""
    if not isinstance(document, Mapping):
        raise TypeError("from_dict: expected a dict, got %s" % type(document).__name__)
    try:
        text = json.dumps(dict(document), ensure_ascii=False, allow_nan=False)
    except ValueError as e:  # JSON has no NaN: say where it is, as the importer would
        found = cv.nonfinite(document)
        if found is None:
            raise ValidationError("from_dict: %s" % e) from None
        raise ValidationError("%s: must be a finite number, got %r" % found) from None
    return loads(text)
