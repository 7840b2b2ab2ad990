"""Everything poc writes: the output environment (:mod:`.env`), the formats and their
"nothing found" answers (:mod:`.formats`), each command's columns (:mod:`.tables`),
plain text for pipes (:mod:`.plain`), Rich views for terminals (:mod:`.rich_views`),
and writing it all out (:mod:`.emit`).  The only package that imports Rich."""
