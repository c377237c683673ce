"""The narrative parts of a year's report.yml: learning, case studies, Ombudsman cases,
scrutiny, compliments and the review of the procedure."""

from __future__ import annotations

from typing import Literal

from portal.models.common import (
    Money,
    ReviewMark,
    Slug,
    SourceRef,
    StageOrOmbudsman,
    Strict,
    Text,
    reader,
    staff,
)


class Learning(Strict):
    """A lesson the council learned from complaints, and what it did about it."""

    id: Slug = staff(description="Stable id, so a later year can report progress on it.")
    stage: StageOrOmbudsman | None = reader(
        None,
        description="Where the lesson came from: '1', '2' or '3' (in quotes) or ombudsman. "
        "Leave it out for a lesson across stages.",
    )
    text: Text = reader(description="The lesson, in the report's words. Never identify anyone.")
    action: Text | None = reader(
        None, description="What the council did or will do about it, if the report says."
    )
    theme: Text | None = reader(None, description="Only where the source gives one.")
    service: Text | None = reader(None, description="Only where the source gives one.")
    status: Literal["implemented", "in_progress", "not_implemented"] | None = reader(
        None, description="Only where the source says so; never guessed."
    )
    follows_up: tuple[Slug, ...] = staff((), description="Ids of earlier years' actions.")
    owner: Slug | None = reader(
        None,
        description="Who owns the action: the id of a service or team in data/vocabularies.yml, "
        "only where the source names one.",
    )
    due: Text | None = reader(
        None,
        description="When the action is due, as the source prints it, e.g. 'Autumn 2020'; "
        "leave it out when the source gives no date.",
    )
    source: SourceRef = reader()
    reviewed: ReviewMark | None = staff(None)


class TimelineEntry(Strict):
    """One dated step of a case study."""

    date: Text = reader(
        description="The date as printed, e.g. '10 May 2019' or '22/02/2017'; in quotes if it "
        "is written like 2019-05-10."
    )
    event: Text = reader(description="What happened on that date.")
    note: Text | None = reader(None, description="Anything to add about this step.")


class CaseStudy(Strict):
    """A case study from the report. Never identify anyone."""

    id: Slug = staff(
        description="A short id for the case study, unique in the year: lower-case letters, "
        "digits, '-' and '_', e.g. '2019-20-cs-1'."
    )
    title: Text = reader(description="The case study's title, as printed; shown as its heading.")
    stage: StageOrOmbudsman | None = reader(
        None,
        description="The stage the case reached: '1', '2' or '3' (in quotes) or ombudsman, if "
        "the report says.",
    )
    outcome: Text | None = reader(
        None, description="The outcome as printed, e.g. 'Partly upheld'; shown after the title."
    )
    issue: Text = reader(
        description="What the complaint was about; shown as 'The complaint'. Never identify anyone."
    )
    response: Text | None = reader(
        None, description="What the council did; shown as 'The response'."
    )
    timeline: tuple[TimelineEntry, ...] = reader(
        (),
        description="Optional dated steps of the case (date, event and note), shown as a table.",
    )
    source: SourceRef = reader()
    reviewed: ReviewMark | None = staff(None)


class OmbudsmanCase(Strict):
    """An Ombudsman decision the report describes."""

    reference: Text | None = reader(
        None,
        description='The Ombudsman\'s case reference, in quotes, e.g. "23007502"; leave it out '
        "if the report does not print one.",
    )
    category: Text | None = reader(
        None,
        description="The Ombudsman's category for the case, as printed, e.g. 'Education & "
        "Children's Services'.",
    )
    decision: Text | None = reader(
        None, description="The decision as printed, e.g. 'Upheld'; shown in the case's heading."
    )
    summary: Text = reader(
        description="What the complaint was about and what the Ombudsman decided. A title with "
        "an initial ('Mr B') is fine; never a name."
    )
    findings: tuple[Text, ...] = reader(
        (), description="What the Ombudsman found, one item per finding."
    )
    remedies: tuple[Text, ...] = reader(
        (),
        description="What the council was asked to do (an apology, a payment, a change to "
        "services), one item each.",
    )
    payment_gbp: Money | None = reader(
        None,
        description="The total payment the remedy asks the council to make, in pounds, as the "
        "report gives it (the report does not show it was paid).",
    )
    source: SourceRef = reader()
    reviewed: ReviewMark | None = staff(None)

    def name(self) -> str:
        """'Ombudsman case 23007502'; 'An Ombudsman decision' when no reference was printed."""
        return f"Ombudsman case {self.reference}" if self.reference else "An Ombudsman decision"

    def title(self) -> str:
        """The name and, if printed, the decision: 'Ombudsman case 23007502: Upheld'."""
        return self.name() + (f": {self.decision}" if self.decision else "")


class ScrutinyItem(Strict):
    """One question councillors asked, and the answer officers gave."""

    topic: Text | None = reader(
        None, description="A short heading for the question, e.g. 'Ethnicity of complainants'."
    )
    question: Text = reader(
        description="What councillors asked, in general terms ('A Member asked...'); never a name."
    )
    answer: Text = reader(
        description="What officers answered, in general terms ('Officers explained...'); never "
        "a name."
    )
    source: SourceRef = reader()
    reviewed: ReviewMark | None = staff(None)


class Scrutiny(Strict):
    """What councillors asked when a scrutiny committee considered the report."""

    committee: Text = reader(description="The committee's name, as the minutes give it.")
    meeting: Text | None = reader(None, description="Date of the meeting, if the source gives it.")
    resolved: Text | None = reader(
        None, description="What the committee decided, as minuted; shown as 'Decision'."
    )
    items: tuple[ScrutinyItem, ...] = reader(
        (), description="The questions and answers, one item each, in the order of the minutes."
    )


class Compliment(Strict):
    """A compliment quoted in the report, in general terms."""

    text: Text = reader(
        description="The compliment, in the report's words; shown as a quote. Never a name."
    )
    service: Text | None = reader(
        None, description="The service it was about, as printed; shown under the quote."
    )
    who: Text | None = reader(None, description="Who wrote it, in general terms: 'A young person'.")
    source: SourceRef = reader()
    reviewed: ReviewMark | None = staff(None)


class ProcedureReview(Strict):
    """What the report says about how well the complaints procedure itself worked."""

    summary: Text = reader(description="What the report says, summed up in a few plain sentences.")
    source: SourceRef = reader()
