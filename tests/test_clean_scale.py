"""Scale: a single huge line is cleaned in linear time and bounded memory, edits still exact.

No timed assertion on speed (that is scripts/bench_clean.py): the 2 MB line runs in a worker
process with a generous deadline that linear code meets easily and quadratic code (per-edit
list inserts, per-character maps, scans of the text before every match) does not.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tracemalloc

from corpus_tools.clean import CleanConfig, clean_text

# One "sentence" with something for most rules to fix (spaces before punctuation, a closing
# quote glued to the next word, an apostrophe after a space, a French number, a doubled
# stop, an honorific minority) and things they must leave alone.
UNIT = ("Mr Biden said , “we will see what happens . . ” The summit in Geneva – the first – "
        "lasted 3\u00a0hours ; officials called it “constructive ”, ”he said. Rock ’n’ roll ’s fine. "
        "It cost 1\u202f200 dollars at 7,5 % and Mr. Putin left. ")


def _big_line(chars: int) -> str:
    return UNIT * (chars // len(UNIT))


_WORKER = textwrap.dedent("""
    import sys
    from corpus_tools.clean import CleanConfig, apply_edits, clean_text
    sys.path.insert(0, sys.argv[1])
    from test_clean_scale import _big_line
    text = _big_line(2_000_000)
    res = clean_text(text, CleanConfig(lang="en"))
    assert len(res.paragraphs) == 1, len(res.paragraphs)
    for e in res.edits:
        assert text[e.start:e.end] == e.original
    assert apply_edits(text, res.edits).strip() == res.paragraphs[0].text
    print(len(text), len(res.edits), len(res.paragraphs[0].text))
""")


def test_two_megabyte_single_line_is_cleaned_in_bounded_time() -> None:
    from pathlib import Path

    here = str(Path(__file__).resolve().parent)
    proc = subprocess.run([sys.executable, "-c", _WORKER, here], capture_output=True, text=True, timeout=60,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    n_chars, n_edits, n_clean = map(int, proc.stdout.split())
    units = n_chars // len(UNIT)
    # Every unit is repaired the same way: the edits scale with the text, none lost.
    small = clean_text(UNIT * 3, CleanConfig(lang="en"))
    assert n_edits >= units * (len(small.edits) // 3)
    assert n_clean < n_chars


def test_huge_line_edits_match_small_copies() -> None:
    # The same unit repeated: the cleaned text is the cleaned unit repeated (structure, not speed).
    cfg = CleanConfig(lang="en")
    one = clean_text(UNIT.strip(), cfg).paragraphs[0].text
    many = clean_text(_big_line(200_000), cfg)
    assert many.paragraphs[0].text == " ".join([one] * (200_000 // len(UNIT)))


def test_memory_is_a_few_times_the_input() -> None:
    cfg = CleanConfig(lang="en")
    clean_text(UNIT, cfg)  # compile the pattern files outside the measurement
    text = ("The summit in Geneva lasted three hours and ended without a joint statement. " * 12_000
            + UNIT * 50)
    size = sys.getsizeof(text)
    tracemalloc.start()
    try:
        res = clean_text(text, cfg)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert res.edits and len(res.paragraphs) == 1
    assert peak < 10 * size, f"peak {peak} bytes for a {size}-byte input"
