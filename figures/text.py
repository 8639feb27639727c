"""Safe text: data strings are untrusted, so they are escaped before Markdown or plotly sees them."""

import html
import re

import pandas as pd

# Characters with a meaning in Streamlit Markdown (CommonMark, GitHub extensions, :directives:, $math$).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")


def md(text: object) -> str:
    """Text that Streamlit Markdown shows literally: every special character backslash-escaped."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    clean = str(text).replace("\r", " ").replace("\n", " ")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", clean)


def plain(text: object) -> str:
    """Text for plotly hover labels, titles and legends: `<`, `>` and `&` escaped so tags show literally.

    Quotes are left alone: plotly decodes only a few entities, so `&quot;` would show as typed.
    Never put the result into a `hovertemplate` (plotly would interpolate a `%{...}` in it): pass
    data through `customdata` or `hovertext` instead.
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return html.escape(str(text), quote=False)


def number(value: object, unit: str = "", digits: int = 0) -> str:
    """A figure for display; "not reported" for unknown values (never 0)."""
    if value is None or pd.isna(value):
        return "not reported"
    text = f"{float(value):,.{digits}f}"
    return f"{text} {unit}".strip()


def money(value: object) -> str:
    """Euros in readable units: €1.2 bn, €350 m."""
    if value is None or pd.isna(value):
        return "not reported"
    v = float(value)
    if abs(v) >= 1e9:
        return f"€{v / 1e9:,.1f} bn"
    if abs(v) >= 1e6:
        return f"€{v / 1e6:,.0f} m"
    return f"€{v:,.0f}"


def md_link(title: object, url: str) -> str:
    """A Markdown link whose text is escaped and whose URL cannot break out of the link syntax."""
    safe_url = "".join(f"%{ord(ch):02X}" if ch in "()<> []\\" else ch for ch in str(url))
    return f"[{md(title)}]({safe_url})"
