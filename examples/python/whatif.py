#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Load a market model, print the key findings of its analysis, then ask two
what-ifs: what if an actor stops trading (an exit shock), and what if some
actors act as one firm (a coalition, such as a merger or a cartel).

    python3 examples/python/whatif.py [MODEL.json] [--exit ACTOR] [--coalition A,B,...]

Without options the script picks the actor whose exit strands the most
supply (or, without the bottleneck analyses, the buyer its suppliers depend
on most) and, as the coalition, the two largest buyers of the largest market.
Needs the marketgraph package (bindings/python) and libmarketgraph.
"""

import argparse
import os
import sys

import marketgraph as mg

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MODEL = os.path.join(HERE, "..", "models", "potato-andes.json")


def pct(x):
    return "n/a" if x is None else "%.1f%%" % (100 * x)


def market_name(m):
    parts = [m["commodity"]]
    if m.get("level"):  # absent with --levels pooled
        parts.append("farm gate" if m["level"] == "producer" else m["level"] + " level")
    if m.get("period"):
        parts.append(m["period"])
    if m.get("region"):
        parts.append(m["region"])
    return ", ".join(parts)


def key_findings(report):
    print("%s: %d actors, %d transactions" % (report["model"]["name"],
                                              report["model"]["actors"],
                                              report["model"]["transactions"]))
    print("\nHighly concentrated markets (%s thresholds):" % report["options"]["thresholds"])
    for m in report.get("concentration", []):
        for side, word in (("seller", "monopoly"), ("buyer", "monopsony")):
            s = m[side]
            if s["class"] == "highly_concentrated":
                top = s["shares"][0]
                print("  %-44s %-9s HHI %5.0f, %d firm(s), largest %s with %s"
                      % (market_name(m), word, s["hhi"], s["firms"], top["actor"],
                         pct(top["share"])))

    harmful = [c for c in report.get("coalitions", [])
               if any(k["presumed_harmful"] for k in c["markets"])]
    if harmful:
        print("\nGroups presumed harmful if they act as one firm:")
        for c in harmful:
            print("  %s (%s)" % (c["group"] or "the coalition tested", ", ".join(c["members"])))

    pairs = [p for p in report.get("dependency", {}).get("pairs", [])
             if p["asymmetry"] is not None][:3]
    if pairs:
        print("\nMost one-sided trading relations (seller depends on buyer):")
        for p in pairs:
            print("  %s -> %s: %s of the seller's sales, %s of the buyer's purchases"
                  % (p["seller"], p["buyer"], pct(p["seller_dependency"]),
                     pct(p["buyer_dependency"])))

    # One block per chain (primary commodity), in its own unit.
    for b in report.get("bottlenecks", {}).get("chains", []):
        f = b["flow"]
        unit = " " + b["unit"] if b["unit"] else ""
        print("\nChain %s: deliverable flow %g%s of %g%s supplied (%s)" % (
            b["commodity"], f["max_flow"], unit, f["total_supply"], unit,
            pct(f["deliverable_share"])))
        for c in f["binding"]:
            where = c.get("actor") or "%s -> %s" % (c["seller"], c["buyer"])
            print("  binding %s capacity %g%s: %s" % (c["type"], c["capacity"], unit, where))
        if b["captive"]:
            print("Actors whose exit would cut producers off from every end market:")
            for c in b["captive"][:3]:
                print("  %s: %d producer(s), supply %g%s" % (c["actor"], len(c["producers"]),
                                                          c["supply"], unit))

    fac = report.get("facilitation")
    if fac:
        unplanned = [r for r in fac["exit_readiness"] if r["status"] == "unplanned"]
        if unplanned:
            print("\nProgramme support without a planned exit:")
            for r in unplanned:
                print("  %s by %s: %s" % (r["record"], r["facilitator"],
                                          ", ".join(r["reasons"])))

    value = report.get("value")
    if value:
        for p in value["producer_share"]:
            print("\nProducers receive %s of the end-market price of %s"
                  % (pct(p["share"]), p["commodity"]))

    inc = report.get("inclusiveness")
    if inc:
        print("Households: %d selling, %d reached by facilitation; smallholders sell %s of "
              "the produce" % (inc["households_selling"], inc["households_supported"],
                               pct(inc["smallholder_volume_share"])))


def default_exit(model, report):
    for b in report.get("bottlenecks", {}).get("chains", []):
        if b["captive"]:
            return b["captive"][0]["actor"]
    pairs = report.get("dependency", {}).get("pairs", [])
    return pairs[0]["buyer"] if pairs else None


def default_coalition(report):
    markets = [m for m in report.get("concentration", []) if m["buyer"]["firms"] >= 2]
    if not markets:
        return None
    biggest = max(markets, key=lambda m: m["buyer"]["total"])
    return [s["actor"] for s in biggest["buyer"]["shares"][:2]]


def exit_shock(model, actor):
    print("\nWhat if %s stops trading?" % actor)
    for chain in model.chains():  # one shock per chain, in its unit
        try:
            s = model.shock([actor], chain=chain["commodity"])
        except mg.UnsupportedError as e:
            print("  (exit shock not available: %s)" % e)
            return
        if not s["max_flow_before"]:
            continue  # nothing reaches an end market in this chain
        unit = " " + chain["unit"] if chain["unit"] else ""
        print("  chain %s: stranded producers: %s (supply %g%s)" % (
            chain["commodity"], ", ".join(s["stranded"]) or "none", s["stranded_supply"], unit))
        print("    deliverable flow %g -> %g%s: loss %g%s (%s)" % (
            s["max_flow_before"], s["max_flow_after"], unit, s["loss"], unit,
            pct(s["loss_share"])))


def coalition(model, actors):
    print("\nWhat if %s act as one firm?" % " and ".join(actors))
    tested = model.coalitions(coalition=actors, groups=False)[0]
    shared = [k for k in tested["markets"] if k["delta"] > 0]  # where two or more trade
    if not shared:
        print("  they never meet in a market: nothing changes")
    for k in shared:
        print("  %-44s %-6s combined share %s, HHI %.0f -> %.0f (%+.0f)%s" % (
            market_name(k), k["side"], pct(k["share"]), k["hhi_before"], k["hhi_after"],
            k["delta"], "  PRESUMED HARMFUL" if k["presumed_harmful"] else ""))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", nargs="?", default=DEFAULT_MODEL)
    parser.add_argument("--exit", dest="exit_actor", help="actor id for the exit shock")
    parser.add_argument("--coalition", help="comma-separated actor ids to test as one firm")
    args = parser.parse_args(argv)
    try:
        with mg.load(args.model) as model:
            report = model.report()
            key_findings(report)
            actor = args.exit_actor or default_exit(model, report)
            if actor:
                exit_shock(model, actor)
            actors = args.coalition.split(",") if args.coalition else default_coalition(report)
            if actors:
                coalition(model, actors)
    except mg.Error as e:
        print("whatif: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
