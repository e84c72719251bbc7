#!/usr/bin/python3
"""Writes packages/core/src/metrics/fixtures/ot-w1.json: seeded point sets and their exact W1
from Python Optimal Transport (ot.emd2, Euclidean cost, uniform weights), the reference that
exactW1's spec compares against. Run with Debian's python3 (apt-get install python3-pot):
    /usr/bin/python3 scripts/ot-w1-fixture.py
"""
import json
import os

import numpy as np
import ot

CASES = [
    # name, seed, n, m, dim
    ("2d-n8", 1, 8, 8, 2),
    ("2d-n64", 2, 64, 64, 2),
    ("2d-n256", 3, 256, 256, 2),
    ("5d-n64", 4, 64, 64, 5),
    ("10d-n256", 5, 256, 256, 10),
    ("3d-n6-m9-unequal", 6, 6, 9, 3),
    ("2d-n64-m48-unequal", 7, 64, 48, 2),
]


def main():
    out = []
    for name, seed, n, m, dim in CASES:
        rng = np.random.default_rng(seed)
        a = rng.normal(size=(n, dim))
        # A shifted, stretched second set so the distance is not tiny.
        b = 1.5 * rng.normal(size=(m, dim)) + 0.5
        cost = ot.dist(a, b, metric="euclidean")
        w1 = float(ot.emd2(np.full(n, 1.0 / n), np.full(m, 1.0 / m), cost, numItermax=10_000_000))
        out.append({"name": name, "a": a.tolist(), "b": b.tolist(), "w1": w1})
    path = os.path.join(os.path.dirname(__file__), "..", "packages", "core", "src", "metrics", "fixtures", "ot-w1.json")
    with open(path, "w") as f:
        json.dump({"generator": "scripts/ot-w1-fixture.py", "pot": ot.__version__, "cases": out}, f)
        f.write("\n")
    for case in out:
        print(case["name"], repr(case["w1"]))


if __name__ == "__main__":
    main()
