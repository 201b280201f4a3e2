# SPDX-License-Identifier: MIT
"""The analyses, as methods of Model.  Each runs the C analysis, has it
write its result as the JSON of its report section (docs/report.md), and
returns that parsed: the same dicts and lists as `marketgraph analyze
--format json`.  C results are freed before the method returns."""

import ctypes
import json
import numbers
import os
import warnings

from . import _convert as cv
from ._native import (BottleneckOptions, ChannelsOptions, CoalitionOptions, CompareOptions,
                      CompetingOptions, ConcentrationOptions,
                      DependencyOptions, DotOptions, ExitSimulationOptions,
                      FacilitationMixOptions, GroupsOptions,
                      ReportCsvOptions, ReportHtmlOptions, ReportOptions, REPORT_PROGRESS,
                      ShockOptions, ValueOptions, function, owned_string)
from .errors import CanceledError, InvalidArgumentError
from .records import Records, records, svg as _svg, to_networkx as _to_networkx

from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Sequence, Union

if TYPE_CHECKING:  # the annotations only: model imports this module
    from .model import Model

__all__ = ["Analyses", "compare"]


def _options(cls, **fields):
    """An options struct with the library's defaults, then the fields given."""
    options = cls()
    function(cls.INIT)(ctypes.byref(options), cls.VERSION)
    for name, value in fields.items():
        setattr(options, name, value)  # ctypes keeps arrays assigned here alive
    return options


def _measure(measure):
    value = ctypes.c_int()
    function("mkg_measure_from_name")(cv.cstr(measure, "measure", True), ctypes.byref(value))
    return value.value


_REGION_SPLITS = {False: 0, True: 1, "seller": 1, "buyer": 2}
_LEVELS = {"separate": 0, "pooled": 1}


def _region_split(by_region):
    """by_region: False/None (no split), True or "seller" (the seller's
    region), "buyer" (the buyer's) -> mkg_region_split."""
    if by_region is None:
        return 0
    if not isinstance(by_region, (bool, str)):
        raise TypeError("by_region: expected a bool, \"seller\" or \"buyer\", got %s"
                        % type(by_region).__name__)
    if by_region not in _REGION_SPLITS:
        raise InvalidArgumentError("by_region: unknown region %r, expected \"seller\" or "
                                   "\"buyer\"" % by_region)
    return _REGION_SPLITS[by_region]


def _levels(levels):
    """"separate" (the default) or "pooled" -> mkg_levels."""
    if not isinstance(levels, str):
        raise TypeError("levels: expected a string, got %s" % type(levels).__name__)
    if levels not in _LEVELS:
        raise InvalidArgumentError("levels: unknown levels %r, expected \"separate\" or "
                                   "\"pooled\"" % levels)
    return _LEVELS[levels]


def _natural(value, where, bits=64):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError("%s: expected an integer, got %s" % (where, type(value).__name__))
    if not 0 <= value < 2 ** bits:
        raise InvalidArgumentError("%s: must be an integer from 0 to %d, got %d"
                                   % (where, 2 ** bits - 1, value))
    return int(value)


def _threads(threads):
    """Worker threads (0: one per core, 1: none made) -> unsigned int;
    TypeError for a non-integer, InvalidArgumentError below 0 or above
    2^32 - 1."""
    return _natural(threads, "threads", 32)


def _bottleneck_options(sources=None, sinks=None, pivots=0, seed=0, chain=None, threads=0):
    src, nsrc = cv.cstr_array(sources, "sources")
    snk, nsnk = cv.cstr_array(sinks, "sinks")
    return _options(BottleneckOptions, sources=src, source_count=nsrc, sinks=snk,
                    sink_count=nsnk, pivots=_natural(pivots, "pivots", 8 * ctypes.sizeof(
                        ctypes.c_size_t)), seed=_natural(seed, "seed"),
                    chain=cv.cstr(chain, "chain"), threads=_threads(threads))


class Analyses:
    """The analyses of a Model (mixed into marketgraph.Model)."""

    def _analysis(self, name, *args, write=None):
        """Run mkg_<name>_new(&out, model, *args), return what
        mkg_<name>_write_json (or write) makes of it, free the result."""
        new = function("mkg_%s_new" % name)
        write = write or (lambda r: json.loads(owned_string(function(
            "mkg_%s_write_json" % name), r)))
        free = function("mkg_%s_free" % name)
        result = ctypes.c_void_p()
        pointers = [ctypes.byref(a) if isinstance(a, ctypes.Structure) else a for a in args]
        with self._lock:
            new(ctypes.byref(result), self._handle(), *pointers)
        try:
            return write(result)
        finally:
            free(result)

    # ---- the whole report ---------------------------------------------------------

    def _report_options(self, measure, thresholds, by_region, exit_date, coalition, levels,
                        channels=False, by_tag=None, sections=None, top=0, threads=0,
                        progress=None, detail=False):
        ids, count = cv.cstr_array(coalition, "coalition")
        tags, tag_count = cv.cstr_array(by_tag, "by_tag")
        if isinstance(sections, (list, tuple)):
            for s in sections:
                cv.cstr(s, "sections")
            sections = ",".join(sections)
        options = _options(ReportOptions, measure=_measure(measure), by_tag=tags,
                           by_tag_count=tag_count,
                           thresholds=cv.cstr(thresholds, "thresholds"),
                           split_by_region=_region_split(by_region),
                           exit_date=cv.cstr(exit_date, "exit_date"),
                           coalition=ids, coalition_count=count, levels=_levels(levels),
                           channels=cv.cbool(channels, "channels"),
                           detail=cv.cbool(detail, "detail"),
                           sections=cv.cstr(sections, "sections"),
                           top=_natural(top, "top", 8 * ctypes.sizeof(ctypes.c_size_t)),
                           threads=_threads(threads))
        if progress is not None:
            if not callable(progress):
                raise TypeError("progress: expected a callable, got %s"
                                % type(progress).__name__)
            raised = []

            def call(section, fraction, data):
                try:
                    return 1 if progress(section.decode("utf-8"), fraction) else 0
                except BaseException as e:  # noqa: B902 -- re-raised after the call
                    raised.append(e)
                    return 1
            options._progress_fn = REPORT_PROGRESS(call)  # kept alive with the options
            options._progress_raised = raised
            options.progress = ctypes.cast(options._progress_fn, ctypes.c_void_p).value
        return options

    def _report(self, options, write=None):
        """mkg_report_new with options; an exception of the progress
        callback is raised again in place of the CanceledError it caused."""
        try:
            return self._analysis("report", options, write=write)
        except CanceledError:
            raised = getattr(options, "_progress_raised", None)
            if raised:
                raise raised[0]
            raise

    def report(self, measure: str = "volume", thresholds: str = "us2023",
               by_region: Union[bool, str, None] = False, exit_date: Optional[str] = None,
               coalition: Optional[Sequence[str]] = None, levels: str = "separate",
               by_tag: Optional[Sequence[str]] = None,
               sections: Union[str, Sequence[str], None] = None, top: int = 0, threads: int = 0,
               progress: Optional[Callable[[str, float], Any]] = None) -> Dict[str, Any]:
        """Every analysis, as the dict of ``marketgraph analyze --format json``.

        measure: "volume" or "value"; thresholds: a threshold set (us2023,
        us2010, us1992, eu2004); by_region: split markets by the seller's
        region (True or "seller") or the buyer's ("buyer"); exit_date:
        simulate programme exits at this date (YYYY, YYYY-MM or YYYY-MM-DD);
        coalition: actor ids to test as one firm; levels: "separate" (the
        farm gate, trader resales... are separate markets) or "pooled";
        by_tag: tags that split the producers (``--by-tag``, value keys
        ``by_tag`` and ``by_tag_shares``).
        The marketing channels are always in it (key "channels") when the
        model has a produce chain.  sections: only these sections (a list
        of names, or "concentration,dependency"; None: all); top: at most
        this many rows in every list (0: all); threads: worker threads (0:
        one per core, 1: none; the result is the same, to the last bit, for
        any number); progress:
        progress(section, fraction) is called before each section and at
        the end ("done", 1.0); when it returns a true value the report
        stops with CanceledError (an exception it raises stops the report
        and is raised again).
        """
        return self._report(self._report_options(
            measure, thresholds, by_region, exit_date, coalition, levels, False, by_tag, sections,
            top, threads, progress))

    def report_text(self, measure: str = "volume", thresholds: str = "us2023",
                    by_region: Union[bool, str, None] = False, exit_date: Optional[str] = None,
                    coalition: Optional[Sequence[str]] = None, levels: str = "separate",
                    channels: bool = False, by_tag: Optional[Sequence[str]] = None,
                    detail: bool = False, sections: Union[str, Sequence[str], None] = None,
                    threads: int = 0,
                    progress: Optional[Callable[[str, float], Any]] = None) -> str:
        """The report as text for an analyst (``marketgraph analyze``): a
        summary of at most ten lines, then the sections; channels: add the
        marketing channels (``--channels``); detail: the long form
        (``--detail``), channels included; sections, threads and progress as
        for report().

        Streamed, as ``analyze`` does (mkg_report_text_new): each section's
        text is taken as soon as it is computed and its results freed, so
        memory holds the model, one section and the text, never the whole
        report; the bytes are those of the report held whole
        (mkg_report_new, then mkg_report_write_text)."""
        options = self._report_options(measure, thresholds, by_region, exit_date, coalition,
                                       levels, channels, by_tag, sections, 0, threads, progress,
                                       detail)
        new = function("mkg_report_text_new")
        try:
            with self._lock:
                return owned_string(new, self._handle(), ctypes.byref(options))
        except CanceledError:
            raised = getattr(options, "_progress_raised", None)
            if raised:
                raise raised[0]
            raise

    def report_html(self, measure: str = "volume", thresholds: str = "us2023",
                    by_region: Union[bool, str, None] = False, exit_date: Optional[str] = None,
                    coalition: Optional[Sequence[str]] = None, levels: str = "separate",
                    date: Optional[str] = None) -> str:
        """The report as one self-contained HTML page, a str (``marketgraph
        report``): summary, market map, charts, sortable tables.  date: the
        date printed (any text); None: the model's period."""
        write = function("mkg_report_write_html")
        html = _options(ReportHtmlOptions, model=ctypes.cast(self._handle(), ctypes.c_void_p),
                        date=cv.cstr(date, "date"))

        def draw(report):
            with self._lock:  # the map reads the model: no change meanwhile
                return owned_string(write, report, ctypes.byref(html))
        return self._analysis("report", self._report_options(
            measure, thresholds, by_region, exit_date, coalition, levels), write=draw)

    def write_report_html(self, path: Union[str, os.PathLike], **options: Any) -> None:
        """Write report_html(**options) to the file path (UTF-8)."""
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(self.report_html(**options))

    def write_report_csv(self, directory: Union[str, os.PathLike], bom: bool = False,
                         measure: str = "volume", thresholds: str = "us2023",
                         by_region: Union[bool, str, None] = False,
                         exit_date: Optional[str] = None,
                         coalition: Optional[Sequence[str]] = None,
                         levels: str = "separate") -> None:
        """Write every result list of the report as a CSV file into directory
        (``marketgraph analyze --format csv --dir``; docs/report.md, "Tables"),
        replaced as a whole set; bom: start each file with a UTF-8 byte-order
        mark for spreadsheets."""
        write = function("mkg_report_write_csv_files")
        csv = _options(ReportCsvOptions, bom=cv.cbool(bom, "bom"))
        target = os.fsencode(directory)
        self._analysis("report", self._report_options(
            measure, thresholds, by_region, exit_date, coalition, levels),
            write=lambda r: write(r, target, ctypes.byref(csv)))

    # ---- concentration (report sections concentration, coalitions, dependency) ---------

    def concentration(self, measure: str = "volume", thresholds: str = "us2023",
                      by_region: Union[bool, str, None] = False,
                      levels: str = "separate", threads: int = 0) -> List[Dict[str, Any]]:
        """HHI, CR1, CR4 and the shares of both sides of every market (one
        commodity at one level of trade, unless levels="pooled"): the
        report's `concentration` list.  threads: worker threads for the
        markets (0: one per core, 1: none made; the result is the same, to
        the last bit, for any number)."""
        return self._analysis("concentration", _options(
            ConcentrationOptions, measure=_measure(measure),
            split_by_region=_region_split(by_region),
            thresholds=cv.cstr(thresholds, "thresholds"), levels=_levels(levels),
            threads=_threads(threads)))

    def coalitions(self, coalition: Optional[Sequence[str]] = None, measure: str = "volume",
                   by_region: Union[bool, str, None] = False, groups: bool = True,
                   levels: str = "separate") -> List[Dict[str, Any]]:
        """The coalition what-if for the actors in `coalition` (listed
        first) and, when groups is true, for every group of the memberships:
        the report's `coalitions` list."""
        ids, count = cv.cstr_array(coalition, "coalition")
        return self._analysis("coalitions", _options(
            CoalitionOptions, measure=_measure(measure),
            split_by_region=_region_split(by_region), actors=ids, actor_count=count,
            no_groups=0 if cv.cbool(groups, "groups") else 1, levels=_levels(levels)))

    def dependency(self, measure: str = "volume") -> Dict[str, Any]:
        """Each actor's dependency on its top buyer and supplier, and every
        trading pair's asymmetry: the report's `dependency` object."""
        return self._analysis("dependency", _options(DependencyOptions,
                                                     measure=_measure(measure)))

    # ---- bottlenecks --------------------------------------------------------------

    def chains(self) -> List[Dict[str, Optional[str]]]:
        """The chains of the model (one per primary commodity its produce
        is traded in): ``[{"commodity": ..., "unit": ...}]``, by commodity."""
        count = ctypes.c_size_t()
        function("mkg_model_chain_count")(self._handle(), ctypes.byref(count))
        chains = [function("mkg_model_chain_at")(self._handle(), i).contents
                  for i in range(count.value)]
        return [{"commodity": cv.text(c.commodity), "unit": cv.text(c.unit)} for c in chains]

    # Every analysis below runs on one chain: chain names its primary
    # commodity; None picks the model's only chain (an error with several).

    def flow(self, sources: Optional[Sequence[str]] = None, sinks: Optional[Sequence[str]] = None,
             chain: Optional[str] = None) -> Dict[str, Any]:
        """Deliverable flow (max-flow / min-cut) with its binding constraints,
        in the chain's primary equivalents.  sources, sinks: actor ids
        (default: producers, end markets)."""
        return self._analysis("flow", _bottleneck_options(sources, sinks, chain=chain))

    def cut_points(self, chain: Optional[str] = None) -> Dict[str, Any]:
        """``{"articulation_points": [...], "bridges": [...]}``."""
        return self._analysis("cutpoints", _bottleneck_options(chain=chain))

    def captive(self, sources: Optional[Sequence[str]] = None,
                sinks: Optional[Sequence[str]] = None,
                chain: Optional[str] = None) -> Dict[str, Any]:
        """``{"captive": [...], "stranded": [...], "gatekeepers": [...]}``."""
        return self._analysis("captive", _bottleneck_options(sources, sinks, chain=chain))

    def betweenness(self, sources: Optional[Sequence[str]] = None,
                    sinks: Optional[Sequence[str]] = None, pivots: int = 0, seed: int = 0,
                    chain: Optional[str] = None, threads: int = 0) -> List[Dict[str, Any]]:
        """Betweenness of every actor of the chain's produce graph; pivots > 0
        estimates from that many pivots drawn with seed.  threads: worker
        threads for the searches (0: one per core, 1: none made; the same
        result, to the last bit, for any number)."""
        return self._analysis("betweenness",
                              _bottleneck_options(sources, sinks, pivots, seed, chain, threads))

    def throughput(self, sinks: Optional[Sequence[str]] = None,
                   chain: Optional[str] = None) -> List[Dict[str, Any]]:
        """Produce volume bought, sold and passed on by every actor."""
        return self._analysis("throughput", _bottleneck_options(sinks=sinks, chain=chain))

    def bottlenecks(self, sources: Optional[Sequence[str]] = None,
                    sinks: Optional[Sequence[str]] = None, pivots: int = 0, seed: int = 0,
                    chain: Optional[str] = None, threads: int = 0) -> Dict[str, Any]:
        """The report's `bottlenecks` object: ``{"chains": [...]}``, for every
        chain (or the one named) its flow, cut points, captive producers,
        betweenness and throughput.  pivots = 0: exact betweenness up to
        20,000 actors in a chain's produce graph, an estimate from 256
        pivots above.  threads: worker threads for the chains and
        betweenness's searches (0: one per core, 1: none made; the same
        result, to the last bit, for any number)."""
        return self._analysis("bottlenecks",
                              _bottleneck_options(sources, sinks, pivots, seed, chain, threads))

    def shock(self, remove: Sequence[str], sources: Optional[Sequence[str]] = None,
              sinks: Optional[Sequence[str]] = None,
              chain: Optional[str] = None) -> Dict[str, Any]:
        """Exit shock: remove the actors in `remove` and report the stranded
        producers and the deliverable flow lost."""
        if remove is None:
            raise TypeError("remove: expected a list of actor ids, got None")
        ids, count = cv.cstr_array(remove, "remove")
        src, nsrc = cv.cstr_array(sources, "sources")
        snk, nsnk = cv.cstr_array(sinks, "sinks")
        return self._analysis("shock", _options(
            ShockOptions, remove=ids, remove_count=count, sources=src, source_count=nsrc,
            sinks=snk, sink_count=nsnk, chain=cv.cstr(chain, "chain")))

    # ---- facilitation -------------------------------------------------------------

    def facilitation_mix(self, measure: str = "volume",
                         by_region: Union[bool, str, None] = False) -> List[Dict[str, Any]]:
        """Per type and function: records, cost, targets, supported share of each market."""
        return self._analysis("facilitation_mix", _options(
            FacilitationMixOptions, measure=_measure(measure),
            split_by_region=_region_split(by_region)))

    def exit_readiness(self) -> List[Dict[str, Any]]:
        """Whether each temporary record's exit is planned, with the reasons when not."""
        return self._analysis("exit_readiness", None)

    def exit_simulation(self, date: str, measure: str = "volume",
                        by_region: Union[bool, str, None] = False) -> Dict[str, Any]:
        """What stops, what is taken over and which transactions lose the
        support of a function when programmes exit at date (YYYY, YYYY-MM or
        YYYY-MM-DD): ``unsupported_transactions`` has one entry per
        (transaction, function), its ``function`` the one whose support ends."""
        return self._analysis("exit_simulation", _options(
            ExitSimulationOptions, measure=_measure(measure),
            split_by_region=_region_split(by_region), date=cv.cstr(date, "date", True)))

    def competing(self, duplication_similarity: float = 0.5,
                  sample_ids: int = 3) -> List[Dict[str, Any]]:
        """Pairs of records of different funders with a common target: two
        temporary records (duplication when of one function and at least
        duplication_similarity of their targets shared, overlap below it,
        complementarity for different functions) or a temporary and a
        commercial record of one function (crowding out); per pair the
        counts of shared targets and the first sample_ids ids."""
        if isinstance(duplication_similarity, bool) or \
                not isinstance(duplication_similarity, numbers.Real):
            raise TypeError("duplication_similarity: expected a number, got %s"
                            % type(duplication_similarity).__name__)
        return self._analysis("competing", _options(
            CompetingOptions, duplication_similarity=float(duplication_similarity),
            sample_ids=_natural(sample_ids, "sample_ids")))

    def payments(self) -> Dict[str, Any]:
        """``{"payments": [...], "payment_totals": [...]}``: who pays for facilitation."""
        return self._analysis("payments", None)

    def facilitation_analysis(self, measure: str = "volume",
                              by_region: Union[bool, str, None] = False,
                              exit_date: Optional[str] = None) -> Dict[str, Any]:
        """The report's `facilitation` object (``model.facilitation`` is the records)."""
        section = {"mix": self.facilitation_mix(measure, by_region),
                   "exit_readiness": self.exit_readiness()}
        if exit_date is not None:
            section["exit_simulation"] = self.exit_simulation(exit_date, measure, by_region)
        section["competing"] = self.competing()
        section.update(self.payments())
        return section

    # ---- value, inclusiveness, groups -------------------------------------------------

    def value(self, by_tag: Optional[Sequence[str]] = None) -> Dict[str, Any]:
        """Sales, purchases, value added, costs, net margin and income per household
        per actor, kind and level; stage prices; producer share; with by_tag (tags),
        producers with and without each tag (keys ``by_tag``, ``by_tag_shares``)."""
        if by_tag is None:
            return self._analysis("value", None)
        tags, count = cv.cstr_array(by_tag, "by_tag")
        return self._analysis("value", _options(ValueOptions, by_tag=tags, by_tag_count=count))

    def inclusiveness(self) -> Dict[str, Any]:
        """Households reached through selling and facilitation (model-wide) and
        the produce sold by smallholders per chain (`chains`, in primary
        equivalents): the report's `inclusiveness` object."""
        return self._analysis("inclusiveness", None)

    def summary(self) -> Dict[str, Any]:
        """What the model holds: `marketgraph summary --format json` as a dict.
        Volumes per commodity (each in its `unit`) and per chain (`chains`, in
        primary equivalents); never a total volume across commodities."""
        return self._analysis("summary", None)

    def groups(self, measure: str = "volume", by_region: Union[bool, str, None] = False,
               levels: str = "separate") -> List[Dict[str, Any]]:
        """Each group of the memberships: members, shares, coalition what-if, supervision."""
        return self._analysis("groups", _options(
            GroupsOptions, measure=_measure(measure),
            split_by_region=_region_split(by_region), levels=_levels(levels)))

    def channels(self, chain: Optional[str] = None) -> Dict[str, Any]:
        """Marketing channels per chain (primary commodity): each channel's
        kind sequence, volume in primary equivalents, share, step prices,
        farmer's share, and per primary unit each step's purchase price, value
        added, costs and net margin (net margin where the sellers give costs)
        with the channel's sums: the report's `channels` object.  chain: one
        primary commodity only."""
        return self._analysis("channels", _options(ChannelsOptions,
                                                   chain=cv.cstr(chain, "chain")))

    # ---- data work: flat records, NetworkX, notebooks -------------------------------------

    def table(self, analysis: str, explode: Optional[str] = None, **options: Any) -> Records:
        """The result of an analysis method (``"throughput"``,
        ``"concentration"`` ...) run with options, as flat records
        (marketgraph.records.records()): a list of dicts of scalars with
        ``to_pandas()``.  explode: a nested list to give one row per item
        (``table("concentration", explode="seller.shares")``)."""
        if analysis.startswith("_") or analysis in ("table", "to_networkx") or \
                not callable(getattr(self, analysis, None)):
            raise InvalidArgumentError("table: no analysis %r" % (analysis,))
        return records(getattr(self, analysis)(**options), explode=explode)

    def to_networkx(self, results: bool = False, chain: Optional[str] = None,
                    relations: bool = False) -> Any:
        """The model as a networkx.MultiDiGraph: one node per actor (its
        fields as attributes), one edge per transaction keyed by its id
        (relation "transaction").  results: the attributes of ``export
        --format graphml --results`` (throughput, throughput_share,
        betweenness, betweenness_share, captive_producers, captive_supply,
        binding, binding_capacity) for one chain; relations: facilitation and
        membership edges too, each facilitation cost split over its edges.
        ImportError with what to install when networkx is missing."""
        return _to_networkx(self, results=results, chain=chain, relations=relations)

    def _repr_svg_(self) -> Optional[str]:
        """The market map in a notebook (needs Graphviz's dot, else None)."""
        return _svg(self)

    def _repr_html_(self) -> str:
        """A short summary table in a notebook."""
        from html import escape
        doc = self.to_dict()
        rows = "".join("<tr><th>%s</th><td>%d</td></tr>" % (escape(k), len(doc.get(k, [])))
                       for k in ("actors", "transactions", "facilitation", "memberships"))
        return "<table><caption>%s</caption>%s</table>" % (
            escape(doc.get("name") or "marketgraph model"), rows)

    # ---- the market map ---------------------------------------------------------------

    def to_dot(self, highlight: bool = False, hide_services: bool = False,
               hide_facilitation: bool = False, hide_legend: bool = False,
               commodity: Optional[str] = None, chain: Optional[str] = None,
               collapse: Iterable[str] = (), top: int = 0,
               page: Optional[str] = None) -> str:
        """The market map as Graphviz DOT text (``marketgraph export --format
        dot``; render it with ``dot -Tsvg``).  highlight: draw the binding
        capacities, captive-producer hubs and coalitions presumed harmful in red.
        commodity or chain: draw only that commodity's (or chain's) produce;
        collapse: actor kinds (``["producer", "collector"]``) drawn as one
        node per region; top: with highlight, only the top N actors and
        binding arrows in red; page: ``"a4-landscape"``, ``"a4-portrait"``,
        ``"a3-landscape"``, ``"letter-landscape"`` or ``"none"``, the map laid
        out for that printed page, with a UserWarning when its labels would
        come out under 7 pt (docs/maps.md)."""
        from .model import ACTOR_KINDS
        if isinstance(collapse, str):
            raise TypeError("collapse: expected a list of actor kinds, got str")
        bits = 0
        for k, kind in enumerate(collapse):
            bits |= 1 << cv.cenum(kind, "collapse[%d].kind" % k, ACTOR_KINDS, 0)
        options = _options(DotOptions, hide_services=cv.cbool(hide_services, "hide_services"),
                           hide_facilitation=cv.cbool(hide_facilitation, "hide_facilitation"),
                           hide_legend=cv.cbool(hide_legend, "hide_legend"),
                           highlight=cv.cbool(highlight, "highlight"),
                           commodity=cv.cstr(commodity, "commodity"),
                           chain=cv.cstr(chain, "chain"), collapse_by_region=bits,
                           top=_natural(top, "top", 8 * ctypes.sizeof(ctypes.c_size_t)),
                           page=cv.cstr(page, "page"))
        points = ctypes.c_double()
        options.page_label_points = ctypes.pointer(points)
        with self._lock:
            text = owned_string(function("mkg_dot_write_string"), self._handle(),
                                ctypes.byref(options))
        if points.value < 7:   # NaN without a page: no warning
            warnings.warn("the map is too large for %s: its labels come out at about %.1f pt "
                          "(under 7, hard to read); draw less with chain=, collapse= or top="
                          % (page, points.value), UserWarning, stacklevel=2)
        return text


def compare(before: "Model", after: "Model", before_period: Optional[str] = None,
            after_period: Optional[str] = None, link_threshold: float = 0.1,
            thresholds: Optional[str] = None, text: bool = False) -> Union[Dict[str, Any], str]:
    """Two models side by side (``marketgraph compare --format json``):
    markets, links, outlets, chains, value added, outreach, facilitation
    that ended and the systemic-change indicators (docs/report.md,
    "Comparison").  before and after are Models (the same one twice with
    before_period and after_period compares two of its periods);
    link_threshold: the share by which a link's volume must change to count
    as strengthened or weakened; thresholds: the HHI threshold set.
    text=True returns the text report instead of a dict."""
    from .model import Model
    for name, m in (("before", before), ("after", after)):
        if not isinstance(m, Model):
            raise TypeError("%s: expected a marketgraph.Model, got %s"
                            % (name, type(m).__name__))
    if isinstance(link_threshold, bool) or not isinstance(link_threshold, numbers.Real):
        raise TypeError("link_threshold: expected a number, got %s"
                        % type(link_threshold).__name__)
    options = _options(CompareOptions, before_period=cv.cstr(before_period, "before_period"),
                       after_period=cv.cstr(after_period, "after_period"),
                       link_threshold=float(link_threshold),
                       thresholds=cv.cstr(thresholds, "thresholds"))
    result = ctypes.c_void_p()
    # both models locked, always in the same order (no deadlock between two
    # threads comparing a, b and b, a)
    first, second = sorted((before, after), key=id)
    with first._lock, second._lock:
        function("mkg_compare_new")(ctypes.byref(result), before._handle(), after._handle(),
                                    ctypes.byref(options))
    try:
        if text:
            return owned_string(function("mkg_compare_write_text"), result)
        return json.loads(owned_string(function("mkg_compare_write_json"), result))
    finally:
        function("mkg_compare_free")(result)
