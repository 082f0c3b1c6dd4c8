"""One module per CLI subcommand: ``add_arguments(parser)`` and ``run(args) -> int``.

Modules import their heavy dependencies inside ``run`` so that ``--help`` stays fast.
The first line of each module docstring is the subcommand's help text.
"""

COMMANDS: dict[str, str] = {
    "prepare": "corpus_tools.commands.prepare",
    "clean": "corpus_tools.commands.clean",
    "segment": "corpus_tools.commands.segment",
    "align": "corpus_tools.commands.align",
    "translate": "corpus_tools.commands.translate",
    "check": "corpus_tools.commands.check",
    "convert": "corpus_tools.commands.convert",
    "models": "corpus_tools.commands.models",
    "report": "corpus_tools.commands.report",
    "review": "corpus_tools.commands.review",
}
