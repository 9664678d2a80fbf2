"""What happens to meetings, for higher apps (notifications) to hear about; sent after the commit."""

from django.dispatch import Signal

# A facilitator published the harvest of a meeting (``meeting``, ``by``).
harvest_published = Signal()
# A facilitator hid a contribution (``contribution``, ``reason``).
contribution_hidden = Signal()
# A member registered (a place or the waiting list), or moved up to a place (``registration``, ``promoted``).
registration_made = Signal()
