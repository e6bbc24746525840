"""Kinds of the ``scores`` pack (``checks/scores.yaml``)."""
