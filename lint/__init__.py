"""crossfoot: a linter for the numbers inside written reports.

The pipeline, one room each: ``ingest`` (files → Document) → ``figures`` (text → Figures) →
``kinds`` (find relations, judge them) driven by the YAML packs in ``checks/`` through ``engine`` →
``report`` (Findings → a format). ``cli`` is the thin command line on top.
"""

__version__ = "0.1.0"
