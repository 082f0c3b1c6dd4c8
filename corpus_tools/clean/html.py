"""Main-text extraction from HTML with a safe lxml parser (no network, no entities)."""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from corpus_tools.errors import InputError

if TYPE_CHECKING:
    from lxml.etree import _Element

# Elements whose text is page chrome or code, never article text.
_DROP = frozenset({"script", "style", "noscript", "template", "nav", "footer", "form", "aside", "header",
                   "iframe", "svg", "math", "button", "select", "textarea", "input", "label", "menu",
                   "dialog", "object", "embed", "canvas", "video", "audio", "head"})
# Elements extracted as one paragraph each (their innermost occurrence wins).
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "pre",
                     "dt", "dd", "caption", "td", "th", "address", "summary"})
_CAPTIONS = frozenset({"figcaption", "caption"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WS = re.compile(r"\s+")


def _decode(data: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def extract_html(html: str | bytes, source: str = "<html>") -> tuple[str, list[tuple[int, int]]]:
    """Return the main text (one block per paragraph, blank-line separated) and caption spans.

    The main text is taken from ``<article>`` or ``<main>`` when present, else ``<body>``.
    """
    from lxml import etree

    text = _decode(html) if isinstance(html, bytes) else html
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # an encoding declaration confuses lxml on str
    if not text.strip():
        return "", []
    # Safe settings: no network access, comments and processing instructions dropped; the HTML
    # parser never loads external entities or DTDs.
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True,
                              recover=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"cannot parse HTML: {exc}") from None
    if root is None:
        return "", []
    mains = [m for m in root.iter("article", "main") if isinstance(m, etree._Element)]
    mains += [m for m in root.iter() if m.get("role") == "main"]
    scope: _Element = next((m for m in mains if m.find(".//p") is not None), root)
    if scope is root:
        body = root.find("body")
        scope = body if body is not None else root
    blocks: list[tuple[str, bool]] = []
    _walk(scope, blocks, False)
    out: list[str] = []
    captions: list[tuple[int, int]] = []
    pos = 0
    for block, is_caption in blocks:
        if out:
            out.append("\n\n")
            pos += 2
        if is_caption:
            captions.append((pos, pos + len(block)))
        out.append(block)
        pos += len(block)
    return "".join(out) + ("\n" if out else ""), captions


def _walk(el: _Element, blocks: list[tuple[str, bool]], in_caption: bool) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in _DROP or not tag:
        return
    caption = in_caption or tag in _CAPTIONS
    if tag in _BLOCKS and not any(isinstance(d.tag, str) and d.tag.lower() in _BLOCKS for d in el.iterdescendants()):
        text = _block_text(el)
        if text:
            blocks.append((text, caption))
        return
    if tag == "div" and (el.text or "").strip() and el.find(".//p") is None:
        text = _block_text(el)
        if text:
            blocks.append((text, caption))
        return
    for child in el:
        _walk(child, blocks, caption)


def _block_text(el: _Element) -> str:
    """Text of one block: dropped elements skipped, <br> kept as a line break."""
    parts: list[str] = []

    def rec(node: _Element) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in _DROP:
            return
        if tag == "br":
            parts.append("\n")
        elif node.text and tag:
            parts.append(node.text)
        for child in node:
            rec(child)
            if child.tail:
                parts.append(child.tail)

    rec(el)
    lines = (_WS.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
