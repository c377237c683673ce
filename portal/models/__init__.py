"""Typed, frozen models of every data file. Unknown keys are errors."""

from portal.models.council import Council
from portal.models.report import YearReport
from portal.models.sources import SourceDocument, SourceList
from portal.models.vocabulary import Vocabulary

__all__ = ["Council", "SourceDocument", "SourceList", "Vocabulary", "YearReport"]
