"""Photos of a meeting's visual harvest (graphic recordings, flip-overs, walls of notes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from meetings.models.meeting import Meeting


def harvest_upload_to(instance, filename):
    return f"harvest/{filename}"


class HarvestImage(models.Model):
    """A photo of the visual harvest: graphic recording, flip-over, wall of post-its."""

    class Kind(models.TextChoices):
        GRAPHIC_RECORDING = "recording", _("tekening (graphic recording)")
        FLIPOVER = "flipover", _("flip-over")
        PHOTO = "photo", _("foto")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="harvest_images", verbose_name=_("bijeenkomst")
    )
    image = models.ImageField(_("afbeelding"), upload_to=harvest_upload_to, width_field="width", height_field="height")
    thumbnail = models.ImageField(_("miniatuur"), upload_to=harvest_upload_to, blank=True)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.PHOTO)
    alt_text = models.CharField(_("beschrijving voor wie de afbeelding niet ziet"), max_length=500)
    caption = models.CharField(_("onderschrift"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("beeld van de oogst")
        verbose_name_plural = _("beelden van de oogst")
        ordering = ["meeting", "order", "id"]

    def __str__(self):
        return self.alt_text
