"""Showing an answer: text, JSON and Telegram HTML (render), charts, and the source view of a figure."""
