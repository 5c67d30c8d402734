"""deboiler: strip podcast-aggregator boilerplate from saved pages and return the clean episode.

import deboiler
ep = deboiler.clean(open("page.txt", "rb").read())
ep.description, ep.show, ep.published, ep.to_dict()
"""

from .catalog import Catalog, load_catalog
from .episode import Episode
from .errors import DeboilerError
from .pipeline import clean

__all__ = ["clean", "Episode", "Catalog", "load_catalog", "DeboilerError", "__version__"]
__version__ = "0.1.0"
