"""Server-made visuals: accessible SVG with a data-table alternative.

Each builder takes plain data (lists of dicts, no model instances) and returns a
``Chart``: the geometry that its template ``templates/visuals/<kind>.svg`` draws,
and a ``Table`` with the same data for people who cannot see the picture (and for
tests, which compare the two). No database access happens here; ``portal.queries``
gathers the data. The factor map's spring layout (networkx) is computed by
``spring_positions``; callers cache it (see ``portal.queries.factor_graph``).

Rules every visual follows:
- ``<svg role="img" aria-labelledby="…-title …-desc">`` with ``<title>`` and
  ``<desc>``; a visual with links in it uses ``role="group"`` instead, because the
  children of an ``img`` are presentational and links inside it would be hidden
  from assistive technology;
- presentation attributes only, never ``style=`` (the Content-Security-Policy);
- colour is never the only cue: working factors carry a ``+`` badge or a circle,
  obstacles a ``−`` badge or a diamond;
- every number written into an attribute is formatted here, with a dot, so that a
  Dutch locale cannot turn ``1.5`` into ``1,5`` inside the SVG.

The library is a package of modules by concern: ``core`` (palette, contrast, the shared
shapes, text measures, rendering), ``labels`` (fitting label text into lines, free spots
for labels), ``boards`` (the Wat werkt board, a meeting's harvest), ``matrix`` (the
perspective matrix), ``maps`` (the factor map and its layout) and ``timelines``
(definition history, evidence over time). Every public name is re-exported here:
callers use ``visuals.board`` and the like.
"""

from visuals.boards import board, harvest_board
from visuals.core import (
    FONT,
    GLYPH_WIDTH,
    OBSTACLE,
    PALETTE,
    WORKING,
    Chart,
    Content,
    Link,
    Table,
    chars_for,
    contrast_ratio,
    kind_colours,
    kind_label,
    named,
    nice_ceiling,
    num,
    render_figure,
    render_svg,
    text_width,
    truncate,
    with_names,
    wrap,
)
from visuals.maps import factor_map, spring_positions
from visuals.matrix import perspective_matrix
from visuals.timelines import definition_timeline, evidence_over_time, quarter_label

__all__ = [
    "FONT",
    "GLYPH_WIDTH",
    "OBSTACLE",
    "PALETTE",
    "WORKING",
    "Chart",
    "Content",
    "Link",
    "Table",
    "board",
    "chars_for",
    "contrast_ratio",
    "definition_timeline",
    "evidence_over_time",
    "factor_map",
    "harvest_board",
    "kind_colours",
    "kind_label",
    "named",
    "nice_ceiling",
    "num",
    "perspective_matrix",
    "quarter_label",
    "render_figure",
    "render_svg",
    "spring_positions",
    "text_width",
    "truncate",
    "with_names",
    "wrap",
]
