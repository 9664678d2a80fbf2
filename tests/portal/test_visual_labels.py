"""The label placer of the visuals: lines that fit their width, no word lost, an ellipsis only when cut."""

import pytest

from visuals.core import chars_for
from visuals.labels import LabelSpots, Line, fit_line, line_dicts, place_label, place_labels

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


def test_only_text_beyond_max_lines_is_left_out_and_marked_with_an_ellipsis():
    width, size = 120, 14
    chars = chars_for(width, size)
    everything = place_label(SENTENCE, width=width, font_size=size, max_lines=20)
    assert len(everything) > 2
    two = place_label(SENTENCE, width=width, font_size=size, max_lines=2)
    assert len(two) == 2
    assert two[0].text == everything[0].text  # the first line is whole
    assert two[1].text.endswith("…")
    assert len(two[1].text) <= chars
    assert everything[1].text.startswith(two[1].text[:-1].rstrip())


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


def test_a_long_single_word_beyond_max_lines_ends_in_an_ellipsis():
    word = "Onderwijsachterstandenbeleidsbijeenkomstverslaglegging"
    chars = chars_for(100, 12)
    lines = place_label(word, width=100, font_size=12, max_lines=1)
    assert len(lines) == 1
    assert lines[0].text.endswith("…")
    assert len(lines[0].text) <= chars
    assert word.startswith(lines[0].text[:-1])


def test_lines_are_placed_from_the_first_baseline_down():
    lines = place_label(SENTENCE, width=120, font_size=14, x=40, y=100, line_height=18, max_lines=3)
    assert [(line.x, line.y) for line in lines] == [(40, 100), (40, 118), (40, 136)]
    default = place_label(SENTENCE, width=120, font_size=10, max_lines=2)
    assert [line.y for line in default] == [0, 12]


@pytest.mark.parametrize("text", ["", None, "   \n  "])
def test_an_empty_text_is_one_empty_line(text):
    assert place_label(text, width=100, font_size=12) == [Line("", 0, 0)]


def test_whitespace_is_collapsed():
    assert texts(place_label("een\n  twee\tdrie", width=400, font_size=12)) == ["een twee drie"]


def test_several_labels_are_placed_each_at_its_own_position_and_width():
    placed = place_labels([("Lange adem", 10, 20, 300), (SENTENCE, 50, 60, 120)], font_size=14, line_height=18)
    assert texts(placed[0]) == ["Lange adem"] and placed[0][0] == Line("Lange adem", 10, 20)
    assert len(placed[1]) == 2 and placed[1][1].y == 78 and placed[1][1].x == 50


def test_fit_line_cuts_with_an_ellipsis_only_when_needed():
    assert fit_line("Lange adem", width=300, font_size=14) == "Lange adem"
    cut = fit_line(SENTENCE, width=120, font_size=14)
    assert cut.endswith("…") and len(cut) <= chars_for(120, 14)


def test_line_dicts_format_the_numbers_for_svg():
    assert line_dicts([Line("a", 0, 12.25), Line("b", 0, 30)]) == [{"text": "a", "y": "12.2"}, {"text": "b", "y": "30"}]


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
