# Sovereign AI Atlas: one replica. Non-root, pinned base, health-checked.
# 3.11.16: the newest 3.11 security release found here (python.org lists 3.11.15 of 2026-03-03;
# distributions shipped 3.11.16 by 2026-08). 3.11.7 carried CVE-2024-6232, -7592, -8088, 2025-4517.
# Not pinned by digest: no registry is reachable from this workplace to verify one.
FROM python:3.11.16-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_RUNNER_POST_SCRIPT_GC=false \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none
# The two tuned settings repeat .streamlit/config.toml (also copied) so that an override of the
# config file cannot silently bring back 100+ ms of GC per rerun; see docs/benchmarks.md.

RUN useradd --create-home --uid 10001 atlas
WORKDIR /app
COPY requirements-build.txt requirements.txt ./
RUN pip install --no-cache-dir -r requirements-build.txt && pip install --no-cache-dir -r requirements.txt
COPY --chown=atlas:atlas . .
USER atlas

EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2).status == 200 else 1)"

# The cookie secret must be the same on every replica behind one load balancer:
# pass STREAMLIT_SERVER_COOKIE_SECRET at run time (see deploy/docker-compose.yml).
CMD ["streamlit", "run", "dashboard.py"]
