"""Upload abuse: whatever is uploaded, only verified, re-encoded pixels under a server-made name are stored."""

import io
import struct
import zlib

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from cop.images import process_image
from cop.models import Profile

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
PAYLOAD = b"<script>alert(document.cookie)</script>"
PHP = b"<?php system($_GET['c']); ?>"


def encoded(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_claiming(width, height):
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb in waiting)."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def jpeg_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "Telefoon van Pim"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 58.0, 49.0), 3: "E", 4: (5.0, 54.0, 40.0)})
    return encoded(Image.new("RGB", (64, 48), "teal"), "JPEG", exif=exif.tobytes())


def png_with_text_chunk():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", PAYLOAD.decode())
    return encoded(Image.new("RGB", (32, 32), "white"), "PNG", pnginfo=info)


def jpeg_with_comment():
    return encoded(Image.new("RGB", (32, 32), "white"), "JPEG", comment=PHP)


def gif_with_html_appended():
    return encoded(Image.new("P", (16, 16)), "GIF") + b"<html><body>" + PAYLOAD + b"</body></html>"


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'

REFUSED = {
    "not-an-image": ("notities.png", b"Gewoon tekst, geen afbeelding.", "geen afbeelding die we kunnen lezen"),
    "php-script-as-jpg": ("shell.php.jpg", PHP, "geen afbeelding die we kunnen lezen"),
    "html-as-gif": ("pagina.gif", b"<html>" + PAYLOAD + b"</html>", "geen afbeelding die we kunnen lezen"),
    "svg-with-script": ("logo.svg", SVG, "geen afbeelding die we kunnen lezen"),
    "svg-renamed-png": ("logo.png", SVG, "geen afbeelding die we kunnen lezen"),
    "bmp-not-allowed": ("foto.bmp", encoded(Image.new("RGB", (8, 8)), "BMP"), "geen afbeelding die we kunnen lezen"),
    "truncated-png": (
        "kapot.png",
        encoded(Image.new("RGB", (300, 300), "red"), "PNG")[:150],
        "onvolledig of beschadigd",
    ),
    "truncated-jpeg": ("kapot.jpg", jpeg_with_gps()[:400], "onvolledig of beschadigd"),
    "huge-dimensions": ("groot.png", png_claiming(65_000, 65_000), "te veel pixels"),
    "bomb-beyond-limit": ("bom.png", png_claiming(10_000, 5_000), "te veel pixels"),
    "empty-file": ("leeg.jpg", b"", None),
}
ACCEPTED = {
    "png-named-jpg": ("foto.jpg", encoded(Image.new("RGB", (40, 30), "navy"), "PNG")),
    "jpeg-named-php-jpg": ("foto.php.jpg", encoded(Image.new("RGB", (40, 30), "navy"), "JPEG")),
    "png-with-script-in-text-chunk": ("tekst.png", png_with_text_chunk()),
    "jpeg-with-php-comment": ("commentaar.jpg", jpeg_with_comment()),
    "gif-with-html-appended": ("polyglot.gif", gif_with_html_appended()),
    "jpeg-with-gps": ("vakantie.jpg", jpeg_with_gps()),
}


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


@pytest.mark.parametrize("case", [c for c in REFUSED if REFUSED[c][2]])
def test_process_image_refuses_abuse_with_a_clear_dutch_message(case):
    name, content, message = REFUSED[case]
    with pytest.raises(forms.ValidationError) as refused:
        process_image(upload(name, content))
    assert message in str(
        refused.value.messages[0] % refused.value.params if refused.value.params else refused.value.messages[0]
    )


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    content = encoded(Image.new("RGB", (10, 10)), "PNG") + b"\x00" * (1024 * 1024)
    with pytest.raises(forms.ValidationError) as refused:
        process_image(upload("groot.png", content))
    assert refused.value.code == "too_large"


@pytest.mark.parametrize("case", ACCEPTED)
def test_accepted_images_keep_only_their_pixels_under_a_server_made_name(case):
    name, content = ACCEPTED[case]
    result = process_image(upload(name, content), max_side=512)
    stored = result.content.read()
    stem, ext = result.content.name.rsplit(".", 1)
    assert len(stem) == 32 and all(c in "0123456789abcdef" for c in stem)
    assert ext in ("jpg", "png")
    for needle in (PAYLOAD, PHP, b"<html", b"Telefoon van Pim", b"Exif"):
        assert needle not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif()
        assert not image.getexif().get_ifd(GPS_IFD)
        assert not image.info.get("Comment") and not image.info.get("comment")


# --- the same battery through the avatar form on /profiel/ --------------------------------


def media_files(settings):
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.mark.parametrize("case", REFUSED)
def test_the_avatar_form_refuses_abuse_stores_nothing_and_keeps_the_profile(client, participant, settings, case):
    name, content, message = REFUSED[case]
    client.force_login(participant)
    response = client.post(
        reverse("profile"), {"display_name": "Gewijzigd", "perspective": "", "avatar": upload(name, content)}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-errors"' in html
    if message:
        assert message in html
    profile = Profile.objects.get(user=participant)
    assert (profile.display_name, profile.avatar.name) == ("Pim Deelnemer", "")
    assert media_files(settings) == []


def test_an_avatar_with_a_location_is_stored_without_it_under_a_new_name(client, participant, settings):
    client.force_login(participant)
    response = client.post(
        reverse("profile"),
        {"display_name": "Pim", "perspective": "", "avatar": upload("vakantie-texel.jpg", jpeg_with_gps())},
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=participant)
    assert "vakantie" not in profile.avatar.name
    [stored] = media_files(settings)
    data = stored.read_bytes()
    assert b"Exif" not in data and b"Telefoon van Pim" not in data
    with Image.open(stored) as image:
        assert not image.getexif().get_ifd(GPS_IFD)
