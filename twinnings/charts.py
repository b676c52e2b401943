"""Plotly builders: frames in, charts out, in the house style a reporter can paste into an article.

Every chart carries its title, a subtitle that states the selection, and a source line inside
the figure (so it survives export), and comes with the exact data it shows and a one-sentence
text alternative. Nothing here reads Streamlit state.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from twinnings import STATIC_DIR, __version__, image_formats, model, profiles, provinces, safe_text
from twinnings.filters import FIRST_YEAR, EventFilter, Filter, apply_events, events_in, this_year
from twinnings.i18n import Lang, label, t
from twinnings.style import HIGHLIGHT, STATUS_COLOURS, STATUS_FILL_PATTERN

EXPORT_WIDTH, EXPORT_HEIGHT = 1200, 675
EXPORT_SCALE = image_formats.BY_NAME["png"].scale
# Quoted: a CSS font name with a word that starts with a digit ("Source Sans 3") is only valid in quotes, and
# browsers drop an invalid font-family whole (charts then took the page's font, and images a serif).
FONT = '"Source Sans 3", "Source Sans Pro", "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif'
LEVEL_COLOURS = {"gemeente": "#0072B2", "provincie": "#009E73"}
# Okabe–Ito colours and distinct symbols, so event types read in colour and in grey.
EVENT_STYLE: dict[str, tuple[str, str]] = {
    "agreement_signed": ("#009E73", "star"),
    "anniversary": ("#56B4E9", "circle"),
    "visit": ("#0072B2", "triangle-up"),
    "trade_mission": ("#0072B2", "triangle-right"),
    "award": ("#CC79A7", "hexagram"),
    "donation": ("#E69F00", "diamond"),
    "gift": ("#E69F00", "square"),
    "council_motion": ("#000000", "x"),
    "termination": ("#D55E00", "x-thin-open"),
    "suspension": ("#D55E00", "hourglass"),
    "conference": ("#56B4E9", "pentagon"),
    "exhibition": ("#56B4E9", "square-open"),
    "exchange": ("#0072B2", "triangle-down"),
    "report_published": ("#999999", "circle-open"),
    "policy": ("#999999", "cross"),
    "other": ("#999999", "circle-dot"),
}


# For counts per year, the sixteen event types fold into five groups with distinct colours.
EVENT_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ties": ("#009E73", ("agreement_signed", "anniversary", "listed")),
    "contacts": ("#0072B2", ("visit", "trade_mission", "conference", "exhibition", "exchange")),
    "gifts": ("#E69F00", ("donation", "gift", "award")),
    "politics": ("#D55E00", ("council_motion", "termination", "suspension")),
    "context": ("#999999", ("policy", "report_published", "other")),
}
GROUP_OF = {event_type: group for group, (_colour, types) in EVENT_GROUPS.items() for event_type in types}


@dataclass(frozen=True)
class Chart:
    """A figure with what a reader needs beside it: the data behind it and a text alternative.
    `source` and `notes` are also drawn inside the figure; they are kept here for `compact`."""

    figure: go.Figure
    data: pd.DataFrame
    summary: str
    name: str
    source: str = ""
    notes: tuple[str, ...] = ()
    title: str = ""


def selection_text(f: Filter, lang: Lang, e: EventFilter | None = None) -> str:
    """The subtitle of every chart: which part of the data it shows (with the events filters, when set)."""
    parts = [", ".join(provinces.name(p, lang) for p in f.provinces) if f.provinces else t("all_of_nl", lang)]
    if f.levels:
        parts.append(" + ".join(label("level", v, lang) for v in f.levels))
    if f.statuses:
        parts.append(" + ".join(label("status", v, lang) for v in f.statuses))
    if f.types:
        parts.append(" + ".join(label("relation", v, lang) for v in f.types))
    if f.uses:
        parts.append(" + ".join(label("use_band", v, lang) for v in f.uses))
    if f.query:
        parts.append(f"“{f.query}”")
    parts.append(f"{f.year_from}–{f.year_to}")
    for kind, values in (("event", e.types), ("direction", e.directions), ("actor", e.actors)) if e else ():
        if values:
            parts.append(" + ".join(label(kind, v, lang) for v in values))
    return ", ".join(parts)


def source_line(ties: pd.DataFrame, sources: pd.DataFrame, lang: Lang) -> str:
    """'Source: dataset, version; the publishers cited most for this selection'."""
    publisher = dict(zip(sources["id"], sources["publisher"]))
    cited = Counter(publisher[s] for ids in ties["source_ids"] for s in ids.split() if s in publisher)
    main = ", ".join(safe_text.shorten(name, 28) for name, _ in cited.most_common(3))
    line = t("source_line", lang, version=__version__)
    return f"{line}; {t('based_on', lang)} {main}" if main else line


NOTE_LINE_PX = 15
LINE_BREAK = "<br>"  # plotly's only line break in a label
# A legend under the plot in columns of a fixed share of its width, so its rows can be counted and the
# source line below it moved down: six states wrapped into a second row over the source line.
LEGEND_COLUMNS, LEGEND_ROW_PX = 3, 24
# plotly_white for the two trace types the charts draw: the whole of it (24 trace types) cost 5 ms to apply to
# each figure, and 4 KB in each chart a page sends
HOUSE_TEMPLATE = go.layout.Template(
    layout=pio.templates["plotly_white"].layout,
    data={kind: pio.templates["plotly_white"].data[kind] for kind in ("bar", "scatter")},
)


def house_style(
    fig: go.Figure,
    title: str,
    subtitle: str,
    source: str,
    height: int = EXPORT_HEIGHT,
    notes: list[str] = (),
    legend_right: bool = False,
) -> go.Figure:
    """Title, subtitle, legend under (or beside) the plot, then notes and the source line, all inside the figure."""
    notes = footer_lines(notes)
    title, subtitle, source = safe_text.plotly(title), safe_text.plotly(subtitle), safe_text.plotly(source)
    bottom = (60 if legend_right else 95) + NOTE_LINE_PX * len(notes)
    if not legend_right:
        items = sum(1 for trace in fig.data if trace.showlegend is not False)
        bottom += LEGEND_ROW_PX * max(0, -(-items // LEGEND_COLUMNS) - 1)
    fig.update_layout(
        template=HOUSE_TEMPLATE,
        font={"family": FONT, "size": 14, "color": "#222222"},
        title={"text": title, "font": {"weight": "bold"}, "subtitle": {"text": subtitle}, "x": 0.01, "xanchor": "left"},
        margin={"l": 70, "r": 30, "t": 90, "b": bottom},
        height=height,
        legend=(
            {"orientation": "v", "x": 1.01, "y": 1, "xanchor": "left", "yanchor": "top", "title": None}
            if legend_right
            else {
                "orientation": "h",
                "yanchor": "top",
                "y": -0.09,
                "x": 0,
                "title": None,
                "entrywidth": 1 / LEGEND_COLUMNS,
                "entrywidthmode": "fraction",
            }
        ),
        hoverlabel={"font_family": FONT},
    )
    if legend_right:
        fig.update_layout(margin={"r": 310, "l": 90})
    footer = [*notes, source]
    fig.add_annotation(
        text=LINE_BREAK.join(footer),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-bottom + 8,
        xanchor="left",
        yanchor="bottom",
        align="left",
        showarrow=False,
        font={"size": 11, "color": "#555555"},
        name="source-line",
    )
    return fig


PLOTLY_LOCALES = {"nl": STATIC_DIR / "vendor" / "plotly" / "locale-nl.json"}  # English is plotly's own


@cache
def plotly_locale(lang: Lang) -> dict:
    """plotly.js's dictionary for `lang` (its toolbar, notices and number format), for a chart's config."""
    path = PLOTLY_LOCALES.get(lang)
    return {"locale": lang, "locales": {lang: json.loads(path.read_text(encoding="utf-8"))}} if path else {}


def export_config(name: str, fmt: str = image_formats.DEFAULT, height: int = EXPORT_HEIGHT, lang: Lang = "en") -> dict:
    """Plotly config: the modebar download gives a publication-size file with a meaningful name, speaks
    the page's language, and offers nothing that leaves the host (plotly.js 4 offers 'Share chart' to
    its cloud unless told not to)."""
    return {
        **plotly_locale(lang),
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "showLink": False,
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": fmt,
            "filename": name,
            "width": EXPORT_WIDTH,
            "height": height,
            "scale": EXPORT_SCALE,
        },
    }


# A province's own turning points, when the selection is one province (national ones otherwise).
PROVINCE_MOMENT_TYPES = ("agreement_signed", "termination", "suspension", "award", "donation", "council_motion")
MAX_PROVINCE_MOMENTS = 8


def key_moments(
    events: pd.DataFrame, lang: Lang, year_from: int, year_to: int, ties: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The moments timelines number: the national key moments in the period, or, given the `ties` of one
    province, that province's own signings, terminations, awards, donations and motions (the first few)."""
    in_period = events["year"].between(year_from, year_to)
    if ties is None:
        moments = events[events["key_moment"] & in_period]
    else:
        own = events["tie_id"].isin(ties["id"]) & events["type"].isin(PROVINCE_MOMENT_TYPES) & in_period
        moments = events[own].sort_values("date").head(MAX_PROVINCE_MOMENTS)
    return moments.assign(when=moments["date"].map(partial_date_start), text=moments[f"title_{lang}"]).sort_values(
        "when"
    )


def _moments_of(events: pd.DataFrame, ties: pd.DataFrame, f: Filter, lang: Lang, year_from: int, year_to: int):
    return key_moments(events, lang, year_from, year_to, ties if len(f.provinces) == 1 else None)


def _annotate_moments(fig: go.Figure, moments: pd.DataFrame, x_of) -> list[str]:
    """A dotted line and a number at each key moment; returns the numbered key for the figure's notes."""
    notes = []
    for n, moment in enumerate(moments.itertuples(), start=1):
        fig.add_vline(x=x_of(moment), line={"color": "#888888", "width": 1, "dash": "dot"})
        fig.add_annotation(
            x=x_of(moment),
            y=1.0 - 0.05 * ((n - 1) % 3),
            yref="paper",
            text=str(n),
            showarrow=False,
            font={"size": 11, "color": "#333333", "weight": "bold"},
            bgcolor="rgba(255,255,255,0.85)",
            name="key-moment",
        )
        notes.append(f"{n} {moment.date[:4]} {safe_text.shorten(moment.text, 56)}")
    return notes


def footer_lines(notes: list[str] | tuple[str, ...], width: int = 130) -> list[str]:
    """Key-moment notes packed into lines of about `width` characters, numbers in bold."""
    lines, line = [], ""
    for note in notes:
        number, rest = note.split(" ", 1)
        item = f"<b>{number}</b> {safe_text.plotly(rest)}"
        if line and len(line) + len(note) > width:
            lines.append(line)
            line = ""
        line = f"{line}   {item}" if line else item
    return [*lines, line] if line else lines


def whole_ticks(peak: float) -> int:
    """A tick step in whole events: counts are never fractional."""
    return max(1, int(round(float(peak) / 6)))


def partial_date_start(value: str) -> pd.Timestamp:
    """The first day a partial date can mean (1999 -> 1999-01-01); used for placing, never stored."""
    parts = [int(p) for p in model.lower(value).split("-")] + [1, 1]
    return pd.Timestamp(parts[0], parts[1], parts[2])


def begun_and_ended(ties: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame, f: Filter, lang: Lang) -> Chart:
    """Ties begun (up) and ended (down) per year, by level of the Dutch partner."""
    years = range(f.year_from, f.year_to + 1)
    rows = []
    for level in ("gemeente", "provincie"):
        of_level = ties[ties["nl_level"] == level]
        begun = of_level["start_year"].value_counts()
        ended = of_level["end_year"].value_counts()
        for year in years:
            rows.append(
                {"year": year, "level": level, "begun": int(begun.get(year, 0)), "ended": int(ended.get(year, 0))}
            )
    data = pd.DataFrame(rows)
    fig = go.Figure()
    for level in ("gemeente", "provincie"):
        part = data[data["level"] == level]
        name = label("level", level, lang)
        fig.add_bar(
            x=part["year"],
            y=part["begun"],
            name=f"{t('begun', lang)}: {name}",
            marker_color=LEVEL_COLOURS[level],
            hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
        )
        fig.add_bar(
            x=part["year"],
            y=-part["ended"],
            name=f"{t('ended', lang)}: {name}",
            marker_color=LEVEL_COLOURS[level],
            marker_pattern_shape="/",
            customdata=part["ended"],
            hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="relative", bargap=0.15)
    fig.update_yaxes(title=t("ties_per_year", lang), zeroline=True, zerolinecolor="#444444")
    fig.update_xaxes(range=[f.year_from - 0.5, f.year_to + 0.5])
    notes = _annotate_moments(fig, _moments_of(events, ties, f, lang, f.year_from, f.year_to), lambda m: m.when.year)
    unknown = int(ties["start_year"].isna().sum())
    subtitle = selection_text(f, lang) + (f" · {t('unknown_start_not_shown', lang, n=str(unknown))}" if unknown else "")
    peak_up, peak_down = int(data.groupby("year")["begun"].sum().max()), int(data.groupby("year")["ended"].sum().max())
    step = max(1, (peak_up + peak_down) // 8)
    ticks = list(range(-peak_down, peak_up + 1, step)) if peak_up + peak_down else [0]
    fig.update_yaxes(tickvals=ticks, ticktext=[str(abs(v)) for v in ticks])
    source = source_line(ties, sources, lang)
    house_style(fig, t("chart_begun_ended", lang), subtitle, source, notes=notes)
    total_begun, total_ended = int(data["begun"].sum()), int(data["ended"].sum())
    by_year = data.groupby("year")["ended"].sum()
    peak = int(by_year.idxmax()) if total_ended else None
    summary = t(
        "summary_begun_ended",
        lang,
        begun=str(total_begun),
        ended=str(total_ended),
        period=f"{f.year_from}–{f.year_to}",
        unknown=str(unknown),
    )
    if peak:
        summary += " " + t("summary_peak", lang, year=str(peak), n=str(int(by_year[peak])))
    return Chart(fig, data, summary, "stedenbanden-begun-ended", source, tuple(notes), t("chart_begun_ended", lang))


def standing_over_time(ties: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame, f: Filter, lang: Lang) -> Chart:
    """Ties standing in each year, split by what they show now (so later endings and fading show)."""
    years = list(range(max(f.year_from, FIRST_YEAR), f.year_to + 1))
    known = ties[ties["start_year"].notna()]
    rows = []
    for status in STATUS_COLOURS:
        of_status = known[known["state"] == status]
        for year in years:
            standing = (of_status["start_year"] <= year) & ~(of_status["end_year"].fillna(9999) <= year)
            rows.append({"year": year, "status": status, "standing": int(standing.sum())})
    data = pd.DataFrame(rows)
    fig = go.Figure()
    for status in model.STATES:
        part = data[data["status"] == status]
        fig.add_scatter(
            x=part["year"],
            y=part["standing"],
            name=t("now", lang, state=label("state", status, lang)),
            stackgroup="one",
            mode="lines",
            line={"width": 0.5, "color": STATUS_COLOURS[status]},
            fillpattern={"shape": STATUS_FILL_PATTERN.get(status, "")},
            hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
        )
    fig.update_yaxes(title=t("ties_standing", lang))
    notes = _annotate_moments(fig, _moments_of(events, ties, f, lang, years[0], years[-1]), lambda m: m.when.year)
    unknown = len(ties) - len(known)
    subtitle = selection_text(f, lang) + (f" · {t('unknown_start_not_shown', lang, n=str(unknown))}" if unknown else "")
    source = source_line(ties, sources, lang)
    house_style(fig, t("chart_standing", lang), subtitle, source, notes=notes)
    totals = data.groupby("year")["standing"].sum()
    peak_year = int(totals.idxmax()) if len(totals) else f.year_to
    summary = t(
        "summary_standing",
        lang,
        peak=str(int(totals.max() if len(totals) else 0)),
        year=str(peak_year),
        now=str(int(totals.iloc[-1]) if len(totals) else 0),
        last=str(years[-1]),
    )
    return Chart(fig, data, summary, "stedenbanden-standing", source, tuple(notes), t("chart_standing", lang))


def tie_label(tie: pd.Series | dict, lang: Lang) -> str:
    partner = tie["cn_name_nl"] if lang == "nl" else tie["cn_name_en"]
    return f"{safe_text.shorten(tie['nl_name_nl'], 22)} – {safe_text.shorten(partner, 20)} {tie['cn_name_zh']}"


def lifetimes(
    ties: pd.DataFrame,
    events: pd.DataFrame,
    sources: pd.DataFrame,
    f: Filter,
    lang: Lang,
    subtitle: str | None = None,
    name: str = "stedenbanden-lifetimes",
    moments: pd.DataFrame | None = None,
) -> Chart:
    """One bar per tie from its start to its end (or today), events drawn on it as symbols.
    A tie with an unknown start is drawn hatched from its first dated evidence, never from an invented year.
    A dashed line marks how long each tie has been silent: from its last sign of life (its latest use,
    see model.latest_evidence) to its end or today."""
    today = pd.Timestamp(dt.date.today())
    tie_events = events[events["tie_id"].isin(ties["id"])]
    last_evidence = _last_evidence(ties, tie_events)
    first_event = tie_events.groupby("tie_id")["date"].min()
    ordered = ties.sort_values(["nl_province_id", "start_year", "id"], na_position="last")
    publisher = dict(zip(sources["id"], sources["publisher"]))
    rows = []
    for tie in ordered.to_dict("records"):
        start_known = bool(tie["started"])
        evidence = min(filter(None, [first_event.get(tie["id"]), tie["status_as_of"]]))
        start = partial_date_start(tie["started"] if start_known else evidence)
        # an ended tie without a known end date is drawn up to the source that reports it ended
        end = tie["ended"] or (tie["status_as_of"] if tie["status"] == "ended" else "")
        drawn_to = partial_date_start(end).date().isoformat() if end else today.date().isoformat()
        last = last_evidence.get(tie["id"], "")
        silent_from = max(partial_date_start(last), start).date().isoformat() if last else ""
        rows.append(
            {
                "tie_id": tie["id"],
                "label": tie_label(tie, lang),
                "province": provinces.names(lang).get(tie["nl_province_id"], ""),
                "started": tie["started"],
                "start_known": start_known,
                "drawn_from": start.date().isoformat(),
                "ended": tie["ended"],
                "drawn_to": drawn_to,
                "status": tie["state"],
                "last_evidence": last,
                "silent_from": silent_from,
            }
        )
    columns = [
        "tie_id",
        "label",
        "province",
        "started",
        "start_known",
        "drawn_from",
        "ended",
        "drawn_to",
        "status",
        "last_evidence",
        "silent_from",
    ]
    data = pd.DataFrame(rows, columns=columns)
    fig = go.Figure()
    for status in model.STATES:
        for known in (True, False):
            part = data[(data["status"] == status) & (data["start_known"] == known)]
            if part.empty:
                continue
            xs, ys = [], []
            for row in part.itertuples():
                xs += [row.drawn_from, row.drawn_to, None]
                ys += [safe_text.plotly(row.label)] * 2 + [None]
            fig.add_scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=label("state", status, lang),
                legendgroup=status,
                showlegend=known or data[(data["status"] == status) & data["start_known"]].empty,
                line={"color": STATUS_COLOURS[status], "width": 9 if known else 5, "dash": "solid" if known else "dot"},
                opacity=1 if known else 0.7,
                hoverinfo="skip",
            )
    silent = data[(data["silent_from"] != "") & (data["silent_from"] < data["drawn_to"])]
    if not silent.empty:
        xs, ys, texts = [], [], []
        for row in silent.itertuples():
            name_of_tie = safe_text.plotly(row.label)
            when = safe_text.plotly(t("silent_since", lang, when=profiles.date_words(row.last_evidence, lang)))
            xs += [row.silent_from, row.drawn_to, None]
            ys += [name_of_tie, name_of_tie, None]
            texts += [f"{name_of_tie}: {when}"] * 2 + [None]
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            name=t("silent_since_legend", lang),
            legendgroup="silence",
            line={"color": "#222222", "width": 2, "dash": "dash"},
            text=texts,
            hoverinfo="text",
        )
    if not data["start_known"].all():
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="lines",
            name=t("dotted_start", lang),
            hoverinfo="skip",
            line={"color": "#555555", "width": 5, "dash": "dot"},
        )
    shown = tie_events[tie_events["type"].isin(EVENT_STYLE)].copy()
    shown["label"] = shown["tie_id"].map(dict(zip(data["tie_id"], data["label"].map(safe_text.plotly))))
    for event_type, (colour, symbol) in EVENT_STYLE.items():
        part = shown[shown["type"] == event_type]
        if part.empty:
            continue
        publishers = part["source_ids"].map(
            lambda ids: ", ".join(dict.fromkeys(publisher.get(s, "") for s in ids.split()))
        )
        fig.add_scatter(
            x=part["date"].map(lambda d: partial_date_start(d).date().isoformat()),
            y=part["label"],
            mode="markers",
            name=label("event", event_type, lang),
            legendgroup="events",
            marker={"symbol": symbol, "size": 11, "color": colour, "line": {"width": 1, "color": "#ffffff"}},
            customdata=list(
                zip(
                    part["date"].map(safe_text.plotly),
                    part[f"title_{lang}"].map(safe_text.plotly),
                    part[f"summary_{lang}"].map(lambda s: safe_text.plotly(safe_text.shorten(s, 160))),
                    publishers.map(safe_text.plotly),
                )
            ),
            hovertemplate=LINE_BREAK.join(
                ("<b>%{customdata[1]}</b>", "%{customdata[0]}", "%{customdata[2]}", "<i>%{customdata[3]}</i>")
            )
            + "<extra></extra>",
        )
    actors = shown["actors"].fillna("") if "actors" in shown else pd.Series("", index=shown.index)
    with_cpaffc = shown[actors.str.split().map(lambda codes: "cpaffc" in codes)]
    if not with_cpaffc.empty:
        fig.add_scatter(
            x=with_cpaffc["date"].map(lambda d: partial_date_start(d).date().isoformat()),
            y=with_cpaffc["label"],
            mode="markers",
            name=t("cpaffc_involved", lang),
            legendgroup="events",
            marker={"symbol": "circle-open", "size": 19, "color": "#000000", "line": {"width": 2}},
            hoverinfo="skip",
        )
    height = max(EXPORT_HEIGHT, 190 + 24 * len(data))
    fig.update_yaxes(
        autorange="reversed",
        categoryorder="array",
        categoryarray=list(data["label"].map(safe_text.plotly)),
        automargin=True,
        tickfont={"size": 12},
    )
    fig.update_xaxes(type="date", range=[f"{f.year_from}-01-01", f"{f.year_to}-12-31"])
    moments = _moments_of(events, ties, f, lang, f.year_from, f.year_to) if moments is None else moments
    notes = _annotate_moments(fig, moments, lambda m: m.when)
    source = source_line(ties, sources, lang)
    subtitle = selection_text(f, lang) if subtitle is None else subtitle
    house_style(fig, t("chart_lifetimes", lang), subtitle, source, height, notes, True)
    summary = lifetimes_summary(len(data), int((~data["start_known"]).sum()) if len(data) else 0, len(shown), lang)
    return Chart(fig, data, summary, name, source, tuple(notes), t("chart_lifetimes", lang))


def lifetimes_summary(ties: int, unknown: int, events: int, lang: Lang) -> str:
    """'12 banden, waarvan 3 met onbekend begin, met 40 gebeurtenissen.', and '1 band, met 1 gebeurtenis.'"""
    count = t("n_ties_one", lang) if ties == 1 else t("n_ties", lang, n=str(ties))
    if unknown == 0:
        unknown_text = ""
    elif unknown == ties:
        unknown_text = t("lifetimes_unknown_all", lang)
    else:
        unknown_text = t("lifetimes_unknown", lang, n=str(unknown))
    happened = t("n_events_one", lang) if events == 1 else t("n_events", lang, n=str(events))
    return t("summary_lifetimes", lang, ties=count, unknown=unknown_text, events=happened)


def _last_evidence(ties: pd.DataFrame, events: pd.DataFrame) -> dict[str, str]:
    """Tie id -> its last sign of life: the loaded frame carries it; a bare frame gets it from the events."""
    if "last_evidence" in ties:
        return dict(zip(ties["id"], ties["last_evidence"]))
    records = events[["id", "tie_id", "type", "date"]].to_dict("records")
    latest = {
        tie_id: model.latest_evidence(tie_id, started, records) for tie_id, started in zip(ties["id"], ties["started"])
    }
    return {tie_id: evidence.date if evidence else "" for tie_id, evidence in latest.items()}


def yearly_bars(
    data: pd.DataFrame, colours: dict[str, str], label_prefix: str, lang: Lang, patterns: dict[str, str]
) -> go.Figure:
    """One bar trace per group of a (year, group, events) frame, in the order of `colours`; a pattern
    on the groups that must stand out in grey print too."""
    fig = go.Figure()
    for group, colour in colours.items():
        part = data[data["group"] == group]
        if part.empty:
            continue
        fig.add_bar(
            x=part["year"],
            y=part["events"],
            name=t(f"{label_prefix}{group}", lang),
            marker_color=colour,
            marker_pattern_shape=patterns.get(group, ""),
            hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
        )
    return fig


def events_by_type_and_year(events: pd.DataFrame, sources: pd.DataFrame, subtitle: str, lang: Lang) -> Chart:
    """Events per year, stacked by group of event type."""
    grouped = events.assign(group=events["type"].map(GROUP_OF))
    data = grouped.groupby(["year", "group"]).size().rename("events").reset_index()
    fig = yearly_bars(data, {g: colour for g, (colour, _) in EVENT_GROUPS.items()}, "group_", lang, {"politics": "/"})
    fig.update_layout(barmode="stack")
    peak = data.groupby("year")["events"].sum().max() if len(data) else 1
    fig.update_yaxes(title=t("events_per_year", lang), dtick=whole_ticks(peak))
    source = source_line(events, sources, lang)
    house_style(fig, t("chart_events", lang), subtitle, source, legend_right=True)
    busiest = data.groupby("year")["events"].sum()
    summary = t(
        "summary_events",
        lang,
        n=str(len(events)),
        year=str(int(busiest.idxmax())) if len(busiest) else "–",
        peak=str(int(busiest.max())) if len(busiest) else "0",
    )
    return Chart(fig, data, summary, "stedenbanden-events", source, title=t("chart_events", lang))


COMPACT_ROW_PX = 34
COMPACT_LEGEND_PX = 24
COMPACT_MOMENT_PX = 14  # a row of key-moment numbers above the years


def wrap(text: str, width: int) -> str:
    """Plotly does not wrap titles; break long ones into lines for narrow screens."""
    return LINE_BREAK.join(textwrap.wrap(text, width)) or text


def compact(chart: Chart) -> Chart:
    """The same chart laid out for a phone: legend under the plot, source line under the title,
    key-moment notes left to the page, and each lifetime labelled above its bar instead of beside it."""
    fig = go.Figure(chart.figure)
    fig.layout.annotations = [a for a in fig.layout.annotations if a.name != "source-line"]
    title = wrap(fig.layout.title.text, 38)
    subtitle = wrap(fig.layout.title.subtitle.text, 46)
    source = wrap(safe_text.plotly(chart.source), 58)
    header_lines = sum(text.count(LINE_BREAK) + 1 for text in (title, subtitle, source))
    fig.update_layout(
        title={
            "text": title,
            "subtitle": {"text": f"{subtitle}{LINE_BREAK}<span style='font-size:11px;color:#555555'>{source}</span>"},
            "yref": "container",  # at the top, not centred in a margin that grows with the notes
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 12 + 22 * title.count(LINE_BREAK)},  # plotly anchors a title's last line, not its first
        },
        margin={"l": 8, "r": 8, "t": 20 + 21 * header_lines, "b": 40},
        legend={
            "orientation": "h",
            "x": 0,
            "y": -0.08,
            "xanchor": "left",
            "yanchor": "top",
            "entrywidth": 1,  # one entry a row
            "entrywidthmode": "fraction",
        },
        font={"size": 12},
    )
    fig.update_xaxes(title=None)  # the subtitle says what is counted; the legend sits where the title was
    rows = list(fig.layout.yaxis.categoryarray or [])
    if rows:
        # A chart taller than the screen: the years on top, where the reader starts, and the key-moment
        # numbers above them, not on the first ties' bars.
        fig.update_xaxes(side="top")
        moments = [a for a in fig.layout.annotations if a.name == "key-moment"]
        for n, moment in enumerate(moments):
            moment.update(y=1, yanchor="bottom", yshift=24 + COMPACT_MOMENT_PX * (n % 3))
        fig.update_layout(margin={"t": fig.layout.margin.t + 30 + COMPACT_MOMENT_PX * min(len(moments), 3)})
        fig.update_yaxes(showticklabels=False)
        legend_items = sum(1 for trace in fig.data if trace.showlegend is not False)
        fig.update_layout(height=250 + COMPACT_ROW_PX * len(rows) + COMPACT_LEGEND_PX * legend_items)
        for row in rows:
            fig.add_annotation(
                x=0,
                xref="paper",
                y=row,
                yshift=13,
                xanchor="left",
                showarrow=False,
                text=row,
                font={"size": 11},
                name="row-label",
            )
    else:
        fig.update_yaxes(title=None)
    return replace(chart, figure=fig)


def province_comparison(
    totals: pd.DataFrame, ties: pd.DataFrame, sources: pd.DataFrame, lang: Lang, selected: tuple[str, ...] = ()
) -> Chart:
    """The twelve provinces side by side: ties of province and municipalities together, stacked by status.
    The `selected` provinces stand out (a band behind the bar, a bold marked name), so a province sees
    where it stands among the others."""
    ordered = totals.sort_values(["ties", "province"], ascending=[True, False])
    fig = go.Figure()
    names = ordered["province"].map(safe_text.plotly)
    chosen = ordered["province_id"].isin(selected).to_numpy()
    for position in np.flatnonzero(chosen):
        fig.add_hrect(
            y0=position - 0.5, y1=position + 0.5, fillcolor=HIGHLIGHT, line_width=0, layer="below", name="selected"
        )
    fig.update_yaxes(
        tickmode="array",
        tickvals=list(names),
        ticktext=[f"▶ {name}" if mark else name for name, mark in zip(names, chosen)],
    )
    for status in model.STATES:
        fig.add_bar(
            y=ordered["province"].map(safe_text.plotly),
            x=ordered[status],
            orientation="h",
            name=label("state", status, lang),
            marker_color=STATUS_COLOURS[status],
            marker_pattern_shape=STATUS_FILL_PATTERN.get(status, ""),
            hovertemplate="%{y}: %{x}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.25, legend_traceorder="normal")
    fig.update_xaxes(title=t("n_ties", lang, n="").strip().capitalize())
    fig.update_yaxes(automargin=True)
    source = source_line(ties, sources, lang)
    house_style(fig, t("chart_compare", lang), t("compare_subtitle", lang), source)
    top = totals.sort_values("ties", ascending=False).iloc[0]
    summary = t(
        "summary_compare",
        lang,
        top=str(top["province"]),
        n=str(int(top["ties"])),
        ended=str(int(totals["ended"].sum())),
        total=str(int(totals["ties"].sum())),
    )
    for province in totals[totals["province_id"].isin(selected)].itertuples():
        rank = 1 + int((totals["ties"] > province.ties).sum())
        count = t("n_ties_one", lang) if province.ties == 1 else t("n_ties", lang, n=str(province.ties))
        summary += " " + t("summary_compare_selected", lang, name=province.province, ties=count, rank=str(rank))
    data = totals[["province_id", "province", "own", "municipal", "ties", *model.STATES]]
    return Chart(fig, data, summary, "stedenbanden-provinces", source, title=t("chart_compare", lang))


# Actor codes folded into four groups, so the CPAFFC's presence stands out against the state actors.
ACTOR_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "cpaffc": ("#CC79A7", ("cpaffc",)),
    "cn_state": ("#D55E00", ("cn_diplomatic", "cn_national_government", "cn_local_government")),
    "nl_state": ("#0072B2", ("nl_municipality", "nl_province", "nl_national_government")),
    "other": ("#999999", ("company", "university", "civil_society")),
}


def actor_groups(actors: str) -> list[str]:
    codes = set(actors.split())
    return [group for group, (_colour, members) in ACTOR_GROUPS.items() if codes & set(members)]


def events_by_actor(events: pd.DataFrame, sources: pd.DataFrame, subtitle: str, lang: Lang) -> Chart:
    """How present is each kind of actor, the CPAFFC above all, in the events per year."""
    known = events[events["actors"].fillna("").str.strip() != ""]
    rows = [
        {"year": int(event.year), "group": group, "event_id": event.id}
        for event in known.itertuples()
        if pd.notna(event.year)
        for group in actor_groups(event.actors)
    ]
    long = pd.DataFrame(rows, columns=["year", "group", "event_id"])
    data = long.groupby(["year", "group"]).size().rename("events").reset_index()
    colours = {g: colour for g, (colour, _) in ACTOR_GROUPS.items()}
    fig = yearly_bars(data, colours, "actor_group_", lang, {"cpaffc": "."})
    fig.update_layout(barmode="group", bargap=0.15)
    fig.update_yaxes(title=t("events_per_year", lang), dtick=whole_ticks(data["events"].max() if len(data) else 1))
    source = source_line(known, sources, lang)
    house_style(fig, t("chart_actors", lang), f"{subtitle} · {t('actors_subtitle', lang)}", source, legend_right=True)
    counts = {group: int((long["group"] == group).sum()) for group in ACTOR_GROUPS}
    summary = t(
        "summary_actors",
        lang,
        n=str(len(known)),
        cpaffc=str(counts["cpaffc"]),
        cn=str(counts["cn_state"]),
        nl=str(counts["nl_state"]),
    )
    return Chart(fig, data, summary, "stedenbanden-actors", source, title=t("chart_actors", lang))


def with_source_suffix(chart: Chart, suffix: str) -> Chart:
    """The chart with `suffix` (a permalink) added to the source line inside the figure."""
    fig = go.Figure(chart.figure)
    for annotation in fig.layout.annotations:
        if annotation.name == "source-line":
            annotation.text = f"{annotation.text} · {safe_text.plotly(suffix)}"
    return replace(chart, figure=fig, source=f"{chart.source} · {suffix}")


def place_lifetimes(profile: profiles.Profile, events: pd.DataFrame, sources: pd.DataFrame, lang: Lang) -> Chart:
    """A profile's own lifetimes chart: the place's ties (a province's with its municipalities'), whatever
    the filters, with the moments of those ties numbered. The profile page and its embed draw this."""
    ties = profile.shown_ties
    return lifetimes(
        ties,
        events,
        sources,
        Filter(),
        lang,
        subtitle=profile.place.name,
        name=f"stedenbanden-{profile.place.id.lower()}-lifetimes",
        moments=key_moments(events, lang, FIRST_YEAR, this_year(), ties=ties),
    )


def chart_for(
    show: str, data, f: Filter, ties: pd.DataFrame, lang: Lang, e: EventFilter | None = None, context: bool = True
) -> Chart:
    """The chart an embeddable view names (`show`, see `routes.EMBEDDABLES`), for the selection `f`
    (whose ties are `ties`) and, for the events charts, the events filters `e` and whether national and
    international context counts (`context`)."""
    return CHART_BUILDERS[show](data, f, ties, lang, e or EventFilter(), context)


def _selected_events(data, f: Filter, ties: pd.DataFrame, e: EventFilter, context: bool) -> pd.DataFrame:
    return apply_events(e, events_in(f, data.events, ties, data.places, context))


CHART_BUILDERS = {
    "begun-ended": lambda data, f, ties, lang, e, context: begun_and_ended(ties, data.events, data.sources, f, lang),
    "standing": lambda data, f, ties, lang, e, context: standing_over_time(ties, data.events, data.sources, f, lang),
    "lifetimes": lambda data, f, ties, lang, e, context: lifetimes(ties, data.events, data.sources, f, lang),
    "events": lambda data, f, ties, lang, e, context: events_by_type_and_year(
        _selected_events(data, f, ties, e, context), data.sources, selection_text(f, lang, e), lang
    ),
    "actors": lambda data, f, ties, lang, e, context: events_by_actor(
        _selected_events(data, f, ties, e, context), data.sources, selection_text(f, lang, e), lang
    ),
    "provinces": lambda data, f, ties, lang, e, context: province_comparison(
        profiles.province_totals(data), data.ties, data.sources, lang, f.provinces
    ),
}
