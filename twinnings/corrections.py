"""'Report a correction' links: a prefilled report for one record, to a configurable target.

TWINNINGS_CORRECTIONS_URL is either an issue tracker's 'new issue' address (the report goes in
`title` and `body` query parameters, as GitHub and GitLab accept them) or a `mailto:` address
(`subject` and `body`). Without it, the link leads to the correction policy on the Data page.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from twinnings.i18n import Lang, t
from twinnings.routes import Link

POLICY_ANCHOR = "correcties"


def report_url(target: str | None, kind: str, record_id: str, lang: Lang, app_root: str = "") -> str:
    """Where 'report a correction' for `kind` ('tie' or 'event') `record_id` leads. The prefill goes
    into the target's query, before any fragment, joined to a query it already has."""
    if not target:
        policy = Link(page="data", lang=lang)
        return f"{policy.url(app_root) if app_root else policy.href()}#{POLICY_ANCHOR}"
    title = t("correction_title", lang, kind=t(f"correction_kind_{kind}", lang), id=record_id)
    body = t("correction_body", lang, id=record_id)
    names = ("subject", "body") if target.lower().startswith("mailto:") else ("title", "body")
    prefill = urlencode(dict(zip(names, (title, body))), quote_via=quote)
    address, hash_mark, fragment = target.partition("#")
    separator = "&" if "?" in address else "?"
    return f"{address}{separator}{prefill}{hash_mark}{fragment}"
