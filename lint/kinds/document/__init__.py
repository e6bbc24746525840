"""Kinds of the ``document`` pack (``checks/document.yaml``)."""
