"""Every limit Concord enforces, in one place: beyond it a write or an upload is refused.

Services, forms, settings and messages import these names, and templates read them as
``limits`` (``config.context_processors.limits``), so changing a limit is an edit here and
nowhere else. Plain numbers that import nothing, like :mod:`config.languages`, so any module
(settings included) may import them.
"""

# --- a release (one validation for every write path) ------------------------------------------

# Segments and photos together.
MAX_UNITS = 2000
# Characters of one segment's text in one language.
MAX_UNIT_CHARS = 20_000
# Characters of a title or a photo caption in one language (also the columns' length).
MAX_TITLE_CHARS = 300
# Levels of list nesting run from 0 to this.
MAX_LEVEL = 9
# Nesting of a JSON document, refused before a parser recurses into it.
MAX_JSON_DEPTH = 32

# --- files ------------------------------------------------------------------------------------

# Every upload (release texts, photos, PO/XLIFF, TBX/CSV glossaries, TMX) and every request
# body; messages name the size in megabytes.
MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
# A small image file can decode to gigabytes: refused beyond this many pixels.
MAX_IMAGE_MEGAPIXELS = 60
MAX_IMAGE_PIXELS = MAX_IMAGE_MEGAPIXELS * 1_000_000
# Concepts of one glossary import (streamed and written in batches).
MAX_GLOSSARY_CONCEPTS = 200_000
# A TMX file is read whole, so it gets the glossary's bound.
MAX_TMX_UNITS = MAX_GLOSSARY_CONCEPTS

# --- review -----------------------------------------------------------------------------------

# Characters of a comment or a reply.
MAX_COMMENT_CHARS = 5000
# Characters of the reason given for overriding a finding.
MAX_REASON_CHARS = 2000
# Characters and words of a concordance query (the workbench's search of approved translations).
MAX_CONCORDANCE_CHARS = 250
MAX_CONCORDANCE_WORDS = 9
# Characters of a search within a release's workbench (a longer one is cut, and said so).
MAX_SEARCH_CHARS = 250

# --- the API ----------------------------------------------------------------------------------

# Source texts of one translation memory lookup.
MAX_MEMORY_LOOKUP_TEXTS = 25
