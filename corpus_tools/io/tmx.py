"""TMX 1.4 reading (streaming ``iterparse``) and writing (one ``<tu>`` at a time).

What CAT tools (OmegaT, Trados, memoQ) need: the seven required header attributes,
a real ``srclang`` with hyphenated codes, UTF-8 without BOM, source ``<tuv>`` first,
unique ``tuid``, plain text in ``<seg>``, ``x-`` prefixed ``<prop>`` types.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from lxml import etree

from corpus_tools import __version__
from corpus_tools.errors import ConfigError, InputError
from corpus_tools.io.xmlsafe import (
    XML_ILLEGAL,
    safe_parser_kwargs,
    strip_xml_illegal,
    xml_input_error,
)
from corpus_tools.model import Flag, Origin, Severity, TranslationUnit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


_LANG_CODE = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*")


def tmx_lang(code: str) -> str:
    """``en_US`` -> ``en-US``; ``EN`` -> ``en``: the form CAT tools match on."""
    if not _LANG_CODE.fullmatch(code):
        raise ConfigError(f"{code!r} is not a language code (like en, fr-CA, zh-Hant); "
                          "give --src-lang/--tgt-lang")
    parts = code.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        out.append(p.upper() if len(p) == 2 else (p.title() if len(p) == 4 else p))
    return "-".join(out)


def same_lang(a: str, b: str) -> bool:
    """Primary language subtags equal, case-insensitively (``en-US`` ~ ``en``)."""
    return a.replace("_", "-").split("-")[0].lower() == b.replace("_", "-").split("-")[0].lower()


def tmx_date(when: _dt.datetime | None = None) -> str:
    """``YYYYMMDDThhmmssZ`` in UTC; honours ``SOURCE_DATE_EPOCH`` for reproducible output."""
    if when is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        when = (_dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch and epoch.isdigit()
                else _dt.datetime.now(_dt.UTC))
    return when.astimezone(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _prop(parent: etree._Element, ptype: str, value: str) -> None:
    el = etree.SubElement(parent, "prop", type=strip_xml_illegal(ptype)[0])
    el.text = strip_xml_illegal(value)[0]


def unit_to_element(unit: TranslationUnit, tuid: str, src_lang: str, tgt_lang: str) -> etree._Element:
    """Build one ``<tu>``: notes and props first, then source and target ``<tuv>``."""
    tu = etree.Element("tu", tuid=strip_xml_illegal(tuid)[0])
    if "reviewed" in unit.props:
        tu.set("changedate", strip_xml_illegal(unit.props.get("changedate") or tmx_date())[0])
    note = unit.note
    if note is None and unit.flags:
        note = "; ".join(dict.fromkeys(f"{f.code}: {f.message}" if f.message else f.code for f in unit.flags))
    if note:
        etree.SubElement(tu, "note").text = strip_xml_illegal(note)[0]
    if unit.score is not None:
        _prop(tu, "x-score", f"{unit.score:.4f}")
    _prop(tu, "x-origin", unit.origin.value)
    if unit.model:
        _prop(tu, "x-model", unit.model)
    if unit.doc:
        _prop(tu, "x-doc", unit.doc)
    if unit.flags:
        _prop(tu, "x-flags", ",".join(unit.flag_codes))
    for key, value in unit.props.items():
        if key in ("changedate",):
            continue
        _prop(tu, key if key.startswith("x-") else f"x-{key}", str(value))
    for lang, text in ((src_lang, unit.src), (tgt_lang, unit.tgt)):
        tuv = etree.SubElement(tu, "tuv")
        tuv.set(XML_LANG, tmx_lang(lang))
        etree.SubElement(tuv, "seg").text = strip_xml_illegal(text)[0]
    return tu


# lxml's serialisation rules, applied by hand: building an element per unit costs ~30 us,
# these string operations ~3 us, and the bytes are the same (tests/test_scale_io.py checks).
def _esc_text(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


# Anything _clean_text would change: XML-illegal characters or characters to escape.
_SPECIAL = re.compile("[&<>\r" + XML_ILLEGAL.pattern[1:])


def _clean_text(text: str) -> str:
    if _SPECIAL.search(text) is None:
        return text
    if XML_ILLEGAL.search(text) is not None:
        text = XML_ILLEGAL.sub("", text)
    return _esc_text(text)


def _esc_attr(value: str) -> str:
    if XML_ILLEGAL.search(value) is not None:
        # Same as unit_to_element: ids and prop names from untrusted input lose XML-illegal characters.
        value = XML_ILLEGAL.sub("", value)
    value = _esc_text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    return value


def _prop_xml(ptype: str, value: str) -> str:
    return f'  <prop type="{_esc_attr(ptype)}">{_clean_text(value)}</prop>\n'


_ORIGIN_PROPS = {o: f'  <prop type="x-origin">{_esc_text(o.value)}</prop>\n' for o in Origin}


def unit_to_xml(unit: TranslationUnit, tuid: str, src_tag: str, tgt_tag: str) -> str:
    """The pretty-printed ``<tu>`` that ``unit_to_element`` would serialise to (tags already ``tmx_lang``)."""
    head = f'<tu tuid="{_esc_attr(tuid)}"'
    props = unit.props
    if "reviewed" in props:
        head += f' changedate="{_esc_attr(props.get("changedate") or tmx_date())}"'
    parts = [head, ">\n"]
    note = unit.note
    if note is None and unit.flags:
        note = "; ".join(dict.fromkeys(f"{f.code}: {f.message}" if f.message else f.code for f in unit.flags))
    if note:
        parts.append(f"  <note>{_clean_text(note)}</note>\n")
    if unit.score is not None:
        parts.append(f'  <prop type="x-score">{unit.score:.4f}</prop>\n')
    parts.append(_ORIGIN_PROPS[unit.origin])
    if unit.model:
        parts.append(_prop_xml("x-model", unit.model))
    if unit.doc:
        parts.append(_prop_xml("x-doc", unit.doc))
    if unit.flags:
        parts.append(_prop_xml("x-flags", ",".join(unit.flag_codes)))
    for key, value in props.items():
        if key == "changedate":
            continue
        parts.append(_prop_xml(key if key.startswith("x-") else f"x-{key}", str(value)))
    parts.append(f'  <tuv xml:lang="{src_tag}">\n    <seg>{_clean_text(unit.src)}</seg>\n  </tuv>\n'
                 f'  <tuv xml:lang="{tgt_tag}">\n    <seg>{_clean_text(unit.tgt)}</seg>\n  </tuv>\n</tu>\n')
    return "".join(parts)


_FLUSH_EVERY = 1000
_MAX_BIT_ID = 1 << 31


class _SeenIds:
    """Ids already written. Plain numbers (line numbers: the common case) cost one bit each, so
    memory stays flat over millions of units; other ids go into a set."""

    def __init__(self) -> None:
        self._bits = bytearray()
        self._other: set[str] = set()

    def add(self, tuid: str) -> bool:
        """Record ``tuid``; False if it was already there."""
        if len(tuid) < 10 and tuid.isdecimal() and tuid.isascii() and (tuid[0] != "0" or len(tuid) == 1):
            n = int(tuid)
            if n < _MAX_BIT_ID:
                byte = n >> 3
                bit = 1 << (n & 7)
                if byte >= len(self._bits):
                    self._bits.extend(bytes(max(byte + 1 - len(self._bits), len(self._bits))))
                if self._bits[byte] & bit:
                    return False
                self._bits[byte] |= bit
                return True
        if tuid in self._other:
            return False
        self._other.add(tuid)
        return True


def write_tmx(units: Iterable[TranslationUnit], out: IO[bytes], *, src_lang: str, tgt_lang: str,
              header_props: Mapping[str, str] | None = None, segtype: str = "sentence") -> int:
    """Stream ``units`` as TMX 1.4 into a binary file object, one ``<tu>`` at a time; return the count.

    The output is byte for byte what ``lxml.etree.xmlfile`` writes for ``unit_to_element`` trees.
    """
    header = etree.Element("header", {
        "creationtool": "corpus-tools", "creationtoolversion": __version__,
        "segtype": segtype, "o-tmf": "corpus-tools", "adminlang": "en",
        "srclang": tmx_lang(src_lang), "datatype": "plaintext", "creationdate": tmx_date(),
    })
    for key, value in (header_props or {}).items():
        _prop(header, key if key.startswith("x-") else f"x-{key}", str(value))
    out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">")
    out.write(etree.tostring(header, encoding="UTF-8", pretty_print=True))
    out.write(b"<body>")
    src_tag = _esc_attr(tmx_lang(src_lang))
    tgt_tag = _esc_attr(tmx_lang(tgt_lang))
    n = 0
    seen = _SeenIds()
    buf: list[str] = []
    for unit in units:
        tuid = unit.id or str(n + 1)
        if not seen.add(tuid):
            tuid = f"{tuid}#{n + 1}"
            seen.add(tuid)
        buf.append(unit_to_xml(unit, tuid, src_tag, tgt_tag))
        n += 1
        if len(buf) >= _FLUSH_EVERY:
            out.write("".join(buf).encode("utf-8"))
            buf.clear()
    if buf:
        out.write("".join(buf).encode("utf-8"))
    out.write(b"</body></tmx>\n")
    return n


def _seg_text(seg: etree._Element) -> str:
    # Inline markup (<bpt>, <ph>, <hi> ...) carries codes, not text: keep text and tails only.
    parts = [seg.text or ""]
    for child in seg:
        if child.tag in ("hi", "sub"):
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_tmx(path: str | Path, src_lang: str | None = None, tgt_lang: str | None = None) -> Iterator[TranslationUnit]:
    """Stream units from a TMX file, clearing each ``<tu>`` after use (flat memory)."""
    path = str(path)
    header_src: str | None = None
    source: object = path
    index = 0
    try:
        if path.endswith(".gz"):
            import gzip

            source = gzip.open(path, "rb")  # noqa: SIM115  (closed with the generator)
        context = etree.iterparse(source, events=("end",), tag=("header", "tu"), **safe_parser_kwargs())
        for _event, el in context:
            if el.tag == "header":
                header_src = el.get("srclang")
                continue
            index += 1
            tuvs = []
            for tuv in el.iterfind("tuv"):
                lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
                seg = tuv.find("seg")
                tuvs.append((lang, _seg_text(seg) if seg is not None else ""))
            props = {p.get("type", ""): (p.text or "") for p in el.iterfind("prop")}
            notes = [n.text or "" for n in el.iterfind("note")]
            tuid = el.get("tuid") or str(index)
            tu_src = el.get("srclang")
            el.clear(keep_tail=False)
            while el.getprevious() is not None:
                del el.getparent()[0]
            if len(tuvs) < 2:
                continue
            s_lang = src_lang or (tu_src if tu_src not in (None, "*all*") else None) or header_src
            src = next((t for t in tuvs if s_lang and same_lang(t[0], s_lang)), tuvs[0])
            if tgt_lang:
                tgt = next((t for t in tuvs if t is not src and same_lang(t[0], tgt_lang)), None)
                if tgt is None:
                    continue
            else:
                tgt = next(t for t in tuvs if t is not src)
            try:
                unit = _unit_from_props(src[1], tgt[1], src_lang or src[0], tgt_lang or tgt[0], tuid, props,
                                        notes[0] if notes else None)
            except ValueError as exc:
                raise InputError(path, str(exc), unit=index) from None
            yield unit
        root = getattr(context, "root", None)
        if root is not None and root.tag != "tmx":
            # An XLIFF, a namespaced or any other XML file: say so rather than return nothing.
            raise InputError(path, f"not a TMX file: the root element is <{root.tag}>, expected <tmx>")
    except etree.XMLSyntaxError as exc:
        raise xml_input_error(path, exc) from None
    except (OSError, EOFError, zlib.error) as exc:  # a corrupt .tmx.gz raises zlib.error or EOFError
        raise InputError(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    finally:
        if source is not path:
            source.close()  # type: ignore[attr-defined]


def _unit_from_props(src: str, tgt: str, src_lang: str, tgt_lang: str, tuid: str,
                     props: dict[str, str], note: str | None) -> TranslationUnit:
    score = props.pop("x-score", None)
    if score not in (None, ""):
        try:
            float(score)
        except ValueError:
            raise ValueError(f"x-score {score!r} is not a number") from None
    origin = props.pop("x-origin", Origin.HUMAN.value)
    model = props.pop("x-model", None)
    doc = props.pop("x-doc", None)
    codes = [c for c in props.pop("x-flags", "").split(",") if c]
    extra = {k.removeprefix("x-"): v for k, v in props.items()}
    return TranslationUnit(
        src=src, tgt=tgt, src_lang=src_lang, tgt_lang=tgt_lang, id=tuid,
        score=float(score) if score not in (None, "") else None,
        origin=Origin(origin) if origin in (o.value for o in Origin) else Origin.HUMAN,
        model=model, doc=doc,
        flags=tuple(Flag(code=c, category="", severity=Severity.INFO, message="") for c in codes),
        note=note, props=extra,
    )
