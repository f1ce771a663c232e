"""The package's exceptions. Both are ``ValueError`` subclasses, so callers that only know
``ValueError`` still catch them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from ._native import Issue


class PlanError(ValueError):
    """A plan document has at least one error.

    ``issues`` holds every issue found (warnings too), each with a stable ``code``, a JSON
    Pointer ``path`` and messages in Japanese and English; ``str(err)`` summarises them.

    >>> try:
    ...     welfare_plan.loads(b"[]")
    ... except welfare_plan.PlanError as err:
    ...     [(i.code, i.path) for i in err.issues]
    [('schema.wrong_type', '')]
    """

    issues: list[Issue]

    def __init__(self, message: str, issues: Iterable[Issue] = ()) -> None:
        super().__init__(message)
        self.issues = list(issues)

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity ``"error"`` (the ones that make the document invalid)."""
        return [i for i in self.issues if i.severity == "error"]


class EraError(ValueError):
    """A fiscal year could not be read from, or written as, a Japanese era year (元号)."""
