"""Build ``corpus_tools/data/checks/fr_only_words.txt``: French words that English does not use.

A word goes in when it is frequent enough in French (Zipf frequency >= ``--fr-min``, about one
occurrence in 10 million words at 2.0) and nearly absent from English (Zipf < ``--en-max``: the
English lists carry some French at 1.0-1.5 from quotations and names), lowercase letters only,
four letters or more, and not in an English dictionary (``--english-dict``: by default the large
American and British word lists of Debian's ``wamerican-large`` and ``wbritish-large``, which
have 'tramontane', 'aperçu', 'escalope'). The check for untranslated French words (MT007) flags such a word when it
appears in lowercase in English text, unless the English loanword list ``en_loans.txt`` has it.

The frequencies come from the ``wordfreq`` package (its "large" lists, built from Wikipedia,
subtitles, news, books and web text), needed only to run this script, not at run time:

    pip install wordfreq; apt-get install wamerican-large wbritish-large
    python scripts/build_fr_only_words.py [--fr-min 2.0] [--en-max 1.5]

The word lists of wordfreq are under the Creative Commons Attribution-ShareAlike 4.0 licence;
the file written here is derived from them and keeps that licence (stated in its header).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "corpus_tools" / "data" / "checks" / "fr_only_words.txt"
_WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]{4,}")
_ISE = re.compile(r"is(?:e[ds]?|ing|ations?)$")


def zipf(freq: float) -> float:
    return math.log10(freq * 1e9) if freq > 0 else 0.0


DICTS = (Path("/usr/share/dict/american-english-large"), Path("/usr/share/dict/british-english-large"))


def english_words(paths: list[Path]) -> set[str]:
    words: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8", errors="replace") as f:
            words.update(line.strip().lower() for line in f)
    return words


def build(fr_min: float, en_max: float, dictionary: set[str]) -> list[str]:
    from wordfreq import get_frequency_dict

    fr = get_frequency_dict("fr", wordlist="large")
    en = get_frequency_dict("en", wordlist="large")

    def british(w: str) -> bool:
        # 'verbalise', 'mobilisation': British spellings of English '-ize' words, French as well
        m = _ISE.search(w)
        return m is not None and zipf(en.get(w[:m.start()] + "iz" + w[m.start() + 2:], 0.0)) >= 2.0

    return sorted(w for w, f in fr.items()
                  if _WORD.fullmatch(w) and zipf(f) >= fr_min and zipf(en.get(w, 0.0)) < en_max
                  and w not in dictionary and not british(w))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fr-min", type=float, default=2.0)
    ap.add_argument("--en-max", type=float, default=1.5)
    ap.add_argument("--english-dict", type=Path, action="append",
                    help=f"a word list of English, one word a line (repeatable; default: {', '.join(map(str, DICTS))})")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    dicts = args.english_dict or list(DICTS)
    missing = [str(p) for p in dicts if not p.is_file()]
    if missing:
        print(f"error: no English word list at {', '.join(missing)} (apt-get install wamerican-large wbritish-large)",
              file=sys.stderr)
        return 2
    words = build(args.fr_min, args.en_max, english_words(dicts))
    header = [
        f"# French words English does not use: Zipf frequency >= {args.fr_min:.1f} in French and < {args.en_max:.1f} in English,",
        "# lowercase letters only, 4 letters or more, not in the English dictionaries given (by default Debian's",
        "# wamerican-large and wbritish-large); built by scripts/build_fr_only_words.py from the",
        "# 'large' word lists of wordfreq (https://github.com/rspeer/wordfreq), which are licensed under",
        "# CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this derived list keeps that licence.",
        "# Used by MT007 (untranslated French words in English text). Proper names are in it too (lowercased):",
        "# the check only looks at lowercase words. English loanwords to keep are listed in en_loans.txt.",
    ]
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    tmp.replace(args.output)
    print(f"{len(words)} words -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
