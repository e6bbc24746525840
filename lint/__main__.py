"""``python -m crossfoot``: the command line."""

from .cli import main

main(prog_name="crossfoot")
