"""The review page in headless Chromium: every unit and flag shown, the chart drawn, the review loop closed."""

from __future__ import annotations

import json
import struct
import time
import zlib
from collections import Counter
from pathlib import Path

import pytest

from corpus_tools.io import read_units
from corpus_tools.report import apply_decisions, write_report
from corpus_tools.report._cdp import CHROMIUM, Browser, screenshot_cli

from tests import test_report_fixture as rf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]


def png_pixels(path: Path) -> Counter[tuple[int, int, int]]:
    """Colour counts of an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * bpp
    prev, counts, i = bytearray(stride), Counter(), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        counts.update(tuple(line[x:x + 3]) for x in range(0, stride, bpp))
        prev = line
    return counts


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = rf.make_outdir(tmp_path_factory.mktemp("out"))
    write_report(d)
    return d


@pytest.fixture(scope="module")
def browser():
    with Browser(height=1000) as b:
        yield b


def walk_pages(b: Browser, js: str) -> list:
    """Run ``js`` (an expression returning a list) on every page of the unit list; concatenate."""
    out: list = []
    while True:
        out.extend(b.eval(js))
        if b.eval("document.getElementById('next').disabled"):
            return out
        b.click("#next")


def test_every_unit_of_the_tmx_has_an_element(outdir: Path, browser: Browser) -> None:
    browser.open(outdir / "report.html")
    assert browser.eval("document.documentElement.getAttribute('data-error')") is None
    # Small pages, so the walk crosses pages as a reviewer would.
    browser.eval("var s=document.getElementById('f-size'); s.value='100'; s.dispatchEvent(new Event('change'))")
    ids = walk_pages(browser, "[...document.querySelectorAll('article[data-unit-id]')].map(e => e.dataset.unitId)")
    tmx_ids = [u.id for u in read_units(outdir / "corpus.tmx")]
    assert ids == tmx_ids
    jsonl_ids = [json.loads(line)["id"] for line in (outdir / "corpus.jsonl").read_text().splitlines()]
    assert ids == jsonl_ids


def test_every_flag_is_shown_and_highlighted(outdir: Path, browser: Browser) -> None:
    browser.open(outdir / "report.html")
    browser.click("#cleaning > summary")
    assert browser.wait_for("!!document.querySelector('#cleaning tr[data-flag-index]')")
    shown = browser.eval("[...document.querySelectorAll('[data-flag-index]')]"
                         ".map(e => [+e.dataset.flagIndex, e.dataset.flagCode])")
    flags = [json.loads(line) for line in (outdir / "flags.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(shown) == [[i, f["code"]] for i, f in enumerate(flags)]
    # A flag with offsets is highlighted over exactly its text (code points, even after an emoji).
    marks = browser.eval("[...document.querySelectorAll('mark[data-flags]')].map(m => "
                         "[m.closest('article').dataset.unitId, m.parentElement.classList.contains('src') ? 'src' : 'tgt',"
                         " m.dataset.flags, m.textContent])")
    units = {u[0]: u for u in rf.UNITS}
    for i, f in enumerate(flags):
        if f.get("unit_id") in units and f.get("side"):
            text = units[f["unit_id"]][1 if f["side"] == "src" else 2]
            got = "".join(t for uid, side, ks, t in marks
                          if uid == f["unit_id"] and side == f["side"] and str(i) in ks.split())
            assert got == text[f["start"]:f["end"]], f["code"]
    # Cleaning flags are listed with their original span and replacement.
    rows = browser.eval("[...document.querySelectorAll('#cleaning tr[data-flag-code]')].map(r => r.dataset.flagCode)")
    assert {"CL001", "CL002", "DOC01", "ORPH1"} <= set(rows)


def test_untrusted_text_is_not_markup(outdir: Path, browser: Browser) -> None:
    browser.open(outdir / "report.html")
    browser.click("#cleaning > summary")
    # the section fills in on its toggle event and pushes '#rejects' down: wait for it before the
    # next click, or that click can land where '#rejects' was (seen once in CI under load)
    assert browser.wait_for("!!document.querySelector('#cleaning tr[data-flag-index]')")
    browser.click("#rejects > summary")
    assert browser.wait_for("!!document.querySelector('#rejects tbody tr')")
    assert browser.eval("window.__pwned === undefined")
    assert browser.eval("document.querySelectorAll('#units img, #units script, #units .src b, #units .tgt b, #rejects i').length") == 0
    src = browser.eval("document.querySelector('article[data-unit-id=u4] .src').textContent")
    assert src == rf.UNITS[3][1]
    assert browser.eval("document.querySelector('[data-flag-code=\"XSS\\\\\"\\'<\"]') !== null")


def test_screenshot_shows_the_summary_chart(outdir: Path, tmp_path: Path) -> None:
    png = screenshot_cli(outdir / "report.html", tmp_path / "report.png", width=1280, height=900)
    colours = png_pixels(png)
    assert len(colours) > 50, "the page looks blank"
    # The fixture's scores fall in red (0.1), orange (0.3), green (0.8, 0.9) and no-score (grey) bars.
    for name, rgb in {"red": (0xD9, 0x2D, 0x20), "orange": (0xEF, 0x68, 0x20),
                      "green": (0x09, 0x92, 0x50), "grey": (0x98, 0xA2, 0xB3)}.items():
        assert colours[rgb] > 100, f"no {name} bar in the chart"


def test_reject_edit_export_apply(outdir: Path, tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with Browser(height=1000) as b:
        b.allow_downloads(downloads)
        b.open(outdir / "report.html")
        b.click("article[data-unit-id=u3] button[data-act=reject]")
        b.click("article[data-unit-id=u2] button[data-act=edit]")
        b.eval("document.querySelector('article[data-unit-id=u2] textarea').select()")
        b.send("Input.insertText", {"text": "Les dirigeants ont parlé du climat & du commerce."})
        b.click("article[data-unit-id=u2] button[data-ed=save]")
        # Keyboard: j moves to u3, then u4, a accepts it.
        b.click("article[data-unit-id=u3] .meta")
        b.key("j")
        b.key("a")
        assert b.eval("document.querySelector('article[data-unit-id=u4]').classList.contains('d-accept')")
        b.click("#export")
        exported = b.eval("document.getElementById('decisions-jsonl').value")
        deadline = time.monotonic() + 10
        while not (downloads / "decisions.jsonl").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    downloaded = (downloads / "decisions.jsonl").read_text(encoding="utf-8")
    assert downloaded == exported
    lines = [json.loads(x) for x in downloaded.splitlines()]
    assert lines == [
        {"id": "u2", "decision": "accept", "target": "Les dirigeants ont parlé du climat & du commerce."},
        {"id": "u3", "decision": "reject"},
        {"id": "u4", "decision": "accept"},
    ]
    final = tmp_path / "final"
    counts = apply_decisions(outdir, downloads / "decisions.jsonl", final)
    assert counts == {"accepted": 1, "rejected": 1, "edited": 1, "unchanged": 3}
    tmx = {u.id: u for u in read_units(final / "corpus.tmx")}
    assert "u3" not in tmx and len(tmx) == 5
    assert tmx["u2"].tgt == "Les dirigeants ont parlé du climat & du commerce."
    assert tmx["u2"].props["reviewed"] == "edited" and tmx["u4"].props["reviewed"] == "accepted"


def test_walking_the_pages_reaches_every_unit(tmp_path: Path, browser: Browser) -> None:
    d = tmp_path / "many"
    d.mkdir()
    with open(d / "corpus.jsonl", "w", encoding="utf-8") as f:
        for i in range(250):
            f.write(json.dumps({"id": f"n{i}", "translation": {"en": f"Sentence {i}.", "fr": f"Phrase {i}."},
                                "score": (i % 10) / 10}) + "\n")
    write_report(d)
    browser.open(d / "report.html")
    browser.eval("var s=document.getElementById('f-size'); s.value='100'; s.dispatchEvent(new Event('change'))")
    assert browser.eval("document.querySelectorAll('article[data-unit-id]').length") == 100
    ids = walk_pages(browser, "[...document.querySelectorAll('article[data-unit-id]')].map(e => e.dataset.unitId)")
    assert ids == [f"n{i}" for i in range(250)]
    # The confidence filter (from the chart) narrows the list: scores 0.9 are every tenth unit.
    browser.click(".chart g.b9 rect.hit")
    shown = browser.eval("[...document.querySelectorAll('article[data-unit-id]')].map(e => e.dataset.unitId)")
    assert shown == [f"n{i}" for i in range(9, 250, 10)]
