"""score_rule: a score the prose says it computed by a stated rule (按执行率×分值计算得分 4.81分) agrees with
the rule's figures.

The rule is a rate word times the item's 分值 (按执行率×分值计算, 按“到位率×分值”计分, 得分4.81分（执行率×
分值）; × written ×, x, *, ＊ or 乘以). Its figures are: the rate, the nearest percentage before the rule in
its sentence (or in the sentence before, when the rule's states nothing but points and that one scores nothing
itself) whose label ends with the rule's rate word (执行率96.18%, 预算执行率为96.18%); the 分值, the one point
figure labelled 分值 (or 满分, 标准分) in the rule's clause (该指标分值5分; （分值5分）; not a group's or the
whole's, 决策指标满分20分, 评价满分100分), or, none there, the one the sentence before states alone
(该指标分值6分。…按执行率×分值计算得分 X); and the score, the one point figure in 分 right after the rule
(计算得分 4.81分, 计得4.71分; not 过程指标得分 X, a group's) or right before the rule in brackets
(得分4.81分（执行率×分值）), stated with decimals (a whole score may be the rule's result rounded or 取整 as
the report's rules say). Two rates of the word, or two 分值, are left alone (which of them is not said). A
rate above 100% gives full marks (the rule's usual cap), never more.

Judged as an interval: the rate's interval times the 分值 (exact: points allotted) must meet the score's
rounding interval.
"""

from __future__ import annotations

from decimal import Decimal

from ...figures import labels, precision
from ...interval import Interval
from ...regex import lazy
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "score_rule"
FIELDS = JUDGED


@options
class Options:
    """No options: the rule's wording is its own."""


_WORDS = ("执行率", "完成率", "到位率", "达成率", "实现率", "支出率", "使用率", "覆盖率", "满意度", "合格率",
          "达标率", "得分率")  # the rates a rule multiplies the 分值 by
_RULE = lazy(rf"[“\"]?(?P<rate>[\u4e00-\u9fff]{{0,6}}?(?:{'|'.join(_WORDS)}))\s*[×xX*＊]\s*(?:该?指标)?"
             r"(?:分值|满分|权重分|标准分)[”\"]?"
             r"|(?P<said>[\u4e00-\u9fff]{0,6}?(?:执行率|完成率|到位率))\s*乘以\s*(?:该?指标)?分值")
_SCORED_AFTER = lazy(r"[”\"]?\s*(?:计算|计分|核算|折算|进行)?\s*[，,]?\s*(?:该指标|该项)?\s*(?:计算)?"
                     r"(?:得分|计得|得|评分)\s*(?:为)?\s*")
_BRACKET_BEFORE = lazy(r"分\s*[（(]\s*(?:按\s*)?$")
_POINTS_ALONE = lazy(r"\s*(?:该|本)?(?:项)?(?:指标)?(?:分值|满分)(?:为|是)?\s*\d+(?:\.\d+)?\s*分"
                     r"\s*[。；;]?\s*")  # a sentence stating an item's points, nothing else
_MAXIMUM = lazy(r"(?:分值|满分|标准分)(?:为)?$")
_WHOLE_SCORE = lazy(r"总分|评价满分|项目满分|决策|过程|产出|效益|满意度指标")  # a group's or the whole's
_TIMES = ("×", "*", "＊", "x", "X", "乘以")


def run(analysis, check: Check):
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row" or not any(sign in block.text for sign in _TIMES):
            continue
        text = block.text
        figures = analysis.figures[b]
        for m in _RULE.finditer(text):
            word = (m.group("rate") or m.group("said")).lstrip("“\"按")
            word = next((w for w in _WORDS if word.endswith(w)), word)
            score = _score(text, figures, m)
            opened = labels.sentence_start(text, m.start())
            rates = _rates(text, figures, word, opened, m.start())
            if not rates and opened and all(f.unit == "分" for f in figures if opened <= f.start < m.start()):
                # 执行率96.18%。该指标分值5分，按执行率×分值…: the rate the sentence before states, when it
                # scores nothing itself (not 完成率为90%，该指标得满分。…计划50场，实际48场，按完成率×分值…)
                before = labels.sentence_start(text, opened - 1)
                if not _SCORED.search(text, before, opened):
                    rates = _rates(text, figures, word, before, opened)
            maxima = _maxima(text, figures, m)
            if score is None or len(rates) != 1 or len(maxima) != 1 or score.decimals == 0:
                continue  # (a whole score: the rule's result rounded or 取整 as the report's rules say)
            rate, maximum = rates[0], maxima[0]
            exact = Interval.point(maximum.value)

            def compute(rate=rate, exact=exact):
                share = precision.interval(rate).scale(Decimal("0.01"))
                product = share * exact
                cap = exact.hi
                return Interval(min(product.lo, cap), min(product.hi, cap))

            verdict = judge(check, analysis, score, (rate, maximum), compute,
                            expression=f"{rate.text} × {maximum.text}")
            if verdict is not None:
                yield verdict


def _rates(text: str, figures, word: str, start: int, stop: int) -> list:
    """The percentages between ``start`` and ``stop`` whose label ends with the rule's rate ``word``."""
    return [f for f in figures if f.unit == "%" and f.is_point and start <= f.start < stop
            and labels.core(f.label).rstrip("为是达到：:").endswith(word)]


_SCORED = lazy(r"得分|得满分|得\s*\d|分值")  # (a sentence scoring its own item already)


def _score(text: str, figures, m):
    """The score the rule gave: the one in 分 right after it, or right before it with the rule in brackets."""
    after = next((f for f in figures if f.start >= m.end()), None)
    if after is not None and after.unit == "分" and after.is_point and after.start - m.end() <= 16 \
            and _SCORED_AFTER.fullmatch(text, m.end(), after.start):
        return after  # (not 按执行率×分值计算，过程指标得分 X: a group's)
    before = [f for f in figures if f.end <= m.start()]
    if before and before[-1].unit == "分" and before[-1].is_point \
            and _BRACKET_BEFORE.search(text, max(0, m.start() - 6), m.start()) \
            and not _MAXIMUM.search(labels.core(before[-1].label)):
        return before[-1]
    return None


def _maxima(text: str, figures, m) -> list:
    """The item's 分值: the point figures in 分 so labelled in the rule's sentence (before the rule, or in
    brackets after the score), else the one the sentence before states, scoring nothing else."""
    start = max(text.rfind(c, 0, m.start()) for c in "。；;") + 1
    stop = min((i for i in (text.find(c, m.end()) for c in "。；;") if i >= 0), default=len(text))
    labelled = [f for f in figures if f.unit == "分" and f.is_point and _MAXIMUM.search(labels.core(f.label))
                and not _WHOLE_SCORE.search(labels.core(f.label))]
    own = [f for f in labelled if start <= f.start < stop]  # (its clause's: not another item's, nor 满分100)
    if own or start == 0:
        return own
    opened = labels.sentence_start(text, start - 1)
    points = [f for f in figures if f.unit == "分" and opened <= f.start < start]
    alone = _POINTS_ALONE.fullmatch(text, opened, start) is not None
    return points if alone and len(points) == 1 and points[0] in labelled else []  # （一）预算执行率。
    # 该指标分值6分。…按执行率×分值计算得分 X: the 分值 the sentence before states alone (not A指标分值3分，
    # 得3分, nor 资金到位率：该指标分值5分，…得满分: another item's)
