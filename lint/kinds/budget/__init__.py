"""Kinds of the ``budget`` pack (``checks/budget.yaml``)."""
