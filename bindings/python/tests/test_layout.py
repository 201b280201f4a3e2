# SPDX-License-Identifier: MIT
"""Every ctypes struct has the C struct's size and field offsets (as the C
compiler lays them out; tests/layout.c prints them), so the library never
reads or writes past a struct the bindings allocated."""

import ctypes
import json
import os
import unittest

from marketgraph import _native
from support import run_native

STRUCTS = {
    "mkg_actor_desc": _native.ActorDesc,
    "mkg_transaction_desc": _native.TransactionDesc,
    "mkg_payment": _native.Payment,
    "mkg_cost": _native.Cost,
    "mkg_facilitation_desc": _native.FacilitationDesc,
    "mkg_membership_desc": _native.MembershipDesc,
    "mkg_commodity_desc": _native.CommodityDesc,
    "mkg_report_options": _native.ReportOptions,
    "mkg_report_html_options": _native.ReportHtmlOptions,
    "mkg_report_csv_options": _native.ReportCsvOptions,
    "mkg_concentration_options": _native.ConcentrationOptions,
    "mkg_coalitions_options": _native.CoalitionOptions,
    "mkg_dependency_options": _native.DependencyOptions,
    "mkg_bottlenecks_options": _native.BottleneckOptions,
    "mkg_shock_options": _native.ShockOptions,
    "mkg_facilitation_mix_options": _native.FacilitationMixOptions,
    "mkg_exit_simulation_options": _native.ExitSimulationOptions,
    "mkg_exit_readiness_options": _native.ExitReadinessOptions,
    "mkg_competing_options": _native.CompetingOptions,
    "mkg_payments_options": _native.PaymentsOptions,
    "mkg_value_options": _native.ValueOptions,
    "mkg_inclusiveness_options": _native.InclusivenessOptions,
    "mkg_groups_options": _native.GroupsOptions,
    "mkg_channels_options": _native.ChannelsOptions,
    "mkg_summary_options": _native.SummaryOptions,
    "mkg_dot_options": _native.DotOptions,
    "mkg_read_options": _native.ReadOptions,
    "mkg_compare_options": _native.CompareOptions,
}


@unittest.skipUnless(os.environ.get("MARKETGRAPH_LAYOUT"), "needs the built python-layout helper")
class Layout(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        out = run_native([os.environ["MARKETGRAPH_LAYOUT"]], check=True)
        cls.c = json.loads(out.stdout)

    def test_every_struct_is_checked(self):
        self.assertEqual(sorted(self.c), sorted(STRUCTS))

    def test_layouts(self):
        for name, c in self.c.items():
            py = STRUCTS[name]
            with self.subTest(struct=name):
                self.assertEqual(ctypes.sizeof(py), c["size"])
                self.assertEqual({f: getattr(py, f).offset for f, _ in py._fields_}, c["fields"])


class Symbols(unittest.TestCase):
    def test_library_has_every_function(self):
        # the library built from this tree has every function the bindings know
        # (an older library of the same major version may lack some analyses)
        self.assertEqual(_native.missing_functions(), [])


if __name__ == "__main__":
    unittest.main()
