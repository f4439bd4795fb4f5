"""Release exchange files: a release's units in one language as PO or XLIFF, for CAT tools.

- :mod:`.units` — the plain data of a file and the checks every upload passes;
  :mod:`.matching` — entries a tool left without their unit key, matched or skipped;
- :mod:`.po`, :mod:`.xliff` — writing and reading each format (pure, no database);
- :mod:`.services` — a release, its unit states and glossary terms as a file;
  :mod:`.imports` — a file applied through the one write path (merged, one revision), and
  :mod:`.report` — what it did;
  :mod:`.bulk` — a topic's releases as one zip, built by a Celery task (:mod:`.tasks`);
- :mod:`.admin` — download and upload pages under a release, the topic export.

The package's ``__init__`` imports nothing, so ``translations.models`` can import the models.
"""
