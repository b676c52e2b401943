"""'Report a correction' links: a prefilled report for one record, to a configurable target.

TWINNINGS_CORRECTIONS_URL is either an issue tracker's 'new issue' address (the report goes in
`title` and `body` query parameters, as GitHub and GitLab accept them) or a `mailto:` address
(`subject` and `body`). Without it, the link leads to the correction policy on the Data page.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from twinnings.i18n import Lang, t

POLICY_ANCHOR = "correcties"


def report_url(target: str | None, kind: str, record_id: str, lang: Lang, app_root: str = "") -> str:
    """Where 'report a correction' for `kind` ('tie' or 'event') `record_id` leads."""
    if not target:
        return f"{app_root.rstrip('/')}/data#{POLICY_ANCHOR}" if app_root else f"data#{POLICY_ANCHOR}"
    title = t("correction_title", lang, kind=t(f"correction_kind_{kind}", lang), id=record_id)
    body = t("correction_body", lang, id=record_id)
    if target.lower().startswith("mailto:"):
        return f"{target}?{urlencode({'subject': title, 'body': body}, quote_via=quote)}"
    separator = "&" if "?" in target else "?"
    return f"{target}{separator}{urlencode({'title': title, 'body': body}, quote_via=quote)}"
