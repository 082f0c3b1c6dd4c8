"""corpus-tools: raw documents in, bilingual corpora out (TMX, TSV, JSONL, Moses)."""

__version__ = "0.1.0"
