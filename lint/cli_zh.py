"""click's own words (usage errors, ``Usage:``, ``Try … for help.``) in Chinese, when crossfoot speaks it.

click marks its messages for gettext (``_("No such option {name!r}.")``) and formats them after; no catalog
ships with it. :func:`speak` hands click's modules a lookup in :data:`CLICK_ZH` instead, so a drafter who
mistypes an option reads 错误：没有选项 '--bogus'。, not English. A message not listed stays as click wrote
it. The language is decided before click parses anything: ``--lang zh`` (or ``--lang=zh``) among the
arguments, else the locale (:func:`crossfoot.lang.from_locale`). crossfoot's own help (each command's and
option's text under ``--help``) is read from ``cli_zh.yaml`` beside this module by :func:`help_in`.
"""

from __future__ import annotations

import sys

CLICK_ZH = {
    "Usage:": "用法：",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Aborted!": "已中止！",
    "Options": "选项",
    "Commands": "命令",
    "Show the version and exit.": "显示版本并退出。",
    "Show this message and exit.": "显示本帮助并退出。",
    "default: {default}": "默认：{default}",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
}
# plural messages: one Chinese form for both
CLICK_ZH_PLURAL = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Did you mean {possibility}?": "是否要输入 {possibility}？",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
}
# click's modules that look their words up through gettext
_MODULES = ("click.core", "click.exceptions", "click.parser", "click.types", "click.formatting",
            "click.decorators", "click.termui", "click.utils")


def wanted(argv: list[str]) -> str:
    """The language the arguments ask for (``--lang zh``, ``--lang=zh``), else the locale's."""
    from .lang import from_locale

    for k, arg in enumerate(argv):
        if arg == "--lang" and k + 1 < len(argv):
            return argv[k + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return from_locale()


def _gettext(message: str) -> str:
    return CLICK_ZH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return CLICK_ZH_PLURAL.get(singular, singular if n == 1 else plural)


def speak(lang: str) -> None:
    """Have click say its words in ``lang``: Chinese for zh, else click's own English (put back, so one
    process running commands in both languages, as tests do, hears each in its own)."""
    import gettext

    say, plural = (_gettext, _ngettext) if lang == "zh" else (gettext.gettext, gettext.ngettext)
    for name in _MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = say
        if hasattr(module, "ngettext"):
            module.ngettext = plural


def help_in(group, lang: str) -> None:
    """Give ``group``'s commands and options their help in ``lang``: the Chinese of ``cli_zh.yaml`` for zh,
    the English written in ``cli.py`` otherwise (kept on each object the first time, so both languages take
    turns)."""
    import click

    zh = _catalog() if lang == "zh" else None
    _say(group, zh["main"] if zh else None)
    for name, command in group.commands.items():
        entry = zh["commands"].get(name, {}) if zh else {}
        _say(command, entry.get("help"))
        for param in command.params:
            if isinstance(param, click.Option):
                _say(param, entry.get("options", {}).get(param.name))


def _say(thing, text: str | None) -> None:
    if not hasattr(thing, "_help_en"):
        thing._help_en = thing.help
    thing.help = text or thing._help_en
    if hasattr(thing, "short_help"):
        thing.short_help = None  # derived again from the help shown


def _catalog() -> dict:
    from pathlib import Path

    import yaml

    return yaml.safe_load((Path(__file__).parent / "cli_zh.yaml").read_text(encoding="utf-8"))
