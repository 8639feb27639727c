"""Render deploy/nginx.conf.template for a list of upstream addresses.

Only ${UPSTREAMS}, ${LISTEN} and ${PREFIX} are filled in; nginx's own $variables pass through.
"""

import string
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx.conf.template")


def render(upstreams: list[str], listen: str, prefix: str) -> str:
    servers = "\n".join(f"        server {u} max_fails=1 fail_timeout=5s;" for u in upstreams)
    return string.Template(TEMPLATE.read_text()).safe_substitute(UPSTREAMS=servers, LISTEN=listen, PREFIX=prefix)
