"""Recall of the MT-artifact lexicons on sentences they were not written from.

``tests/data/lexicon_recall/mt_positive.tsv`` holds English sentences as a French-to-English MT
system writes them from French news (calques, false friends, literal idioms, structural
Gallicisms), each with the artifact span and its French source; ``native_negative.tsv`` holds
native English news sentences that use the same surface words correctly. ``mt_probe.tsv`` and
``native_probe.tsv`` were written after the lexicon entries for the first two, with the same
calques in other wordings and native sentences aimed at the new entries' trigger words: they
measure whether the patterns generalise. ``mt_round2.tsv`` / ``native_round2.tsv`` and
``mt_round3.tsv`` / ``native_round3.tsv`` (diplomacy, institutions, economy) are further rounds of
calques none of the above covered, measured before their entries were written;
``mt_probe2.tsv`` / ``native_probe2.tsv`` probe those entries in other wordings. Rounds 4 (calques
of justice, health, education, labour, sport, culture, weather, technology, transport, housing)
and 5 (literal idioms, connectors, clefts, post-posed adjectives) were measured at 0/75 and 0/67
before their entries; ``mt_probe4.tsv`` and ``mt_probe5.tsv`` probe those entries in other
wordings and keep a floor of their own (``MIN_PROBE_RECALL``). Probe 4 measured 27/30 when
written; three patterns were then widened in general ways (an adverb before 'verbalised', 'terminal
students', 'the portable of the ...'), 30/30. Probe 5 measured 28/30 when
written; one general fix followed (a post-posed adjective may be followed by 'as', 'and', 'to'
... as well as by a verb), 29/30; the miss left is 'the deputy turns her jacket' after 'Each
time the wind changes' (the entry stands down near weather words). Round 6 (``mt_round6.tsv`` /
``native_round6.tsv``) is not aimed at gaps: it is a fair sample of MT of French news (43 calques,
24 idioms, 24 structures, written blind to the lexicons), so its first number is the lexicons'
true recall: 54/91 = 0.593 (calques 24/43, idioms 17/24, structures 13/24, 12 with a structure
code) and 1/90 false positive ('the current conjuncture of ...'). After the twelfth-pass entries
(28 new, 11 widened, all general): 90/91 = 0.989 (42/43, 24/24, 24/24) and 0/90; the miss left
is 'dominated the encounter', which is also how English sports writing says it. Sweep 7
(``mt_sweep7.tsv`` / ``native_sweep7.tsv``) is a systematic coverage sweep of the long tail, not a
fair sample: one MT sentence per candidate from a wide list of false friends, institutional and
sector terms, news idioms and structural Gallicisms, each with a native sentence using the same
English words. Before its entries: 79/456 = 0.173 (calques 60/245, idioms 9/134, structures
10/77) and 11/456 false positives, all from older entries ('a monthly rent' paid by tenants, 'the
chief of staff of the army', 'the totality of the evidence', 'in the frame of the old mirror',
'at the height of 30,000 feet' ...), which were narrowed. After 394 new general entries (each
with its inflections and wordings, guarded by near/unless), written in two batches (355 rows at
74 -> 355, then 101 rows at 5 -> 101): 456/456 and 0/456, and no new hit on ~59,500 lines of
native English (alignment English sides, newstest, a 50,000-pair bench). Two private probes of
other wordings of the new entries (80 sentences, not kept as files) found 74/80; six entries were
then widened in general ways (plurals in a context list, adjectives before a noun, 'evolved' as
well as 'evolves', 'the Sages' near the Constitutional Council), 80/80. Twenty-six candidates
whose English rendering is normal English in most contexts were left out (the file header lists
them). Round 8 (``mt_round8.tsv`` /
``native_round8.tsv``) is again a fair sample like round 6, written blind to the lexicons and to
the earlier rounds' rows and committed before it was measured: 92 MT sentences (41 calques, 26
idioms, 25 structures, cut at random from a 101-row draft) and 119 native sentences using the same
English words. Before its entries: 70/92 = 0.761 (calques 30/41, idioms 20/26, structures 20/25)
and 2/119 false positives from older entries ('a 20-year-old college student', 'the road control
centre'), both narrowed (collège ages 10-15; 'road control' not before centre, room, system ...).
After 15 new general entries and 8 widened ones (actually + an institution studying / examining,
a question 'remains very sensible', 'demanded to residents', 'the spectacle will be presented',
'the deposit of the budget', 'the caring staff' near strike words, 'balance sheet' of a disaster,
functionaries and trainer context, plough before the oxen, 'pass to the cash register', 'a
thunderclap in a serene sky', 'wear the hat for the delays', 'raise the foot', 'settling of
accounts', 'benefit of', 'has been elected in 2018', 'the one of Quebec', 'without that the police
intervene', '312 votes against 201'): 90/92 = 0.978 (calques 39/41, idioms 26/26, structures
25/25) and 0/119, other rounds unchanged, no new hit on ~60,000 lines of native English. Left out:
'a motion of censure' (the standard English term at Westminster and in the European Parliament)
and 'the comedian Vincent Cassel will play the villain' (English calls comedians who act
comedians; 'comedian' is flagged only when he embodies / interprets a role, or plays one near
French or Quebec stage and screen words). 'A settling of accounts' was written as an idiom
(MT002) but the lexicon files it as a calque (MT001), so it counts as found, not with an idiom
code. Sweep 9 (``mt_sweep9.tsv`` / ``native_sweep9.tsv``) is a coverage sweep like sweep 7, aimed at
four families a held-out evaluation found missing (4 of 29 lexicon-type artifacts found in
``tests/data/flags_heldout``; its texts were not used to write rows or entries): reporting verbs as
MT renders them ('confided to AFP that', 'recalled that' + a present fact, 'hammered that',
'fustigated', 'specified the town hall', 'indicated to AFP', 'held to recall', 'solicited by',
'concordant sources' ...), courts ('condemned to pay', 'including one firm', 'at the bar', 'defence
assured by', 'public markets', 'three mandates', 'nothing to reproach myself', 'not the beginning
of a proof', 'defends himself from having', 'judged for corruption' ...), sport ('separates from
its coach', 'at the 14th place of', 'at the height of our ambitions', 'takes water from all
sides', 'passed by Lyon', 'the gendarme of the stock market', 'organigram', 'the promoted' ...)
and local politics ('structuring project', 'responsible of the file', 'overloaded the boat',
present + since, the conditional of allegation 'would have favoured' / 'would be a man, according
to', 'without label', 'first magistrate of the town' ...): 84 MT sentences, 87 native ones,
committed before measuring. Before: 12/84 = 0.143 (reporting 4/29, courts 4/22, sport 3/18, local
politics 1/15; calques 11/64, idioms 1/10, structures 0/10) and 0/87 false positives. After 46 new
general entries (35 calques, 5 idioms, 6 structures; none of the older entries changed): 84/84 and
0/87, other rounds unchanged, no new MT/ST hit on 59,962 lines of native English (50,000 bench
sentences, alignment English sides, newstest part, segmentation suites). A private probe of 31
other wordings (not kept as a file) found 29/31; two general fixes followed (media names with an
accented capital, 'the defence of X is assured by'), 31/31; a private set of 36 native traps
('recalled the mayor, who grew up ...', 'drank alone at the bar', 'the victory assured that',
'the spokesman specified that the offer was only valid', 'passed through Manchester on his way')
led to narrower context before commit; 'He assured that ...' (no person object) is still flagged.
Left out as normal English in most contexts: dénoncer ('denounced'), déplorer, affirmer, plaider
pour, réagir, staff technique, championnat, réaliser le doublé, délit de favoritisme. Sweep 10 (``mt_sweep10.tsv`` /
``native_sweep10.tsv``) is a general coverage sweep of families none of the lexicons held (a blind
held-out evaluation finds only ~15-35% of calques and idioms on fresh documents; its texts were
not looked at): economy ('actionaries', 'its German filial', 'commercial deficit', 'the economic
tissue', 'employment basin', 'detached workers', 'power of purchase', 'conventional rupture'),
health ('retirement house', 'operating block', 'blood take', 'legist doctor', 'white blouses'),
environment ('phreatic tables', 'diluvian rains', 'ground slide', 'black tide', 'the littoral'),
education ('the fac', 'magistral courses', 'doctorant', 'correct the copies'), transport ('transports
in common', 'road station', 'donkey backs', 'road panels'), defence ('blinded vehicles', 'Ministry of
the Armies', 'the Otan', 'nuclear ogives'), police ('a booty estimated at', 'narcotics brigade',
'alcoholised', 'malefactors', 'made use of his weapon', 'legitimate defence', 'robot portrait',
'outrage to an agent', 'judge of children'), culture ('the doubling of the film', 'band-announcement',
'author rights', 'disc house', 'putter in scene', 'the romancer', 'his latest polar', 'at the
poster', 'the exit of the film'), 28 literal idioms ('grinds black', 'it jumps to the eyes', 'cut the
word to', 'word of order', 'put the cap on', 'falls at peak', 'back to the departure box', 'in the
petrin', 'sleep on both ears', 'on horseback on punctuality', 'at the end of the wire' ...) and 13
structures ('has for objective to', 'has the habit to', 'a such decision', 'the two first days',
'before to leave', 'put three hours to', 'near to 50%', 'Of course that we will', 'Once that the',
'From there to say', 'finished by admitting'). Candidates were first checked against the lexicons
and those that already fired were left out, so the first number measures the gap, not recall: 105
MT sentences and 159 native ones, committed before any entry was written. Before: 0/105 (calques
0/64, idioms 0/28, structures 0/13) and 0/159 false positives. After 105 new general entries (65
calques, 28 idioms, 12 structures; no older entry changed): 105/105 and 0/159, other rounds
unchanged, no new MT/ST hit on 59,962 lines of native English. A private probe of 45 other wordings
(not kept as a file) found 43/45; two general fixes followed ('the booty stolen / recovered', 'puts
the cap on the presidential election'), 45/45; a private set of 107 native traps ('filial piety',
'back in the black', 'scar tissue', 'a phreatic eruption', 'the Slovenian Littoral', 'pirate
booty', 'the fire brigade', 'alcoholised beverages', 'a shrewd judge of children's books', 'record
house prices', 'polar vortex', 'stared at the poster', 'put a cap on rents', 'at once that he',
'He finished by thanking ...') raised two flags ('Legal doctors' fees', 'put in scene three'), both
narrowed. Left out as normal English in most contexts: 'the day where', 'Is it that ...?', 'at
least that' (unless), 'own funds' (a banking-regulation term), 'casques bleus' ('blue helmets'),
'kamikaze drones', 'femicide', 'the causeway', 'a deviation'. A second batch of 34 MT rows and 59
native ones (trésorerie, flambée, filière, enquête de voisinage, tube de l'été, concubin, insoumis,
perchoir, promesse de vente, syndic, monde paysan, cumul des mandats, grève du zèle, débrayage; 18
idioms such as 'a blue fear', 'like a hair on the soup', 'an elephant in a porcelain shop', 'life in
pink', 'carried the film to the clouds', 'drinks like a hole', 'had themselves carried pale'; 'Nothing
but in Paris', 'It suffices of') was committed after the first batch's entries and before its own:
0/34 and 0/59 before; after 33 more entries (14 calques, 17 idioms, 2 structures) 33/34 and 0/59,
so the whole of sweep 10 stands at 138/139 (calques 78/78, idioms 45/46, structures 15/15) and
0/218, still no new MT/ST hit on the 59,962 native lines. The miss left is 'the mayor has the big
head' ('avoir la grosse tête'): American English says 'get the big head' for the same thing, so it
has no entry. A private probe of 26 other wordings of the batch 2 entries found 26/26; 40 private
native traps raised two flags ('The unsubmissive child', 'found shoes for her foot injury'), both
narrowed. Sweep 11 (``mt_sweep11.tsv`` / ``native_sweep11.tsv``) aims at structure rather than words,
since lexical sweeps generalise poorly to fresh documents: subject inversion after a quotation or in
an incise with reporting verbs English does not invert ('"...," launches the minister', 'confides a
nurse', 'tempers the mayor', 'is indignant the opposition', ', estimates the economist,'), articles
and prepositions ('in his capacity of', 'in the next days', 'the France has', 'in the respect of',
'in priority', 'at the rate of 6%'), tense and clause calques (present + since a date, perfect + a
past date, 'It is the mayor who decided', 'It is in Lyon that ... chose', 'tells having lost',
'employs today 40 people', 'a too slow progress', 'the voice trembling', 'What shocks me, it is',
'does not cease to increase', 'comes to be inaugurated') and French syntax word for word ('this
last refused', ', of which the mayor resigned', 'the concerned persons', 'the said company', 'the
whole of the employees', 'at the level of the construction'): 83 MT sentences and 109 native ones
(legitimate inversions such as 'said the minister', 'asked a reporter', 'recalls Ms Jones', 'reads
the sign', 'Here comes the', 'Never had she seen'), committed before any entry. Before: 24/83 =
0.289 (all structures; 10 with a structure code, the rest from the older MT001 inversion entry)
and 2/109 false positives from older entries ('insisted the factory's director', 'At the level of
the street'), both narrowed ('insisted' dropped from the MT001 inversion entry, 'the street' and
'the ground' from 'au niveau'). After 28 general entries (verb lists with their inflections and a
subject slot taking any determiner phrase or name, guarded against titles and literary contexts):
82/83 (79 with a structure code) and 0/109, other rounds unchanged; no new MT/ST hit on the 59,962
native English lines (45 before, 45 after, same spans) once 'a too + adjective' was limited to the
gradable adjectives of news ('a too intimate acquaintance', in an old English translation of
Rousseau's Confessions, fired at first), 'of/to having' was dropped from 'tells having' ('testified
to having seen'), 'had still a' from the adverb order entry and 'these last' from 'this last'. A
private probe of 36 other wordings (not kept
as a file) found 36/36; 60 private native traps ('"Cheers," hails the crowd', 'reads the sign',
'pleads a mother', 'The film "Past Lives", tells the story', 'It is in London that the real power
lies', 'denied having taken', 'came to be used', 'This last point', 'of which the mayor is
chairman', 'Concerned parents') raised one flag ('hails'), narrowed. A second private probe of 30
wordings (French guillemets, inversion without quotation marks, 'is married since', 'the head
lowered', 'of whom the son') found 28/30; one general fix followed (an adverb or 'wants to believe'
before the inverted verb: '"...," also regrets the union'), 30/30. The miss left is 'announced
Tuesday his candidacy': American wire style puts a bare weekday between verb and object too.
Sweeps 12-14 (session of 2026-11-29) ran in parallel, each written before its entries and measured
on its own file; their briefs were written by someone who had read the misses of the held-out
flag sets 2 and 3 and named some of those misses' French sources among many examples, so those
two sets no longer measure these families (tests/test_flags_blind.py; set 4 is the blind measure).
Sweep 12 (``mt_sweep12.tsv`` / ``native_sweep12.tsv``): structural Gallicisms as general
mechanisms: verb complementation ('envisages to', 'avoided to', 'accepted to', 'succeeded to',
'should allow to', 'reminded that' with no person, 'denounced that' + clause), subject inversion
after a quotation with any present-tense verb in -s or past verb in -ed except an allow-list of
verbs English inverts (says, adds, explains, recalls, warns ...; the past list is long, from
fiction: cried, returned, rejoined ...), guarded against titles and quoted phrases inside a
sentence, and about 30 preposition and article calques ('associated to', 'one French person on
three', 'the President Emmanuel Macron', 'The most of the'): 121 MT and 158 native sentences,
10/121 and 0/158 before; after 56 entries 121/121 (116 with a structure code) and 0/158. On the
59,962 native lines 5 new hits, all newstest lines that are themselves translations and really have
the construction ('this will allow to reduce', '," confirms the Head'). Private probes 45/45 and
39/43 (misses: 'announced the family's lawyer', allowed on purpose; an acronym subject; 'observes'
in an incise; 'the Chancellor Olaf Scholz', whose entry was dropped for cost).
Sweep 13 (``mt_sweep13.tsv`` / ``native_sweep13.tsv``): French news idioms rendered word for word,
by head word (tête, pied, coup, point, terrain, porte, bras, œil, cœur, vent, mur, ligne, jeu, tour,
poids, pas, bout, fond, feu, eau) and by verb + noun (prendre, mettre, faire, tenir, donner, tirer,
passer, jeter, lever, tomber, monter): 167 MT and 189 native sentences, 0/167 and 0/189 before
(the 8 candidates already caught were left out); after 159 general entries 166/167 and 0/189, no
hit on 49,972 bench English lines; private probes 35/35, 42/42 and 15/15, ~175 private native
traps 0 flags after 4 narrowings. The miss left is 'with rose water' ('à l'eau de rose'): English
dictionaries have 'rose-water' for sentimental. Sweep 14 (``mt_sweep14.tsv`` /
``native_sweep14.tsv``): false friends and calques of news vocabulary by sector (faible, habituel,
militants, collège, ordonnance, mutuelle, interpellé, piste, société, licenciement, reprise, offre,
enjeu, volet, levée, arrêté, commune, scrutin, régie, obsèques, redressement judiciaire, stage,
concours ...): 122 MT and 168 native sentences, 0/122 and 2/168 before (older entries: 'a college
professor', 'interpellated in parliament', both narrowed); after 67 entries 121/122 and 0/168, no
hit on 59,934 native lines; private probe 32/32, 105 private native traps 0 flags after 4
narrowings. The miss left is 'professor of history at the college' (US English).
A positive is found
when a lexicon flag overlaps its span (what the flag scorer counts; untranslated honorifics,
code ST001, come from a check in ``mono.py``, not from a lexicon); a negative is a false positive
when it raises any MT or ST flag.

Run as a script to print the numbers and the misses::

    python tests/test_lexicon_recall.py [-v]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from corpus_tools.checks import make_checker
from corpus_tools.checks.checker import Checker

DATA = Path(__file__).resolve().parent / "data" / "lexicon_recall"

LEXICON_CODES = frozenset({"MT001", "MT002", "MT003", "MT005", "MT006", "MT008"})
COUNTED = LEXICON_CODES | {"ST001"}
# codes that report the same kind of artifact (the flag scorer's categories, structure merged)
FAMILY = {"MT001": "calque", "MT008": "calque", "MT002": "idiom",
          "MT003": "structure", "MT005": "structure", "MT006": "structure", "ST001": "honorific"}

# thresholds a little below what the lexicons reach (see the module docstring to measure)
MIN_RECALL = 0.97
# a probe file on its own (mt_probe*.tsv: written after its round's entries, in other wordings, and
# measured, not tuned on): what generality the entries have, with a lower floor
MIN_PROBE_RECALL = 0.9
MIN_RECALL_BY_FAMILY = {"calque": 0.95, "idiom": 0.95, "structure": 0.92}
MAX_FALSE_POSITIVE_RATE = 0.01


@dataclass(frozen=True)
class Positive:
    code: str
    span: str
    sentence: str
    french: str


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    return rows[1:]  # header


# every round in the folder: mt_X.tsv (positives) goes with native_Y.tsv (negatives) in sorted order
POSITIVE_FILES = tuple(sorted(p.name for p in DATA.glob("mt_*.tsv")))
NEGATIVE_FILES = tuple(sorted(p.name for p in DATA.glob("native_*.tsv")))


def positives(names: tuple[str, ...] = POSITIVE_FILES) -> list[Positive]:
    return [Positive(*row) for name in names for row in _rows(name)]


def negatives(names: tuple[str, ...] = NEGATIVE_FILES) -> list[str]:
    return [row[0] for name in names for row in _rows(name)]


def found(checker: Checker, pos: Positive) -> list[str]:
    """Codes of the lexicon (and ST001) flags that overlap the positive's span."""
    start = pos.sentence.index(pos.span)
    end = start + len(pos.span)
    return [f.code for f in checker.check_text(pos.sentence)
            if f.code in COUNTED and f.start < end and start < f.end]


def false_flags(checker: Checker, sentence: str) -> list[tuple[str, str]]:
    return [(f.code, f.span or "") for f in checker.check_text(sentence) if f.code.startswith(("MT", "ST"))]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return make_checker("en")


def test_data_is_well_formed() -> None:
    pos = positives()
    assert len(pos) >= 250 and len(negatives()) >= 250
    for p in pos:
        assert p.code in FAMILY, p
        assert p.span and p.span in p.sentence, p
        assert p.french, p
    assert len({p.sentence for p in pos}) == len(pos)
    neg = negatives()
    assert len(set(neg)) == len(neg)


@pytest.mark.parametrize("names", [POSITIVE_FILES, *((n,) for n in POSITIVE_FILES)],
                         ids=["all", *POSITIVE_FILES])
def test_recall_on_mt_sentences(checker: Checker, names: tuple[str, ...]) -> None:
    pos = positives(names)
    hits = {p.sentence: found(checker, p) for p in pos}
    recall = sum(bool(h) for h in hits.values()) / len(pos)
    missed = [p.span for p in pos if not hits[p.sentence]]
    floor = MIN_PROBE_RECALL if len(names) == 1 and names[0].startswith("mt_probe") else MIN_RECALL
    assert recall >= floor, f"recall {recall:.3f}; missed: {missed}"
    for family, family_floor in MIN_RECALL_BY_FAMILY.items():
        group = [p for p in pos if FAMILY[p.code] == family]
        # the flag must also say the right kind of artifact
        right = sum(any(FAMILY.get(c) == family for c in hits[p.sentence]) for p in group)
        if len(group) >= 10:  # a family floor means little on a handful of sentences
            assert right / len(group) >= min(floor, family_floor), (family, right, len(group))


@pytest.mark.parametrize("names", [NEGATIVE_FILES, *((n,) for n in NEGATIVE_FILES)],
                         ids=["all", *NEGATIVE_FILES])
def test_native_sentences_raise_no_flag(checker: Checker, names: tuple[str, ...]) -> None:
    neg = negatives(names)
    bad = [(s, f) for s in neg if (f := false_flags(checker, s))]
    assert len(bad) <= MAX_FALSE_POSITIVE_RATE * len(neg), bad


def main(verbose: bool) -> None:
    chk = make_checker("en")
    for pos_file, neg_file in zip(POSITIVE_FILES, NEGATIVE_FILES):
        print(f"== {pos_file} / {neg_file}")
        report(chk, positives((pos_file,)), negatives((neg_file,)), verbose)


def report(chk: Checker, pos: list[Positive], neg: list[str], verbose: bool) -> None:
    hits = {p.sentence: found(chk, p) for p in pos}
    n_found = sum(bool(h) for h in hits.values())
    print(f"recall {n_found}/{len(pos)} = {n_found / len(pos):.3f}")
    for family in ("calque", "idiom", "structure"):
        group = [p for p in pos if FAMILY[p.code] == family]
        any_hit = sum(bool(hits[p.sentence]) for p in group)
        right = sum(any(FAMILY.get(c) == family for c in hits[p.sentence]) for p in group)
        print(f"  {family}: {any_hit}/{len(group)} found, {right}/{len(group)} with a {family} code")
    bad = [(s, f) for s in neg if (f := false_flags(chk, s))]
    print(f"false positives {len(bad)}/{len(neg)} = {len(bad) / len(neg):.3f}")
    for s, f in bad:
        print("  FP", f, s)
    if verbose:
        for p in pos:
            if not hits[p.sentence]:
                print("  miss", p.code, repr(p.span), "|", p.french)


if __name__ == "__main__":
    main("-v" in sys.argv)
