"""Administrative procedures: records, their pages, the changes feed and the counts."""
