# 年报问答 (nianbao) — the Telegram bot, with the bundled reports.
#
#   docker build -t nianbao .
#   docker run -d --name nianbao -e TELEGRAM_BOT_TOKEN=... -e NIANBAO_ADMINS=123456789 nianbao
#
# Settings come from the environment: TELEGRAM_BOT_TOKEN (required, never baked into the image),
# NIANBAO_* for everything in bot/settings.py (NIANBAO_ADMINS, NIANBAO_RATE_LIMIT_PER_MINUTE,
# NIANBAO_WEBHOOK_URL, NIANBAO_WEBHOOK_SECRET, NIANBAO_DB_PATH, …), TELEGRAM_BASE_URL /
# TELEGRAM_BASE_FILE_URL for a self-hosted Bot API server.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    NIANBAO_CACHE_DIR=/app/var/cache

WORKDIR /app

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin nianbao

# Both packages; knowledge/ carries its data (catalogue, synonyms, bundled reports) as package data.
COPY pyproject.toml README.md* ./
COPY knowledge ./knowledge
COPY bot ./bot
RUN pip install .
COPY config ./config

RUN mkdir -p var/cache && chown -R nianbao:nianbao var
USER nianbao

# Warm at build time, as the user that runs the bot: jieba's dictionary cache and the default
# knowledge base built from knowledge/data/reports/ both land in NIANBAO_CACHE_DIR, and matplotlib's
# font list in the user's cache, so a container answers its first question (and chart) without that work.
RUN python -c "import bot.understand.segment as s; s.warm()" \
 && python -m bot ask "行政复议多少件" > /dev/null \
 && python -m bot ask --chart /tmp/warm.png "平潭近5年行政复议多少件" > /dev/null && rm -f /tmp/warm.png

# Only used in webhook mode (NIANBAO_WEBHOOK_URL set); long polling needs no port.
EXPOSE 8443

CMD ["python", "-m", "bot", "serve"]
