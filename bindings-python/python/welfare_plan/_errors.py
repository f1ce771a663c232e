"""The package's exceptions. Each is a ``ValueError`` subclass, so callers that only know
``ValueError`` still catch them, and each says what is wrong in English (``str(err)``) and in
Japanese (``err.message_ja``)."""

from __future__ import annotations

# Not `typing.TYPE_CHECKING`: importing `typing` at run time would cost `import welfare_plan`
# several milliseconds, for names only the annotations use (type checkers take any
# `TYPE_CHECKING` as true).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable

    from ._native import Issue


class _SaidInJapaneseToo(ValueError):
    """A ``ValueError`` that says why in English (``str(err)``) and in Japanese
    (``err.message_ja``): for a clerk, who reads the Japanese, and a log, which keeps both."""

    message_ja: str
    """What is wrong, in Japanese."""

    def __init__(self, message: str = "", message_ja: str | None = None) -> None:
        # One argument, as `ValueError` takes, keeps `args` as it was; the Japanese, an
        # attribute, pickles with the instance's other attributes.
        super().__init__(message)
        self.message_ja = message if message_ja is None else message_ja


class PlanError(_SaidInJapaneseToo):
    """A plan document, or a progress report, has at least one error.

    ``issues`` holds every issue found (warnings too), each with a stable ``code``, a JSON
    Pointer ``path`` and messages in Japanese and English; ``str(err)`` summarises them in
    English and ``err.message_ja`` in Japanese.

    >>> try:
    ...     welfare_plan.loads(b"[]")
    ... except welfare_plan.PlanError as err:
    ...     [(i.code, i.path) for i in err.issues]
    [('schema.wrong_type', '')]
    >>> try:
    ...     welfare_plan.loads(b"[]")
    ... except welfare_plan.PlanError as err:
    ...     err.message_ja
    '無効な計画です: エラー [schema.wrong_type] 計画（オブジェクト）が必要ですが、空の配列が書かれています (場所 /)'
    """

    issues: list[Issue]
    filename: str | None
    """The file the document was read from (``load``, ``load_report``), as ``OSError`` has it."""

    def __init__(
        self,
        message: str,
        issues: Iterable[Issue] = (),
        filename: str | None = None,
        message_ja: str | None = None,
    ) -> None:
        super().__init__(message, message_ja)
        self.issues = list(issues)
        self.filename = filename

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity ``"error"`` (the ones that make the document invalid)."""
        return [i for i in self.issues if i.severity == "error"]

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickles the error as its message and its issues (each issue pickles as its fields),
        plus any other attributes, so that it crosses to and from worker processes whole."""
        message = self.args[0] if self.args else ""
        fields = ("issues", "filename", "message_ja")
        state = {k: v for k, v in self.__dict__.items() if k not in fields}
        return (type(self), (message, self.issues, self.filename, self.message_ja), state or None)


class EraError(_SaidInJapaneseToo):
    """A fiscal year could not be read from, or written as, a Japanese era year (元号).

    ``str(err)`` says why in English and ``err.message_ja`` in Japanese, for a user who typed
    the year.

    >>> try:
    ...     welfare_plan.fiscal_year_from_era("令和5年")
    ... except welfare_plan.EraError as err:
    ...     err.message_ja
    '`令和5年` は扱える年度ではありません（「年」は暦年の書き方です。年度は「令和5年度」のように書いてください）'
    """


class UnknownNameError(_SaidInJapaneseToo):
    """A help sector or a level the plan does not have, by the name a user gave it.

    ``str(err)`` names the plan's own in English and ``err.message_ja`` in Japanese.

    >>> try:
    ...     welfare_plan.iizuka_third_plan().sector_code("互助")
    ... except welfare_plan.UnknownNameError as err:
    ...     err.message_ja
    '支え合いの区分 `互助` はありません（使える区分: `self_help` (自助), `mutual_help` (共助), `public_help` (公助)）'
    """
