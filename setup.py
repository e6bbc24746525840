"""The folder ``lint/`` installs and imports as ``crossfoot``, with the packs of ``checks/`` inside it.

Every package under ``lint/`` is found here (nothing listed by hand); the rest of the metadata is in
``pyproject.toml``. pyproject alone cannot rename a folder's subpackages, hence these few lines.
"""

from setuptools import find_namespace_packages, setup

setup(
    package_dir={"crossfoot": "lint", "crossfoot.checks": "checks"},
    packages=["crossfoot", "crossfoot.checks",
              *(f"crossfoot.{p}" for p in find_namespace_packages("lint", exclude=["*__pycache__*"]))],
)
