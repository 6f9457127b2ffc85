"""Consistency checks (勾稽关系): the template's sum rules over a report's table cells, and its prose figures
against its tables; each failed check is a warning carried by the report and by every answer it touches."""
