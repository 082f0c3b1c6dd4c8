import json, os, re
NB = "\u00a0"; NN = "\u202f"
def T(s):
    return s.replace("{NB}", NB).replace("{NN}", NN)

DEF = {
 "BP001": ("boilerplate", None, "major", "delete_line", True, True),
 "BP001s": ("boilerplate", None, "major", "delete_span", True, True),
 "BP002": ("credit_line", None, "major", "delete_line", True, True),
 "BP003": ("other", "photo_caption", "info", "flag_only", False, False),
 "DU001": ("duplicate_line", None, "major", "delete_line", True, True),
 "TY001": ("typography", "space_before_punct", "minor", "replace", True, True),
 "TY002": ("typography", "doubled_punct", "minor", "replace", True, True),
 "TY006": ("typography", "french_spacing_or_guillemets", "minor", "replace", True, True),
 "TY008": ("typography", "french_number_format", "major", "replace", True, True),
 "TY008t": ("typography", "french_number_format", "minor", "flag_only", False, True),
 "ST001": ("inconsistent_style", "honorific_punctuation", "minor", "replace", True, True),
 "ST001u": ("inconsistent_style", "untranslated_honorific", "minor", "flag_only", False, True),
 "ST002": ("inconsistent_style", "spelling_variant", "minor", "flag_only", False, False),
 "MT001": ("calque_or_false_friend", None, "major", "flag_only", False, True),
 "MT002": ("literal_idiom", None, "major", "flag_only", False, True),
 "MT003": ("garbled_sentence", None, "major", "flag_only", False, True),
 "MT005": ("other", "preposition", "minor", "flag_only", False, False),
 "MT006": ("other", "structure", "minor", "flag_only", False, False),
 "MT007": ("other", "untranslated_fragment", "major", "flag_only", False, True),
 "MT008": ("calque_or_false_friend", None, "minor", "flag_only", False, False),
 "MT009": ("other", "repetition_loop", "critical", "flag_only", False, True),
}

def I(span, code, fix="", note="", must=None, ctx=None, occ=None, sub=None, sev=None):
    return dict(span=T(span), code=code, fix=T(fix), note=note, must=must, ctx=T(ctx) if ctx else None,
                occ=occ, sub=sub, sev=sev)

def locate(text, it):
    span = it["span"]
    if it["ctx"]:
        c = it["ctx"]
        assert text.count(c) == 1, ("ctx not unique", c, text.count(c))
        start = text.index(c) + c.index(span)
    else:
        n = it["occ"] or 1
        pos = -1
        for _ in range(n):
            pos = text.find(span, pos + 1)
            assert pos >= 0, ("span not found", span, n)
        start = pos
        if it["occ"] is None:
            assert text.count(span) == 1, ("span ambiguous, give occ/ctx", span, text.count(span))
    return start

def occurrence_of(text, span, start):
    k, pos = 0, -1
    while True:
        pos = text.find(span, pos + 1)
        assert pos >= 0
        k += 1
        if pos == start:
            return k

def build(doc, text, items, traps):
    gold = []
    for it in items:
        start = locate(text, it); end = start + len(it["span"])
        cat, sub, sev, action, safe, must = DEF[it["code"]]
        code = it["code"].rstrip("sut") if it["code"] not in ("BP001s", "TY008t", "ST001u") else it["code"][:-1]
        code = it["code"][:5]
        g = {"id": None, "doc": doc, "line": text.count("\n", 0, start) + 1, "start": start, "end": end,
             "span": it["span"], "occurrence": occurrence_of(text, it["span"], start),
             "category": cat, "subcategory": it["sub"] if it["sub"] is not None else sub, "code": code,
             "severity": it["sev"] or sev, "must_flag": must if it["must"] is None else it["must"],
             "safe_autofix": safe, "action": action, "fix": it["fix"], "note": it["note"]}
        gold.append(g)
    gold.sort(key=lambda g: g["start"])
    for i, g in enumerate(gold, 1):
        g["id"] = f"{doc}-{i:03d}"
    tr = []
    for i, (span, ctx, looks, why) in enumerate(traps, 1):
        it = I(span, "MT001", ctx=ctx)
        it["occ"] = None if ctx else 1
        if not ctx:
            assert text.count(it["span"]) >= 1
        start = locate(text, it) if ctx else text.index(it["span"])
        tr.append({"id": f"{doc}-T{i:02d}", "doc": doc, "start": start, "end": start + len(it["span"]),
                   "span": it["span"], "looks_like": looks, "why_not_an_artifact": why})
    tr.sort(key=lambda t: t["start"])
    for i, t in enumerate(tr, 1):
        t["id"] = f"{doc}-T{i:02d}"
    return gold, tr

def verify(text, gold, traps):
    errs = []
    lines = text.split("\n")
    for g in gold:
        if text[g["start"]:g["end"]] != g["span"]: errs.append(("span", g["id"]))
        # occurrence
        pos = -1
        for _ in range(g["occurrence"]): pos = text.find(g["span"], pos + 1)
        if pos != g["start"]: errs.append(("occ", g["id"]))
        if text.count("\n", 0, g["start"]) + 1 != g["line"]: errs.append(("line", g["id"]))
        if "\n" in g["span"]: errs.append(("multiline", g["id"]))
        if g["action"] == "delete_line":
            if lines[g["line"] - 1] != g["span"]: errs.append(("not whole line", g["id"]))
        if g["safe_autofix"] and g["action"] == "flag_only": errs.append(("safe flag", g["id"]))
    s = sorted(gold, key=lambda g: g["start"])
    for a, b in zip(s, s[1:]):
        if b["start"] < a["end"]: errs.append(("overlap", a["id"], b["id"]))
    for t in traps:
        if text[t["start"]:t["end"]] != t["span"]: errs.append(("trapspan", t["id"]))
        for g in gold:
            if t["start"] < g["end"] and g["start"] < t["end"]: errs.append(("trap overlaps gold", t["id"], g["id"]))
    return errs

def clean(text, gold):
    out = text
    for g in sorted([g for g in gold if g["safe_autofix"]], key=lambda g: -g["start"]):
        rep = g["fix"] if g["action"] == "replace" else ""
        out = out[:g["start"]] + rep + out[g["end"]:]
    ls = [l.strip() for l in out.split("\n")]
    ls = [l for l in ls if l]
    return "\n\n".join(ls) + "\n"

def write(doc, text, gold, traps, outdir=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))):
    open(f"{outdir}/{doc}.txt", "w", encoding="utf-8").write(text)
    with open(f"{outdir}/{doc}_gold.jsonl", "w", encoding="utf-8") as f:
        for g in gold: f.write(json.dumps(g, ensure_ascii=False) + "\n")
    with open(f"{outdir}/{doc}_traps.jsonl", "w", encoding="utf-8") as f:
        for t in traps: f.write(json.dumps(t, ensure_ascii=False) + "\n")
    open(f"{outdir}/{doc}_clean_expected.txt", "w", encoding="utf-8").write(clean(text, gold))
