"""The shape of a command to the reader (``corpus_tools.reader_commands``), table-driven."""

from __future__ import annotations

import pytest

from corpus_tools.reader_commands import command_words, is_reader_command

COMMANDS = [
    "Read more",
    "Read also: The government presents its budget",
    "To read also",  # a French widget label through MT
    "Lire aussi",
    "Share this article",
    "Sign up for our free newsletter",
    "Sign In",
    "Follow us on Instagram",
    "Listen to this article (4 min)",
    "Abonnez-vous pour lire la suite",
    "Connectez-vous pour commenter",
    "Comment",
    "Download the app",
    "Home › World › Europe",
    "News | Sport | Culture",
    "Accepter et fermer",
    "Load more",
    "See the comments",
]

NOT_COMMANDS = [
    "Sign of the times",  # 'sign' is a noun here: an ordinary word follows
    "Report on the economy",
    "Support for the government fell to 28%.",
    "Read the report, the minister urged lawmakers.",  # a sentence: full stop
    "Share prices fell on Monday.",
    "Watch out for ice on the roads?",
    "\"Show the book.\"",  # speech
    "“Listen to me, Ned",
    "'Go, my dear Axel, go!'",
    "Follow the money: how the scheme worked and who paid for it in the end, according to prosecutors",  # long
    "« Non » , dit-il » , puis « oui » , ajouta-t-il",  # guillemets, not separators
    "The minister will present her budget on Tuesday.",
    "",
]


@pytest.mark.parametrize("line", COMMANDS)
def test_reader_commands_are_recognised(line: str) -> None:
    assert is_reader_command(line)


@pytest.mark.parametrize("line", NOT_COMMANDS)
def test_body_lines_are_not_reader_commands(line: str) -> None:
    assert not is_reader_command(line)


def test_word_list_has_both_kinds() -> None:
    words = command_words()
    assert {"read", "lire", "abonnez-vous"} <= words.verbs
    assert {"sign", "share", "report"} <= words.noun_like
    assert not words.verbs & words.noun_like


def test_checker_and_cleaner_use_the_shape() -> None:
    from corpus_tools.checks import make_checker
    from corpus_tools.clean import clean_text

    line = "Unlock the Quarterly Digest for free"  # no site pattern names it
    assert {f.code for f in make_checker("en").check_text(f"Headline of the story\n\n{line}\n")} >= {"BP001"}
    cleaned = clean_text(f"Headline of the story\n\nThe minister spoke on Monday.\n\n{line}\n")
    assert line not in cleaned.text
