"""The human review loop: a self-contained HTML report of an output folder, and applying its decisions."""

from corpus_tools.report.html import write_report
from corpus_tools.report.review import Decision, apply_decisions, read_decisions

__all__ = ["Decision", "apply_decisions", "read_decisions", "write_report"]
