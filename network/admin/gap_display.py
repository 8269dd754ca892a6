"""How a gap's severity and a matrix cell's status read on admin pages: a word and an icon
besides the colour, so nothing depends on seeing colours."""

from dataclasses import dataclass

from network.gaps import Gap
from network.models import Severity

SEVERITY_ICONS = {"high": "error", "medium": "warning", "low": "info-circle"}


@dataclass(frozen=True)
class GapRow:
    gap: Gap

    @property
    def severity_label(self) -> str:
        return severity_label(self.gap.severity)

    @property
    def icon(self) -> str:
        return SEVERITY_ICONS.get(self.gap.severity, "warning")


def severity_label(severity: str) -> str:
    return str(Severity(severity).label) if severity in Severity.values else severity


def gap_rows(gaps):
    return [GapRow(gap) for gap in gaps]
