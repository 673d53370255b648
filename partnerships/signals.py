"""What partnerships/ tells the apps above it, without knowing them.

- ``activity(partnership)``: sent by ``Partnership.touch()``, the one way a partnership's last
  activity is written: a note, a tick or a status saved, a member joining or leaving. Sent
  inside the transaction that made the change.
"""

from django.dispatch import Signal

activity = Signal()
