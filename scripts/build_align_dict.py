#!/usr/bin/env python3
"""Build the small bilingual word lists shipped in corpus_tools/data/align/ from FreeDict.

The lists are derived data: this script records exactly how they were made.
Inputs are the dictd files of Debian's FreeDict packages (fetch them with
``apt-get download dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-deu-fra
dict-freedict-fra-deu`` and unpack with ``dpkg -x PKG.deb DIR``); word frequencies come
from the ``wordfreq`` package (build-time only, not a runtime dependency).

    python scripts/build_align_dict.py --dictd DIR/usr/share/dictd --pair en-fr --top 6000
    python scripts/build_align_dict.py --dictd DIR/usr/share/dictd --pair de-fr --top 8000
"""

from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_WORD = re.compile(r"^[^\W\d_][\w'’-]*$")
_ISO3 = {"en": "eng", "fr": "fra", "de": "deu"}


def _b64(s: str) -> int:
    n = 0
    for ch in s:
        n = n * 64 + _B64.index(ch)
    return n


def read_dictd(folder: Path, name: str) -> list[tuple[str, list[str]]]:
    """Return (headword, translation candidates) for every entry of freedict-NAME."""
    data = gzip.decompress((folder / f"freedict-{name}.dict.dz").read_bytes())
    out = []
    for line in (folder / f"freedict-{name}.index").read_text(encoding="utf-8").splitlines():
        head, off, length = line.split("\t")
        if head.startswith("00"):
            continue
        entry = data[_b64(off): _b64(off) + _b64(length)].decode("utf-8").splitlines()
        cands: list[str] = []
        for body in entry[1:]:
            body = re.sub(r"\b\d+\.\s*", "", body).strip()
            for piece in re.split(r"[,;]", body):
                piece = piece.strip().lower()
                if _WORD.match(piece):
                    cands.append(piece)
        out.append((head.strip().lower(), cands))
    return out


def main() -> None:
    from wordfreq import zipf_frequency

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dictd", required=True, type=Path)
    ap.add_argument("--pair", required=True, help="src-tgt, e.g. en-fr")
    ap.add_argument("--top", type=int, default=6000)
    ap.add_argument("--min-zipf", type=float, default=2.0)
    ap.add_argument("-o", "--output", type=Path)
    a = ap.parse_args()
    s, t = a.pair.split("-")
    pairs: dict[tuple[str, str], float] = {}

    def add(sw: str, tw: str) -> None:
        if not (_WORD.match(sw) and _WORD.match(tw)):
            return
        zs, zt = zipf_frequency(sw, s), zipf_frequency(tw, t)
        # a "translation" that is more frequent as a source-language word is a definition word
        if min(zs, zt) < a.min_zipf or zipf_frequency(tw, s) > zt + 1.0 and sw != tw:
            return
        pairs[(sw, tw)] = min(zs, zt)

    for head, cands in read_dictd(a.dictd, f"{_ISO3[s]}-{_ISO3[t]}"):
        for c in cands:
            add(head, c)
    for head, cands in read_dictd(a.dictd, f"{_ISO3[t]}-{_ISO3[s]}"):
        for c in cands:
            add(c, head)
    best = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[: a.top]
    out = a.output or Path(__file__).resolve().parents[1] / "corpus_tools" / "data" / "align" / f"{a.pair}.tsv"
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# {a.pair} word pairs from FreeDict ({_ISO3[s]}-{_ISO3[t]} + {_ISO3[t]}-{_ISO3[s]}), "
                f"top {a.top} by wordfreq; see README.md for licences\n")
        f.writelines(f"{sw}\t{tw}\n" for (sw, tw), _ in sorted(best))
    print(f"{out}: {len(best)} pairs")


if __name__ == "__main__":
    main()
