"""年报问答 (nianbao) — the conversation side: understand a question (`understand/`), answer it from the
knowledge base and render the reply (`reply/`), over a terminal (`cli`) or Telegram (`tg/`)."""

__version__ = "0.1.0"
