"""Kinds of the ``core`` pack (``checks/core.yaml``)."""
