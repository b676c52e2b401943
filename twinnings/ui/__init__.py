"""The Streamlit glue, one module per job. Only this package and `pages/` import Streamlit.

- `context`: settings and the cached, read-only data every page uses.
- `state`: the current view (`routes.Link`): seeded from the address once, kept in widgets, written back.
- `chrome`: what every page shares around its content: language, filters, title, styles, notices.
- `links`: links between views, to profiles, to corrections; copy link and embed codes.
- `blocks`: a chart or a map with what comes beside it, the same way on every page.
"""
