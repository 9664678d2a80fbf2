"""What happens to cases, for higher apps (notifications) to hear about; sent after the commit.

The cases app does not know who listens: it sends, ``notifications`` subscribes in its AppConfig.ready().
"""

from django.dispatch import Signal

# A workflow step was taken (``case``, ``step``: submit / publish / send_back / withdraw, ``by``, ``message``).
case_step_taken = Signal()
# A peer wrote a reflection on a case (``reflection``).
reflection_posted = Signal()
# A facilitator hid a reflection (``reflection``, ``reason``).
reflection_hidden = Signal()
# An owner invited a member to co-edit (``invitation``, ``invitee``, ``inviter``).
coeditor_invited = Signal()
