#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of the M4P sections of `marketgraph analyze` (facilitation, value,
inclusiveness, groups), run as a user would run it.

The JSON report is checked, number by number, against an independent
implementation of docs/analyses.md sections 3 to 5 written here in plain
Python (the Gini from its O(n^2) definition, supported transactions by
brute force over every record), on the test fixture, on the potato example
and on generated models with every case the rules name.

Environment (set by tests/cli/meson.build):
  MARKETGRAPH      the built tool
  MKG_SOURCE_ROOT  the source tree
"""
import calendar
import collections
import json
import os
import random
import subprocess
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIXTURE = os.path.join(ROOT, "tests", "data", "m4p-programmes.json")
EXAMPLE = os.path.join(ROOT, "examples", "models", "potato-andes.json")
TYPES = ["temporary", "commercial", "public"]
FUNCTIONS = ["capacity_building", "research_development", "shared_vision", "linkages",
             "business_opportunities", "monitoring", "information", "brokerage",
             "transaction_security", "platform", "regulation", "finance", "other"]
KINDS = ["producer", "input_supplier", "collector", "trader", "processor", "wholesaler",
         "exporter", "retailer", "end_market", "service_provider", "financial_institution",
         "public_agency", "marketing_board", "programme", "association", "ngo", "other"]


def run(*args):
    r = subprocess.run([TOOL, *args], capture_output=True, timeout=120)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8", "replace")


def report(path, *options):
    rc, out, err = run("analyze", path, "--format", "json", *options)
    if rc != 0:
        raise AssertionError(f"analyze failed ({rc}): {err}")
    return json.loads(out)


def last_day(date):
    """A format date as its last day, YYYYMMDD."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return parts[0] * 10000 + 1231
    if len(parts) == 2:
        return parts[0] * 10000 + parts[1] * 100 + calendar.monthrange(*parts)[1]
    return parts[0] * 10000 + parts[1] * 100 + parts[2]


def first_day(date):
    parts = [int(p) for p in date.split("-")]
    return parts[0] * 10000 + (parts[1] if len(parts) > 1 else 1) * 100 + \
        (parts[2] if len(parts) > 2 else 1)


class Model:
    """The records of a model document, with the defaults filled in."""

    def __init__(self, doc):
        self.doc = doc
        self.actors = {a["id"]: a for a in doc["actors"]}
        self.txs = []
        for i, t in enumerate(doc.get("transactions", [])):
            t = dict(t)
            t.setdefault("id", f"t{i + 1}")
            t.setdefault("period", doc.get("period"))
            self.txs.append(t)
        self.fac = []
        for i, f in enumerate(doc.get("facilitation", [])):
            f = dict(f)
            f.setdefault("id", f"f{i + 1}")
            self.fac.append(f)
        self.tx_by_id = {t["id"]: t for t in self.txs}

    def kind(self, a):
        return self.actors[a]["kind"]

    # docs/analyses.md, "Which transactions a record supports": of a named
    # actor, a production-side function supports its sales only
    SALES_ONLY = ("capacity_building", "research_development", "other")

    def supports(self, f, t):
        targets = f["targets"]
        acts = set(targets.get("actors", []))
        if t["id"] in targets.get("transactions", []) or t["seller"] in acts:
            return True
        return t["buyer"] in acts and f["function"] not in self.SALES_ONLY


def market_key(m, t):
    return (t["commodity"], t["period"], None, bool(t.get("service", False)))


def markets(m):
    """Every market's total volume, keyed and sorted as the report sorts them."""
    totals = collections.OrderedDict()
    for key in sorted({market_key(m, t) for t in m.txs},
                      key=lambda k: (k[0], k[1] or "", k[2] or "", k[3])):
        totals[key] = 0.0
    for t in m.txs:
        if "volume" in t:
            totals[market_key(m, t)] += t["volume"]
    return totals


class Reference:
    """docs/analyses.md sections 3-5 and docs/report.md, by brute force."""

    def __init__(self, doc):
        self.m = Model(doc)

    def mix(self):
        m = self.m
        out = []
        for ty in TYPES:
            recs = [f for f in m.fac if f["type"] == ty]

            def counts(rs):
                return {
                    "records": len(rs),
                    "cost": sum(f["cost"] for f in rs if "cost" in f),
                    "records_without_cost": sum(1 for f in rs if "cost" not in f),
                    "target_actors": len({a for f in rs for a in f["targets"].get("actors", [])}),
                    "target_transactions": len({x for f in rs
                                                for x in f["targets"].get("transactions", [])}),
                    "supported_transactions": sum(1 for t in m.txs
                                                  if any(m.supports(f, t) for f in rs)),
                }
            row = {"type": ty, **counts(recs)}
            row["functions"] = [{"function": fn, **counts([f for f in recs
                                                           if f["function"] == fn])}
                                for fn in FUNCTIONS if any(f["function"] == fn for f in recs)]
            tot = markets(m)
            sup = collections.defaultdict(float)
            for t in m.txs:
                if "volume" in t and any(m.supports(f, t) for f in recs):
                    sup[market_key(m, t)] += t["volume"]
            row["markets"] = [{"commodity": k[0], "period": k[1], "region": None,
                               "service": k[3], "total": v, "supported": sup[k],
                               "share": sup[k] / v if v > 0 else None}
                              for k, v in tot.items()]
            out.append(row)
        return out

    def exit_readiness(self):
        m = self.m
        trading = {"input_supplier", "collector", "trader", "processor", "wholesaler",
                   "exporter", "retailer"}
        neutral = {"brokerage", "information", "linkages", "platform", "regulation",
                   "monitoring"}

        def users(f):
            u = set(f["targets"].get("actors", []))
            for x in f["targets"].get("transactions", []):
                u |= {m.tx_by_id[x]["seller"], m.tx_by_id[x]["buyer"]}
            return u

        def users_pay(f, except_):
            share = sum(p["share"] for p in f.get("paid_by", []) if "embedded" in p)
            share += sum(p["share"] for p in f.get("paid_by", []) if "actor" in p and
                         p["actor"] not in (except_, f["facilitator"]) and p["actor"] in users(f))
            return share

        sold = {(c["facilitator"], c["function"]) for c in m.fac
                if c["type"] == "commercial" and users_pay(c, None) > 0}
        out = []
        for f in sorted((f for f in m.fac if f["type"] == "temporary"),
                        key=lambda f: f["id"].encode()):
            reasons = []
            if "end" not in f:
                reasons.append("no_end")
            if "exit" not in f:
                reasons.append("no_exit")
            succ = f.get("successor")
            if f.get("exit") in ("commercial", "public") and \
                    m.kind(succ) in ("programme", "ngo"):
                reasons.append("unfit_successor")
            if succ and f["function"] in neutral and m.kind(succ) in trading:
                reasons.append("conflicted_successor")
            given = "paid_by" in f
            s_share = sum(p["share"] for p in f.get("paid_by", [])
                          if p.get("actor") == succ) if given and succ else None
            u_share = users_pay(f, None) if given else None
            if succ and not (s_share or 0) > 0:
                reasons.append("successor_pays_nothing")
            if f.get("exit") == "commercial" and not (u_share or 0) > 0 and \
                    (succ, f["function"]) not in sold:
                reasons.append("users_pay_nothing")
            unplanned = set(reasons) & {"no_end", "no_exit", "unfit_successor",
                                        "conflicted_successor"}
            out.append({"record": f["id"], "facilitator": f["facilitator"],
                        "function": f["function"], "end": f.get("end"), "exit": f.get("exit"),
                        "successor": succ, "successor_kind": m.kind(succ) if succ else None,
                        "status": "unplanned" if unplanned else "at_risk" if reasons
                        else "planned", "reasons": reasons,
                        "successor_share": s_share, "users_share": u_share})
        return out

    def exit_simulation(self, date):
        m = self.m
        day = last_day(date)
        res = {"stopped": [], "taken_over": [], "continuing": [], "undated": []}
        active = []
        for f in sorted(m.fac, key=lambda f: f["id"].encode()):
            if f["type"] != "temporary":
                active.append(f)
                continue
            row = {"record": f["id"], "facilitator": f["facilitator"],
                   "function": f["function"], "end": f.get("end"), "exit": f.get("exit")}
            if "end" not in f:
                res["undated"].append(row)
                active.append(f)
            elif not last_day(f["end"]) < day:
                res["continuing"].append(row)
                active.append(f)
            elif f.get("exit") in ("commercial", "public"):
                row.update(successor=f["successor"], successor_kind=m.kind(f["successor"]),
                           type_after=f["exit"])
                res["taken_over"].append(row)
                active.append(f)
            else:
                res["stopped"].append(row)
        # per function: supported by a record of it before, by none after
        functions = sorted({f["function"] for f in m.fac}, key=FUNCTIONS.index)
        pairs = [(t, fn) for t in m.txs for fn in functions
                 if any(f["function"] == fn and m.supports(f, t) for f in m.fac)
                 and not any(f["function"] == fn and m.supports(f, t) for f in active)]
        lost = [t for t in m.txs if any(p[0] is t for p in pairs)]
        res["unsupported_transactions"] = [
            {"transaction": t["id"], "seller": t["seller"], "buyer": t["buyer"],
             "commodity": t["commodity"], "period": t["period"], "volume": t.get("volume"),
             "value": t.get("value"), "function": fn}
            for t, fn in sorted(pairs, key=lambda p: (p[0]["id"].encode(),
                                                      FUNCTIONS.index(p[1])))]
        tot = markets(m)
        amount = collections.defaultdict(float)
        for t in lost:
            amount[market_key(m, t)] += t.get("volume", 0.0)
        res["markets"] = [{"commodity": k[0], "period": k[1], "region": None, "service": k[3],
                           "total": v, "unsupported": amount[k],
                           "share": amount[k] / v if v > 0 else None}
                          for k, v in tot.items() if any(market_key(m, t) == k for t in lost)]
        # reach: named actors and transactions, and their trading partners
        stops = {f["id"] for f in m.fac if f["type"] == "temporary" and "end" in f and
                 last_day(f["end"]) < day and f.get("exit") not in ("commercial", "public")}
        reach, funcs = {}, {}
        for when, recs in (("before", m.fac), ("after", [f for f in m.fac
                                                         if f["id"] not in stops])):
            da = {a for f in recs for a in f["targets"].get("actors", [])}
            dt = {t for f in recs for t in f["targets"].get("transactions", [])}
            partners = set()
            for t in m.txs:
                if t["seller"] in da:
                    partners.add(t["buyer"])
                if t["buyer"] in da:
                    partners.add(t["seller"])
            reach[when] = {"direct_actors": len(da), "direct_transactions": len(dt),
                           "indirect_actors": len(partners - da)}
            funcs[when] = {(a, f["function"]) for f in recs
                           for a in f["targets"].get("actors", [])}
        res["reach"] = reach
        res["lost_support"] = [{"actor": a, "kind": m.kind(a), "function": fn}
                               for a, fn in sorted(funcs["before"] - funcs["after"],
                                                   key=lambda x: (x[0].encode(),
                                                                  FUNCTIONS.index(x[1])))]
        return res

    def competing(self):
        """Every pair of records with no funder in common sharing a target:
        two temporary records, or a temporary and a commercial record of the
        same function (crowding out); by brute force over all pairs."""
        def funders(f):
            fs = {p["actor"] for p in f.get("paid_by", []) if "actor" in p and p["share"] > 0}
            return fs or {f["facilitator"]}

        def payer(f):
            best, share = f["facilitator"], -1
            for p in f.get("paid_by", []):
                if "actor" not in p:
                    continue
                if p["share"] > share or (p["share"] == share and best != f["facilitator"] and
                                          (p["actor"] == f["facilitator"] or
                                           p["actor"].encode() < best.encode())):
                    best, share = p["actor"], p["share"]
            return best

        def targets(f):
            return ({("a", x) for x in f["targets"].get("actors", [])} |
                    {("t", x) for x in f["targets"].get("transactions", [])})

        recs = [f for f in self.m.fac if f["type"] in ("temporary", "commercial")]
        out = []
        for i, a in enumerate(recs):
            for b in recs[i + 1:]:
                if "temporary" not in (a["type"], b["type"]) or funders(a) & funders(b):
                    continue
                if a["type"] != b["type"] and a["function"] != b["function"]:
                    continue
                shared = targets(a) & targets(b)
                if not shared:
                    continue
                if a["type"] != b["type"]:
                    x, y = (a, b) if a["type"] == "temporary" else (b, a)
                else:
                    x, y = sorted([a, b], key=lambda f: f["id"].encode())
                sim = len(shared) / len(targets(a) | targets(b))
                relation = ("crowding_out" if y["type"] == "commercial" else
                            "complementarity" if x["function"] != y["function"] else
                            "duplication" if sim >= 0.5 else "overlap")
                lo = [first_day(f["start"]) if "start" in f else -1 for f in (x, y)]
                hi = [last_day(f["end"]) if "end" in f else 99999999 for f in (x, y)]
                sa = sorted((v for k, v in shared if k == "a"), key=str.encode)
                st = sorted((v for k, v in shared if k == "t"), key=str.encode)
                out.append({"relation": relation, "records": [x["id"], y["id"]],
                            "types": [x["type"], y["type"]],
                            "payers": [payer(x), payer(y)],
                            "facilitators": [x["facilitator"], y["facilitator"]],
                            "functions": [x["function"], y["function"]],
                            "same_function": x["function"] == y["function"],
                            "similarity": sim,
                            "periods_overlap": not (hi[0] < lo[1] or hi[1] < lo[0]),
                            "shared_actors": {"count": len(sa), "first": sa[:3]},
                            "shared_transactions": {"count": len(st), "first": st[:3]}})
        order = ["duplication", "overlap", "complementarity", "crowding_out"]
        return sorted(out, key=lambda p: (order.index(p["relation"]), p["records"][0].encode(),
                                          p["records"][1].encode()))

    def payments(self):
        m = self.m
        rows, totals = [], []
        for f in sorted(m.fac, key=lambda f: f["id"].encode()):
            users = set(f["targets"].get("actors", []))
            for x in f["targets"].get("transactions", []):
                users |= {m.tx_by_id[x]["seller"], m.tx_by_id[x]["buyer"]}
            shares = amounts = None
            if "paid_by" in f:
                s = {"users": 0.0, "facilitator": 0.0, "others": 0.0, "embedded": 0.0}
                for p in f["paid_by"]:
                    who = "embedded" if "embedded" in p else \
                        "facilitator" if p["actor"] == f["facilitator"] else \
                        "users" if p["actor"] in users else "others"
                    s[who] += p["share"]
                shares = s
                if "cost" in f:
                    amounts = {k: v * f["cost"] for k, v in s.items()}
            rows.append({"record": f["id"], "facilitator": f["facilitator"], "type": f["type"],
                         "function": f["function"], "cost": f.get("cost"),
                         "paid_by_given": "paid_by" in f,
                         "shares": shares or {"users": None, "facilitator": None,
                                              "others": None, "embedded": None},
                         "amounts": amounts or {"users": None, "facilitator": None,
                                                "others": None, "embedded": None},
                         "not_self_financing": f["type"] == "commercial" and
                         not (shares and (shares["users"] > 0 or shares["embedded"] > 0))})
        for ty in TYPES:
            rs = [r for r in rows if r["type"] == ty]
            recs = [f for f in m.fac if f["type"] == ty]
            cost = sum(r["cost"] for r in rs if r["cost"] is not None)
            am = {k: sum(r["amounts"][k] for r in rs if r["amounts"]["users"] is not None)
                  for k in ("users", "facilitator", "others", "embedded")}
            am["unallocated"] = sum(r["cost"] for r in rs
                                    if r["cost"] is not None and not r["paid_by_given"])
            payers = collections.defaultdict(float)
            for f in recs:
                if "cost" in f:
                    for p in f.get("paid_by", []):
                        if "actor" in p:
                            payers[p["actor"]] += p["share"] * f["cost"]
            totals.append({
                "type": ty, "records": len(rs),
                "records_with_cost": sum(1 for r in rs if r["cost"] is not None),
                "cost": cost, "amounts": am,
                "shares": {k: (v / cost if cost > 0 else None) for k, v in am.items()},
                "not_self_financing": sum(1 for r in rs if r["not_self_financing"]),
                "payers": [{"actor": a, "kind": m.kind(a), "amount": v,
                            "share": v / cost if cost > 0 else None}
                           for a, v in sorted(payers.items(),
                                              key=lambda kv: (-kv[1], kv[0].encode()))]})
        return rows, totals

    def value(self, tags=()):
        """docs/analyses.md, "Value distribution", computed the obvious way
        (quadratic Gini, per-transaction level shares)."""
        m = self.m
        transfer = {c["id"] for c in m.doc.get("commodities", []) if c.get("transfer")}
        sales, purchases, paid, received, seen = (collections.defaultdict(float),
                                                  collections.defaultdict(float),
                                                  collections.defaultdict(float),
                                                  collections.defaultdict(float), set())
        excluded, transfers = 0, 0.0
        for t in m.txs:
            if "value" not in t:
                excluded += 1
                continue
            seen |= {t["seller"], t["buyer"]}
            if t["commodity"] in transfer:
                received[t["seller"]] += t["value"]
                paid[t["buyer"]] += t["value"]
                transfers += t["value"]
                continue
            sales[t["seller"]] += t["value"]
            purchases[t["buyer"]] += t["value"]
        costs = {a: sum(c["amount"] for c in m.actors[a].get("costs", [])) for a in m.actors}
        seen |= {a for a in m.actors if m.actors[a].get("costs")}
        end_market = sum(purchases[a] - sales[a] for a in seen if m.kind(a) == "end_market")

        def hh(a):
            return m.actors[a].get("households", -1)
        actors = []
        for a in sorted((a for a in seen if m.kind(a) != "end_market"), key=str.encode):
            va = sales[a] - purchases[a]
            net = va - costs[a] - paid[a] + received[a]
            actors.append({"actor": a, "kind": m.kind(a), "sales": sales[a],
                           "purchases": purchases[a], "value_added": va, "costs": costs[a],
                           "transfers_paid": paid[a], "transfers_received": received[a],
                           "net_margin": net, "households": hh(a) if hh(a) >= 0 else None,
                           "income_per_household": net / hh(a) if hh(a) > 0 else None})
        chain = sum(a["value_added"] for a in actors)
        net = sum(a["net_margin"] for a in actors)

        def gini(rows):
            """(gini, over, units): over households when all give some."""
            if len(rows) < 2:
                return None, None, 0
            if all(hh(r["actor"]) > 0 for r in rows):
                units = [(r["net_margin"] / hh(r["actor"]), hh(r["actor"])) for r in rows]
                over = "households"
            else:
                units = [(r["net_margin"], 1) for r in rows]
                over = "actors"
            w = sum(h for _, h in units)
            total = sum(x * h for x, h in units)
            if total <= 0:
                return None, None, 0
            g = sum(h1 * h2 * abs(x1 - x2) for x1, h1 in units for x2, h2 in units) \
                / (2 * w * total)
            return g, over, w

        by_kind = []
        for k in KINDS:
            rows = [a for a in actors if a["kind"] == k]
            if not rows:
                continue
            g, over, units = gini(rows)
            with_hh = [a for a in rows if hh(a["actor"]) > 0]
            households = sum(hh(a["actor"]) for a in with_hh)
            va = sum(a["value_added"] for a in rows)
            by_kind.append({"kind": k, "actors": len(rows),
                            "sales": sum(a["sales"] for a in rows),
                            "purchases": sum(a["purchases"] for a in rows),
                            "value_added": va,
                            "share": va / chain if chain > 0 else None, "gini": g,
                            "gini_over": over, "gini_units": units,
                            "costs": sum(a["costs"] for a in rows),
                            "transfers_paid": sum(a["transfers_paid"] for a in rows),
                            "transfers_received": sum(a["transfers_received"] for a in rows),
                            "net_margin": sum(a["net_margin"] for a in rows),
                            "net_margin_share": sum(a["net_margin"] for a in rows) / net
                            if net > 0 else None,
                            "households": households,
                            "income_per_household":
                                sum(a["net_margin"] for a in with_hh) / households
                                if households > 0 else None})
        row_of = {a["actor"]: a for a in actors}
        levels = {}
        for t in m.txs:
            if "value" not in t or t["commodity"] in transfer or \
                    m.kind(t["seller"]) == "end_market":
                continue
            name = t.get("level", m.kind(t["seller"]))
            a = row_of[t["seller"]]
            part = t["value"] / a["sales"] if a["sales"] > 0 else 0
            lv = levels.setdefault(name, {"level": name, "sellers": set(), "sales": 0.0,
                                          "value_added": 0.0, "costs": 0.0,
                                          "net_margin": 0.0})
            lv["sellers"].add(t["seller"])
            lv["sales"] += t["value"]
            lv["value_added"] += part * a["value_added"]
            lv["costs"] += part * a["costs"]
            lv["net_margin"] += part * a["net_margin"]
        rank = {k: i for i, k in enumerate(KINDS)}
        by_level = []
        for name in sorted(levels, key=lambda n: (rank.get(n, len(KINDS)), n.encode())):
            lv = levels[name]
            lv["sellers"] = len(lv["sellers"])
            lv["share"] = lv["value_added"] / chain if chain > 0 else None
            by_level.append(lv)
        priced = [t for t in m.txs if "value" in t and t.get("volume", 0) > 0
                  and t["commodity"] not in transfer]
        stage_prices, producer_share = [], []
        for c in sorted({t["commodity"] for t in priced}, key=str.encode):
            stages = []
            for k in KINDS:
                ts = [t for t in priced if t["commodity"] == c and m.kind(t["seller"]) == k]
                if ts:
                    vol, val = sum(t["volume"] for t in ts), sum(t["value"] for t in ts)
                    stages.append({"seller_kind": k, "transactions": len(ts), "volume": vol,
                                   "value": val, "price": val / vol})
            stage_prices.append({"commodity": c, "stages": stages})
            pt = [t for t in priced if t["commodity"] == c and m.kind(t["seller"]) == "producer"]
            et = [t for t in priced if t["commodity"] == c and m.kind(t["buyer"]) == "end_market"]
            if pt and et:
                pp = sum(t["value"] for t in pt) / sum(t["volume"] for t in pt)
                ep = sum(t["value"] for t in et) / sum(t["volume"] for t in et)
                producer_share.append({"commodity": c, "producer_price": pp,
                                       "end_market_price": ep,
                                       "share": pp / ep if ep > 0 else None,
                                       "producer_volume": sum(t["volume"] for t in pt),
                                       "end_market_volume": sum(t["volume"] for t in et)})
        by_tag, by_tag_shares = self.value_by_tag(tags, transfer, row_of, gini, priced,
                                                  producer_share)
        return {"currency": m.doc.get("currency"), "volume_unit": m.doc.get("volume_unit"),
                "excluded_transactions": excluded, "chain_value_added": chain,
                "end_market_purchases": end_market,
                "chain_costs": sum(a["costs"] for a in actors),
                "chain_net_margin": sum(a["net_margin"] for a in actors),
                "transfers": transfers,
                "actors_with_costs": sum(1 for a in m.actors if m.actors[a].get("costs")
                                         and m.kind(a) != "end_market"),
                "actors": actors, "by_kind": by_kind, "by_level": by_level,
                "stage_prices": stage_prices, "producer_share": producer_share,
                "by_tag": by_tag, "by_tag_shares": by_tag_shares}

    def value_by_tag(self, tags, transfer, row_of, gini, priced, producer_share):
        m = self.m
        sold = {t["seller"] for t in m.txs if not t.get("service", False)
                and t["commodity"] not in transfer
                and (t.get("volume", 0) > 0 or t.get("value", 0) > 0)}
        supported = set()
        for f in m.fac:
            supported |= set(f["targets"].get("actors", []))
            for x in f["targets"].get("transactions", []):
                supported |= {m.tx_by_id[x]["seller"], m.tx_by_id[x]["buyer"]}
        end_price = {p["commodity"]: p["end_market_price"] for p in producer_share}
        rows, shares = [], []
        for tag in tags:
            for with_ in (True, False):
                ps = [a for a in m.actors if m.kind(a) == "producer"
                      and (tag in m.actors[a].get("tags", [])) == with_]

                def hh(a):
                    return max(m.actors[a].get("households", 0), 0)
                valued = [row_of[a] for a in ps if a in row_of]
                households = sum(hh(a) for a in ps)
                with_hh = sum(row_of[a]["net_margin"] for a in ps if a in row_of and hh(a) > 0)
                g, over, _ = gini(valued)
                rows.append({"tag": tag, "with": with_, "producers": len(ps),
                             "households": households,
                             "producers_selling": sum(1 for a in ps if a in sold),
                             "households_selling": sum(hh(a) for a in ps if a in sold),
                             "households_supported": sum(hh(a) for a in ps if a in supported),
                             "sales": sum(r["sales"] for r in valued),
                             "net_margin": sum(r["net_margin"] for r in valued),
                             "income_per_household": with_hh / households
                             if households > 0 else None,
                             "gini": g, "gini_over": over})
                for c in sorted(end_price, key=str.encode):
                    ts = [t for t in priced if t["commodity"] == c and t["seller"] in ps]
                    if not ts:
                        continue
                    vol = sum(t["volume"] for t in ts)
                    price = sum(t["value"] for t in ts) / vol
                    shares.append({"tag": tag, "with": with_, "commodity": c,
                                   "producer_price": price, "producer_volume": vol,
                                   "share": price / end_price[c] if end_price[c] > 0 else None})
        return rows, shares

    def inclusiveness(self):
        m = self.m

        def hh(a):
            return max(m.actors[a].get("households", 0), 0)
        produce = [t for t in m.txs if not t.get("service", False)]
        sellers = {t["seller"] for t in produce
                   if t.get("volume", 0) > 0 or t.get("value", 0) > 0}
        producers = [a for a in m.actors if m.kind(a) == "producer"]
        supported = set()
        for f in m.fac:
            supported |= set(f["targets"].get("actors", []))
            for x in f["targets"].get("transactions", []):
                supported |= {m.tx_by_id[x]["seller"], m.tx_by_id[x]["buyer"]}
        # Volumes per chain in primary equivalents: a commodity's chain ends at
        # its primary (made_from), the factor multiplies input_per_unit along it.
        listed = {c["id"]: c for c in self.m.doc.get("commodities", [])}

        def primary(c, factor=1.0):
            while c in listed and "made_from" in listed[c]:
                factor *= listed[c]["input_per_unit"]
                c = listed[c]["made_from"]
            return c, factor

        def unit(c):
            return listed.get(c, {}).get("unit", self.m.doc.get("volume_unit"))
        chains = {}
        for t in produce:
            c, factor = primary(t["commodity"])
            row = chains.setdefault(c, [0.0, 0.0])
            if "volume" in t:
                row[0] += t["volume"] * factor
                row[1] += t["volume"] * factor if hh(t["seller"]) > 0 else 0
        rows = [{"primary": c, "unit": unit(c), "produce_volume": v, "smallholder_volume": s,
                 "smallholder_volume_share": s / v if v > 0 else None}
                for c, (v, s) in sorted(chains.items(), key=lambda kv: kv[0].encode())]
        # the model-wide volumes are the one chain's, null with several
        one = rows[0] if len(rows) == 1 else {
            "produce_volume": 0 if not rows else None,
            "smallholder_volume": 0 if not rows else None, "smallholder_volume_share": None}
        return {"households_selling": sum(hh(a) for a in producers if a in sellers),
                "households_supported": sum(hh(a) for a in supported),
                "smallholder_volume_share": one["smallholder_volume_share"],
                "producers_selling": sum(1 for a in producers if a in sellers),
                "households_producers": sum(hh(a) for a in producers),
                "actors_supported": len(supported),
                "produce_volume": one["produce_volume"],
                "smallholder_volume": one["smallholder_volume"], "chains": rows}


def generated_doc(seed):
    """A market system with every case of the rules: records without cost,
    without paid_by, exits of each kind, unfit successors, shared targets,
    transactions without volume or value, zero volumes, services."""
    rnd = random.Random(seed)
    kinds = ["producer"] * 6 + ["collector", "trader", "trader", "processor", "end_market",
                                "end_market", "programme", "programme", "ngo",
                                "service_provider", "public_agency", "association"]
    actors = []
    for i, k in enumerate(kinds):
        a = {"id": f"a{i:02d}", "kind": k}
        if k == "producer" and rnd.random() < 0.8:
            a["households"] = rnd.randint(0, 300)
        actors.append(a)
    ids = [a["id"] for a in actors]
    txs = []
    for i in range(60):
        s, b = rnd.sample(ids, 2)
        t = {"id": f"x{i:02d}", "seller": s, "buyer": b,
             "commodity": rnd.choice(["maize", "beans", "flour", "transport"]),
             "period": rnd.choice(["2010", "2011"])}
        if t["commodity"] == "transport":
            t["service"] = True
        r = rnd.random()
        if r < 0.1:
            t["value"] = rnd.randint(1, 500)
        elif r < 0.2:
            t["volume"] = rnd.choice([0, rnd.randint(1, 50)])
        else:
            t["volume"] = rnd.choice([0, rnd.randint(1, 50), rnd.randint(1, 50)])
            t["value"] = rnd.randint(0, 900)
        txs.append(t)
    fac = []
    facilitators = ["a12", "a13", "a14", "a15", "a16"]
    for i in range(14):
        f = {"id": f"r{rnd.randint(0, 999):03d}-{i}", "facilitator": rnd.choice(facilitators),
             "type": rnd.choice(TYPES + ["temporary"] * 2),
             "function": rnd.choice(FUNCTIONS[:5])}
        f["targets"] = {}
        acts = rnd.sample(ids[:12], rnd.randint(0, 3))
        trs = rnd.sample([t["id"] for t in txs], rnd.randint(0 if acts else 1, 2))
        if acts:
            f["targets"]["actors"] = acts
        if trs:
            f["targets"]["transactions"] = trs
        if rnd.random() < 0.7:
            y = rnd.randint(2008, 2012)
            f["start"] = str(y)
            if rnd.random() < 0.8:
                f["end"] = rnd.choice([str(y + 1), f"{y + 1}-06", f"{y + 1}-03-31"])
        if f["type"] == "temporary" and rnd.random() < 0.8:
            f["exit"] = rnd.choice(["fade_out", "commercial", "public"])
            if f["exit"] != "fade_out":
                f["successor"] = rnd.choice(ids[6:])
        if rnd.random() < 0.7:
            f["cost"] = rnd.randint(0, 5000)
        if rnd.random() < 0.7:
            payers = rnd.sample(ids, rnd.randint(1, 3))
            if rnd.random() < 0.5:
                payers[0] = f["facilitator"] if f["facilitator"] not in payers[1:] else payers[0]
            cut = sorted(rnd.random() for _ in payers[1:])
            shares = [b - a for a, b in zip([0.0] + cut, cut + [1.0])]
            f["paid_by"] = [{"actor": a, "share": s} for a, s in zip(payers, shares)]
        fac.append(f)
    members = [{"group": "a17", "member": m} for m in ("a06", "a07", "a08")]
    members.append({"group": "a17", "member": "a16", "role": "supervisor"})
    # drawn last, so the records above stay those of earlier versions: costs,
    # tags, and a cess (a transfer: producers pay it to the public agency)
    for a in actors:
        if rnd.random() < 0.5:
            a["costs"] = [{"item": "labour", "amount": rnd.randint(0, 300)}]
            if rnd.random() < 0.5:
                a["costs"].append({"item": "rent", "amount": rnd.randint(0, 100),
                                   "period": "2011", "commodity": "maize"})
        if a["kind"] == "producer" and rnd.random() < 0.5:
            a["tags"] = ["women-led"]
    for i in range(4):
        txs.append({"id": f"cess{i}", "seller": "a16", "buyer": f"a{rnd.randint(0, 5):02d}",
                    "commodity": "cess", "value": rnd.randint(1, 60), "service": True})
    return {"format": "marketgraph", "version": 1, "currency": "USD", "volume_unit": "t",
            "period": "2010", "actors": actors, "transactions": txs, "facilitation": fac,
            "memberships": members,
            "commodities": [{"id": "cess", "service": True, "transfer": True}]}


class Compare(unittest.TestCase):
    def assertSame(self, got, want, path="$"):
        """Equal structures, numbers within 1e-9 (relative for large ones)."""
        if isinstance(want, float) or (isinstance(want, int) and not isinstance(want, bool)
                                        and isinstance(got, float)):
            self.assertIsInstance(got, (int, float), path)
            self.assertLessEqual(abs(got - want), 1e-9 * max(1.0, abs(want)), path)
        elif isinstance(want, dict):
            self.assertIsInstance(got, dict, path)
            for k in want:
                self.assertIn(k, got, path)
                self.assertSame(got[k], want[k], f"{path}.{k}")
        elif isinstance(want, list):
            self.assertIsInstance(got, list, path)
            self.assertEqual(len(got), len(want), path)
            for i, (g, w) in enumerate(zip(got, want)):
                self.assertSame(g, w, f"{path}[{i}]")
        else:
            self.assertEqual(got, want, path)

    def check(self, path, date=None, tags=()):
        with open(path, encoding="utf-8") as f:
            ref = Reference(json.load(f))
        opts = ["--exit-date", date] if date else []
        if tags:
            opts += ["--by-tag", ",".join(tags)]
        rep = report(path, *opts)
        fac = rep["facilitation"]
        self.assertSame(fac["mix"], ref.mix(), "mix")
        self.assertSame(fac["exit_readiness"], ref.exit_readiness(), "exit_readiness")
        self.assertSame(fac["competing"], ref.competing(), "competing")
        rows, totals = ref.payments()
        self.assertSame(fac["payments"], rows, "payments")
        self.assertSame(fac["payment_totals"], totals, "payment_totals")
        if date:
            self.assertSame(fac["exit_simulation"], ref.exit_simulation(date), "exit_simulation")
            self.assertEqual(fac["exit_simulation"]["date"], date)
        else:
            self.assertNotIn("exit_simulation", fac)
        self.assertSame(rep["value"], ref.value(tags), "value")
        self.assertSame(rep["inclusiveness"], ref.inclusiveness(), "inclusiveness")
        return rep

    def check_groups(self, rep, doc):
        """Groups repeat the coalitions' numbers and count member buyers."""
        m = Model(doc)
        kind = {a["id"]: a["kind"] for a in doc["actors"]}
        coal = {c["group"]: c for c in rep["coalitions"] if c.get("group")}
        self.assertEqual([g["group"] for g in rep["groups"]], sorted(coal, key=str.encode))
        for g in rep["groups"]:
            c = coal[g["group"]]
            self.assertEqual(g["members"], c["members"])
            sides = [(mk["commodity"], mk["level"], mk["period"], mk["side"], mk["share"],
                      mk["hhi_after"]) for mk in c["markets"]]
            mine = []
            for mk in g["markets"]:
                for side in ("buyer", "seller"):
                    if mk[side] is not None:
                        mine.append((mk["commodity"], mk["level"], mk["period"], side,
                                     mk[side]["share"], mk[side]["hhi_after"]))
                # a market's level: the transaction's, else its seller's kind
                buyers = {t["buyer"] for t in m.txs
                          if t["commodity"] == mk["commodity"] and t["period"] == mk["period"]
                          and t.get("level", kind[t["seller"]]) == mk["level"]
                          and t.get("volume", 0) > 0
                          and bool(t.get("service", False)) == mk["service"]}
                self.assertEqual(mk["buyers"], len(buyers))
                self.assertEqual(mk["member_buyers"], len(buyers & set(g["members"])))
            self.assertEqual(mine, sides)


class TestReport(Compare):
    def test_fixture(self):
        self.check(FIXTURE)
        rep = self.check(FIXTURE, "2012-12-31")
        sim = rep["facilitation"]["exit_simulation"]
        self.assertEqual([r["record"] for r in sim["stopped"]], ["fA"])
        self.assertEqual([t["transaction"] for t in sim["unsupported_transactions"]], ["t7"])

    def test_dates(self):
        for date in ("2010", "2011", "2011-12", "2011-12-31", "2012-01-01", "2012-06-30",
                     "2012-07-01", "2030"):
            self.check(FIXTURE, date)

    @unittest.skipUnless(os.path.exists(EXAMPLE), "no example model")
    def test_example(self):
        with open(EXAMPLE, encoding="utf-8") as f:
            doc = json.load(f)
        rep = self.check(EXAMPLE, "2013", ("remote", "women-led"))
        self.check_groups(rep, doc)

    def test_generated(self):
        for seed in range(12):
            doc = generated_doc(seed)
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump(doc, f)
            try:
                rep = self.check(f.name, "2011-06", ("women-led",) if seed % 2 else ())
                self.check_groups(rep, doc)
            finally:
                os.unlink(f.name)


class TestCommandLine(unittest.TestCase):
    def test_bad_exit_date(self):
        for date in ("2012-13-01", "2012-02-30", "31/12/2012", "", "2012-1-1"):
            rc, out, err = run("analyze", FIXTURE, "--exit-date", date)
            self.assertEqual(rc, 2, date)
            self.assertEqual(out, "")
            self.assertIn(f'--exit-date: "{date}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
                          err)

    def test_text_order_and_units(self):
        rc, out, err = run("analyze", FIXTURE, "--exit-date", "2012")
        self.assertEqual(rc, 0, err)
        # who earns first, then what the programmes do and who pays
        order = ["Value distribution", "Inclusiveness",
                 "When the programmes exit: the situation on 2012", "Competing programmes",
                 "Who pays for facilitation"]
        where = [out.find(h) for h in order]
        self.assertNotIn(-1, where)
        self.assertEqual(where, sorted(where))
        self.assertIn("t7: p4 -> pr, maize, 40 t, 400 USD", out)
        self.assertIn("Transactions losing the support of a function: 1 "
                      "(1 transaction-function pairs)", out)
        self.assertIn("t7: p4 -> pr, maize, 40 t, 400 USD: loses linkages", out)
        self.assertIn("10.3% of maize 2010 loses a function's support (40 of 390 t)", out)
        self.assertIn("NOT SELF-FINANCING: commercial record fE (brokerage, by biz)", out)
        # 2500 USD for 240 t = 10.4166... USD per t: three significant digits in the text
        self.assertIn("Prices of maize (USD per t): producer 10.4, trader 16", out)
        rc, out, err = run("analyze", FIXTURE)
        self.assertEqual(rc, 0, err)
        self.assertNotIn("When the programmes exit", out)
        self.assertIn("Exit readiness of temporary facilitation", out)


if __name__ == "__main__":
    unittest.main()
