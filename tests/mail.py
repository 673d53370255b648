"""Reading e-mail the way its recipient would: the link to follow."""

import re


def link_in(message, path=""):
    """The first link in the message's text whose path, after its language, starts with
    ``path``."""
    return re.search(rf"https?://[^/\s]+(?:/[a-z]{{2}})?{re.escape(path)}\S*", message.body).group(
        0
    )
