"""Placing label text: lines that fit a width, and free spots for labels next to points.

Pure functions of text, sizes and positions (no template, no translation), so that the
builders share one way of fitting text and tests can check it on its own.
"""

from dataclasses import dataclass

from visuals.core import chars_for, num, wrap

# The width of a glyph, as a share of the font size, that the factor map keeps free for a
# label: more than the average (core.GLYPH_WIDTH), as the factors' labels are semibold and a
# browser's measured boxes of them must not touch (tests/portal/test_map_labels.py).
SPOT_GLYPH_WIDTH = 0.64


@dataclass(frozen=True)
class Line:
    """One placed line of a label: its text, the position of its baseline and its font size."""

    text: str
    x: float
    y: float
    size: float = 0


def _lines_at(text, width, font_size):
    """All of ``text`` in lines of ``width`` pixels at ``font_size``: nothing is left out."""
    return wrap(text, chars_for(width, font_size), max_lines=10_000)


def place_label(text, *, width, font_size, x=0, y=0, line_height=None, max_lines=2, min_font_size=None):
    """All of ``text`` in lines that fit ``width`` pixels, from baseline ``y`` down. Never cut.

    Words wrap onto the next line; a word longer than a whole line is broken across
    lines. When the text needs more than ``max_lines`` lines at ``font_size``, the
    font shrinks step by step down to ``min_font_size`` (default ``0.8 × font_size``)
    until it fits; when it still does not fit, the label takes more lines than
    ``max_lines`` (the caller makes room by the number of lines returned). No word and
    no letter is ever left out, and no ellipsis is added. Lines follow each other
    ``line_height`` apart (by default 1.2 × the font size; a given ``line_height``
    shrinks with the font). Each line carries the font size it was fitted at
    (``Line.size``). Whitespace is collapsed; an empty text gives one empty line.
    """
    smallest = font_size * 0.8 if min_font_size is None else min(min_font_size, font_size)
    size = font_size
    lines = _lines_at(text, width, size)
    while len(lines) > max_lines and size > smallest:
        size = max(round(size - 0.5, 1), smallest)
        lines = _lines_at(text, width, size)
    step = size * 1.2 if line_height is None else line_height * size / font_size
    return [Line(line, x, y + i * step, size) for i, line in enumerate(lines)]


def place_labels(labels, *, font_size, line_height=None, max_lines=2, min_font_size=None):
    """Each label of ``labels`` (``(text, x, y, width)`` tuples) placed by ``place_label``."""
    return [
        place_label(
            text,
            width=width,
            font_size=font_size,
            x=x,
            y=y,
            line_height=line_height,
            max_lines=max_lines,
            min_font_size=min_font_size,
        )
        for text, x, y, width in labels
    ]


def extra_height(lines, line_height):
    """How much taller than one line a placed label is (0 for a one-line label)."""
    if len(lines) < 2:
        return 0
    return lines[-1].y - lines[0].y if lines else 0


def line_dicts(lines):
    """Placed lines as the ``{"text", "y", "size"}`` dicts that the SVG templates draw."""
    return [{"text": line.text, "y": num(line.y), "size": num(line.size)} for line in lines]


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

    def place(self, x, y, r, text, size, *, required, lines=1):
        """``(x, y, anchor)`` of ``text`` (its longest line, of ``lines``) next to a point of radius ``r``, or None.

        The first free spot of right, left, above and below the point. When none is free a
        ``required`` label goes on the side that faces the middle, over whatever is there,
        moved inside the bounds where it would cross them; another one is left out (None).
        """
        candidates = self.candidates(x, y, r, text, size, lines)
        for box, lx, ly, anchor in candidates:
            if self.free(box):
                self.taken.append(box)
                return lx, ly, anchor
        if not required:
            return None
        left, _top, right, _bottom = self.bounds
        box, lx, ly, anchor = candidates[0] if x < (left + right) / 2 else candidates[1]
        shift = min(right - box[2], 0)  # back inside on the right…
        shift = max(shift, left - box[0]) if box[0] + shift < left else shift  # …never past the left
        box = (box[0] + shift, box[1], box[2] + shift, box[3])
        self.taken.append(box)
        return lx + shift, ly, anchor

    # How far from its point a label may move to find room (pixels), and in which steps.
    FARTHER_STEP, FARTHER_MAX = 12, 720

    def place_farther(self, x, y, r, text, size, *, lines=1):
        """``(x, y, anchor, (ax, ay))``: the nearest free spot farther from the point, or None.

        Tried when the four spots next to the point are taken (a crowded centre): rings of
        spots at growing distances, in eight directions; ``(ax, ay)`` is where the leader line
        from the point meets the label, so that a reader sees which point it names.
        """
        w, h = len(text) * size * SPOT_GLYPH_WIDTH, size * (1.25 + 1.2 * (lines - 1))
        first = size * 0.35 - 1.2 * size * (lines - 1) / 2
        directions = [(1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1),
                      (1, -0.5), (-1, -0.5), (1, 0.5), (-1, 0.5), (0.5, -1), (-0.5, -1), (0.5, 1), (-0.5, 1)]  # fmt: skip
        for step in range(1, self.FARTHER_MAX // self.FARTHER_STEP + 1):
            distance = r + 5 + step * self.FARTHER_STEP
            for dx, dy in directions:
                cx, cy = x + dx * distance, y + dy * distance * 0.7
                if dx > 0:
                    box, anchor, ax = (cx, cy - h / 2, cx + w, cy + h / 2), "start", cx - 2
                elif dx < 0:
                    box, anchor, ax = (cx - w, cy - h / 2, cx, cy + h / 2), "end", cx + 2
                else:
                    box, anchor, ax = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), "middle", cx
                if self.free(box):
                    self.taken.append(box)
                    ay = cy if dx else (box[3] + 1 if dy < 0 else box[1] - 1)
                    return cx, cy + first, anchor, (ax, ay)
        return None

    @staticmethod
    def candidates(x, y, r, text, size, lines=1):
        """The four spots around a point: (box, x, y, text-anchor) right, left, above, below.

        ``text`` is the longest line of a label of ``lines`` lines; ``y`` of a spot is the
        baseline of the first line.
        """
        w, h = len(text) * size * SPOT_GLYPH_WIDTH, size * (1.25 + 1.2 * (lines - 1))
        first = size * 0.35 - 1.2 * size * (lines - 1) / 2  # the block centred on the point
        return [
            ((x + r + 5, y - h / 2, x + r + 5 + w, y + h / 2), x + r + 5, y + first, "start"),
            ((x - r - 5 - w, y - h / 2, x - r - 5, y + h / 2), x - r - 5, y + first, "end"),
            ((x - w / 2, y - r - 4 - h, x + w / 2, y - r - 4), x, y - r - 6 - 1.2 * size * (lines - 1), "middle"),
            ((x - w / 2, y + r + 4, x + w / 2, y + r + 4 + h), x, y + r + 3 + size, "middle"),
        ]
