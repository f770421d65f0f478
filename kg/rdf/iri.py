"""Identity: one function mints every IRI, deterministically, as readable ASCII.

The same key always gives the same IRI; no input yields an invalid one. Keys that are already
ASCII slugs (gazetteer keys, ISO codes, GeoNames slugs) are used as they are; anything else is
transliterated and gets a short hash of the exact key, so two names never share an IRI.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

from rdflib import URIRef

from kg.errors import unknown_choice
from kg.rdf.namespaces import DIPR_IRI

KINDS = ("article", "person", "org", "country", "place", "meeting", "statement")
_KEY_KINDS = {"person": "person", "org": "org", "country": "country", "place": "place"}
_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
_MAX_SLUG = 48


def short_hash(text: str, size: int = 10) -> str:
    """A stable hex digest of the text (blake2b), `size` characters long."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()[:size]


@cache
def _letters() -> dict[str, str]:
    from kg.extract.lexicon import read_table

    return {row["letter"]: row["ascii"] for row in read_table("transliteration.tsv")}


def slug(text: str) -> str:
    """A readable ASCII slug: Arabic transliterated, everything else reduced to [a-z0-9-]."""
    from kg.text.normalize import normalize

    letters = _letters()
    out = []
    for char in normalize(text):
        if char.isascii():
            out.append(char.lower() if char.isalnum() else "-")
        elif char in letters:
            out.append(letters[char])
        elif char.isspace() or char in "_":
            out.append("-")
    result = re.sub(r"-+", "-", "".join(out)).strip("-")
    return result[:_MAX_SLUG].strip("-")


def mint_iri(kind: str, key: str, base: str = DIPR_IRI) -> URIRef:
    """The IRI of a node of this kind with this identity key."""
    if kind not in KINDS:
        raise unknown_choice("node kind", kind, KINDS)
    if _SAFE.match(key):
        local = key
    else:
        readable = slug(key)
        local = f"{readable}-{short_hash(key, 6)}" if readable else short_hash(key, 12)
    return URIRef(f"{base}{kind}/{local}")


def entity_iri(key: str, base: str = DIPR_IRI) -> URIRef:
    """The IRI for an entity key such as "person:vladimir-putin" or "country:SY"."""
    kind, _, local = key.partition(":")
    if kind not in _KEY_KINDS or not local:
        raise unknown_choice("entity key kind", kind, tuple(_KEY_KINDS))
    return mint_iri(_KEY_KINDS[kind], local, base)
