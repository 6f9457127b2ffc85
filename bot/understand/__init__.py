"""Question understanding: normalise the text, pull out years and agencies, segment, and match the words
to template fields and prose items — a question becomes slots and a query."""
