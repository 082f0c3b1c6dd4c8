"""XLIFF 1.2 and 2.x reading, streaming, with the same safe parser as TMX.

Each ``<trans-unit>`` (1.2) or ``<segment>`` of a ``<unit>`` (2.x) with a source and a
target becomes a unit; inline codes (``<g>``, ``<ph>``, ``<x/>``, ``<pc>`` …) keep their text.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from corpus_tools.errors import InputError
from corpus_tools.io.xmlsafe import safe_parser_kwargs, xml_input_error
from corpus_tools.model import TranslationUnit


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el: etree._Element | None) -> str:
    return "" if el is None else "".join(str(t) for t in el.itertext())


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if _local(c.tag) == name), None)


def read_xliff(path: str | Path, src_lang: str | None = None,
               tgt_lang: str | None = None) -> Iterator[TranslationUnit]:
    """Stream units from an XLIFF file, clearing each unit after use (flat memory)."""
    path = str(path)
    source: object = path
    file_src, file_tgt = src_lang, tgt_lang
    index = 0
    try:
        if path.endswith(".gz"):
            import gzip

            source = gzip.open(path, "rb")  # noqa: SIM115  (closed below)
        context = etree.iterparse(source, events=("start", "end"), **safe_parser_kwargs())
        root_seen = False
        for event, el in context:
            name = _local(el.tag)
            if event == "start":
                if not root_seen:
                    root_seen = True
                    if name != "xliff":
                        raise InputError(path, f"not an XLIFF file: the root element is <{name}>")
                    file_src = src_lang or el.get("srcLang") or file_src
                    file_tgt = tgt_lang or el.get("trgLang") or file_tgt
                elif name == "file":
                    file_src = src_lang or el.get("source-language") or file_src
                    file_tgt = tgt_lang or el.get("target-language") or file_tgt
                continue
            if name == "trans-unit":
                pairs = [(el.get("id") or "", _child(el, "source"), _child(el, "target"))]
            elif name == "unit":
                segs = [c for c in el if _local(c.tag) == "segment"]
                uid = el.get("id") or ""
                pairs = [(f"{uid}.{i + 1}" if len(segs) > 1 else uid, _child(s, "source"), _child(s, "target"))
                         for i, s in enumerate(segs)]
            else:
                continue
            for uid, s, t in pairs:
                index += 1
                if s is None or t is None:
                    continue
                yield TranslationUnit(src=_text(s), tgt=_text(t), src_lang=file_src or "und",
                                      tgt_lang=file_tgt or "und", id=uid or str(index))
            el.clear(keep_tail=False)
            while el.getprevious() is not None:
                del el.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise xml_input_error(path, exc) from None
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    finally:
        if source is not path:
            source.close()  # type: ignore[attr-defined]
