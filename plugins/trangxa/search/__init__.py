"""Search that finds Vietnamese text whether or not the query has diacritics."""
