"""trangxa: the electronic information page of a Vietnamese commune, built on MkDocs."""

__version__ = "0.1.0"
