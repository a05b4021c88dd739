"""Write the independent test set: HTML pages printed to PDF by headless Chromium.

    python corpus_samples/independent/generate.py [--out DIR] [--keep-html DIR]

A second set of documents made by other means than ``corpus_samples/generate.py`` (reportlab):
another PDF producer (Chromium/Skia), other fonts (Liberation, DejaVu), other layouts (label
tables, values under their labels, boxed titles, CSS columns, running headers) and real-world
quirks (label variants, typos, names in capitals). Its accuracy is reported separately
(``tests/test_independent_corpus.py``) so that rules tuned to one generator's layout show up.

``ground_truth.json`` has the same shape as the main one; articles and theses are
``research_document`` with kind ``research_result``, and patents also list their WIPO
technology fields. Chromium stamps a creation date into each PDF, so files are not
byte-identical from one run to the next; their text is.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import doc_articles  # noqa: E402
import doc_holdout  # noqa: E402
import doc_patents  # noqa: E402
import doc_reports  # noqa: E402
from html_kit import print_pdf  # noqa: E402

FOLDERS = {
    doc_reports: "reports",
    doc_patents: "patents",
    doc_articles: "articles",
    doc_holdout: "held_out",
}


def generate(out: Path, html_dir: Path | None = None) -> list[dict]:
    entries = []
    with tempfile.TemporaryDirectory(prefix="independent-html-") as scratch:
        workdir = html_dir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        for module, folder in FOLDERS.items():
            (out / folder).mkdir(parents=True, exist_ok=True)
            for name, html, expected in module.build():
                print_pdf(html, out / folder / name, workdir)
                entries.append({"path": f"{folder}/{name}", "expected": expected})
    entries.sort(key=lambda entry: entry["path"])
    (out / "ground_truth.json").write_text(
        json.dumps({"documents": entries}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--keep-html", type=Path, default=None, help="also keep the HTML here")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    entries = generate(args.out, args.keep_html)
    print(f"Wrote {len(entries)} documents and ground_truth.json to {args.out}")


if __name__ == "__main__":
    main()
