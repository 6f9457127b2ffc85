"""What a saved web page says about itself besides its report: the body on its info line or breadcrumb,
the places its text names (names.py, places.py)."""
