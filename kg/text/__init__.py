"""The Arabic text layer: normalisation with offsets, and the document of paragraphs, sentences, tokens."""

from kg.text.document import Document, Sentence, Token, analyse
from kg.text.normalize import NormalizedText, normalize, normalize_with_offsets

__all__ = ["Document", "NormalizedText", "Sentence", "Token", "analyse", "normalize", "normalize_with_offsets"]
