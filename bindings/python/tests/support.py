# SPDX-License-Identifier: MIT
"""Shared by the tests: a sample model using every field of the format, and
where meson's test environment puts the command-line tool and the examples."""

import copy
import glob
import json
import os
import subprocess

# Every record kind and every field, with values chosen so that each number
# reads back exactly (binary fractions) and each list has several entries.
SAMPLE = {
    "format": "marketgraph",
    "version": 1,
    "name": "Native potato chain (test)",
    "currency": "PEN",
    "volume_unit": "t",
    "period": "2002",
    "attributes": {"source": "test", "nested": {"a": [1, 2.5, None, True]}},
    "actors": [
        {"id": "coop-a", "name": "Growers A", "kind": "producer", "region": "Junin",
         "households": 420, "capacity": 900, "supply": 850, "tags": ["smallholder", "women-led"],
         "attributes": {"founded": 1998}},
        {"id": "coop-b", "kind": "producer", "region": "Huancavelica", "households": 150},
        {"id": "trader-1", "kind": "trader"},
        {"id": "proc-x", "name": "Chips processor", "kind": "processor", "capacity": 600},
        {"id": "market-lima", "kind": "end_market", "demand": 1000},
        {"id": "papa-andina", "kind": "programme"},
        {"id": "assoc", "kind": "association"},
        {"id": "agency", "kind": "public_agency"},
    ],
    "transactions": [
        {"id": "t-1", "seller": "coop-a", "buyer": "proc-x", "commodity": "native-potato",
         "volume": 320, "value": 256000, "contract": "contract_farming", "capacity": 400,
         "attributes": {"note": "first"}},
        {"id": "t-2", "seller": "coop-b", "buyer": "trader-1", "commodity": "native-potato",
         "volume": 150.5, "value": 90000},
        {"seller": "trader-1", "buyer": "proc-x", "commodity": "native-potato", "volume": 140,
         "period": "2003"},
        {"id": "t-4", "seller": "proc-x", "buyer": "market-lima", "commodity": "chips",
         "volume": 400, "value": 1200000},
        {"id": "t-5", "seller": "papa-andina", "buyer": "coop-a", "commodity": "training",
         "value": 5000, "service": True, "contract": "embedded_service"},
    ],
    "facilitation": [
        {"id": "f-pmca", "facilitator": "papa-andina", "type": "temporary",
         "function": "linkages", "targets": {"actors": ["coop-a", "coop-b"],
                                             "transactions": ["t-1"]},
         "start": "2001", "end": "2005", "exit": "commercial", "successor": "proc-x",
         "cost": 120000, "paid_by": [{"actor": "papa-andina", "share": 0.75},
                                     {"actor": "proc-x", "share": 0.25}],
         "attributes": {"phase": 2}},
        {"facilitator": "agency", "type": "public", "function": "regulation",
         "targets": {"actors": ["trader-1"]}},
    ],
    "memberships": [
        {"group": "assoc", "member": "coop-a", "since": "2001", "role": "chair"},
        {"group": "assoc", "member": "coop-b"},
        {"group": "assoc", "member": "agency", "role": "supervisor"},
    ],
}


def sample():
    """A fresh deep copy of SAMPLE (tests may change it)."""
    return copy.deepcopy(SAMPLE)


def cli():
    """The built command-line tool, or None outside meson's test run."""
    path = os.environ.get("MARKETGRAPH_CLI")
    return path if path and os.path.exists(path) else None


def run_native(args, **kwargs):
    """Run a program of the build.  Without the LD_PRELOAD that a sanitizer
    build gives the Python interpreter: the program carries its own runtime
    (clang links it statically and refuses a second one)."""
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    return subprocess.run(args, env=env, capture_output=True, **kwargs)


def run_cli(*args):
    """Run the command-line tool; return its stdout parsed as JSON."""
    done = run_native([cli(), *args])
    if done.returncode != 0:
        raise AssertionError("marketgraph %s: exit %d\n%s" % (
            " ".join(args), done.returncode, done.stderr.decode(errors="replace")))
    return json.loads(done.stdout)


def example_models():
    """The models in examples/models/ (the test environment names the folder)."""
    root = os.environ.get("MARKETGRAPH_EXAMPLES",
                          os.path.join(os.path.dirname(__file__), "..", "..", "..",
                                       "examples", "models"))
    return sorted(glob.glob(os.path.join(root, "*.json")))
