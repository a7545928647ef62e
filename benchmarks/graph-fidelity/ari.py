#!/usr/bin/python3
"""ARI between two labels.csv files (face_id,label) written by `faceeval run --out`, with scikit-learn."""
import csv
import sys

from sklearn.metrics import adjusted_rand_score


def read(path):
    with open(path, newline="") as f:
        return {row["face_id"]: int(row["label"]) for row in csv.DictReader(f)}


a, b = read(sys.argv[1]), read(sys.argv[2])
assert a.keys() == b.keys(), "the two runs labelled different faces"
ids = sorted(a)
# Every unassigned face (-1) is its own singleton, so noise agreeing as "noise" is not a shared cluster.
def labels(d):
    return [d[i] if d[i] >= 0 else -1 - n for n, i in enumerate(ids)]
print(f"{adjusted_rand_score(labels(a), labels(b)):.4f}")
