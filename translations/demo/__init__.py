"""The full demo: the glossary, then the seed release, accounts and publications."""

from pathlib import Path

from django.db import transaction

from records.demo import demo_load

from ..exchange import csv_load
from ..services import glossary_import

GLOSSARY_PATH = Path(__file__).resolve().parent / "glossary.csv"


@transaction.atomic
def demo_load_all(*, password=None):
    """Load the demo glossary and the demo release; idempotent."""
    glossary = glossary_import(csv_load(GLOSSARY_PATH.read_bytes()))
    loaded = demo_load(password=password)
    loaded["glossary"] = glossary
    return loaded
