"""Write the sample corpus and its ground truth.

    python corpus_samples/generate.py [--out DIR]

Each generator module renders its documents from data structures and returns the ground-truth
entries built from the same structures, so the expected metadata is never typed twice.
Output is deterministic (fixed seeds, reportlab's invariant mode): regenerating gives the same
files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import broken_files  # noqa: E402
import legacy_reports  # noqa: E402
import patents  # noqa: E402
import reports  # noqa: E402
import scanned_extra  # noqa: E402


def generate(out: Path) -> list[dict]:
    entries = []
    for module in (reports, patents, broken_files, legacy_reports, scanned_extra):
        entries.extend(module.build(out))
    entries.sort(key=lambda entry: entry["path"])
    (out / "ground_truth.json").write_text(
        json.dumps({"documents": entries}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    entries = generate(args.out)
    print(f"Wrote {len(entries)} documents and ground_truth.json to {args.out}")


if __name__ == "__main__":
    main()
