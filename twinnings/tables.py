"""Tables for display and download: one place decides column names and order."""

from __future__ import annotations

import pandas as pd

from twinnings.i18n import Lang, label, t


def ties_table(ties: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Ties as a reader sees them: names in the chosen language, labels instead of codes."""
    partner_name = "cn_name_nl" if lang == "nl" else "cn_name_en"
    return pd.DataFrame(
        {
            t("col_nl_place", lang): ties["nl_name_nl"],
            t("col_cn_place", lang): ties[partner_name],
            t("col_name_zh", lang): ties["cn_name_zh"],
            t("col_relation", lang): ties["relation_type"].map(lambda v: label("relation", v, lang)),
            t("col_started", lang): ties["started"],
            t("col_ended", lang): ties["ended"],
            t("col_status", lang): ties["status"].map(lambda v: label("status", v, lang)),
            t("col_status_as_of", lang): ties["status_as_of"],
            t("col_sources", lang): ties["source_ids"],
            "id": ties["id"],
        }
    ).sort_values([t("col_nl_place", lang), t("col_cn_place", lang)], ignore_index=True)


def sources_table(sources: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": sources["id"],
            t("col_publisher", lang): sources["publisher"],
            t("col_title", lang): sources["title"],
            t("col_published", lang): sources["published"],
            "URL": sources["url"],
        }
    )


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so that Excel opens Chinese names correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")
