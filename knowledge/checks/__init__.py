"""Consistency checks (勾稽关系): the template's sum rules over a report's table cells (sums.py, with
unsplit.py for digits run together and scan.py for OCR readings), its prose figures against its tables
(prose.py), and a report against the same body's year before (years.py).  Each failed check is a
Warning_ naming the cells it compared; every reply that uses one of them carries it (bot/reply/caveats.py)."""
