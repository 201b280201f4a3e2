# SPDX-License-Identifier: MIT
"""Results for data work: flat records (one dict of scalars per row) with
to_pandas(), the model as a NetworkX graph, and notebook display.  pandas
and networkx are optional: imported only when asked for."""

import json
import shutil
import subprocess
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence

__all__ = ["Records", "records"]

Row = Dict[str, Any]


class Records(list):
    """A list of flat rows (dicts of str, int, float, bool or None), in the
    order of the result, with the column names in `columns`."""

    def __init__(self, rows: Iterable[Row] = (), columns: Optional[Sequence[str]] = None) -> None:
        super().__init__(rows)
        if columns is None:
            seen: Dict[str, None] = {}
            for row in self:
                for key in row:
                    seen.setdefault(key, None)
            columns = list(seen)
        self.columns: List[str] = list(columns)

    def to_pandas(self) -> Any:
        """The rows as a pandas.DataFrame, columns in order.  ImportError
        with what to install when pandas is missing."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "to_pandas() needs pandas, which is not installed: apt-get install "
                "python3-pandas (Debian, Ubuntu) or pip install pandas; the records "
                "themselves are plain dicts and need nothing") from None
        return pandas.DataFrame(list(self), columns=self.columns)


def _flatten(value: Any, prefix: str, row: Row, explode: Optional[str], out: List[Row],
             parent: Row) -> None:
    for key, item in value.items():
        name = prefix + key
        if isinstance(item, Mapping):
            _flatten(item, name + ".", row, explode, out, parent)
        elif isinstance(item, list) and not item:
            continue  # an empty list: of objects or of values, nothing to write
        elif isinstance(item, list) and all(isinstance(x, Mapping) for x in item):
            if name == explode:
                parent.setdefault("__explode__", item)
            # other lists of objects are left out of a flat row (see records())
        elif isinstance(item, list):
            row[name] = ";".join(json.dumps(x) if not isinstance(x, str) else x for x in item)
        else:
            row[name] = item


def records(result: Any, explode: Optional[str] = None) -> Records:
    """A result of an analysis (a list of objects, or one object) as flat
    rows: nested objects become columns named with dots (`seller.hhi`),
    lists of plain values one text joined by ';'.  Lists of objects are
    left out, except the one named by explode (`seller.shares`): then one
    row per item, the parent's columns repeated, the item's columns
    prefixed by the list's name.

        m.concentration() -> records(..., explode="seller.shares").to_pandas()
    """
    items = result if isinstance(result, list) else [result]
    rows: List[Row] = []
    for item in items:
        if not isinstance(item, Mapping):
            rows.append({"value": item})
            continue
        row: Row = {}
        extra: Row = {}
        _flatten(item, "", row, explode, rows, extra)
        children = extra.get("__explode__")
        if children is None:
            rows.append(row)
            continue
        for child in children:
            sub: Row = dict(row)
            _flatten(child, explode + ".", sub, None, rows, {})
            rows.append(sub)
    return Records(rows)


def to_networkx(model: Any, results: bool = False, chain: Optional[str] = None,
                relations: bool = False) -> Any:
    """See Model.to_networkx()."""
    try:
        import networkx
    except ImportError:
        raise ImportError(
            "to_networkx() needs networkx, which is not installed: apt-get install "
            "python3-networkx (Debian, Ubuntu) or pip install networkx") from None
    doc = model.to_dict()
    g = networkx.MultiDiGraph(name=doc.get("name"), currency=doc.get("currency"),
                              volume_unit=doc.get("volume_unit"), period=doc.get("period"))
    for a in doc.get("actors", []):
        g.add_node(a["id"], **{k: v for k, v in a.items() if k != "id"})
    for t in doc.get("transactions", []):
        fields = {k: v for k, v in t.items() if k not in ("seller", "buyer")}
        fields["relation"] = "transaction"
        g.add_edge(t["seller"], t["buyer"], key=t["id"], **fields)
    if relations:
        for f in doc.get("facilitation", []):
            targets = f.get("targets", {})
            supported: List[str] = []
            for a in targets.get("actors", []):
                supported.append(a)
            by_id = {t["id"]: t for t in doc.get("transactions", [])}
            for tid in targets.get("transactions", []):
                supported += [by_id[tid]["seller"], by_id[tid]["buyer"]]
            supported = [a for a in dict.fromkeys(supported) if a != f["facilitator"]]
            for k, a in enumerate(supported):
                g.add_edge(f["facilitator"], a, key="facilitation:%s:%d" % (f["id"], k),
                           relation="facilitation", facilitation=f["id"],
                           facilitation_type=f["type"], function=f["function"],
                           **({"cost": f["cost"] / len(supported)} if "cost" in f else {}))
        for i, ms in enumerate(doc.get("memberships", [])):
            g.add_edge(ms["member"], ms["group"], key="membership:%d" % i,
                       relation="membership",
                       **{k: ms[k] for k in ("since", "role") if k in ms})
    if results:
        _add_results(model, g, chain)
    return g


def _add_results(model: Any, g: Any, chain: Optional[str]) -> None:
    """The attributes of `export --format graphml --results` (docs/interop.md)."""
    flow = model.flow(chain=chain)
    g.graph["chain"] = flow.get("commodity") if isinstance(flow, dict) else chain
    for t in model.throughput(chain=chain):
        g.nodes[t["actor"]].update(throughput=t["throughput"], throughput_share=t["share"])
    scores = model.betweenness(chain=chain)
    kinds = [g.nodes[s["actor"]].get("kind") for s in scores]
    pairs = kinds.count("producer") * kinds.count("end_market")
    for s in scores:
        g.nodes[s["actor"]].update(
            betweenness=s["all_pairs"],
            betweenness_share=s["source_sink"] / pairs if pairs else None)
    for c in model.captive(chain=chain)["captive"]:
        g.nodes[c["actor"]].update(captive_producers=len(c["producers"]),
                                   captive_supply=c["supply"])
    for b in flow.get("binding", []):
        if "actor" in b:
            g.nodes[b["actor"]].update(binding="demand" if b["type"] == "demand" else "capacity",
                                       binding_capacity=b["capacity"])
            continue
        for data in g.get_edge_data(b["seller"], b["buyer"], default={}).values():
            if (data.get("relation") == "transaction" and not data.get("service") and
                    model.primary_equivalent(data["commodity"])[0] == g.graph["chain"]):
                data["binding_capacity"] = b["capacity"]


def svg(model: Any) -> Optional[str]:
    """The market map as SVG text, or None without Graphviz's dot."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    done = subprocess.run([dot, "-Tsvg"], input=model.to_dot().encode(), capture_output=True,
                          timeout=120)
    return done.stdout.decode() if done.returncode == 0 else None
