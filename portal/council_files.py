"""The three shared files `portal new-council` writes, with comments saying what goes where.

Nothing in them is any real council's: every setting the council must supply is a
placeholder, and the national facts (timescales, the Ombudsman, who can complain) are left
out because the portal already holds them (portal/national.py).
"""

from __future__ import annotations

COUNCIL_YML = """\
# yaml-language-server: $schema=schema/council.schema.json
#
# The council's own settings, shared by every year. How to fill it in: docs/publishing.md.
# - Lines starting with # are help. They are never shown on the site.
# - Anything written as {placeholder: "..."} has not been supplied yet. Replace the whole
#   placeholder with the real value, for example
#     phone: "020 7946 0000"
#   The site shows "to be added by the council" for a placeholder, and
#   `portal validate --release` refuses to publish while any remain.
# - The council's name, its short name and the advocacy service's name and description are
#   printed in sentences on every page: `portal validate` asks for them first.

name:
  placeholder: the council's full name, as in the site's title
short_name:
  placeholder: the name used in sentences, usually the place name
website:
  placeholder: the council's website address, starting https://

# How to complain. Leave out a route the council does not offer.
complain:
  web_form:
    placeholder: the address of the online complaints form
  email:
    placeholder: the complaints email address
  phone:
    placeholder: the complaints phone number, in quotes
  post:
    placeholder: the postal address for complaints, on one line
  in_person:
    placeholder: where to complain in person, if anywhere

# The independent advocacy service for children and young people.
advocacy:
  name:
    placeholder: the advocacy service's name
  description:
    placeholder: what the advocacy service does, in a sentence or two
  phone:
    placeholder: the advocacy service's phone number for young people, in quotes
  email:
    placeholder: the advocacy service's email address for young people
  website:
    placeholder: the advocacy service's website address
#  source: council-2024-25 §9.1

# The Ombudsman's name and website, every statutory timescale (10 working days at Stage 1,
# and so on), who can complain and who sits on the review panel are set by national law: the
# portal already holds them, with the law that sets them. Add them here only where the
# council's own procedure says something different, with where it says so, for example:
# timescales:
#   stage1:
#     working_days: 10
#     extended_working_days: 20
#   source: The council's children's complaints procedure, section 4.
# who_can_complain:
#   - a child or young person who gets help from children's social care
#   - a parent, or someone with parental responsibility
# stage3_panel: Three independent people, one of whom chairs the panel.
ombudsman:
  council_page:
    placeholder: the Ombudsman's page for this council, starting https://www.lgo.org.uk/

# What to do when a child is at risk: shown before anything about complaints.
safeguarding:
  emergency_number: "999"
  report_concern:
    placeholder: how to report a concern about a child to children's social care

# Other ways to raise a concern, listed on the How to complain page. One item each, with
# name, description and, if it has one, url.
other_routes:
  - name: Ofsted
    description: >-
      Ofsted inspects children's social care. It does not investigate individual complaints,
      but you can tell it about a concern with a service.
    url: https://www.gov.uk/government/organisations/ofsted

# When this edition was published, and who to contact about the data.
publication:
  published:
  next_update:
  contact:
    placeholder: who to contact about the data on this site
"""

VOCABULARIES_YML = """\
# yaml-language-server: $schema=schema/vocabularies.schema.json
#
# The names of categories, shared by every year: services, outcomes, response-time bands
# and so on. Every value in a year's tables must be one of these. How to fill it in:
# docs/publishing.md and data/README.md.
# - id: never changes once used; lower-case letters, digits and hyphens.
# - label: the name shown on the site, as the report prints it.
# - aliases: other names the same thing was printed under in other years.

# How complaints were decided. kind is one of: upheld, partly_upheld, not_upheld,
# no_finding, withdrawn, open, other.
outcomes:
  - id: upheld
    label: Upheld
    kind: upheld
  - id: partly-upheld
    label: Partly upheld
    kind: partly_upheld
  - id: not-upheld
    label: Not upheld
    kind: not_upheld
  - id: withdrawn
    label: Withdrawn
    kind: withdrawn

# The council's services (and their teams), as its reports name them.
services: []
#  - id: children-in-need
#    label: Children in Need
#    teams:
#      - id: assessment
#        label: Assessment Team

# Response-time bands, in working days.
timeliness_bands: []
#  - id: within-10
#    label: 1-10 working days
#    min_days: 1
#    max_days: 10

# The Ombudsman's decisions. upheld: true or false, only if the report says so.
ombudsman_decisions: []
#  - id: upheld
#    label: Upheld
#    upheld: true
"""

SOURCES_YML = """\
# yaml-language-server: $schema=schema/sources.schema.json
#
# The published documents every figure is traced to: one item per document. Each figure's
# source is the document's id, a space, the sign § and the section, e.g. council-2024-25 §4.2.
# Replace the [] below with the list, like this example:
#
# - id: council-2024-25
#   title: Children's Social Care Complaints Annual Report 2024-25
#   publisher: The council's full name
#   url: https://www.example.gov.uk/complaints-report-2024-25.pdf
#   published: July 2025
[]
"""

FILES = {
    "council.yml": COUNCIL_YML,
    "vocabularies.yml": VOCABULARIES_YML,
    "sources.yml": SOURCES_YML,
}
