"""What accounts/ tells the apps that keep a person's work, without knowing them.

accounts/ imports none of the other apps: they answer these signals (connected in their
AppConfig.ready()).

- ``personal_data_requested(user)``: the person downloads their data. Each receiver returns a
  dict of what its app holds about them; the download merges them after the account's own data.
- ``account_deleting(user)``: sent inside the transaction that deletes the account, before the
  user row goes, so each app can hand on or remove what the person leaves behind.
"""

from django.dispatch import Signal

personal_data_requested = Signal()
account_deleting = Signal()
