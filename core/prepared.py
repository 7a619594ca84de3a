"""Querysets whose SQL is built once and run again with other values.

Every API detail runs the same few queries, differing only by a value (the page's id, its
parent's path). Building the SQL of the page's query, with what its fields show joined, costs
Django about ten times what SQLite takes to run it. ``PreparedQuery`` builds it once per
database, then runs it with each request's values and turns the rows into model instances
exactly as a queryset does (``ModelIterable``: same instances, joined objects attached).

Only for plain filters on a key or a column (values passed through as they are): the values
are found in the compiled parameters by marker, and a query whose markers do not come back
unchanged is refused when prepared, so it can never run with the wrong value.
"""

import threading

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections, router
from django.db.models.query import get_related_populators
from django.utils.functional import cached_property


class PreparedQuery:
    """``build(**markers)`` compiled once per database; ``run(**values)`` is one query.

    ``build`` returns the queryset for the values given as keywords, e.g.
    ``PreparedQuery(lambda pk: Page.objects.filter(pk=pk), pk=1)``; the keywords given here are
    examples of each value's type (int or str).
    """

    def __init__(self, build, **examples):
        self.build = build
        self.examples = examples
        self._compiled = {}
        self._lock = threading.Lock()

    def run(self, **values):
        """The instances the queryset built with ``values`` would yield, in its order."""
        alias = router.db_for_read(self.model)
        compiled = self._compiled.get(alias) or self._compile(alias)
        params = list(compiled.params)
        for name, position in compiled.positions.items():
            params[position] = values[name]
        with connections[alias].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        return compiled.instances(rows, alias)

    def first(self, **values):
        rows = self.run(**values)
        return rows[0] if rows else None

    @cached_property
    def model(self):
        return self.build(**self.examples).model

    def _compile(self, alias):
        with self._lock:
            if alias not in self._compiled:
                self._compiled[alias] = _Compiled(self.build, self.examples, alias)
            return self._compiled[alias]


class _Compiled:
    """The SQL, parameters and row layout of one prepared queryset on one database."""

    def __init__(self, build, examples, alias):
        # Distinct markers of each example's type: found again among the compiled parameters.
        markers = {name: _marker_value(example, index) for index, (name, example) in enumerate(examples.items())}
        queryset = build(**markers)
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise ValueError("a prepared queryset cannot prefetch or carry known related objects")
        compiler = queryset.query.get_compiler(using=alias)
        try:
            self.sql, params = compiler.as_sql()
        except (EmptyResultSet, FullResultSet) as e:
            raise ValueError("prepared query: its filters must not depend on the values' range") from e
        self.params = tuple(params)
        self.positions = {}
        for name, marker in markers.items():
            found = [index for index, param in enumerate(self.params) if param == marker]
            if len(found) != 1:
                raise ValueError(f"prepared query: the value of {name!r} must appear once, unchanged, in its SQL")
            self.positions[name] = found[0]
        # What ModelIterable works out from the compiler for every query, worked out once.
        select, klass_info = compiler.select, compiler.klass_info
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
        self.annotations = dict(compiler.annotation_col_map or {})
        self.populators = get_related_populators(klass_info, select, alias)
        self.width = compiler.col_count if compiler.has_extra_select else None
        self.compiler = compiler
        self.converters = compiler.get_converters([column[0] for column in select[: compiler.col_count]])

    def instances(self, rows, alias):
        if self.width is not None:
            rows = [row[: self.width] for row in rows]
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        objects = []
        for row in rows:
            obj = self.model.from_db(alias, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, obj)
            for name, position in self.annotations.items():
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects


def _marker_value(example, index):
    if isinstance(example, bool):
        raise TypeError("booleans cannot be markers: there are only two")
    if isinstance(example, int):
        # Positive and within 32 bits: fields refuse values outside their range while compiling.
        return 1_999_999_937 + index
    if isinstance(example, str):
        return f"\x1fprepared-marker-{index}\x1f"
    raise TypeError(f"unsupported marker type: {type(example).__name__}")
