import json, sys
import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import clean
tax = {c["code"] for c in json.load(open("/work/shared/eval/flags/taxonomy.json"))["codes"]}
seedg = json.loads(open("/work/shared/eval/flags/seed_gold.jsonl").readline())
seedt = json.loads(open("/work/shared/eval/flags/seed_traps.jsonl").readline())
cats = {"boilerplate","duplicate_line","credit_line","typography","calque_or_false_friend","literal_idiom","inconsistent_style","garbled_sentence","other"}
ok = True
for d in ["doc10", "doc11", "doc12"]:
    raw = open(f"{d}.txt", "rb").read().decode("utf-8"); t = raw
    G = [json.loads(l) for l in open(f"{d}_gold.jsonl", encoding="utf-8")]
    TR = [json.loads(l) for l in open(f"{d}_traps.jsonl", encoding="utf-8")]
    errs = []
    lines = t.split("\n")
    if [g["start"] for g in G] != sorted(g["start"] for g in G): errs.append("not sorted")
    for g in G:
        if list(g) != list(seedg): errs.append(("keys", g["id"]))
        if t[g["start"]:g["end"]] != g["span"]: errs.append(("span", g["id"]))
        idx = [i for i in range(len(t)) if t.startswith(g["span"], i)]
        if idx[g["occurrence"] - 1] != g["start"]: errs.append(("occ", g["id"]))
        if t.count("\n", 0, g["start"]) + 1 != g["line"]: errs.append(("line", g["id"]))
        if g["code"] not in tax: errs.append(("code", g["id"]))
        if g["category"] not in cats: errs.append(("cat", g["id"]))
        if g["action"] == "delete_line" and lines[g["line"]-1] != g["span"]: errs.append(("dl", g["id"]))
        if g["safe_autofix"] != (g["action"] != "flag_only"): errs.append(("safe/action", g["id"]))
    for a, b in zip(G, G[1:]):
        if b["start"] < a["end"]: errs.append(("overlap", a["id"], b["id"]))
    for tr in TR:
        if list(tr) != list(seedt): errs.append(("tkeys", tr["id"]))
        if t[tr["start"]:tr["end"]] != tr["span"]: errs.append(("tspan", tr["id"]))
        for g in G:
            if tr["start"] < g["end"] and g["start"] < tr["end"]: errs.append(("trap-overlap", tr["id"], g["id"]))
    if clean(t, G) != open(f"{d}_clean_expected.txt", encoding="utf-8").read(): errs.append("clean mismatch")
    print(d, "OK" if not errs else errs); ok &= not errs
print("ALL OK" if ok else "FAIL")
