"""Fast splitter: one table per family of hard English cases (units, compass points, degrees,
spaced abbreviations, tokenised text, quotes), each with cases that must NOT split."""

from __future__ import annotations

import pytest

from corpus_tools.segment import get_segmenter


@pytest.fixture(scope="module")
def en():
    return get_segmenter("en")


def _ids(cases):
    return [c[0] for c in cases]


# Units of measure: an abbreviation right after a number, a plain word elsewhere.
UNITS = [
    ("unit-before-number", "The table is 4 ft. 2 in. wide.", ["The table is 4 ft. 2 in. wide."]),
    ("unit-before-lower", "Add 2 Tbsp. of sugar and 3 oz. of butter.", ["Add 2 Tbsp. of sugar and 3 oz. of butter."]),
    ("unit-capitalised", "It weighs 12 LB. without the lid.", ["It weighs 12 LB. without the lid."]),
    ("unit-final", "The rope is 9 yd. Anna cut it.", ["The rope is 9 yd.", "Anna cut it."]),
    ("unit-final-starter", "The pipe is 20 in. The hose is longer.", ["The pipe is 20 in.", "The hose is longer."]),
    ("unit-attached", "A 5-in. blade is enough. Buy one.", ["A 5-in. blade is enough.", "Buy one."]),
    ("unit-fluid", "Pour in eight fl. oz. of water.", ["Pour in eight fl. oz. of water."]),
    # negatives: without a number "in" is the preposition and ends a sentence like any word
    ("in-word-final", "Please come in. Sarah is waiting.", ["Please come in.", "Sarah is waiting."]),
    ("in-word-lower", "They let him in. and then left.", ["They let him in.", "and then left."]),
    ("decimal-unit", "It grew 2.5 in. Nobody noticed.", ["It grew 2.5 in.", "Nobody noticed."]),
]

# Compass points close a phrase: a capital after them starts a sentence, a lower-case word does not.
COMPASS = [
    ("compass-lower", "Turn SW. at the old mill.", ["Turn SW. at the old mill."]),
    ("compass-of", "Rain fell in the SE. of the county.", ["Rain fell in the SE. of the county."]),
    ("compass-capital", "The storm moved NNW. Crews followed it.", ["The storm moved NNW.", "Crews followed it."]),
    ("compass-word", "They sailed north. Then they stopped.", ["They sailed north.", "Then they stopped."]),
]

# Academic degrees that cannot be initials end a sentence before a capital.
DEGREES = [
    ("degree-final", "He finished his Ph.D. Maria was proud.", ["He finished his Ph.D.", "Maria was proud."]),
    ("degree-law", "She has an LL.B. Her brother has none.", ["She has an LL.B.", "Her brother has none."]),
    ("degree-mid", "His Ph.D. thesis was long.", ["His Ph.D. thesis was long."]),
    ("degree-after-name", "Jane Roe, M.Sc., spoke first. Others followed.",
     ["Jane Roe, M.Sc., spoke first.", "Others followed."]),
    # negatives: initials that look like degrees stay initials
    ("initials-not-degree", "The novel by J.D. Salinger sold well.", ["The novel by J.D. Salinger sold well."]),
    ("acronym", "U.S. officials met. They agreed.", ["U.S. officials met.", "They agreed."]),
    ("title", "Mr. Smith came. He sat.", ["Mr. Smith came.", "He sat."]),
    ("eg", "Use a tool, e.g. this one.", ["Use a tool, e.g. this one."]),
    ("pm-lower", "We met at 4 p.m. Monday in town.", ["We met at 4 p.m. Monday in town."]),
    ("pm-capital", "We met at 4 p.m. He left early.", ["We met at 4 p.m.", "He left early."]),
]

# Postpositive abbreviations (a.m., B.C.) after a fronted adverbial ("At 5 a.m. Mr. Smith went"):
# no break before a name, a break before a sentence-starter word; the adverbial may open the
# clause after a colon or semicolon.
FRONTED = [
    ("fronted-starter", "At 7 a.m. The bells rang. Everyone woke.", ["At 7 a.m.", "The bells rang.", "Everyone woke."]),
    ("fronted-pronoun", "In 1066 A.D. It was a battle year.", ["In 1066 A.D.", "It was a battle year."]),
    ("fronted-lower-start", "by 9 p.m. She had gone.", ["by 9 p.m.", "She had gone."]),
    ("fronted-name", "At 7 a.m. Mrs. Jones opened the shop.", ["At 7 a.m. Mrs. Jones opened the shop."]),
    ("fronted-after-colon", "The log says: At 7 a.m. Jones opened the shop.",
     ["The log says: At 7 a.m. Jones opened the shop."]),
    ("fronted-after-semicolon", "It was late; by 11 p.m. Jones had left.", ["It was late; by 11 p.m. Jones had left."]),
    ("not-fronted-name", "The shop opened at 7 a.m. Jones was there.", ["The shop opened at 7 a.m.", "Jones was there."]),
    ("fronted-lower", "At 7 a.m. the bells rang.", ["At 7 a.m. the bells rang."]),
]

# Spaced abbreviations: "a. m.", "e. g." read as "a.m.", "e.g.".
SPACED = [
    ("spaced-am-lower", "We left at 6 a. m. and drove north.", ["We left at 6 a. m. and drove north."]),
    ("spaced-pm-capital", "The train came at 9 p. m. Nobody got off.", ["The train came at 9 p. m.", "Nobody got off."]),
    ("spaced-eg", "Bring fruit, e. g. apples or pears.", ["Bring fruit, e. g. apples or pears."]),
    ("spaced-ie", "The rest, i. e. the others, stayed.", ["The rest, i. e. the others, stayed."]),
    ("spaced-degree", "She earned a Ph. D. Her thesis won a prize.", ["She earned a Ph. D.", "Her thesis won a prize."]),
    # negatives: short words that only look like pieces of an abbreviation
    ("short-words", "I saw it. He is. We go.", ["I saw it.", "He is.", "We go."]),
    ("plan-a", "Take plan a. it is better.", ["Take plan a.", "it is better."]),
    ("initials", "Call J. R. Smith today. He waits.", ["Call J. R. Smith today.", "He waits."]),
]

# Tokenised text (a space before the full stop): a plain word ends the sentence, a title or a
# dotted abbreviation does not; slashes join tokens.
TOKENISED = [
    ("tok-word", "The band split in 1999 . Its singer went solo .", ["The band split in 1999 .", "Its singer went solo ."]),
    ("tok-title", "He thanked Dr . Jones for the help .", ["He thanked Dr . Jones for the help ."]),
    ("tok-dotted", "It joins U.S . Route 66 near town .", ["It joins U.S . Route 66 near town ."]),
    ("tok-dotted-starter", "They moved to the U.K . The rain bothered them .",
     ["They moved to the U.K .", "The rain bothered them ."]),
    ("tok-numeric", "See No . 7 in the list .", ["See No . 7 in the list ."]),
    # "Mass" is listed (Massachusetts), but a listed plain word before " ." ends the sentence
    ("tok-listed-word", "They went to Mass . Afterwards they ate .", ["They went to Mass .", "Afterwards they ate ."]),
    ("tok-company", "Shares of Acme Inc . Analysts were surprised .", ["Shares of Acme Inc .", "Analysts were surprised ."]),
    ("slash-dotted", "Take I-80 west to the Calif./Nev. line today.", ["Take I-80 west to the Calif./Nev. line today."]),
    ("slash-url", "See https://example.com/a. Then click.", ["See https://example.com/a.", "Then click."]),
]

# No space after a terminal: a boundary only before a word (not "7.Bg5", a chess move).
NO_SPACE = [
    ("chess", "After 5.Nf3 and 6.Bc4 White is better.", ["After 5.Nf3 and 6.Bc4 White is better."]),
    ("model-code", "It replaced the v.Mk2 engine.", ["It replaced the v.Mk2 engine."]),
    ("no-space-word", "It rained.Then it stopped.", ["It rained.", "Then it stopped."]),
    ("decimal", "It cost 3.50 dollars. Cheap.", ["It cost 3.50 dollars.", "Cheap."]),
]

# Backticks close a quotation like straight quotes ("`hello.`", "``hello.``").
BACKTICK = [
    ("backtick-single", "She wrote `see you.` Then she left.", ["She wrote `see you.`", "Then she left."]),
    ("backtick-double", "He typed ``done.`` Nobody answered.", ["He typed ``done.``", "Nobody answered."]),
    ("backtick-lower", "He typed `done.` and logged off.", ["He typed `done.` and logged off."]),
    ("backtick-opening", "It ended. `Why?' she asked.", ["It ended.", "`Why?' she asked."]),
]

# Quotes standing apart after a terminal (tokenised or careless text): they close the sentence
# when the line's quotes pair up that way, and open the next one otherwise.
SPACED_QUOTES = [
    ("sq-pair", "He called it a ' great day . ' Nobody agreed .", ["He called it a ' great day . '", "Nobody agreed ."]),
    ("sq-double-tick", "Is that all ? '' Smith left the room .", ["Is that all ? ''", "Smith left the room ."]),
    ("sq-line-starts-inside", "We are done here. \" The door shut.", ['We are done here. "', "The door shut."]),
    ("sq-before-comma", "Run now ! '' , he shouted .", ["Run now ! '' , he shouted ."]),
    ("sq-at-end", "The album was called '' Go Home ! '' .", ["The album was called '' Go Home ! '' ."]),
    ("sq-lower-after", "' Stop . ' she said .", ["' Stop . ' she said ."]),
    # negatives: the spaced quote opens the next sentence
    ("sq-opens", "It was late . ' Come in , ' she said .", ["It was late .", "' Come in , ' she said ."]),
    ("sq-line-opens", "'' It is over , '' he said . '' We lost .", ["'' It is over , '' he said .", "'' We lost ."]),
    ("sq-attached-opens", 'He left. "We will miss him," she said.', ["He left.", '"We will miss him," she said.']),
    ("sq-clitic", "The band 's album sold . ' Great , ' he said .", ["The band 's album sold .", "' Great , ' he said ."]),
    ("apostrophes", "It's done. 'Tis true, the '90s are gone.", ["It's done.", "'Tis true, the '90s are gone."]),
]

TABLES = (UNITS + COMPASS + DEGREES + FRONTED + SPACED + TOKENISED + NO_SPACE + BACKTICK
          + SPACED_QUOTES)


@pytest.mark.parametrize("name,text,expected", TABLES, ids=_ids(TABLES))
def test_families(en, name, text, expected):
    assert en.split(text) == expected


# The same mechanisms in French (titles and quotes follow the French lists and conventions).
FR = [
    ("fr-tok-title", "Il a salué M . Dupont hier .", ["Il a salué M . Dupont hier ."]),
    ("fr-tok-word", "Le groupe s'est séparé en 1999 . Son chanteur a continué .",
     ["Le groupe s'est séparé en 1999 .", "Son chanteur a continué ."]),
    ("fr-sq-pair", "Il l'a appelé un ' grand jour . ' Personne n'a répondu .",
     ["Il l'a appelé un ' grand jour . '", "Personne n'a répondu ."]),
    ("fr-sq-opens", "Il est tard . ' Entrez , ' dit-elle .", ["Il est tard .", "' Entrez , ' dit-elle ."]),
    ("fr-elision", "C'est l'été. L'école est finie.", ["C'est l'été.", "L'école est finie."]),
]


@pytest.mark.parametrize("name,text,expected", FR, ids=_ids(FR))
def test_french_families(name, text, expected):
    assert get_segmenter("fr").split(text) == expected
