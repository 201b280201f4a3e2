#!/usr/bin/env python3
"""Write a synthetic marketgraph model (format version 1) for benchmarks.

    python3 bench/gen-model.py --actors 100000 --transactions 300000 > big.json

Deterministic: the same arguments and --seed give the same bytes.  Actors
are mostly producers selling to collectors and traders, who sell up the
chain to processors, wholesalers, retailers and end markets; about one
actor in a hundred is a programme with facilitation records, and one in
fifty producers belongs to an association.  Uses only the standard library.
"""
import argparse
import json
import random
import sys

STAGES = [  # (kind, share of the actors)
    ("producer", 0.70), ("collector", 0.10), ("trader", 0.07), ("processor", 0.04),
    ("wholesaler", 0.03), ("retailer", 0.03), ("end_market", 0.01),
    ("programme", 0.01), ("association", 0.01),
]
CHAIN = ["producer", "collector", "trader", "processor", "wholesaler", "retailer", "end_market"]
COMMODITIES = ["maize", "native-potato", "coffee", "cocoa", "milk", "cassava"]
REGIONS = ["Junin", "Huancavelica", "Puno", "Cusco", "Lima", "Kasese", "Mbale"]
CONTRACTS = ["spot"] * 6 + ["contract_farming", "auction", "credit", "other"]
FUNCTIONS = ["capacity_building", "linkages", "information", "brokerage", "finance"]


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--actors", type=int, default=1000)
    p.add_argument("--transactions", type=int, default=3000)
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout

    by_kind = {}
    actors = []
    for i in range(args.actors):
        r, acc = rng.random(), 0.0
        kind = STAGES[-1][0]
        for k, share in STAGES:
            acc += share
            if r < acc:
                kind = k
                break
        aid = "a%d" % (i + 1)
        rec = {"id": aid, "kind": kind}
        if rng.random() < 0.5:
            rec["name"] = "%s %d" % (kind.replace("_", " ").title(), i + 1)
        rec["region"] = rng.choice(REGIONS)
        if kind == "producer":
            rec["households"] = rng.randint(1, 400)
            if rng.random() < 0.3:
                rec["supply"] = round(rng.uniform(1, 500), 2)
            if rng.random() < 0.2:
                rec["tags"] = ["smallholder"] + (["women-led"] if rng.random() < 0.3 else [])
        elif kind == "end_market" and rng.random() < 0.5:
            rec["demand"] = round(rng.uniform(1000, 100000), 1)
        elif kind in ("processor", "wholesaler") and rng.random() < 0.5:
            rec["capacity"] = round(rng.uniform(100, 10000), 1)
        by_kind.setdefault(kind, []).append(aid)
        actors.append(rec)

    out.write('{\n  "format": "marketgraph",\n  "version": 1,\n')
    out.write('  "name": "synthetic benchmark model (seed %d)",\n' % args.seed)
    out.write('  "currency": "USD",\n  "volume_unit": "t",\n  "period": "2020",\n')
    out.write('  "attributes": {"generator": "bench/gen-model.py", "actors": %d, '
              '"transactions": %d},\n' % (args.actors, args.transactions))
    out.write('  "actors": [\n')
    out.write(",\n".join("    " + dump(a) for a in actors))
    out.write("\n  ],\n")

    # Sellers at one stage of the chain sell to a buyer of a later stage.
    stages = [k for k in CHAIN if by_kind.get(k)]
    out.write('  "transactions": [\n')
    tx_ids = []
    for t in range(args.transactions):
        s = rng.randrange(len(stages) - 1) if len(stages) > 1 else 0
        seller = rng.choice(by_kind[stages[s]])
        buyer = rng.choice(by_kind[stages[min(s + rng.randint(1, 2), len(stages) - 1)]])
        if seller == buyer:
            buyer = actors[(int(seller[1:]) % len(actors))]["id"]
        rec = {}
        if rng.random() < 0.5:
            rec["id"] = "tx-%d" % (t + 1)
        rec.update({"seller": seller, "buyer": buyer, "commodity": rng.choice(COMMODITIES)})
        volume = round(rng.uniform(0.1, 100), 3)
        rec["volume"] = volume
        if rng.random() < 0.8:
            rec["value"] = round(volume * rng.uniform(100, 900), 2)
        if rng.random() < 0.1:
            rec["period"] = rng.choice(["2019", "2021"])
        contract = rng.choice(CONTRACTS)
        if contract != "spot":
            rec["contract"] = contract
        tx_ids.append(rec.get("id", "t%d" % (t + 1)))
        out.write("    " + dump(rec) + (",\n" if t + 1 < args.transactions else "\n"))
    out.write("  ],\n")

    facs = []
    for k, pid in enumerate(by_kind.get("programme", [])):
        targets = {"actors": sorted(set(rng.sample(by_kind.get("producer", [pid]),
                                                   min(5, len(by_kind.get("producer", [pid]))))))}
        if tx_ids:
            targets["transactions"] = sorted(set(rng.sample(tx_ids, min(3, len(tx_ids)))))
        facs.append({"id": "f-%d" % (k + 1), "facilitator": pid, "type": "temporary",
                     "function": rng.choice(FUNCTIONS), "targets": targets, "start": "2018",
                     "end": "2022", "exit": "fade_out", "cost": round(rng.uniform(1e4, 1e6), 0),
                     "paid_by": [{"actor": pid, "share": 1}]})
    out.write('  "facilitation": [\n')
    out.write(",\n".join("    " + dump(f) for f in facs))
    out.write("\n  ],\n" if facs else "  ],\n")

    members = []
    groups = by_kind.get("association", [])
    if groups:
        for k, aid in enumerate(by_kind.get("producer", [])):
            if k % 50 == 0:
                members.append({"group": groups[k % len(groups)], "member": aid, "since": "2015"})
    out.write('  "memberships": [\n')
    out.write(",\n".join("    " + dump(m) for m in members))
    out.write("\n  ]\n}\n" if members else "  ]\n}\n")


if __name__ == "__main__":
    main()
