"""trangxa: the electronic information page of a Vietnamese commune, built on MkDocs."""

import os

__version__ = "0.1.0"

# mkdocs.yml names trangxa.core.slugs.heading_slug, so this package is imported while MkDocs
# reads the file, before the theme is loaded: early enough to keep Material's English
# end-of-life banner out of a plain `mkdocs serve` as well.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
