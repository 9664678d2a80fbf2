"""What happens in the community base that higher apps may want to hear about (sent after commit)."""

from django.dispatch import Signal

# A version of a term became its current definition: ``version``.
term_version_accepted = Signal()
