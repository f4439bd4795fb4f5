"""Aligning a second language whose structure differs from the release's: a proposal, not a
refusal (DESIGN.md, "Aligning a second language").

- :mod:`.anchors` — numbers, dates, numbering markers and Latin names of a block, any language;
- :mod:`.names` — names of people and places in any script, as one loose key (安倍, Абэ, Abe);
- :mod:`.proposal` — the pairing by dynamic programming over order (pure, no database);
- :mod:`.plan` — one release's proposal, an editor's chosen pairing and its validation.
"""

from .plan import (
    PairingError,
    Proposal,
    choice_options,
    choice_value,
    pairing_parse,
    proposal_build,
    proposal_choose,
    proposed_values,
    stale_message,
)

__all__ = [
    "PairingError",
    "Proposal",
    "choice_options",
    "choice_value",
    "pairing_parse",
    "proposal_build",
    "proposal_choose",
    "proposed_values",
    "stale_message",
]
