"""Write the dashboard map's outlines (src/redline/web/static/outlines.json) from Natural Earth.

The map draws coastlines and borders itself, from this file, because plotly's own base layers
are fetched from a CDN and the dashboard uses none. The source is Natural Earth's 1:110m Admin 0
countries (public domain), as TopoJSON in the `world-atlas` npm package:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz package/countries-110m.json
    python scripts/make_outlines.py package/countries-110m.json

In a topology each arc is drawn once, and knows how many country rings use it: an arc of one
ring is a coastline, an arc of two is a border between them. The output holds each kind as
flat [lon, lat, lon, lat, ...] lists, rounded to 0.01 degrees.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "redline" / "web" / "static" / "outlines.json"


def decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lon/lat points (undoing its quantisation and delta encoding)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def rings(geometry: dict) -> list[list[int]]:
    if geometry["type"] == "Polygon":
        return geometry["arcs"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("topojson", help="world-atlas countries-110m.json")
    a = ap.parse_args()
    topology = json.loads(Path(a.topojson).read_text())
    arcs = decoded_arcs(topology)
    uses = Counter(i if i >= 0 else ~i            # ~i: arc i walked backwards
                   for g in topology["objects"]["countries"]["geometries"] for ring in rings(g) for i in ring)
    out: dict[str, list[list[float]]] = {"coast": [], "borders": []}
    for i, points in enumerate(arcs):
        if i not in uses:
            continue
        flat = [round(v, 2) for point in points for v in point]
        out["coast" if uses[i] == 1 else "borders"].append(flat)
    OUT.write_text(json.dumps({"source": "Natural Earth 1:110m Admin 0 countries (public domain), "
                                         "via world-atlas 2.0.2; scripts/make_outlines.py", **out},
                              separators=(",", ":")))
    print(f"{OUT}: {len(out['coast'])} coastlines, {len(out['borders'])} borders, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
