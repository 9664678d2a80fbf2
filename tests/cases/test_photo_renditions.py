"""Case photos in smaller copies (480 and 800 px wide) with srcset and sizes, so phones need not load 1200 px."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from cases.models import Case, CaseImage
from privacy.accounts import ContentChoice, delete_member
from tests.cases.conftest import case_data, image_bytes, rows, upload
from tests.conftest import make_case

pytestmark = pytest.mark.django_db


def widths_in(srcset):
    """{width: url} of a srcset attribute."""
    return {int(width): url for url, width in re.findall(r"(\S+) (\d+)w", srcset)}


def stored_size(url):
    name = url.removeprefix("/media/")
    with default_storage.open(name) as file, Image.open(file) as image:
        return image.size


def img_tags(html, css_class=None):
    tags = re.findall(r"<img\b[^>]*>", html)
    return [tag for tag in tags if css_class is None or f'class="{css_class}"' in tag]


def attribute(tag, name):
    match = re.search(rf'\b{name}="([^"]*)"', tag)
    return match.group(1) if match else None


@pytest.fixture
def photographed(client_of, participant):
    """A published case with a 1200×800 photo, uploaded through the case form."""
    data = case_data(
        **rows("images", [{"image": upload("buurt.png", image_bytes(size=(1200, 800))), "alt_text": "De buurtkamer"}])
    )
    assert client_of(participant).post(reverse("cases:create"), data).status_code == 302
    case = Case.objects.get()
    case.status, case.published_at = Case.Status.PUBLISHED, case.created_at
    case.save()
    return case


def test_an_uploaded_photo_gets_copies_480_and_800_pixels_wide(photographed):
    image = photographed.images.get()
    stem = image.image.name.rpartition(".")[0]
    for width, height in ((480, 320), (800, 533)):
        with default_storage.open(f"{stem}-w{width}.jpg") as file, Image.open(file) as copy:
            assert copy.size == (width, height)


def test_the_case_page_offers_the_copies_in_srcset_with_sizes(client, photographed):
    html = client.get(photographed.get_absolute_url()).content.decode()
    lead = next(tag for tag in img_tags(html) if 'alt="De buurtkamer"' in tag)
    sources = widths_in(attribute(lead, "srcset"))
    assert sorted(sources) == [480, 800, 1200]
    assert {width: stored_size(url)[0] for width, url in sources.items()} == {480: 480, 800: 800, 1200: 1200}
    assert attribute(lead, "sizes") == "(min-width: 72rem) 70rem, 100vw"
    assert attribute(lead, "width") == "1200" and attribute(lead, "height") == "800"


def test_the_case_card_in_the_library_offers_them_too(client, photographed):
    html = client.get(reverse("cases:library")).content.decode()
    (card,) = img_tags(html, "case-card__image")
    assert sorted(widths_in(attribute(card, "srcset"))) == [480, 800, 1200]
    assert attribute(card, "sizes").endswith("100vw")
    assert stored_size(attribute(card, "src"))[0] == 480  # the thumbnail, for browsers without srcset


def test_photos_from_before_get_their_copies_on_first_view(client, owner):
    case = make_case(owner)
    name = default_storage.save("cases/oud.jpg", ContentFile(image_bytes("JPEG", size=(1000, 500))))
    CaseImage.objects.create(case=case, image=name, alt_text="Een oude foto")
    html = client.get(case.get_absolute_url()).content.decode()
    assert sorted(widths_in(attribute(img_tags(html)[-1], "srcset"))) == [480, 800, 1000]
    assert default_storage.exists("cases/oud-w480.jpg") and default_storage.exists("cases/oud-w800.jpg")


def test_a_small_photo_is_not_enlarged_and_deleting_removes_the_copies(client, owner):
    case = make_case(owner)
    small = CaseImage.objects.create(
        case=case,
        image=default_storage.save("cases/klein.jpg", ContentFile(image_bytes("JPEG", size=(600, 400)))),
        alt_text="Klein",
    )
    html = client.get(case.get_absolute_url()).content.decode()
    assert sorted(widths_in(attribute(img_tags(html)[-1], "srcset"))) == [480, 600]
    assert not default_storage.exists("cases/klein-w800.jpg")
    small.delete()
    assert not default_storage.exists("cases/klein-w480.jpg") and not default_storage.exists("cases/klein.jpg")


def test_deleting_an_account_with_its_cases_removes_the_copies_too(
    photographed, participant, django_capture_on_commit_callbacks
):
    copies = [f"{photographed.images.get().image.name.rpartition('.')[0]}-w{width}.jpg" for width in (480, 800)]
    assert all(default_storage.exists(name) for name in copies)
    with django_capture_on_commit_callbacks(execute=True):
        delete_member(participant, content=ContentChoice.DELETE)
    assert not any(default_storage.exists(name) for name in copies)
