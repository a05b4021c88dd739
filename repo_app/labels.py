"""Labels looked up by a key the data carries (a person's role, a date's kind, a table's
column, a workflow event...): one table per family, in the reader's language.

Every label is a literal gettext message below, so extraction finds it; a key with no label
shows as itself. Vocabulary terms are not here: ``vocabulary_label`` reads them from
``schemas/``.
"""

from __future__ import annotations

from flask_babel import get_locale, gettext, pgettext

from repo_app import i18n


def _tables() -> dict[str, dict[str, str]]:
    return {
        "person_role": {
            "principal_investigator": gettext("Principal investigator"),
            "secretary": gettext("Secretary"),
            "member": gettext("Member"),
            "inventor": gettext("Inventor"),
            "applicant": pgettext("person role", "Applicant"),
            "owner": gettext("Owner"),
        },
        "account_role": {
            "enterprise": gettext("Enterprise"),
            "researcher": gettext("Researcher"),
            "staff": gettext("Department staff"),
            "admin": gettext("Administrator"),
        },
        "identifier": {
            "task_code": gettext("Task code"),
            "registration_number": gettext("Result registration number"),
            "application_number": gettext("Application number"),
            "publication_number": gettext("Publication number"),
            "patent_number": gettext("Patent number"),
        },
        "record_date": {
            "start": gettext("Start"),
            "end": gettext("End"),
            "accepted": gettext("Accepted"),
            "filed": gettext("Filed"),
            "published": gettext("Published"),
            "granted": gettext("Granted"),
        },
        "text_method": {
            "text_layer": gettext("the PDF's text layer"),
            "ocr": gettext("optical character recognition (OCR)"),
            "none": gettext("no text yet (needs OCR)"),
        },
        "sort": {
            "by": gettext("Sort by"),
            "relevance": gettext("Most relevant"),
            "newest": gettext("Newest"),
            "oldest": gettext("Oldest"),
            "title": gettext("Title (A–Z)"),
        },
        "quality": {
            "clean": gettext("Clean"),
            "repaired": gettext("Text repaired"),
            "legacy_converted": gettext("Converted from a legacy encoding"),
            "ocr": gettext("Read by OCR"),
            "needs_ocr": gettext("Needs OCR"),
            "needs_review": gettext("Needs review"),
        },
        "extracted_field": {
            "document_type": gettext("Document type"),
            "kind": pgettext("extracted field", "Kind"),
            "language": gettext("Language"),
            "title": gettext("Title"),
            "title_en": gettext("English title"),
            "task_code": gettext("Task code"),
            "principal_investigator": gettext("Principal investigator"),
            "principal_investigator_title": gettext("Investigator's title"),
            "host_organisation": gettext("Host organisation"),
            "parent_agency": gettext("Parent agency"),
            "start": gettext("Start"),
            "end": gettext("End"),
            "accepted": gettext("Accepted"),
            "budget_total_vnd": gettext("Total budget"),
            "budget_state_vnd": gettext("State budget"),
            "field_of_science": gettext("Field of science"),
            "keywords": gettext("Keywords"),
            "district": gettext("Place"),
            "sectors": gettext("Sectors"),
            "members": gettext("Members"),
            "secretary": gettext("Secretary"),
            "application_number": gettext("Application number"),
            "filed": gettext("Filed"),
            "published": gettext("Published"),
            "granted": gettext("Granted"),
            "patent_number": gettext("Patent number"),
            "ipc_classes": gettext("IPC classes"),
            "applicants": gettext("Applicants"),
            "inventors": gettext("Inventors"),
        },
        "page_verdict": {
            "clean": gettext("Clean"),
            "garbled": gettext("Garbled"),
            "empty": gettext("Empty"),
        },
        "text_source": {
            "text_layer": gettext("PDF text layer"),
            "repaired": gettext("Repaired"),
            "legacy_tcvn3": gettext("Converted from TCVN3"),
            "legacy_vni": gettext("Converted from VNI"),
            "ocr": gettext("OCR"),
            "none": gettext("None"),
        },
        "tracker_column": {
            "id": gettext("ID"),
            "title": gettext("Title"),
            "kind": gettext("Kind"),
            "year": gettext("Year"),
            "organisation": gettext("Organisation"),
            "commercialisation_status": gettext("Commercialisation status"),
            "counted": gettext("Counted"),
            "record_id": gettext("Record"),
            "ip_type": gettext("IP type"),
            "applicant": pgettext("table column", "Applicant"),
            "state": gettext("State"),
            "application_number": gettext("Application number"),
            "requested_at": gettext("Requested"),
            "date": gettext("Date"),
            "value_vnd": gettext("Value (million VND)"),
            "form": gettext("Form"),
            "includes_ip": gettext("IP traded"),
            "origin": gettext("Origin"),
            "country": pgettext("table column", "Country"),
            "developed_country": gettext("Developed country"),
            "parties": gettext("Parties"),
            "source": gettext("Source"),
            "type": gettext("Activity type"),
            "start_date": gettext("Date"),
            "end_date": gettext("End date"),
            "place": gettext("Place"),
            "participants": gettext("Participants"),
            "connected_on": gettext("Connected to the national network on"),
            "links": gettext("Records presented"),
            "organiser": gettext("Organiser"),
            "description": gettext("Description"),
            "enterprise": gettext("Enterprise"),
            "sector": gettext("Sector"),
            "problem": gettext("Need, problem to solve"),
            "matches": gettext("Matching results proposed"),
        },
        "transition_field": {
            "application_number": gettext("Application number (T-YYYY-NNNNN)"),
            "comment": gettext("Comment"),
            "country": gettext("Country"),
            "date": gettext("Date"),
            "developed_country": gettext("Developed country"),
            "event_date": gettext("Date"),
            "filing_date": gettext("Filing date"),
            "form": gettext("Form of transfer"),
            "grant_date": gettext("Grant date"),
            "grant_number": gettext("Grant number"),
            "includes_ip": gettext("Includes IP rights"),
            "origin": gettext("Counterpart's origin"),
            "parties": gettext("Parties to the contract"),
            "priority_date": gettext("Priority date"),
            "registration_number": gettext("Registration number"),
            "value_vnd": gettext("Contract value (VND)"),
        },
        "http_status": {
            "400": gettext("The request was not valid."),
            "401": gettext("Please sign in."),
            "403": gettext("You may not do this."),
            "404": gettext("Not found."),
            "409": gettext("Someone changed this, or this step no longer applies: reload the "
                           "page."),
            "422": gettext("Some fields are missing or invalid."),
            "other": gettext("This could not be done."),
        },
        "event": {
            "confirm_organisation": gettext("Organisation confirmed"),
            "create": gettext("Draft created from the upload"),
            "edit": gettext("Metadata edited"),
            "offer_edit": gettext("Technology offer edited"),
            "offer_publish": gettext("Technology offer published"),
            "offer_unpublish": gettext("Technology offer unpublished"),
            "reminder": gettext("Deadline reminder"),
            "request": gettext("Request sent"),
            "send": gettext("Inquiry sent"),
            "support_action": gettext("Support action"),
        },
        "offered": {
            "assignment": gettext("Assignment"),
            "cooperation": gettext("Cooperation"),
            "licence": gettext("Licence"),
        },
    }


_cache: dict[str, dict[str, dict[str, str]]] = {}


def table(family: str) -> dict[str, str]:
    """One family's labels in the reader's language."""
    locale = str(get_locale())
    if locale not in _cache:
        _cache[locale] = _tables()
    return _cache[locale][family]


def label(family: str, key) -> str:
    """The label of ``key`` in ``family``, else the key itself."""
    return table(family).get(str(key), "" if key is None else str(key))


def vocabulary_label(vocabulary: str, key: str | None) -> str:
    """A term of a controlled vocabulary (``schemas/vocabularies``) in the reader's language."""
    from schemas import vocabularies

    return vocabularies.load(vocabulary).term_label(key, i18n.current_language()) if key else ""
