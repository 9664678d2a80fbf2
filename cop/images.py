"""Uploaded images: verified with Pillow, bounded, re-encoded, stripped of metadata.

Every image a person uploads (avatar, case photo, harvest photo) passes through
``process_image``. Nothing of the original file is kept: the pixels are decoded,
turned upright, scaled down and written anew, which drops EXIF (locations!),
embedded scripts and anything appended to the file. Files get server-made names.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from PIL import Image, ImageOps, UnidentifiedImageError

from cop.tasks import enqueue

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
ACCEPT = "image/jpeg,image/png,image/webp,image/gif"

MESSAGES = {
    "too_large": _("Dit bestand is te groot: het mag hoogstens %(mb)s MB zijn."),
    "not_image": _("Dit bestand is geen afbeelding die we kunnen lezen. Kies een JPEG-, PNG-, WebP- of GIF-bestand."),
    "broken": _("Deze afbeelding is onvolledig of beschadigd. Sla haar opnieuw op en probeer het nog eens."),
    "too_many_pixels": _(
        "Deze afbeelding heeft te veel pixels (hoogstens %(mp)s megapixel). Verklein haar en probeer het opnieuw."
    ),
}


@dataclass
class ProcessedImage:
    content: ContentFile
    width: int
    height: int
    thumbnail: ContentFile | None = None


def _error(code, **params):
    return forms.ValidationError(MESSAGES[code], code=code, params=params)


def _encode(image, name_stem):
    buffer = io.BytesIO()
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    if has_alpha:
        image = image.convert("RGBA")
        image.save(buffer, format="PNG", optimize=True)
        ext = "png"
    else:
        image = image.convert("RGB")
        # Pillow writes a JPEG comment (COM) it read from the upload back out: drop all metadata.
        image.info = {}
        image.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
        ext = "jpg"
    return ContentFile(buffer.getvalue(), name=f"{name_stem}.{ext}")


def process_image(upload, *, max_side=2000, thumb_side=None):
    """Verify and re-encode an uploaded image; raise a Dutch ValidationError if refused."""
    max_bytes = settings.MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise _error("too_large", mb=max_bytes // (1024 * 1024))
    max_pixels = settings.MAX_IMAGE_PIXELS
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                if probe.format not in ALLOWED_FORMATS:
                    raise _error("not_image")
                width, height = probe.size
                if width * height > max_pixels:
                    raise _error("too_many_pixels", mp=max_pixels // 1_000_000)
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
    except forms.ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _error("too_many_pixels", mp=max_pixels // 1_000_000) from None
    except UnidentifiedImageError:
        raise _error("not_image") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise _error("broken") from None
    finally:
        upload.seek(0)

    stem = uuid.uuid4().hex
    image.thumbnail((max_side, max_side))
    result = ProcessedImage(content=_encode(image, stem), width=image.width, height=image.height)
    if thumb_side:
        thumb = image.copy()
        thumb.thumbnail((thumb_side, thumb_side))
        result.thumbnail = _encode(thumb, f"{stem}-thumb")
    return result


class VerifiedImageField(forms.FileField):
    """A form field whose cleaned value is a ``ProcessedImage`` (or the unchanged initial file)."""

    def __init__(self, *args, max_side=2000, thumb_side=None, **kwargs):
        self.max_side = max_side
        self.thumb_side = thumb_side
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value is None or value is False or value is initial:
            return value
        return process_image(value, max_side=self.max_side, thumb_side=self.thumb_side)


# --- smaller copies for srcset ---------------------------------------------------------

RENDITION_WIDTHS = (480, 800)


def _rendition_stem(name, width):
    stem, _dot, _ext = name.rpartition(".")
    return f"{stem or name}-w{width}"


def _stored_rendition(storage, name, width):
    for ext in ("jpg", "png"):
        candidate = f"{_rendition_stem(name, width)}.{ext}"
        if storage.exists(candidate):
            return candidate
    return None


def make_renditions(field_file, widths=RENDITION_WIDTHS):
    """Store copies of an image ``width`` pixels wide (never wider than it is) next to it; their names by width.

    Made by a background task (``make_renditions_later``) after an upload and, for photos from before,
    after their first view (``renditions``). Names come from the original's server-made name:
    ``cases/<stem>.jpg`` gets ``cases/<stem>-w480.jpg``.
    """
    return _make_renditions(field_file.storage, field_file.name, widths)


@task()
def render_renditions(name, widths=None):
    """The task: the smaller copies of the stored image ``name`` (in the default storage)."""
    try:
        made = _make_renditions(default_storage, name, tuple(widths or RENDITION_WIDTHS))
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return {}
    return {str(width): found for width, found in made.items()}


def make_renditions_later(field_file, widths=RENDITION_WIDTHS):
    """Queue the copies of ``field_file`` (stored already): resizing a photo never runs in a request."""
    enqueue(render_renditions, field_file.name, list(widths))


def _make_renditions(storage, name, widths):
    made = {width: _stored_rendition(storage, name, width) for width in widths}
    needed = [width for width, found in made.items() if not found]
    if not needed:
        return made
    with storage.open(name, "rb") as stored, Image.open(stored) as image:
        image.load()
        for width in needed:
            if width >= image.width:
                continue  # the original is small enough (stays None: no copy)
            copy = image.resize((width, max(1, round(image.height * width / image.width))), Image.Resampling.LANCZOS)
            content = _encode(copy, _rendition_stem(name, width).rpartition("/")[2])
            directory = name.rpartition("/")[0]
            made[width] = storage.save(f"{directory}/{content.name}" if directory else content.name, content)
    return made


def stored_renditions(field_file, widths=RENDITION_WIDTHS):
    """The names of an image's stored copies (to delete them with it: they show the same photo)."""
    found = (_stored_rendition(field_file.storage, field_file.name, width) for width in widths)
    return [name for name in found if name]


def delete_renditions(field_file, widths=RENDITION_WIDTHS):
    for name in stored_renditions(field_file, widths):
        field_file.storage.delete(name)


def renditions(field_file, width, widths=RENDITION_WIDTHS):  # width: the original's
    """``[(url, width), ...]`` of an image's smaller copies and the image itself, narrowest first.

    What the copies are is kept in the "pages" cache, so that a page does not ask the storage
    on every view. A missing or unreadable original gives the original alone.
    """
    from django.core.cache import caches

    if not field_file:
        return []
    key = f"renditions:{field_file.name}:{','.join(map(str, widths))}"
    cache = caches["pages"]
    names = cache.get(key)
    if names is None:
        storage = field_file.storage
        names = {size: _stored_rendition(storage, field_file.name, size) for size in widths}
        missing = [size for size, found in names.items() if not found and (not width or size < width)]
        if missing:
            # Made by the worker; until then the page offers the original (and asks again next time).
            make_renditions_later(field_file, widths)
            names = {size: _stored_rendition(storage, field_file.name, size) for size in widths}
            if any(not names[size] for size in missing):
                return [(field_file.url, width)] if width else []
        cache.set(key, names, 24 * 3600)
    storage = field_file.storage
    found = [(storage.url(name), size) for size, name in sorted(names.items()) if name]
    return [*found, (field_file.url, width)] if width else found
