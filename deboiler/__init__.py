"""deboiler: strip podcast-aggregator boilerplate from saved pages and return the clean episode.

import deboiler
ep = deboiler.clean(open("page.txt", "rb").read())
ep.description, ep.show, ep.published, ep.to_dict()
"""

import logging

from deboiler.batch.run import clean_many
from deboiler.catalog.platforms import Catalog, load_catalog
from deboiler.episode import Episode
from deboiler.errors import DeboilerError
from deboiler.options import CleanOptions
from deboiler.pipeline import clean
from deboiler.warmup import warm_up

__all__ = ["clean", "clean_many", "CleanOptions", "Episode", "Catalog", "load_catalog", "DeboilerError", "warm_up", "__version__"]
__version__ = "0.1.0"

# trafilatura logs "discarding data" warnings on pages it finds nothing in; deboiler reports its own
# outcome, so keep them off stderr unless the application configures logging itself.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
