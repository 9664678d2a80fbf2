"""On the factor map no two labels overlap and none is cut, as a browser draws them.

Measured in Chromium: every label's box (``getBBox`` of its ``<text>``, in the map's own
coordinates) against every other and against the map's viewBox. In the crowded centre a factor's
label that finds no room beside its point moves farther out with a dotted leader line
(``LabelSpots.place_farther``); a case label that finds none is left out (its name stays in the
node's title and in the table). Before this, the demo map had 8 overlapping pairs at 360 px.
"""

from io import StringIO

import pytest
from django.core.management import call_command

import visuals
from portal import queries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEASURE = """() => {
  const svg = document.querySelector('svg');
  const view = svg.viewBox.baseVal;
  const labels = [...svg.querySelectorAll('.visual__factors text, .visual__cases text')].map(text => {
    const b = text.getBBox();
    return {text: [...text.querySelectorAll('tspan')].map(t => t.textContent).join(' '), box: [b.x, b.y, b.x + b.width, b.y + b.height]};
  });
  return {labels, view: [view.x, view.y, view.x + view.width, view.y + view.height]};
}"""


def seed(scale, settings):
    settings.DEBUG = True  # the demo and the generator refuse production settings
    if scale == "demo":
        call_command("seed_demo", force=True, stdout=StringIO())
    else:
        call_command("generate_data", "--scale", scale, stdout=StringIO())
    settings.DEBUG = False


def overlapping(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("scale", ["demo", "XS", "S"])
def test_no_two_map_labels_overlap_and_every_label_is_whole(browser, settings, scale):
    seed(scale, settings)
    chart = queries.factor_map_chart()
    factor_names = [node["name"] for node in chart.shapes["factors"]]
    assert factor_names, "the map has factors to label"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_content(f"<!doctype html><html lang='nl'><body>{visuals.render_svg(chart)}</body></html>")
    found = page.evaluate(MEASURE)
    page.close()
    labels, view = found["labels"], found["view"]
    drawn = {" ".join(label["text"].split()) for label in labels}
    for name in factor_names:  # every factor keeps its whole name on the map
        assert " ".join(name.split()) in drawn, name
    for label in labels:
        box = label["box"]
        assert view[0] <= box[0] and box[2] <= view[2] and view[1] <= box[1] and box[3] <= view[3], label
    pairs = [
        (a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1 :] if overlapping(a["box"], b["box"])
    ]
    assert pairs == []
