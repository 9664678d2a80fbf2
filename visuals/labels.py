"""Placing label text: lines that fit a width, and free spots for labels next to points.

Pure functions of text, sizes and positions (no template, no translation), so that the
builders share one way of fitting text and tests can check it on its own.
"""

from dataclasses import dataclass

from visuals.core import chars_for, num, wrap

# The width of a glyph, as a share of the font size, that the factor map keeps free for a
# label: a little more than the average (core.GLYPH_WIDTH), so that labels do not touch.
SPOT_GLYPH_WIDTH = 0.58


@dataclass(frozen=True)
class Line:
    """One placed line of a label: its text and the position of its baseline."""

    text: str
    x: float
    y: float


def place_label(text, *, width, font_size, x=0, y=0, line_height=None, max_lines=2):
    """``text`` in lines that fit ``width`` pixels at ``font_size``, from baseline ``y`` down.

    Words wrap onto the next line and are never cut where a line has room; a word longer
    than a whole line is broken across lines. Only text beyond ``max_lines`` lines is left
    out, and then the last line ends in an ellipsis (``…``). Lines follow each other
    ``line_height`` apart (by default 1.2 × ``font_size``). Whitespace is collapsed; an
    empty text gives one empty line.
    """
    step = font_size * 1.2 if line_height is None else line_height
    lines = wrap(text, chars_for(width, font_size), max_lines=max_lines)
    return [Line(line, x, y + i * step) for i, line in enumerate(lines)]


def place_labels(labels, *, font_size, line_height=None, max_lines=2):
    """Each label of ``labels`` (``(text, x, y, width)`` tuples) placed by ``place_label``."""
    return [
        place_label(text, width=width, font_size=font_size, x=x, y=y, line_height=line_height, max_lines=max_lines)
        for text, x, y, width in labels
    ]


def fit_line(text, *, width, font_size):
    """``text`` on one line of ``width`` pixels at ``font_size``, with an ellipsis when it is cut."""
    return place_label(text, width=width, font_size=font_size, max_lines=1)[0].text


def line_dicts(lines):
    """Placed lines as the ``{"text", "y"}`` dicts that the SVG templates draw."""
    return [{"text": line.text, "y": num(line.y)} for line in lines]


class LabelSpots:
    """Free spots for labels next to points, taken greedily, first come first served.

    ``taken``: boxes ``(left, top, right, bottom)`` already in use (the points themselves);
    ``bounds``: the box that every label must stay inside. Each placed label takes its box.
    """

    def __init__(self, taken, *, bounds):
        self.taken = list(taken)
        self.bounds = bounds

    def free(self, box):
        left, top, right, bottom = self.bounds
        apart = all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in self.taken)
        return apart and (box[0] >= left and box[2] <= right and box[1] >= top and box[3] <= bottom)

    def place(self, x, y, r, text, size, *, required):
        """``(x, y, anchor)`` of ``text`` next to a point of radius ``r``, or None.

        The first free spot of right, left, above and below the point. When none is free a
        ``required`` label goes on the side that faces the middle, over whatever is there;
        another one is left out (None).
        """
        candidates = self.candidates(x, y, r, text, size)
        for box, lx, ly, anchor in candidates:
            if self.free(box):
                self.taken.append(box)
                return lx, ly, anchor
        if not required:
            return None
        left, _top, right, _bottom = self.bounds
        box, lx, ly, anchor = candidates[0] if x < (left + right) / 2 else candidates[1]
        self.taken.append(box)
        return lx, ly, anchor

    @staticmethod
    def candidates(x, y, r, text, size):
        """The four spots around a point: (box, x, y, text-anchor) right, left, above, below."""
        w, h = len(text) * size * SPOT_GLYPH_WIDTH, size
        return [
            ((x + r + 5, y - h / 2, x + r + 5 + w, y + h / 2), x + r + 5, y + size * 0.35, "start"),
            ((x - r - 5 - w, y - h / 2, x - r - 5, y + h / 2), x - r - 5, y + size * 0.35, "end"),
            ((x - w / 2, y - r - 4 - h, x + w / 2, y - r - 4), x, y - r - 6, "middle"),
            ((x - w / 2, y + r + 4, x + w / 2, y + r + 4 + h), x, y + r + 3 + size, "middle"),
        ]
