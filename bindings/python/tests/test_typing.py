# SPDX-License-Identifier: MIT
"""Type hints: every public callable of the package (the functions and
classes of marketgraph.__all__, the classes their results are, and each
public method, property and special method they define, inherited ones
too) annotates every parameter and its return; and py.typed is there, so
type checkers read them (PEP 561)."""
import inspect
import os
import unittest

import marketgraph as mg
import marketgraph.model as model_module


def package_classes():
    """The public classes of the package: marketgraph.__all__'s and the
    record and sequence views of marketgraph.model (Model.actors is an Actors)."""
    found = {}
    for name in mg.__all__:
        obj = getattr(mg, name)
        if inspect.isclass(obj):
            found[obj.__qualname__] = obj
    for name, obj in vars(model_module).items():
        if inspect.isclass(obj) and not name.startswith("_") and \
                obj.__module__ == model_module.__name__:
            found[name] = obj
    return found


def is_public(name):
    return not name.startswith("_") or name.startswith("_repr_") or \
        (name.startswith("__") and name.endswith("__"))


def callables():
    """(what, function) for each public callable defined in the package."""
    for name in mg.__all__:
        obj = getattr(mg, name)
        if inspect.isfunction(obj):
            yield "marketgraph." + name, obj
    for cname, cls in sorted(package_classes().items()):
        for klass in cls.__mro__:
            if not klass.__module__.startswith("marketgraph"):
                continue
            for name, attr in vars(klass).items():
                if not is_public(name) or name in ("__init_subclass__",):
                    continue
                if isinstance(attr, (staticmethod, classmethod)):
                    attr = attr.__func__
                if isinstance(attr, property):
                    for part, fn in (("get", attr.fget), ("set", attr.fset)):
                        if fn is not None:
                            yield "%s.%s (%s)" % (cname, name, part), fn
                elif inspect.isfunction(attr):
                    yield "%s.%s" % (cname, name), attr


def missing(fn):
    """The parameters (and "return") of fn without an annotation."""
    sig = inspect.signature(fn)
    params = list(sig.parameters.values())
    if params and params[0].name in ("self", "cls"):
        params = params[1:]
    gaps = [p.name for p in params if p.annotation is inspect.Parameter.empty]
    if sig.return_annotation is inspect.Signature.empty:
        gaps.append("return")
    return gaps


class TypeHints(unittest.TestCase):
    def test_every_public_callable_is_annotated(self):
        seen = list(callables())
        # the walk finds what it should: not a test that cannot fail
        names = {what for what, _ in seen}
        for expected in ("marketgraph.load", "marketgraph.compare", "Model.add_actor",
                         "Model.report", "Model.to_dot", "Model.name (get)",
                         "Model.name (set)", "Actor.kind (get)", "Actors.find",
                         "Memberships.find", "Records.to_pandas", "Error.__init__",
                         "Model.__enter__"):
            self.assertIn(expected, names)
        self.assertGreater(len(seen), 120)
        gaps = ["%s: %s" % (what, ", ".join(missing(fn))) for what, fn in seen if missing(fn)]
        self.assertEqual(gaps, [])

    def test_a_gap_is_found(self):
        def unannotated(self, a, b: int = 0):
            return a
        self.assertEqual(missing(unannotated), ["a", "return"])

    def test_field_types(self):
        # the generated record properties say their types
        from typing import Optional
        self.assertEqual(mg.Actor.region.fget.__annotations__["return"], Optional[str])
        self.assertEqual(mg.Transaction.volume.fget.__annotations__["return"], Optional[float])

    def test_py_typed(self):
        self.assertTrue(os.path.isfile(os.path.join(os.path.dirname(mg.__file__), "py.typed")))


if __name__ == "__main__":
    unittest.main()
