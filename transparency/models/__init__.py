from .grants import BeneficiaryKind, Grant
from .pages import AutomaticContent, TransparencyIndexPage, TransparencySectionPage

__all__ = [
    "AutomaticContent",
    "BeneficiaryKind",
    "Grant",
    "TransparencyIndexPage",
    "TransparencySectionPage",
]
