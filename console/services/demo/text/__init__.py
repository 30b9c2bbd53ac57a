"""Text corpora of the demo-data generator: one module per language, plus the world and the desk.

:data:`LANGUAGES` maps a language key (``en``, ``zh``, ``de``, ``es``) to its
:class:`~.language.Language`; :mod:`.world` holds names, products, carriers and places;
:mod:`.desk` the agents and their internal notes.
"""

from __future__ import annotations

from typing import Final

from .de import DE
from .en import EN
from .es import ES
from .language import Language
from .zh import ZH

LANGUAGES: Final[dict[str, Language]] = {"en": EN, "zh": ZH, "de": DE, "es": ES}
