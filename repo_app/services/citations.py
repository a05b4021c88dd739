"""A record cited: BibTeX and RIS files, and what scholarly indexers read in the record page
(schema.org JSON-LD, Highwire ``citation_*`` meta tags). Every function takes the record as
the public sees it (``public_view.record_view``), so nothing private can leak into a citation.
"""

from __future__ import annotations

import re

from repo_app.services.oai_xml import main_date
from schemas import vocabularies

AUTHOR_ROLES = ("principal_investigator", "inventor", "member", "secretary")
IP_KINDS = ("patent", "utility_solution", "industrial_design")
RIS_TYPES = {"research_result": "RPRT", "patent": "PAT", "utility_solution": "PAT",
             "industrial_design": "PAT", "trademark": "GEN"}
NUMBER_ORDER = ("task_code", "patent_number", "application_number", "publication_number",
                "registration_number")


def authors(record: dict) -> list[str]:
    people = record.get("people") or []
    ordered = sorted((p for p in people if p.get("role") in AUTHOR_ROLES),
                     key=lambda p: AUTHOR_ROLES.index(p["role"]))
    return [p["name"] for p in ordered]


def year(record: dict) -> str | None:
    found = main_date(record)
    return found[:4] if found else None


def number(record: dict) -> str | None:
    identifiers = record.get("identifiers") or {}
    return next((identifiers[k] for k in NUMBER_ORDER if identifiers.get(k)), None)


def _kind_label(record: dict, lang: str = "en") -> str | None:
    kind = record.get("kind")
    return vocabularies.load("kinds").term_label(kind, lang) if kind else None


# -- BibTeX ------------------------------------------------------------------------------------

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def _bib(value) -> str:
    text = " ".join(str(value).split())
    return _BIBTEX_SPECIAL.sub(lambda m: {"\\": r"\textbackslash{}", "^": r"\^{}",
                                          "~": r"\~{}"}.get(m.group(1), "\\" + m.group(1)),
                               text)


def bibtex(record: dict, url: str) -> str:
    kind = record.get("kind")
    entry = "techreport" if kind == "research_result" else "misc"
    fields = [("title", "{" + _bib(record["title"]) + "}")]
    if authors(record):
        fields.append(("author", " and ".join("{" + _bib(a) + "}" for a in authors(record))))
    if record.get("host_organisation"):
        name = "institution" if entry == "techreport" else "organization"
        fields.append((name, _bib(record["host_organisation"])))
    if year(record):
        fields.append(("year", year(record)))
    if number(record):
        fields.append(("number", _bib(number(record))))
    if entry == "misc":
        fields.append(("howpublished", _bib(_kind_label(record))))
    if record.get("abstract"):
        fields.append(("abstract", _bib(record["abstract"])))
    if record.get("keywords"):
        fields.append(("keywords", _bib(", ".join(record["keywords"]))))
    fields.append(("language", "vietnamese" if record.get("language") == "vi" else "english"))
    fields.append(("url", url))
    # The title in double braces: BibTeX styles keep its capitals as written.
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry}{{kqkhcn:{record['id']},\n{body}\n}}\n"


# -- RIS -------------------------------------------------------------------------------------


def ris(record: dict, url: str) -> str:
    lines = [("TY", RIS_TYPES.get(record.get("kind"), "GEN")), ("TI", record["title"])]
    if record.get("title_en"):
        lines.append(("T2", record["title_en"]))
    lines += [("AU", name) for name in authors(record)]
    if year(record):
        lines.append(("PY", year(record)))
    if main_date(record):
        lines.append(("DA", main_date(record).replace("-", "/")))
    if record.get("abstract"):
        lines.append(("AB", record["abstract"]))
    lines += [("KW", keyword) for keyword in record.get("keywords") or []]
    if record.get("host_organisation"):
        lines.append(("PB", record["host_organisation"]))
    if number(record):
        lines.append(("SN" if record.get("kind") in IP_KINDS else "M1", number(record)))
    lines += [("LA", record.get("language") or "vi"), ("UR", url), ("ID", record["id"]),
              ("ER", "")]
    return "".join(f"{tag}  - {' '.join(str(value).split())}\r\n" for tag, value in lines)


# -- In the record page ----------------------------------------------------------------------


def json_ld(record: dict, url: str) -> dict:
    kind = record.get("kind")
    data = {
        "@context": "https://schema.org",
        "@type": "Report" if kind == "research_result" else "CreativeWork",
        "@id": url, "url": url, "identifier": record["id"],
        "name": record["title"], "inLanguage": record.get("language") or "vi",
        "genre": _kind_label(record),
    }
    if record.get("title_en"):
        data["alternateName"] = record["title_en"]
    if record.get("abstract"):
        data["description"] = record["abstract"]
    if record.get("keywords"):
        data["keywords"] = ", ".join(record["keywords"])
    if authors(record):
        data["author"] = [{"@type": "Person", "name": name} for name in authors(record)]
    if record.get("host_organisation"):
        data["sourceOrganization"] = {"@type": "Organization",
                                      "name": record["host_organisation"]}
    if main_date(record):
        data["datePublished"] = main_date(record)
    if number(record):
        data["identifier"] = [record["id"], number(record)]
        if kind == "research_result":
            data["reportNumber"] = number(record)
    sectors = vocabularies.load("sectors")
    if record.get("sectors"):
        data["about"] = [sectors.term_label(key, "vi") for key in record["sectors"]]
    data["isAccessibleForFree"] = True
    return data


def highwire(record: dict, url: str, pdf_url: str | None = None) -> list[tuple[str, str]]:
    """``citation_*`` meta tags (name, content), as Google Scholar reads them."""
    tags = [("citation_title", record["title"])]
    tags += [("citation_author", name) for name in authors(record)]
    if main_date(record):
        tags.append(("citation_publication_date", main_date(record).replace("-", "/")))
    if record.get("kind") == "research_result":
        if record.get("host_organisation"):
            tags.append(("citation_technical_report_institution",
                         record["host_organisation"]))
        if number(record):
            tags.append(("citation_technical_report_number", number(record)))
    elif number(record):
        tags.append(("citation_patent_number", number(record)))
    if record.get("keywords"):
        tags.append(("citation_keywords", "; ".join(record["keywords"])))
    tags.append(("citation_language", record.get("language") or "vi"))
    tags.append(("citation_abstract_html_url", url))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return tags
