"""TMX 1.4 reading (streaming ``iterparse``) and writing (one ``<tu>`` at a time).

What CAT tools (OmegaT, Trados, memoQ) need: the seven required header attributes,
a real ``srclang`` with hyphenated codes, UTF-8 without BOM, source ``<tuv>`` first,
unique ``tuid``, plain text in ``<seg>``, ``x-`` prefixed ``<prop>`` types.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import IO, Iterable, Iterator, Mapping

from lxml import etree

from corpus_tools import __version__
from corpus_tools.errors import InputError
from corpus_tools.io.xmlsafe import safe_parser_kwargs, strip_xml_illegal
from corpus_tools.model import Flag, Origin, Severity, TranslationUnit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx_lang(code: str) -> str:
    """``en_US`` -> ``en-US``; ``EN`` -> ``en``: the form CAT tools match on."""
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
        when = (_dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch and epoch.isdigit()
                else _dt.datetime.now(_dt.timezone.utc))
    return when.astimezone(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _prop(parent: etree._Element, ptype: str, value: str) -> None:
    el = etree.SubElement(parent, "prop", type=ptype)
    el.text = strip_xml_illegal(value)[0]


def unit_to_element(unit: TranslationUnit, tuid: str, src_lang: str, tgt_lang: str) -> etree._Element:
    """Build one ``<tu>``: notes and props first, then source and target ``<tuv>``."""
    tu = etree.Element("tu", tuid=tuid)
    if "reviewed" in unit.props:
        tu.set("changedate", unit.props.get("changedate") or tmx_date())
    note = unit.note
    if note is None and unit.flags:
        note = "; ".join(dict.fromkeys(f"{f.code}: {f.message}" for f in unit.flags))
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


def write_tmx(units: Iterable[TranslationUnit], out: IO[bytes], *, src_lang: str, tgt_lang: str,
              header_props: Mapping[str, str] | None = None, segtype: str = "sentence") -> int:
    """Stream ``units`` as TMX 1.4 into a binary file object; return the unit count."""
    n = 0
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        xf.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        with xf.element("tmx", version="1.4"):
            header = etree.Element("header", {
                "creationtool": "corpus-tools", "creationtoolversion": __version__,
                "segtype": segtype, "o-tmf": "corpus-tools", "adminlang": "en",
                "srclang": tmx_lang(src_lang), "datatype": "plaintext", "creationdate": tmx_date(),
            })
            for key, value in (header_props or {}).items():
                _prop(header, key if key.startswith("x-") else f"x-{key}", str(value))
            xf.write(header, pretty_print=True)
            with xf.element("body"):
                seen: set[str] = set()
                for unit in units:
                    tuid = unit.id or str(n + 1)
                    if tuid in seen:
                        tuid = f"{tuid}#{n + 1}"
                    seen.add(tuid)
                    xf.write(unit_to_element(unit, tuid, src_lang, tgt_lang), pretty_print=True)
                    n += 1
    out.write(b"\n")
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
        source: object = path
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
            yield _unit_from_props(src[1], tgt[1], src_lang or src[0], tgt_lang or tgt[0], tuid, props,
                                   notes[0] if notes else None)
    except etree.XMLSyntaxError as exc:
        line, col = (exc.position if exc.position else (None, None))
        raise InputError(path, f"malformed XML: {exc.msg}", line=line, column=col) from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    finally:
        if source is not path:
            source.close()  # type: ignore[attr-defined]


def _unit_from_props(src: str, tgt: str, src_lang: str, tgt_lang: str, tuid: str,
                     props: dict[str, str], note: str | None) -> TranslationUnit:
    score = props.pop("x-score", None)
    origin = props.pop("x-origin", Origin.HUMAN.value)
    model = props.pop("x-model", None)
    doc = props.pop("x-doc", None)
    codes = [c for c in props.pop("x-flags", "").split(",") if c]
    extra = {k[2:] if k.startswith("x-") else k: v for k, v in props.items()}
    return TranslationUnit(
        src=src, tgt=tgt, src_lang=src_lang, tgt_lang=tgt_lang, id=tuid,
        score=float(score) if score not in (None, "") else None,
        origin=Origin(origin) if origin in (o.value for o in Origin) else Origin.HUMAN,
        model=model, doc=doc,
        flags=tuple(Flag(code=c, category="", severity=Severity.INFO, message="") for c in codes),
        note=note, props=extra,
    )
