#!/usr/bin/env python3
"""Writes src/map/world.tsv, the world map compiled into the portal: one line a country,
`CODE<TAB>path<TAB>marker`: its ISO 3166-1 alpha-2 code, its outline as SVG path data in the
Equal Earth projection on a 1000-unit-wide plane, and for a country too small to see there
(under 4 units across) the point `x y` where the map draws a marker instead.

Source: Natural Earth 1:50m admin-0 countries (public domain), as TopoJSON in the npm package
world-atlas 2.0.2 (ISC); numeric to alpha-2 codes from i18n-iso-countries (MIT).

    cd /tmp && npm pack world-atlas@2.0.2 i18n-iso-countries@7.14.0
    for f in *.tgz; do tar xzf "$f" --one-top-level="${f%.tgz}"; done
    python3 docs/world-map/generate.py /tmp/world-atlas-2.0.2/package/countries-50m.json \
        /tmp/i18n-iso-countries-7.14.0/package/codes.json > src/map/world.tsv
"""
import json
import math
import sys

WIDTH = 1000.0
# Below this width or height a country gets a marker.
SMALL = 4.0
# Douglas-Peucker tolerance in map units: outlines stay recognisable at the page's size.
TOLERANCE = 0.8
# Features without a numeric code, by name: Kosovo has its own code, the others are drawn
# with the country the ISO standard counts them in.
BY_NAME = {"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX, _ = equal_earth(180, 0)
_, Y_MAX = equal_earth(0, 90)
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = 2 * Y_MAX * SCALE


def to_plane(lon, lat):
    x, y = equal_earth(lon, lat)
    return (x + X_MAX) * SCALE, (Y_MAX - y) * SCALE


def simplify(points, tolerance):
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    farthest, index = 0.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        if length == 0:
            distance = math.hypot(px - ax, py - ay)
        else:
            distance = abs(dy * px - dx * py + bx * ay - by * ax) / length
        if distance > farthest:
            farthest, index = distance, i
    if farthest <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def main(topology_path, codes_path):
    topology = json.load(open(topology_path))
    numeric = {row[2]: row[0] for row in json.load(open(codes_path))}
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for qx, qy in arc:
            x, y = x + qx, y + qy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices):
        points = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        # A ring across the antimeridian (Chukotka, Fiji) is kept whole on the side where most
        # of it lies; the part beyond the edge falls outside the map.
        # Antarctica goes round the whole globe and stays as it is.
        if any(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:])):
            east = sum(1 for lon, _ in points if lon > 0) * 2 > len(points)
            moved = [(lon + 360 if east and lon < 0 else lon - 360 if not east and lon > 0 else lon, lat)
                     for lon, lat in points]
            if max(lon for lon, _ in moved) - min(lon for lon, _ in moved) < 350:
                points = moved
        return [to_plane(lon, lat) for lon, lat in points]

    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = numeric.get(geometry.get("id")) or BY_NAME.get(geometry["properties"]["name"])
        if code is None or geometry["type"] is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            shapes.setdefault(code, []).extend(ring(indices) for indices in polygon)

    for code in sorted(shapes):
        rings = shapes[code]
        everything = [point for points in rings for point in points]
        xs, ys = [p[0] for p in everything], [p[1] for p in everything]
        path = []
        for points in rings:
            kept = simplify(points, TOLERANCE)
            if len(kept) < 4:
                continue
            path.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in kept[:-1]) + "Z")
        marker = ""
        # Islands spread over an ocean can vanish one by one: the largest gets the marker.
        if not path or (max(xs) - min(xs) < SMALL and max(ys) - min(ys) < SMALL):
            largest = max(rings, key=len)
            x = sum(p[0] for p in largest) / len(largest)
            y = sum(p[1] for p in largest) / len(largest)
            marker = f"{x:.1f} {y:.1f}"
        print(f"{code}\t{''.join(path)}\t{marker}")
    print(f"# {WIDTH:.0f} x {HEIGHT:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
