"""Text put into SVG and HTML: escaped, and without the characters XML forbids.

XML 1.0 allows tab, line feed, carriage return and U+0020 on, less the surrogates and
U+FFFE/U+FFFF. A title or place read from a file may hold any of the others (a vertical
tab from a spreadsheet cell, a lone surrogate from a bad decode): each becomes U+FFFD, so
that the picture always parses and its reader sees where something was.
"""

from __future__ import annotations

import html
import re

__all__ = ["escape"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    """``text`` as markup content or an attribute value: ``&``, ``<``, ``>`` and quotes escaped, forbidden
    characters replaced.

    >>> escape('Falco\\x0bmexicanus <"N3">')
    'Falco\\ufffdmexicanus &lt;&quot;N3&quot;&gt;'
    """
    return html.escape(_NOT_XML.sub("\ufffd", text))
