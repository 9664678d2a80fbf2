"""The label placer of the visuals: lines that fit their width, and no word or letter is ever cut."""

import pytest

from visuals.core import chars_for
from visuals.labels import LabelSpots, Line, line_dicts, place_label, place_labels

SENTENCE = "Samen met inwoners werken aan een wijk of dorp waar iedereen meedoet"


def texts(lines):
    return [line.text for line in lines]


@pytest.mark.parametrize("width", [60, 120, 200, 400])
def test_words_wrap_onto_lines_within_the_width(width):
    chars = chars_for(width, 14)
    lines = place_label(SENTENCE, width=width, font_size=14, max_lines=20)
    assert len(lines) > 1 or len(SENTENCE) <= chars
    for line in lines:
        assert len(line.text) <= chars
        assert line.text == line.text.strip()


@pytest.mark.parametrize("width", [120, 200, 400])
def test_no_word_is_lost_when_the_lines_have_room(width):
    lines = place_label(SENTENCE, width=width, font_size=14, max_lines=20)
    assert " ".join(texts(lines)).split() == SENTENCE.split()
    assert not any("…" in line.text for line in lines)


@pytest.mark.parametrize("width", [30, 60, 90])
def test_no_letter_is_lost_when_words_are_longer_than_a_line(width):
    lines = place_label(SENTENCE, width=width, font_size=14, max_lines=40)
    assert "".join(texts(lines)).replace(" ", "") == SENTENCE.replace(" ", "")
    assert all(len(line.text) <= chars_for(width, 14) for line in lines)


def test_a_short_text_stays_on_one_line_uncut():
    assert texts(place_label("Lange adem", width=300, font_size=14)) == ["Lange adem"]


def test_text_beyond_max_lines_shrinks_first_and_is_never_cut():
    width, size = 120, 14
    everything = place_label(SENTENCE, width=width, font_size=size, max_lines=20)
    assert len(everything) > 2
    two = place_label(SENTENCE, width=width, font_size=size, max_lines=2)
    # Too long for two lines even at the smallest size: more lines, every word kept, no ellipsis.
    assert " ".join(texts(two)) == SENTENCE
    assert not any("…" in line.text for line in two)
    assert all(line.size == size * 0.8 for line in two)
    assert all(len(line.text) <= chars_for(width, size * 0.8) for line in two)


def test_a_label_shrinks_just_enough_to_fit_its_lines():
    text = "Investeren in onderlinge relaties"
    at_full = place_label(text, width=200, font_size=14, max_lines=10)
    assert len(at_full) == 2
    one = place_label(text, width=200, font_size=14, max_lines=1, min_font_size=10)
    assert texts(one) == [text]
    assert 10 <= one[0].size < 14
    assert len(text) <= chars_for(200, one[0].size)
    # Without room to shrink it takes a second line instead.
    assert texts(place_label(text, width=200, font_size=14, max_lines=1, min_font_size=14)) == texts(at_full)


def test_text_that_just_fits_max_lines_gets_no_ellipsis():
    assert chars_for(52, 10) == 9
    lines = place_label("een twee drie vier", width=52, font_size=10, max_lines=2)
    assert texts(lines) == ["een twee", "drie vier"]


def test_a_long_single_word_is_broken_across_lines_without_losing_letters():
    word = "Onderwijsachterstandenbeleidsbijeenkomstverslaglegging"
    chars = chars_for(100, 12)
    lines = place_label(word, width=100, font_size=12, max_lines=10)
    assert len(lines) > 1
    assert all(len(line.text) <= chars for line in lines)
    assert "".join(texts(lines)) == word


def test_a_long_single_word_beyond_max_lines_keeps_every_letter():
    word = "Onderwijsachterstandenbeleidsbijeenkomstverslaglegging"
    lines = place_label(word, width=100, font_size=12, max_lines=1)
    assert "".join(texts(lines)) == word
    assert not any("…" in line.text for line in lines)


def test_lines_are_placed_from_the_first_baseline_down():
    lines = place_label(SENTENCE, width=120, font_size=14, x=40, y=100, line_height=18, max_lines=10)
    assert [(line.x, line.y) for line in lines][:3] == [(40, 100), (40, 118), (40, 136)]
    default = place_label(SENTENCE, width=300, font_size=10, max_lines=2)
    assert [line.y for line in default] == [0, 12]


@pytest.mark.parametrize("text", ["", None, "   \n  "])
def test_an_empty_text_is_one_empty_line(text):
    assert place_label(text, width=100, font_size=12) == [Line("", 0, 0, 12)]


def test_whitespace_is_collapsed():
    assert texts(place_label("een\n  twee\tdrie", width=400, font_size=12)) == ["een twee drie"]


def test_several_labels_are_placed_each_at_its_own_position_and_width():
    placed = place_labels(
        [("Lange adem", 10, 20, 300), (SENTENCE, 50, 60, 120)], font_size=14, line_height=18, max_lines=10
    )
    assert texts(placed[0]) == ["Lange adem"] and placed[0][0] == Line("Lange adem", 10, 20, 14)
    assert len(placed[1]) > 2 and placed[1][1].y == 78 and placed[1][1].x == 50


def test_line_dicts_format_the_numbers_for_svg():
    assert line_dicts([Line("a", 0, 12.25, 14), Line("b", 0, 30, 12.5)]) == [
        {"text": "a", "y": "12.2", "size": "14"},
        {"text": "b", "y": "30", "size": "12.5"},
    ]


def test_label_spots_take_the_first_free_side_and_avoid_taken_boxes():
    spots = LabelSpots([(90, 90, 110, 110)], bounds=(0, 0, 1000, 1000))
    assert spots.place(100, 100, 10, "abc", 10, required=True) == (115, 103.5, "start")
    # The right side is now taken: the next label of the same point goes to the left.
    assert spots.place(100, 100, 10, "abc", 10, required=True) == (85, 103.5, "end")


def test_label_spots_leave_out_an_optional_label_without_room():
    spots = LabelSpots([], bounds=(0, 0, 40, 40))
    assert spots.place(20, 20, 5, "a long label", 12, required=False) is None
    # A required one goes towards the middle all the same.
    assert spots.place(10, 20, 5, "a long label", 12, required=True)[2] == "start"
    assert spots.place(30, 20, 5, "a long label", 12, required=True)[2] == "end"


def test_a_required_label_without_room_is_moved_inside_the_bounds():
    spots = LabelSpots([], bounds=(0, 0, 200, 40))
    x, _y, anchor = spots.place(190, 20, 5, "Wantrouwen door eerdere", 12, required=True)
    width = len("Wantrouwen door eerdere") * 12 * 0.58
    assert anchor == "end" and x - width >= 0
    x, _y, anchor = spots.place(10, 20, 5, "Wantrouwen door eerdere", 12, required=True)
    assert anchor == "start" and x + width <= 200


def test_a_label_of_several_lines_takes_a_box_of_their_height():
    spots = LabelSpots([], bounds=(0, 0, 1000, 1000))
    assert spots.place(100, 100, 10, "abc", 10, required=True, lines=2)
    box = spots.taken[-1]
    assert box[3] - box[1] == pytest.approx(10 * (1.25 + 1.2))  # a line and a quarter: room for the descenders


def test_a_label_whose_four_spots_are_taken_moves_farther_out_onto_free_room():
    # The point at (500, 500) is hemmed in on all four sides; farther out the canvas is free.
    hem = [(400, 480, 600, 520), (480, 400, 520, 600)]
    spots = LabelSpots(hem, bounds=(0, 0, 1000, 1000))
    assert spots.place(500, 500, 5, "Wantrouwen", 12, required=False) is None
    _x, _y, anchor, (ax, ay) = spots.place_farther(500, 500, 5, "Wantrouwen", 12)
    box = spots.taken[-1]
    assert all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in hem)
    assert anchor in {"start", "end", "middle"} and (ax, ay) != (500, 500)
    full = LabelSpots([(0, 0, 1000, 1000)], bounds=(0, 0, 1000, 1000))
    assert full.place_farther(500, 500, 5, "Wantrouwen", 12) is None  # no room anywhere: the caller decides
