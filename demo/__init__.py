"""Demo content: the department's pages and partner cities in German, translated into the eleven other languages,
and the demo users. Loaded by `manage.py load_demo`."""
