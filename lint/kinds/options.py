"""Typed options: a kind declares what it reads as a dataclass (:func:`options`, read-only), and a pack's
YAML becomes one.

Each field's type says what the pack may write for it:

* :class:`crossfoot.vocabulary.Words` — a list of words, or ``$name``: a vocabulary the packs define once
  (``vocabularies:`` at the top of a pack) and share; a default may name one
  (:func:`~crossfoot.vocabulary.named`);
* ``int``, ``float``, ``bool``, ``str``, ``Decimal`` (a number, or a string of one);
* ``dict[str, T]``: a mapping whose values are each a ``T``;
* ``tuple[T, ...]``: a list of ``T``; ``tuple[str, str]``: a pair;
* another dataclass (a cell's spec): a mapping of its fields.

An unknown option, a value of the wrong type, or the dataclass's own ``validate()`` saying why the options
cannot work, is an :class:`OptionError` (the engine names the pack's file and line). A message template may
name only fields the kind fills (its ``FIELDS``), plainly: ``{stated}``, never ``{stated:>9}`` or
``{stated.__class__}``.
"""

from __future__ import annotations

import dataclasses
import string
import types
import typing
from decimal import Decimal, InvalidOperation
from functools import cache

from ..vocabulary import Named, Words


class OptionError(ValueError):
    """Options or a message template that a kind cannot use."""


def options(cls):
    """``cls`` as a kind's options: a dataclass that a pack's YAML builds and nothing changes after. Only
    its ``__init__`` is generated: a frozen dataclass's six generated methods, for each of some sixty
    kinds, were a seventh of a pre-commit call's start-up. Its fields are read-only all the same (set once,
    by ``__init__``; assigning or deleting one afterwards raises ``FrozenInstanceError``), and it compares
    by identity (no two are compared: each check builds its own)."""
    cls = dataclasses.dataclass(cls, repr=False, eq=False)
    cls.__setattr__, cls.__delattr__ = _set_once, _kept
    return cls


def _set_once(self, name: str, value) -> None:
    if name in self.__dict__:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _kept(self, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def build(cls, given: dict, vocabularies: dict[str, Words], where: str = "options"):
    """An instance of the options dataclass ``cls`` from the mapping ``given`` (defaults for the rest)."""
    if not isinstance(given, dict):
        raise OptionError(f"{where} must be a mapping")
    hints = _hints(cls)
    aliases = getattr(cls, "ALIASES", {})
    unknown = sorted(set(given) - set(names(cls)))
    if unknown:
        raise OptionError(f"{where} has no option(s) {', '.join(map(str, unknown))} "
                          f"(it has: {', '.join(names(cls)) or 'none'})")
    values = {}
    for key, value in given.items():
        name = aliases.get(key, key)
        values[name] = _convert(hints[name], value, vocabularies, f"{where}: option {key}")
    for f in dataclasses.fields(cls):
        if f.name not in values and isinstance(f.default, Named):
            values[f.name] = _named(f.default, vocabularies, f"{where}: option {f.name}")
    built = cls(**values)
    validate = getattr(built, "validate", None)
    problem = validate() if validate else None
    if problem:
        raise OptionError(f"{where}: {problem}")
    return built


def names(cls) -> list[str]:
    """The option names a pack may write for the options dataclass ``cls``."""
    aliases = {v: k for k, v in getattr(cls, "ALIASES", {}).items()}
    return sorted(aliases.get(f.name, f.name) for f in dataclasses.fields(cls))


def shown(options) -> list[tuple[str, object]]:
    """``(name, value)`` of each option as a pack would write it (lists for words), for ``crossfoot rule``."""
    aliases = {v: k for k, v in getattr(type(options), "ALIASES", {}).items()}
    return [(aliases.get(f.name, f.name), _plain(getattr(options, f.name)))
            for f in dataclasses.fields(options)]


def fields_of(template: str, declared, where: str) -> None:
    """Raise :class:`OptionError` unless every field ``template`` names is plain and one of ``declared``."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise OptionError(f"{where}: message is not a valid template: {exc}") from None
    for _text, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise OptionError(f"{where}: message field {{{name}{'!' + conversion if conversion else ''}"
                              f"{':' + spec if spec else ''}}} is not a plain {{name}}")
        if name not in declared:
            raise OptionError(f"{where}: message names {{{name}}}, which this kind does not fill "
                              f"(it fills: {', '.join(sorted(declared))})")


@cache
def _hints(cls) -> dict:
    return typing.get_type_hints(cls)


def _named(ref: str, vocabularies, where: str) -> Words:
    if ref not in vocabularies:
        raise OptionError(f"{where}: no vocabulary named {ref!r} (known: {', '.join(sorted(vocabularies))})")
    return vocabularies[ref]


def _convert(tp, value, vocabularies, where: str):
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Words:
        if isinstance(value, str) and value.startswith("$"):
            return _named(value[1:], vocabularies, where)
        if not isinstance(value, (list, tuple)) or not all(isinstance(w, str) for w in value):
            raise OptionError(f"{where} is a list of words (or $name of a vocabulary)")
        if any(not w.strip() for w in value):
            raise OptionError(f"{where} holds an empty word, which every text holds")  # ([\"\", …]: a
            # word matching anywhere, a check firing everywhere or nowhere as it is read)
        return Words.of(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise OptionError(f"{where} is true or false")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"{where} is a whole number")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise OptionError(f"{where} is a number")
        return value
    if tp is Decimal:
        try:
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise InvalidOperation
            number = Decimal(str(value))
        except InvalidOperation:
            raise OptionError(f"{where} is a number") from None
        if not number.is_finite():
            raise OptionError(f"{where} is a finite number")
        return number
    if tp is str:
        if not isinstance(value, str):
            raise OptionError(f"{where} is a string")
        return value
    if origin is dict:
        if not isinstance(value, dict):
            raise OptionError(f"{where} is a mapping")
        return {str(k): _convert(args[1], v, vocabularies, f"{where}.{k}") for k, v in value.items()}
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise OptionError(f"{where} is a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v, vocabularies, f"{where}[{i}]") for i, v in enumerate(value))
        if len(value) != len(args):
            raise OptionError(f"{where} is a list of {len(args)}")
        return tuple(_convert(a, v, vocabularies, f"{where}[{i}]")
                     for i, (a, v) in enumerate(zip(args, value)))
    if origin in (typing.Union, types.UnionType):
        for option in args:
            try:
                return _convert(option, value, vocabularies, where)
            except OptionError:
                continue
        raise OptionError(f"{where} is none of {', '.join(getattr(a, '__name__', str(a)) for a in args)}")
    if dataclasses.is_dataclass(tp):
        return build(tp, value, vocabularies, where)
    raise OptionError(f"{where}: an option of a type packs cannot write ({tp})")  # pragma: no cover


def _plain(value):
    if isinstance(value, Words):
        return list(value)
    if isinstance(value, Decimal):
        return str(value)
    if dataclasses.is_dataclass(value):
        return dict(shown(value))
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
