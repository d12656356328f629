"""Files the plugins make (pages, feeds, data) join the site's files in one way."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files


def add_generated(files: Files, file: File, refusal: str) -> None:
    """Add a file a plugin made; one at the address of a file in docs/ stops the build.

    MkDocs would keep only one of the two without a word; `refusal` tells staff which to
    rename, with {src_uri} where the address goes.
    """
    # src_uri is already in the form the mapping is keyed by; get_file_from_path would
    # normalise it again for each of the thousand listing pages of a large site.
    if file.src_uri in files.src_uris:
        raise PluginError(refusal.format(src_uri=file.src_uri))
    files.append(file)
