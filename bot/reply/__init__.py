"""Answering and replies: run a query over the loaded facts, compose the answer with its figures, arithmetic
and sources, and render it for a terminal, JSON or Telegram."""
