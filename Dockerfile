# 年报问答 (nianbao) — the Telegram bot, with the bundled reports.
#
#   docker build -t nianbao .
#   docker run -d --name nianbao -v nianbao-data:/data -e TELEGRAM_BOT_TOKEN -e NIANBAO_ADMINS nianbao
#
# Settings come from the environment: TELEGRAM_BOT_TOKEN (required, never baked into the image),
# NIANBAO_* for everything in bot/settings.py (see README “Settings”), TELEGRAM_BASE_URL /
# TELEGRAM_BASE_FILE_URL for a self-hosted Bot API server.
#
# The base image is pinned by exact version (the Python the constraints were resolved with);
# pin it by digest too where your registry shows one: FROM python:3.11.7-slim-bookworm@sha256:…
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    NIANBAO_CACHE_DIR=/app/var/cache \
    NIANBAO_DB_PATH=/data/kb.json \
    NIANBAO_HEALTH_FILE=/tmp/nianbao.alive

WORKDIR /app

# The data directory exists in the image, owned by the bot's user: a named volume mounted on
# /data starts as a copy of it (same owner), so the non-root bot can write uploads there.
# OpenCV (pulled in by the OCR engine, rapidocr_onnxruntime) needs these two system libraries.
RUN apt-get update && apt-get install -y --no-install-recommends libgl1 libglib2.0-0 \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin nianbao \
 && mkdir -p /data /app/var/cache \
 && chown nianbao:nianbao /data /app/var/cache

# Dependencies first (pinned by constraints.txt), then both packages; knowledge/ carries its data
# (catalogue, synonyms, bundled reports) as package data.
COPY constraints.txt pyproject.toml README.md ./
COPY knowledge ./knowledge
COPY bot ./bot
RUN pip install -c constraints.txt .
COPY config ./config

USER nianbao

# Build at image build time, as the user that runs the bot: jieba's dictionary cache,
# /data/kb.json holding every bundled report (what a new volume starts with), and matplotlib's
# font list in the user's cache, so a container answers its first question (and chart) at once.
RUN python -c "import bot.understand.segment as s; s.warm()" \
 && python -c "from knowledge.kb import bundled_reports; print('\n'.join(map(str, bundled_reports())))" \
    | xargs python -m bot ingest --db /data/kb.json \
 && python -m bot ask "行政复议多少件" > /dev/null \
 && python -m bot ask --chart /tmp/warm.png "平潭近5年行政复议多少件" > /dev/null && rm -f /tmp/warm.png

VOLUME ["/data"]

# serve touches NIANBAO_HEALTH_FILE every 30 s while its event loop runs; stale for 90 s = unhealthy.
HEALTHCHECK --interval=60s --timeout=10s --start-period=120s --retries=3 \
  CMD ["python", "-m", "bot.tg.health", "/tmp/nianbao.alive"]

# Only used in webhook mode (NIANBAO_WEBHOOK_URL set); long polling needs no port.
EXPOSE 8443

CMD ["python", "-m", "bot", "serve"]
