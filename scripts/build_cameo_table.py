"""Build src/redline/data/cameo.tsv from the public reference tables.

Run once when the reference tables change:
    python scripts/build_cameo_table.py ../shared/reference
It keeps facts only (codes, short names, Goldstein values, QuadClass, PLOVER type, mode and
contexts) and normalises the PLOVER draft-0.8 table to PLOVER 2.0 names.
"""
import csv
import re
import sys
from pathlib import Path

MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"},
}
CONTEXTS = set("""military intelligence executive legislative election political_institutions
pro_democracy pro_autocracy economic legal reparations human_rights rights_freedoms repression
human_security gender lgbt religion_ethnicity inequality diplomatic territory peacekeeping health
asylum migration disasters natural_resource environment technology terrorism cbrn cyber
misinformation crime corruption illegal_drugs trafficking""".split())
RENAME_TYPE = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
RENAME_CONTEXT = {"democracy": "pro_democracy", "humanitarian": "human_security",
                  "political": "political_institutions"}
# Modes the draft table gives under another name, or leaves out where the code itself says it.
MODE_FIXES = {"1712": "destroy", "175": "crowd-control", "183": "explosives", "1831": "suicide-attack",
              "1832": "explosives", "1833": "explosives", "195": "aerial", "1951": "aerial",
              "1952": "drone", "194": "heavy-weapons", "181": "abduct", "1822": "torture",
              "1821": "sexual", "186": "targeted", "185": "targeted", "200": "unconventional",
              "201": "unconventional", "202": "unconventional", "203": "unconventional",
              "204": "unconventional", "2041": "unconventional", "2042": "unconventional"}


def quad_class(root: int) -> int:
    return 1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4


def main(ref: Path, out: Path) -> None:
    goldstein = {}
    for row in csv.DictReader(open(ref / "gdelt-goldstein.tsv", encoding="utf-8"), delimiter="\t"):
        goldstein[row["CAMEOEVENTCODE"].strip()] = float(row["GOLDSTEINSCALE"])
    plover = {}
    for line in open(ref / "cameo-to-plover.txt", encoding="utf-8"):
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if not m:
            continue
        code, ptype, mode, ctx = m.group(1), m.group(2), m.group(3).strip(), m.group(4)
        ptype = RENAME_TYPE.get(ptype, ptype)
        mode = MODE_FIXES.get(code, mode)
        if mode not in MODES.get(ptype, set()):
            mode = ""
        contexts = []
        for c in re.split(r"[;\s]+", ctx.strip()):
            c = RENAME_CONTEXT.get(c, c)
            if c in CONTEXTS and c not in contexts:
                contexts.append(c)
        plover[code] = (ptype, mode, ",".join(contexts))
    rows = []
    for row in csv.DictReader(open(ref / "cameo-codebook.tsv", encoding="utf-8"), delimiter="\t"):
        code = row["code"].strip()
        if len(code) < 3:
            continue
        root = code[:2]
        ptype, mode, ctx = plover.get(code, ("", "", ""))
        if root in ("01", "02"):
            ptype, mode = "", ""
        rows.append([code, root, row["name"].strip(), goldstein.get(code, goldstein.get(code[:3], 0.0)),
                     quad_class(int(root)), ptype, mode, ctx])
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "root", "label", "goldstein", "quad_class", "plover", "plover_mode", "plover_contexts"])
        w.writerows(rows)
    print(f"wrote {len(rows)} codes to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"),
         Path(__file__).resolve().parent.parent / "src/redline/data/cameo.tsv")
