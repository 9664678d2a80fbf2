"""Ready-made runs of a meeting (werkvormen): a facilitator adds all rounds in one click."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from meetings.models import Round

K = Round.Kind


@dataclass(frozen=True)
class Step:
    prompt: str
    kind: str = K.OTHER
    mode: str = Round.Mode.CONTRIBUTE
    minutes: int | None = None
    dots: int = 3
    # A voting step puts dots on the clusters of the step this many places earlier.
    votes_on: int | None = None


@dataclass(frozen=True)
class Format:
    key: str
    name: str
    description: str
    steps: list = field(default_factory=list)
    # Formats around one topic: "{topic}" in a prompt becomes the facilitator's question.
    default_topic: str = ""


FORMATS = [
    Format(
        "casus",
        _("Casus bespreken"),
        _(
            "De inbrenger vertelt: waar ben je trots op, wat heeft gewerkt, welke lessen neem je mee? "
            "Daarna reageren de anderen: wat valt je op, wat is leerzaam voor jou?"
        ),
        [
            Step(_("Waar ben je trots op?"), K.PRIDE, minutes=5),
            Step(_("Wat heeft gewerkt?"), K.WORKING, minutes=5),
            Step(_("Welke lessen neem je mee?"), K.LESSON, minutes=5),
            Step(_("Wat valt je op aan dit voorbeeld?"), K.OBSERVATION, minutes=5),
            Step(_("Wat is leerzaam voor jou?"), K.LESSON, minutes=5),
        ],
    ),
    Format(
        "factoren",
        _("Werkzame factoren oogsten"),
        _("Iedereen noemt wat werkt; de begeleider clustert tot factoren en de groep verdeelt stippen."),
        [
            Step(_("Wat werkt in gebiedsgericht werken? Noem één factor per bijdrage."), K.WORKING, minutes=8),
            Step(_("Welke factoren zijn het belangrijkst? Verdeel je stippen."), mode=Round.Mode.VOTE, votes_on=1),
        ],
    ),
    Format(
        "belemmeringen",
        _("Belemmeringen en wat helpt"),
        _("Eerst de belemmeringen, dan wat ertegen helpt; tot slot stippen op de belemmeringen."),
        [
            Step(_("Wat belemmert gebiedsgericht werken?"), K.OBSTACLE, minutes=6),
            Step(_("Wat helpt tegen deze belemmeringen?"), K.HELPS, minutes=6),
            Step(_("Welke belemmeringen wegen het zwaarst? Verdeel je stippen."), mode=Round.Mode.VOTE, votes_on=2),
        ],
    ),
    Format(
        "definitie",
        _("Definitie aanscherpen"),
        _("Reageer op de voorgestelde formulering, benoem bezwaren en toets de versie waarover de groep het eens is."),
        [
            Step(_("Voorgestelde formulering: welk element hoort er zeker in?"), K.DEFINITION, minutes=6),
            Step(_("Welke bezwaren heb je tegen deze formulering?"), K.OBJECTION, minutes=6),
            Step(_("Afgesproken versie: wat wil je nog meegeven?"), K.DEFINITION, minutes=4),
        ],
    ),
    Format(
        "1-2-4-alle",
        _("1-2-4-Allen"),
        _("Eerst alleen nadenken, dan in tweetallen, dan in viertallen; tot slot deelt iedereen wat eruit springt."),
        [
            Step(_("1 · Denk alleen na: {topic}"), minutes=1),
            Step(_("2 · Bespreek in tweetallen: {topic}"), minutes=2),
            Step(_("4 · Bespreek in viertallen: wat springt eruit?"), minutes=4),
            Step(_("Allen · Deel wat eruit springt: {topic}"), minutes=5),
        ],
        default_topic=_("Wat werkt in gebiedsgericht werken?"),
    ),
    Format(
        "wat-en-nu",
        _("Wat? / En dan? / Wat nu?"),
        _(
            "Van wat er gebeurde, via wat het betekent, naar wat we gaan doen (in het Engels: What / So what / Now what)."
        ),
        [
            Step(_("Wat? Wat is er gebeurd, wat heb je gezien bij {topic}?"), K.OBSERVATION, minutes=4),
            Step(_("En dan? Wat betekent dit, welke patronen zie je?"), K.LESSON, minutes=5),
            Step(_("Wat nu? Wat gaan we anders doen?"), K.HELPS, minutes=5),
        ],
        default_topic=_("het voorbeeld dat we net hoorden"),
    ),
]
FORMATS_BY_KEY = {f.key: f for f in FORMATS}
# Formats whose steps take the kind of contribution the facilitator chooses.
GENERIC_KIND = {"1-2-4-alle"}


def apply_format(meeting, fmt, *, topic="", case=None, kind="", guests_allowed=False):
    """Append the rounds of ``fmt`` to ``meeting``; returns them."""
    topic = topic or str(fmt.default_topic)
    order = meeting.next_round_order()
    created = []
    for step in fmt.steps:
        step_kind = kind if (fmt.key in GENERIC_KIND and kind) else step.kind
        source = created[-step.votes_on] if step.votes_on else None
        created.append(
            Round.objects.create(
                meeting=meeting,
                order=order,
                prompt=str(step.prompt).replace("{topic}", topic)[:300],
                kind=step_kind,
                mode=step.mode,
                case=case,
                source_round=source,
                guests_allowed=guests_allowed,
                dots_per_person=step.dots,
                timer_seconds=step.minutes * 60 if step.minutes else None,
            )
        )
        order += 1
    return created
