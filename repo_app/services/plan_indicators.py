"""Plan 4239/KH-UBND's targets, computed from the repository's own data.

Every indicator is defined once, here: its key, labels, targets per plan period, what it counts
(the docstring of its function, shown on the tracker page and in the yearly report), and the
list of rows behind it (the drill-down). Figures are SQL aggregates (``count``, ``sum`` of
``case``); no row is loaded into Python to compute a figure.

Periods are the plan's: 2021-2025 and 2026-2030. Part I's targets (transactions,
intermediaries) have one value per period; the appendix's tasks run 2021-2030 and are counted
cumulatively from 1 January 2021 to the end of the period shown.

Status (``status_of``), the same rule for every indicator:
  - ``no_data``: nothing to compute from (an empty period, a zero denominator);
  - ``met``: the value reached the target (for a band, its lower bound);
  - ``at_risk``: not met, and the target's deadline has passed; otherwise
  - counts: ``on_track`` when the count is at least the target pro rata of the time elapsed
    between the window's start and the deadline (rounded down), else ``at_risk``;
  - shares and rates: ``on_track`` when the value is at least ``ON_TRACK_SHARE`` of the target,
    else ``at_risk``.

Filters: year (inside the period), sector, field of science (a level-1 code takes its level-2
codes), host organisation (a key of ``organisations``) and place. A place is a district key of
``places`` or the name of one of its 2025 successor communes (the administrative crosswalk):
both select the district, so its history stays one series across the 1 July 2025 merger.
Record filters reach transactions and IP requests through their record; activities are
filtered by year and place only.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from urllib.parse import urlencode

from sqlalchemy import String, and_, case, cast, exists, func, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement

from repo_app.models import (
    Activity,
    IpRequest,
    Record,
    StoredFile,
    SupportAction,
    Transaction,
)
from repo_app.services.errors import Invalid, NotFound, lazy_gettext
from schemas import vocabularies
from schemas.workflows import load as load_workflow

PLAN_START = date(2021, 1, 1)
PLAN_END = date(2030, 12, 31)
ON_TRACK_SHARE = 0.8
STATUSES = ("met", "on_track", "at_risk", "no_data")
MAX_LIST = 100_000  # rows of a drill-down in one answer (an export); pages ask for fewer
# The record's year, as the search facet ``year`` reads it (indexer.search.documents).
YEAR_FROM = ("accepted", "granted", "published", "filed", "end")
# Results that count as having commercial potential: all but these statuses.
NO_POTENTIAL = ("not_commercialisable", "withdrawn")


@dataclass(frozen=True)
class Period:
    key: str
    first_year: int
    last_year: int

    @property
    def start(self) -> date:
        return date(self.first_year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.last_year, 12, 31)

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))


PERIODS = {"2021-2025": Period("2021-2025", 2021, 2025),
           "2026-2030": Period("2026-2030", 2026, 2030)}
DEFAULT_PERIOD = "2021-2025"


def period_of(key: str | None) -> Period:
    if not key:
        return PERIODS[DEFAULT_PERIOD]
    if key not in PERIODS:
        raise Invalid({"period": [lazy_gettext("One of: %(choices)s.",
                                                choices=", ".join(PERIODS))]})
    return PERIODS[key]


def current_period(today: date | None = None) -> Period:
    today = today or date.today()
    return PERIODS["2021-2025"] if today.year <= 2025 else PERIODS["2026-2030"]


# -- Filters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    sector: str | None = None
    field: str | None = None
    organisation: str | None = None
    place: str | None = None  # as asked: a district key or a successor commune's name
    districts: tuple[str, ...] = ()  # the district keys the place resolves to

    @property
    def on_records(self) -> bool:
        return bool(self.sector or self.field or self.organisation or self.districts)

    def as_args(self) -> dict:
        values = {"year": self.year, "sector": self.sector, "field": self.field,
                  "organisation": self.organisation, "place": self.place}
        return {name: value for name, value in values.items() if value}


FILTER_NAMES = ("year", "sector", "field", "organisation", "place")


def resolve_place(value: str) -> tuple[str, ...]:
    """District keys for a place: the key itself, or the districts a 2025 successor commune
    came from ("phường Mũi Né" and "Mũi Né" both give ``phan-thiet``)."""
    places = vocabularies.load("places")
    if value in places:
        return (value,)
    wanted = _place_name(value)
    found = []
    for key, term in places.items():
        names = [term.get("vi"), term.get("en"), *term.get("successors", [])]
        names += term.get("synonyms", {}).get("vi", []) if isinstance(term.get("synonyms"),
                                                                      dict) else []
        if any(name and _place_name(name) == wanted for name in names):
            found.append(key)
    return tuple(found)


def _place_name(text: str) -> str:
    text = " ".join(text.casefold().split())
    for prefix in ("phường ", "xã ", "thị trấn ", "đặc khu ", "thành phố ", "thị xã ",
                   "huyện ", "tp. ", "tp "):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def parse_filters(args, period: Period) -> Filters:
    """Filters from query arguments; Invalid names each argument at fault."""
    errors: dict = {}
    values: dict = {}
    raw_year = (args.get("year") or "").strip()
    if raw_year:
        if not raw_year.isdigit() or not period.first_year <= int(raw_year) <= period.last_year:
            errors["year"] = [lazy_gettext("A year from %(first)s to %(last)s.",
                                               first=period.first_year, last=period.last_year)]
        else:
            values["year"] = int(raw_year)
    checks = (("sector", "sectors"), ("field", "fields_of_science"),
              ("organisation", "organisations"))
    for name, vocabulary in checks:
        raw = (args.get(name) or "").strip()
        if raw:
            if raw not in vocabularies.load(vocabulary):
                errors[name] = [lazy_gettext(
                    "Not a key of the %(vocabulary)s vocabulary: %(value)s.",
                    vocabulary=vocabulary, value=repr(raw[:60]))]
            else:
                values[name] = raw
    raw_place = (args.get("place") or "").strip()
    if raw_place:
        districts = resolve_place(raw_place)
        if not districts:
            errors["place"] = [lazy_gettext("No district or 2025 commune named %(place)s.",
                                                place=repr(raw_place[:60]))]
        else:
            values.update(place=raw_place, districts=districts)
    if errors:
        raise Invalid(errors)
    return Filters(**values)


@dataclass(frozen=True)
class Scope:
    """What a figure is computed over: the period, the filters and today's date."""

    period: Period
    filters: Filters = field(default_factory=Filters)
    today: date = field(default_factory=date.today)

    @property
    def first_year(self) -> int:
        return self.filters.year or self.period.first_year

    @property
    def last_year(self) -> int:
        return self.filters.year or self.period.last_year

    @property
    def start(self) -> date:
        return date(self.first_year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.last_year, 12, 31)

    @property
    def cumulative_start(self) -> date:
        """Appendix tasks count from the plan's start (or the year asked for)."""
        return self.start if self.filters.year else PLAN_START


# -- SQL pieces --------------------------------------------------------------------------------


# The record's year as SQL, written once per database: migration 0004 indexes exactly this
# expression (with ``data`` for ``records.data``), so a period's records are found in the index
# without parsing any JSON. Change both together (tests/test_plan_indicators.py checks the plan).
RECORD_YEAR_SQL = {
    "sqlite": "substr(coalesce(" + ", ".join(
        f"json_extract(records.data, '$.dates.{name}')" for name in YEAR_FROM) + "), 1, 4)",
    "postgresql": "substr(coalesce(" + ", ".join(
        f"records.data #>> '{{dates,{name}}}'" for name in YEAR_FROM) + "), 1, 4)",
}


def _dialect_expression(name: str, sql: dict[str, str]) -> type:
    """A string-valued SQL expression written per database (the JSON path syntax differs),
    the same text the migration's indexes are built on."""
    element = type(name, (ColumnElement,), {"inherit_cache": True, "type": String()})
    compiles(element)(lambda _element, _compiler, **kw: sql["postgresql"])
    compiles(element, "sqlite")(lambda _element, _compiler, **kw: sql["sqlite"])
    return element


_RecordYear = _dialect_expression("_RecordYear", RECORD_YEAR_SQL)


def record_year():
    """The record's year (a 4-character string) from its first known date, as in search."""
    return _RecordYear()


# The record's district (a key of ``places``), indexed by migration 0004 the same way.
RECORD_DISTRICT_SQL = {"sqlite": "json_extract(records.data, '$.place.district')",
                       "postgresql": "(records.data #>> '{place,district}')"}


_RecordDistrict = _dialect_expression("_RecordDistrict", RECORD_DISTRICT_SQL)


def record_conditions(filters: Filters) -> list:
    conditions = []
    if filters.sector:
        # ``sectors`` is a JSON list of vocabulary keys: match the quoted key in its text.
        conditions.append(cast(Record.data["sectors"], String).like(f'%"{filters.sector}"%'))
    if filters.field:
        conditions.append(Record.data["field_of_science"].as_string().like(f"{filters.field}%"))
    if filters.organisation:
        conditions.append(Record.organisation_key == filters.organisation)
    if filters.districts:
        conditions.append(_RecordDistrict().in_(filters.districts))
    return conditions


def _in_years(first: int, last: int):
    return record_year().between(f"{first:04d}", f"{last:04d}")


def _datetime_bounds(scope: Scope) -> tuple[datetime, datetime]:
    return (datetime(scope.first_year, 1, 1, tzinfo=UTC),
            datetime(scope.last_year + 1, 1, 1, tzinfo=UTC))


def _linked_records(statement, record_column, filters: Filters):
    if not filters.on_records:
        return statement
    # EXISTS, not a join: the database goes from the (few) rows to their record, rather than
    # scanning the records for the filter first.
    return statement.where(exists().where(Record.id == record_column,
                                          *record_conditions(filters)))


# -- Indicators --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    numerator: float | int | None
    denominator: float | int | None
    value: float | int | None


@dataclass(frozen=True)
class Indicator:
    key: str
    label: dict
    unit: str  # fraction (0..1), rate_per_year (0.15 = 15 %/year), count
    targets: dict  # period key -> number, or (low, high) for a band
    subject: str  # what the drill-down lists: records, ip_requests, transactions, activities
    task: str  # where the plan sets it: "I" (objectives) or "appendix N"
    rows: Callable  # scope -> Rows: the rows behind the figure and the numerator's condition
    # (session, scope, cache) -> Figure; None: the share or count of ``rows``
    figure: Callable | None = None
    deadline: Callable[[Period], date] = lambda period: period.end
    cumulative: bool = False  # counted from 2021, not from the period's start
    filtered_by: tuple[str, ...] = FILTER_NAMES
    doc: str = ""  # the definition in English: the function's docstring
    vi: str = ""  # the same definition in Vietnamese, for the page and the yearly report

    def target(self, period: Period):
        return self.targets.get(period.key)

    def definition(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" and self.vi else self.doc


INDICATORS: dict[str, Indicator] = {}


def indicator(key: str, label: dict, unit: str, targets: dict, subject: str, task: str,
              **options):
    """Register the decorated ``rows(scope)`` function as an indicator; its docstring is the
    definition shown to users."""
    def register(rows):
        INDICATORS[key] = Indicator(key=key, label=label, unit=unit, targets=targets,
                                    subject=subject, task=task, rows=rows,
                                    doc=" ".join((rows.__doc__ or "").split()), **options)
        return rows
    return register


def _counted(condition):
    return case((condition, 1), else_=0).label("counted")


@dataclass(frozen=True)
class Rows:
    """The rows behind a figure (the denominator; their columns are the drill-down's) and the
    condition of those in the numerator. Kept apart so that the numerator is counted with the
    condition in WHERE, where a database turns EXISTS into a semi-join."""

    statement: object  # a Select
    counted: object  # a boolean SQL expression
    # True: on PostgreSQL, the numerator counted with ``counted`` in WHERE (a semi-join: best
    # for a wide scan). False: one pass with CASE WHEN per row, which keeps PostgreSQL on the
    # index when the rows are a narrow slice found through an index.
    in_where: bool = True

    def listed(self):
        """The rows with their ``counted`` column (1 or 0), for the drill-down."""
        return self.statement.add_columns(_counted(self.counted))


def _record_columns():
    return (Record.id.label("id"), Record.title.label("title"), Record.kind.label("kind"),
            record_year().label("year"), Record.organisation_key.label("organisation"),
            Record.commercialisation_status.label("commercialisation_status"))


# Part I: the market's transactions ------------------------------------------------------------


def _transaction_columns():
    return (Transaction.id.label("id"), Transaction.date.label("date"),
            Transaction.value_vnd.label("value_vnd"), Transaction.form.label("form"),
            Transaction.includes_ip.label("includes_ip"), Transaction.origin.label("origin"),
            Transaction.country.label("country"),
            Transaction.developed_country.label("developed_country"),
            Transaction.record_id.label("record_id"))


def _transactions(scope: Scope, counted, *conditions) -> Rows:
    statement = select(*_transaction_columns()).where(
        Transaction.date >= scope.start, Transaction.date <= scope.end, *conditions)
    return Rows(_linked_records(statement, Transaction.record_id, scope.filters), counted)


def yearly_transactions(session, scope: Scope) -> list[dict]:
    """Per year of the scope: transactions' count and total value, and the counts behind each
    share (IP traded, foreign from a developed country, domestic, domestic institute)."""
    year = func.extract("year", Transaction.date)
    statement = _linked_records(select(
        year.label("year"), func.count(Transaction.id).label("count"),
        func.coalesce(func.sum(Transaction.value_vnd), 0).label("value_vnd"),
        func.sum(case((Transaction.includes_ip.is_(True), 1), else_=0)).label("ip"),
        func.sum(case((_developed_import(), 1), else_=0)).label("developed"),
        func.sum(case((_domestic(), 1), else_=0)).label("domestic"),
        func.sum(case((Transaction.origin == "domestic_institute", 1), else_=0))
        .label("institute"),
    ).where(Transaction.date >= scope.start, Transaction.date <= scope.end),
        Transaction.record_id, scope.filters).group_by(year)
    found = {int(row.year): row for row in session.execute(statement)}
    series = []
    previous = None
    for number in range(scope.first_year, scope.last_year + 1):
        row = found.get(number)
        values = {"year": number, "count": 0, "value_vnd": 0, "ip": 0, "developed": 0,
                  "domestic": 0, "institute": 0}
        if row is not None:
            values.update({name: int(getattr(row, name) or 0) for name in
                           ("count", "value_vnd", "ip", "developed", "domestic", "institute")})
        values["growth"] = (values["value_vnd"] / previous - 1
                            if previous and values["value_vnd"] else None)
        values["ip_share"] = _ratio(values["ip"], values["count"])
        values["developed_share"] = _ratio(values["developed"], values["count"])
        values["institute_share"] = _ratio(values["institute"], values["domestic"])
        previous = values["value_vnd"]
        series.append(values)
    return series


def _ratio(numerator, denominator):
    return numerator / denominator if denominator else None


def _developed_import():
    return and_(Transaction.origin == "foreign", Transaction.developed_country.is_(True))


def _domestic():
    return Transaction.origin.in_(("domestic_institute", "domestic_enterprise"))


def _series(session, scope: Scope, cache: dict) -> list[dict]:
    """The yearly transaction series, computed once per scope for every transaction
    indicator of a page (one aggregate query instead of one per indicator)."""
    key = ("yearly", scope)
    if key not in cache:
        cache[key] = yearly_transactions(session, scope)
    return cache[key]


def _share_figure(numerator: str, denominator: str):
    """A transactions share from the yearly series: the same rows as the indicator's
    ``rows`` (the drill-down), summed over the years of the scope."""
    def figure(session, scope: Scope, cache: dict) -> Figure:
        series = _series(session, scope, cache)
        top = sum(row[numerator] for row in series)
        bottom = sum(row[denominator] for row in series)
        return Figure(top, bottom, top / bottom if bottom else None)
    return figure


def _growth_figure(session, scope: Scope, cache: dict | None = None) -> Figure:
    if scope.filters.year:  # one year: its growth over the year before
        wider = replace(scope, filters=replace(scope.filters, year=None))
        wider = replace(wider, period=Period("", scope.filters.year - 1, scope.filters.year))
        totals = [(row["year"], row["value_vnd"]) for row in yearly_transactions(session, wider)]
    else:
        totals = [(row["year"], row["value_vnd"]) for row in _series(session, scope, cache or {})]
    totals = [(year, value) for year, value in totals if value > 0]
    if len(totals) < 2:
        return Figure(None, None, None)
    (first_year, first), (last_year, last) = totals[0], totals[-1]
    return Figure(last, first, (last / first) ** (1 / (last_year - first_year)) - 1)


@indicator("transaction_value_growth",
           {"vi": "Tăng trưởng giá trị giao dịch công nghệ (bình quân/năm)",
            "en": "Growth of technology transaction value (average per year)"},
           "rate_per_year", {"2021-2025": 0.15, "2026-2030": 0.17}, "transactions", "I",
           figure=_growth_figure,
           vi=('Tăng trưởng kép bình quân năm của tổng giá trị giao dịch theo năm, từ năm đầu '
               'đến năm cuối của giai đoạn có giao dịch: (tổng năm cuối / tổng năm đầu)^(1 / số '
               'năm cách nhau) − 1. Dưới hai năm có giao dịch: chưa có số liệu. Khi lọc một năm:'
               ' so với năm trước đó.'))
def _transaction_value_growth(scope: Scope):
    """Compound annual growth of the yearly total transaction value, from the first to the last
    year of the period that has transactions: (last year's total / first year's total) ^
    (1 / years between) - 1. Numerator: the last year's total (VND); denominator: the first
    year's. Fewer than two years with transactions: no data. With a year filter: that year's
    total over the year before."""
    return _transactions(scope, true())


@indicator("ip_transaction_share",
           {"vi": "Tỷ trọng giao dịch tài sản trí tuệ", "en": "Share of IP-asset transactions"},
           "fraction", {"2021-2025": 0.05, "2026-2030": 0.10}, "transactions", "I",
           figure=_share_figure("ip", "count"),
           vi=('Số giao dịch có chuyển giao quyền sở hữu trí tuệ ÷ tổng số giao dịch trong giai '
               'đoạn, tính theo số lượng.'))
def _ip_transaction_share(scope: Scope):
    """Transactions that trade IP rights (includes_ip) ÷ all transactions dated in the
    period, by count."""
    return _transactions(scope, Transaction.includes_ip.is_(True))


@indicator("developed_import_share",
           {"vi": "Tỷ trọng giao dịch công nghệ nhập khẩu từ các nước phát triển",
            "en": "Share of transactions of technology imported from developed countries"},
           "fraction", {"2021-2025": (0.05, 0.10), "2026-2030": (0.10, 0.20)}, "transactions",
           "I", figure=_share_figure("developed", "count"),
           vi=('Số giao dịch có nguồn gốc nước ngoài từ nước phát triển ÷ tổng số giao dịch '
               'trong giai đoạn, tính theo số lượng. Mục tiêu là một khoảng: đạt khi chạm cận '
               'dưới.'))
def _developed_import_share(scope: Scope):
    """Transactions of foreign origin from a developed country ÷ all transactions dated in
    the period, by count. The target is a band: its lower bound is what must be reached."""
    return _transactions(scope, _developed_import())


@indicator("institute_share",
           {"vi": "Tỷ trọng giao dịch công nghệ từ viện nghiên cứu, trường đại học "
                  "(trong giao dịch có nguồn gốc trong nước)",
            "en": "Share of transactions from research institutes and universities "
                  "(among domestic-origin transactions)"},
           "fraction", {"2021-2025": 0.05, "2026-2030": 0.10}, "transactions", "I",
           figure=_share_figure("institute", "domestic"),
           vi=('Số giao dịch có nguồn gốc từ viện nghiên cứu, trường đại học trong nước ÷ số '
               'giao dịch có nguồn gốc trong nước (viện, trường và doanh nghiệp) trong giai '
               'đoạn; giao dịch nước ngoài không tính.'))
def _institute_share(scope: Scope):
    """Transactions of origin domestic_institute ÷ transactions of domestic origin
    (domestic_institute + domestic_enterprise) dated in the period, by count; foreign
    transactions are left out of both."""
    return _transactions(scope, Transaction.origin == "domestic_institute", _domestic())


# Activities (part I intermediaries, appendix tasks 1, 2, 3, 4, 6, 7) ---------------------------


def _activity_columns():
    return (Activity.id.label("id"), Activity.type.label("type"), Activity.title.label("title"),
            Activity.start_date.label("start_date"), Activity.place.label("place"),
            Activity.participants.label("participants"),
            Activity.connected_on.label("connected_on"))


def _activities(scope: Scope, type_: str, counted=None) -> Rows:
    statement = select(*_activity_columns()).where(
        Activity.type == type_, Activity.start_date >= scope.cumulative_start,
        Activity.start_date <= scope.end)
    if scope.filters.districts:
        statement = statement.where(Activity.place.in_(scope.filters.districts))
    return Rows(statement, true() if counted is None else counted)


ACTIVITY_FILTERS = ("year", "place")
APPENDIX_DEADLINE = {"deadline": lambda period: PLAN_END, "cumulative": True,
                     "filtered_by": ACTIVITY_FILTERS}


@indicator("intermediaries",
           {"vi": "Tổ chức trung gian KH&CN hình thành và kết nối mạng lưới quốc gia",
            "en": "S&T intermediaries formed and connected to the national network"},
           "count", {"2021-2025": 1, "2026-2030": 2}, "activities", "I; appendix 7",
           cumulative=True, filtered_by=ACTIVITY_FILTERS,
           vi=('Tổ chức trung gian hình thành từ 2021 đến cuối giai đoạn và đã kết nối vào mạng '
               'lưới tổ chức trung gian KH&CN quốc gia trước cuối giai đoạn. Mục tiêu: 1 đến năm'
               ' 2025, tổng cộng 2 đến năm 2030.'))
def _intermediaries(scope: Scope):
    """Intermediary organisations formed (activity type intermediary, dated by the day formed)
    from 2021 to the end of the period and connected to the national network of S&T
    intermediaries by then (connected_on set, not after the period's end). Target: 1 by 2025,
    2 in all by 2030 (appendix task 7)."""
    return _activities(scope, "intermediary", and_(Activity.connected_on.is_not(None),
                                                   Activity.connected_on <= scope.end))


@indicator("trainings",
           {"vi": "Lớp tập huấn, hội nghị, hội thảo về SHTT, chuyển giao công nghệ, tiêu chuẩn",
            "en": "Trainings, conferences and workshops on IP, technology transfer, standards"},
           "count", {"2021-2025": 5, "2026-2030": 5}, "activities", "appendix 1",
           **APPENDIX_DEADLINE,
           vi=('Lớp tập huấn, hội nghị, hội thảo về SHTT, chuyển giao công nghệ, tiêu chuẩn tổ '
               'chức từ 2021 đến cuối giai đoạn. Mục tiêu: ít nhất 5 trong 2021-2030, đánh giá '
               'tiến độ theo tỷ lệ thời gian đã qua.'))
def _trainings(scope: Scope):
    """Trainings, conferences and workshops (activity type training) held from 2021 to the
    end of the period. Target: at least 5 over 2021-2030, expected pro rata meanwhile."""
    return _activities(scope, "training")


@indicator("promotion_programmes",
           {"vi": "Chương trình quảng bá thành tựu thị trường KH&CN",
            "en": "Programmes promoting the S&T market's achievements"},
           "count", {"2021-2025": 2, "2026-2030": 2}, "activities", "appendix 2",
           **APPENDIX_DEADLINE,
           vi=('Chương trình quảng bá thành tựu thị trường KH&CN bắt đầu từ 2021 đến cuối giai '
               'đoạn. Mục tiêu: ít nhất 2 trong 2021-2030.'))
def _promotion_programmes(scope: Scope):
    """Promotion programmes (activity type promotion_programme) started from 2021 to the end
    of the period. Target: at least 2 over 2021-2030."""
    return _activities(scope, "promotion_programme")


@indicator("survey",
           {"vi": "Điều tra cung - cầu công nghệ, tài sản trí tuệ trên địa bàn tỉnh",
            "en": "Survey of technology supply, demand and IP in the province"},
           "count", {"2021-2025": 1, "2026-2030": 1}, "activities", "appendix 3",
           deadline=lambda period: date(2024, 12, 31), cumulative=True,
           filtered_by=ACTIVITY_FILTERS,
           vi=('Cuộc điều tra hiện trạng, cung - cầu công nghệ, tài sản trí tuệ từ 2021 đến cuối'
               ' giai đoạn. Mục tiêu: 1 cuộc, trong 2023-2024.'))
def _survey(scope: Scope):
    """Surveys of technology supply, demand and IP (activity type survey) from 2021 to the
    end of the period. Target: 1, planned for 2023-2024."""
    return _activities(scope, "survey")


@indicator("commercialisation_courses",
           {"vi": "Lớp đào tạo về thương mại hóa cho cán bộ nghiên cứu và hỗ trợ",
            "en": "Commercialisation courses for researchers and support staff"},
           "count", {"2021-2025": 2, "2026-2030": 2}, "activities", "appendix 4",
           **APPENDIX_DEADLINE,
           vi=('Lớp đào tạo, bồi dưỡng về thương mại hóa cho cán bộ nghiên cứu và cán bộ hỗ trợ '
               'từ 2021 đến cuối giai đoạn. Mục tiêu: 2 lớp trong 2021-2030.'))
def _commercialisation_courses(scope: Scope):
    """Training courses on commercialisation (activity type commercialisation_course) from
    2021 to the end of the period. Target: 2 over 2021-2030."""
    return _activities(scope, "commercialisation_course")


@indicator("events",
           {"vi": "Sự kiện kết nối cung - cầu công nghệ, chợ công nghệ",
            "en": "Technology supply-demand connection events and fairs"},
           "count", {"2021-2025": 4, "2026-2030": 4}, "activities", "appendix 6",
           **APPENDIX_DEADLINE,
           vi=('Sự kiện kết nối cung - cầu công nghệ, chợ công nghệ tổ chức từ 2021 đến cuối '
               'giai đoạn. Mục tiêu: 4 sự kiện trong 2021-2030.'))
def _events(scope: Scope):
    """Connection events and technology fairs (activity type connection_event) held from 2021
    to the end of the period. Target: 4 over 2021-2030."""
    return _activities(scope, "connection_event")


# Results and IP (appendix tasks 5 and 8, part I's digitisation) ------------------------------


@indicator("support_coverage",
           {"vi": "Kết quả nghiên cứu đã nghiệm thu được hỗ trợ thương mại hóa",
            "en": "Accepted research results supported for commercialisation"},
           "fraction", {"2021-2025": 1.0, "2026-2030": 1.0}, "records", "appendix 5",
           vi=('Kết quả nghiên cứu đã nghiệm thu (đã công bố) có năm nghiệm thu (hoặc ngày đầu '
               'tiên biết được) trong giai đoạn và có ít nhất một hoạt động hỗ trợ đến cuối giai'
               ' đoạn ÷ tất cả các kết quả đó. Kết quả không rõ ngày không tính.'))
def _support_coverage(scope: Scope):
    """Accepted research results (kind research_result, published) whose year (acceptance
    date, else the first known date) falls in the period, with at least one support action
    dated by the period's end ÷ all those results. Results with no known date are left out."""
    supported = exists().where(SupportAction.record_id == Record.id,
                               SupportAction.date <= scope.end)
    return Rows(select(*_record_columns()).where(
        Record.kind == "research_result", Record.registration_state == "accepted",
        _in_years(scope.first_year, scope.last_year), *record_conditions(scope.filters)),
        supported, in_where=False)


@indicator("digitised",
           {"vi": "Kết quả nghiên cứu, tài sản trí tuệ có tiềm năng thương mại đã số hóa",
            "en": "Research results and IP with commercial potential, digitised"},
           "fraction", {"2021-2025": 1.0, "2026-2030": 1.0}, "records", "I",
           deadline=lambda period: PLAN_END,
           vi=('Hồ sơ đã công bố (mọi loại) có tiềm năng thương mại (trừ tình trạng không có khả'
               ' năng thương mại hóa, đã rút) có ít nhất một tệp tài liệu được lưu ÷ tất cả các '
               'hồ sơ đó, không kể năm. Mục tiêu: toàn bộ, đến năm 2030.'))
def _digitised(scope: Scope):
    """Published records of every kind with commercial potential (commercialisation status
    not not_commercialisable nor withdrawn) that have at least one stored document file ÷ all
    those records, whatever their year (a stock, not a flow; a year filter keeps that year's
    records). Target: all, by 2030."""
    # EXISTS, not IN (subquery): PostgreSQL runs an IN it cannot hash in work_mem once per
    # row of the other side.
    statement = select(*_record_columns()).where(
        Record.registration_state == "accepted",
        Record.commercialisation_status.not_in(NO_POTENTIAL), *record_conditions(scope.filters))
    if scope.filters.year:
        statement = statement.where(_in_years(scope.filters.year, scope.filters.year))
    return Rows(statement, exists().where(StoredFile.record_id == Record.id))


def _met_states() -> tuple[str, ...]:
    return tuple(load_workflow("ip_registration").extra["met_states"])


@indicator("ip_requests_met",
           {"vi": "Nhu cầu đăng ký bảo hộ tài sản trí tuệ được đáp ứng",
            "en": "IP-protection registration demands met"},
           "fraction", {"2021-2025": 1.0, "2026-2030": 1.0}, "ip_requests", "appendix 8",
           vi=('Yêu cầu hỗ trợ đăng ký bảo hộ gửi trong giai đoạn đã được đáp ứng (đã nộp đơn '
               'tại Cục SHTT với sự hỗ trợ của Sở, hoặc rút sau khi đã nộp) ÷ yêu cầu đã quyết '
               'định hoặc đang mở. Yêu cầu rút trước khi nộp đơn không tính; yêu cầu bị từ chối '
               'hỗ trợ là chưa đáp ứng.'))
def _ip_requests_met(scope: Scope):
    """IP-registration requests made in the period (request date) that are met, i.e. filed
    with the IP Office with the Department's support (a state of the workflow's met_states,
    or withdrawn after filing) ÷ requests decided or open. Requests the applicant withdrew
    before filing are left out of both; requests refused support count as not met."""
    low, high = _datetime_bounds(scope)
    met = or_(IpRequest.state.in_(_met_states()),
              and_(IpRequest.state == "withdrawn", IpRequest.filing_date.is_not(None)))
    withdrawn_unfiled = and_(IpRequest.state == "withdrawn", IpRequest.filing_date.is_(None))
    statement = select(
        IpRequest.id.label("id"), IpRequest.record_id.label("record_id"),
        IpRequest.ip_type.label("ip_type"), IpRequest.applicant.label("applicant"),
        IpRequest.state.label("state"), IpRequest.application_number.label("application_number"),
        IpRequest.created_at.label("requested_at"),
    ).where(IpRequest.created_at >= low, IpRequest.created_at < high, ~withdrawn_unfiled)
    return Rows(_linked_records(statement, IpRequest.record_id, scope.filters), met)


ORDER = ("support_coverage", "ip_requests_met", "transaction_value_growth",
         "ip_transaction_share", "developed_import_share", "institute_share", "intermediaries",
         "digitised", "trainings", "promotion_programmes", "survey", "commercialisation_courses",
         "events")


# -- Computing ---------------------------------------------------------------------------------


def compute_figure(session, definition: Indicator, scope: Scope,
                   cache: dict | None = None) -> Figure:
    if definition.figure is not None:
        return definition.figure(session, scope, {} if cache is None else cache)
    rows = definition.rows(scope)
    # SQLite probes row by row either way, so one pass is cheaper there.
    if rows.in_where and session.get_bind().dialect.name != "sqlite":
        counted = session.scalar(select(func.count()).select_from(
            rows.statement.where(rows.counted).subquery()))
        total = None if definition.unit == "count" else session.scalar(
            select(func.count()).select_from(rows.statement.subquery()))
    else:
        listed = rows.listed().subquery()
        total, counted = session.execute(
            select(func.count(), func.coalesce(func.sum(listed.c.counted), 0))).one()
    if definition.unit == "count":
        return Figure(int(counted), None, int(counted))
    return Figure(int(counted), int(total), counted / total if total else None)


def status_of(definition: Indicator, value, scope: Scope) -> str:
    """The one status rule (see the module's docstring)."""
    target = definition.target(scope.period)
    if value is None or target is None:
        return "no_data"
    low = target[0] if isinstance(target, tuple) else target
    if value >= low - 1e-12:
        return "met"
    deadline = definition.deadline(scope.period)
    if scope.today > deadline:
        return "at_risk"
    if definition.unit == "count":
        start = scope.cumulative_start if definition.cumulative else scope.start
        reached = min(scope.today, scope.end, deadline)
        elapsed = max(0, (reached - start).days) / max(1, (deadline - start).days)
        return "on_track" if value >= math.floor(low * elapsed) else "at_risk"
    return "on_track" if value >= ON_TRACK_SHARE * low else "at_risk"


def drilldown_url(key: str, scope: Scope) -> str:
    query = {"period": scope.period.key, **scope.filters.as_args()}
    return f"/api/v1/plan/indicators/{key}/items?{urlencode(query)}"


def _number(value):
    if value is None:
        return None
    return round(value, 6) if isinstance(value, float) else value


def evaluate(session, key: str, scope: Scope, lang: str = "vi",
             cache: dict | None = None) -> dict:
    definition = INDICATORS[key]
    figure = compute_figure(session, definition, scope, cache)
    target = definition.target(scope.period)
    return {
        "key": key,
        "label": definition.label.get(lang) or definition.label["vi"],
        "value": _number(figure.value),
        "target": list(target) if isinstance(target, tuple) else target,
        "unit": definition.unit,
        "status": status_of(definition, figure.value, scope),
        "numerator": _number(figure.numerator),
        "denominator": _number(figure.denominator),
        "drilldown": drilldown_url(key, scope),
    }


def indicators(services, scope: Scope, lang: str = "vi") -> dict:
    """Every indicator of the period, in the plan's order: the API's and the page's answer."""
    cache: dict = {}
    with services.sessions() as session:
        return {"period": scope.period.key,
                "indicators": [evaluate(session, key, scope, lang, cache) for key in ORDER]}


def definition_of(key: str) -> Indicator:
    if key not in INDICATORS:
        raise NotFound(lazy_gettext("No indicator %(key)s.", key=repr(key)))
    return INDICATORS[key]


def drilldown_for(services, principal, key: str, args, *, page: int = 1,
                  size: int = 50) -> dict:
    """``drilldown`` for a person: Department staff only (the rows name organisations and
    people the public figures do not), its scope and ``counted`` read from the query ``args``."""
    from repo_app.services.access import require_staff
    from repo_app.services.transactions import parse_bool

    require_staff(principal, lazy_gettext("Only Department staff may see the rows behind "
                                          "a figure."))
    definition_of(key)
    period = period_of(args.get("period"))
    scope = Scope(period, parse_filters(args, period))
    counted = parse_bool(args["counted"], "counted") if args.get("counted") else None
    return drilldown(services, key, scope, counted=counted, page=page, size=size)


def drilldown(services, key: str, scope: Scope, *, counted: bool | None = None, page: int = 1,
              size: int = 50) -> dict:
    """The rows behind an indicator's figure, each with ``counted`` (in the numerator),
    the ones not counted first (what is still to do)."""
    definition = definition_of(key)
    size = max(1, min(size, MAX_LIST))
    page = max(1, page)
    rows = definition.rows(scope).listed().subquery()
    statement = select(rows)
    if counted is not None:
        statement = statement.where(rows.c.counted == (1 if counted else 0))
    with services.sessions() as session:
        total = session.execute(select(func.count()).select_from(statement.subquery())).scalar()
        found = session.execute(statement.order_by(rows.c.counted, rows.c.id)
                                .offset((page - 1) * size).limit(size)).mappings().all()
    return {"key": key, "subject": definition.subject, "period": scope.period.key,
            "total": total, "page": page, "size": size,
            "items": [_plain({**row, "counted": bool(row["counted"])}) for row in found]}


def _plain(row: dict) -> dict:
    return {name: value.isoformat() if isinstance(value, date | datetime) else value
            for name, value in row.items()}


def commercialisation_stages(services, scope: Scope) -> list[tuple[str, int]]:
    """Accepted research results of the period by commercialisation status (the chart)."""
    with services.sessions() as session:
        found = dict(session.execute(
            select(Record.commercialisation_status, func.count()).where(
                Record.kind == "research_result", Record.registration_state == "accepted",
                _in_years(scope.first_year, scope.last_year),
                *record_conditions(scope.filters))
            .group_by(Record.commercialisation_status)).all())
    order = list(vocabularies.load("commercialisation_statuses"))
    return [(key, found[key]) for key in order if found.get(key)] + [
        (key, count) for key, count in found.items() if key not in order]


def ip_request_stages(services, scope: Scope) -> list[tuple[str, int]]:
    """IP-registration requests of the period by workflow state (the chart)."""
    low, high = _datetime_bounds(scope)
    statement = _linked_records(
        select(IpRequest.state, func.count()).where(
            IpRequest.created_at >= low, IpRequest.created_at < high),
        IpRequest.record_id, scope.filters).group_by(IpRequest.state)
    with services.sessions() as session:
        found = dict(session.execute(statement).all())
    order = list(load_workflow("ip_registration").state_keys)
    return [(key, found[key]) for key in order if found.get(key)]


def yearly(services, scope: Scope) -> list[dict]:
    with services.sessions() as session:
        return yearly_transactions(session, scope)


def evaluate_one(services, key: str, scope: Scope, lang: str = "vi") -> dict:
    definition_of(key)
    with services.sessions() as session:
        return evaluate(session, key, scope, lang)
