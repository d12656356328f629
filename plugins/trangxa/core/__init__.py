"""Plain helpers shared by every part: dates, slugs, source files, problems."""
