"""Photos: verified with Pillow, bounded, re-encoded, a thumbnail made once, alt text required."""

import pytest
from django.urls import reverse
from PIL import Image

from cases.models import Case, CaseImage
from tests.cases.conftest import case_data, image_bytes, read_form, rows, upload
from tests.conftest import make_case

pytestmark = pytest.mark.django_db


def photo_rows(*items):
    return rows("images", list(items))


def test_a_photo_is_re_encoded_with_a_thumbnail_and_its_alt_text(client_of, participant):
    data = case_data(
        **photo_rows(
            {
                "image": upload("vakantie.png", image_bytes(size=(1200, 800))),
                "alt_text": "Studenten en bewoners aan tafel",
            }
        )
    )
    response = client_of(participant).post(reverse("cases:create"), data)
    assert response.status_code == 302
    image = CaseImage.objects.get()
    assert image.alt_text == "Studenten en bewoners aan tafel"
    assert "vakantie" not in image.image.name  # a server-made name
    assert image.image.name.endswith(".jpg")
    assert (image.width, image.height) == (1200, 800)
    with Image.open(image.thumbnail.path) as thumb:
        assert max(thumb.size) == 480
    html = client_of(participant).get(image.case.get_absolute_url()).content.decode()
    assert 'alt="Studenten en bewoners aan tafel"' in html


def test_exif_metadata_does_not_survive(client_of, participant):
    source = Image.new("RGB", (40, 30))
    exif = Image.Exif()
    exif[0x010F] = "Geheime camera"
    import io

    buffer = io.BytesIO()
    source.save(buffer, format="JPEG", exif=exif.tobytes())
    data = case_data(**photo_rows({"image": upload("x.jpg", buffer.getvalue(), "image/jpeg"), "alt_text": "Iets"}))
    client_of(participant).post(reverse("cases:create"), data)
    with open(CaseImage.objects.get().image.path, "rb") as stored:
        assert b"Geheime camera" not in stored.read()


def test_a_photo_without_alt_text_is_refused_in_dutch(client_of, participant):
    response = client_of(participant).post(
        reverse("cases:create"), case_data(**photo_rows({"image": upload(), "alt_text": ""}))
    )
    html = response.content.decode()
    assert not Case.objects.exists()
    assert "Dit veld is vereist." in html
    assert "kies je nieuwe foto" in html  # the browser forgets chosen files: say so


def test_alt_text_without_a_photo_asks_for_the_photo(client_of, participant):
    response = client_of(participant).post(reverse("cases:create"), case_data(**photo_rows({"alt_text": "Een plein"})))
    assert "Kies een foto, of maak de regel leeg." in response.content.decode()
    assert not Case.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(client_of, participant):
    fake = upload("virus.png", b"<script>alert(1)</script>", "image/png")
    response = client_of(participant).post(
        reverse("cases:create"), case_data(**photo_rows({"image": fake, "alt_text": "x"}))
    )
    assert "Dit bestand is geen afbeelding die we kunnen lezen." in response.content.decode()
    assert not CaseImage.objects.exists()


def test_a_too_large_file_is_refused(client_of, participant, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    big = upload("groot.png", image_bytes(size=(400, 400), color=(1, 2, 3)) + b"\0" * 2048)
    response = client_of(participant).post(
        reverse("cases:create"), case_data(**photo_rows({"image": big, "alt_text": "x"}))
    )
    assert "Dit bestand is te groot" in response.content.decode()


def test_an_image_with_too_many_pixels_is_refused(client_of, participant, settings):
    settings.MAX_IMAGE_PIXELS = 100
    response = client_of(participant).post(
        reverse("cases:create"),
        case_data(**photo_rows({"image": upload(content=image_bytes(size=(20, 20))), "alt_text": "x"})),
    )
    assert "te veel pixels" in response.content.decode()


def test_several_photos_and_removing_one(client_of, participant):
    client = client_of(participant)
    client.post(
        reverse("cases:create"),
        case_data(
            **photo_rows(
                {"image": upload("a.png"), "alt_text": "Eerste"}, {"image": upload("b.png"), "alt_text": "Tweede"}
            )
        ),
    )
    case = Case.objects.get()
    assert case.images.count() == 2
    first = case.images.get(alt_text="Eerste")
    path = first.image.path
    values = read_form(client.get(reverse("cases:edit", args=[case.slug])).content.decode())
    index = next(
        k.split("-")[1]
        for k, v in values.items()
        if k.startswith("images-") and k.endswith("-id") and v == str(first.pk)
    )
    values[f"images-{index}-DELETE"] = "on"
    assert client.post(reverse("cases:edit", args=[case.slug]), values).status_code == 302
    assert list(case.images.values_list("alt_text", flat=True)) == ["Tweede"]
    import os

    assert not os.path.exists(path)
    assert case.revisions.filter(action="edit").get().changes["images"]["removed"][0].startswith("Eerste")


def test_editing_keeps_a_photo_when_no_new_file_is_chosen(client_of, participant):
    client = client_of(participant)
    client.post(reverse("cases:create"), case_data(**photo_rows({"image": upload(), "alt_text": "Oud"})))
    case = Case.objects.get()
    name = case.images.get().image.name
    values = read_form(client.get(reverse("cases:edit", args=[case.slug])).content.decode())
    values["images-0-alt_text"] = "Nieuw"
    assert client.post(reverse("cases:edit", args=[case.slug]), values).status_code == 302
    image = case.images.get()
    assert (image.alt_text, image.image.name) == ("Nieuw", name)


def test_a_case_without_photos_has_a_page_without_an_image_and_a_summary_card(client, owner):
    case = make_case(owner)
    html = client.get(case.get_absolute_url()).content.decode()
    assert 'content="summary"' in html
    assert "og:image" not in html
    assert "case-photos" not in html
