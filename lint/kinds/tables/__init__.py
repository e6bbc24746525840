"""Kinds of the ``tables`` pack (``checks/tables.yaml``)."""
