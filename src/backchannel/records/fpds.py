"""FPDS-NG ATOM feeds (``https://www.fpds.gov/ezsearch/FEEDS/ATOM?...``): one transaction-level
award record per ``<entry>``.

Each entry's ``<content>`` holds an ``award`` (a contract action), an ``IDV`` (an indefinite-delivery
vehicle), or their Other Transaction counterparts. Elements are matched by local name only: FPDS
has served its schema under both ``http://`` and ``https://www.fpds.gov/FPDS``, with varying
prefixes, and saved feeds are often re-serialised with ``ns0:``/``ns1:`` prefixes.

The record and award keys are built the way USAspending builds them from the same FPDS fields, so
an FPDS record joins the USAspending records of the same award on ``award_id``.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from backchannel.errors import InputError
from backchannel.records import values as v
from backchannel.records.files import XML, child, descendants, local_name, open_record_file, xml_items
from backchannel.records.model import AWARD, TRANSACTION_LEVEL, BadValue, Record, RecordProblem, each

SOURCE = "FPDS"

# The content elements that are awards, and whether each is an IDV (its key is CONT_IDV_...).
_AWARDS = {"award": False, "OtherTransactionAward": False, "IDV": True, "OtherTransactionIDV": True}


def read_fpds(path: str | os.PathLike) -> Iterator[Record | RecordProblem]:
    """Read an FPDS ATOM feed. Raises InputError (one line) at once when it is no readable feed."""
    opened = open_record_file(path)
    if opened.format != XML:
        raise InputError(f"{opened.path}: not an FPDS ATOM feed: expected XML, found {opened.format}")
    entries = xml_items(opened, "feed", "entry", "an FPDS ATOM feed")
    return each(_entry, entries, opened.path)


def _path(element: ET.Element | None, *names: str) -> ET.Element | None:
    for name in names:
        element = child(element, name)
    return element


def _text(element: ET.Element | None) -> str | None:
    return None if element is None else v.text(element.text)


def _find(element: ET.Element, name: str) -> ET.Element | None:
    """The first descendant with this local name, at any depth."""
    return next(descendants(element, name), None)


def _entry(entry: ET.Element, location: str) -> Record:
    holder = child(entry, "content")
    content = [] if holder is None else list(holder)
    award = next((node for node in content if local_name(node.tag) in _AWARDS), None)
    if award is None:
        found = ", ".join(f"<{local_name(node.tag)}>" for node in content) or "nothing"
        raise BadValue(f"the entry holds no FPDS award or IDV (found {found}): skipped")
    is_idv = _AWARDS[local_name(award.tag)]
    own, referenced = _identifiers(award)
    piid = _text(child(own, "PIID"))
    if piid is None:
        raise BadValue("no PIID: the entry is incomplete; check the feed")
    agency = _text(child(own, "agencyID"))
    modification = _text(child(own, "modNumber"))
    parent_piid = _text(child(referenced, "PIID"))
    parent_agency = _text(child(referenced, "agencyID"))
    body, sub_body = _agencies(award, own)
    vendor = _vendor_name(award)
    if vendor is None:
        raise BadValue("no vendor name (vendorName, contractorName): the entry is incomplete; check the feed")
    action = _path(award, "contractData", "contractActionType")
    link = child(entry, "link")
    return Record(
        kind=AWARD,
        source=SOURCE,
        record_id=v.transaction_key(
            agency, parent_agency, piid, modification, parent_piid, _text(child(own, "transactionNumber"))
        ),
        location=location,
        level=TRANSACTION_LEVEL,
        award_id=v.award_key(piid, agency, parent_piid, parent_agency, idv=is_idv),
        piid=piid,
        modification=modification,
        parent_piid=parent_piid,
        date=v.day(_text(_path(award, "relevantContractDates", "signedDate")), "signedDate"),
        amount=v.amount(_text(_path(award, "dollarValues", "obligatedAmount")), "obligatedAmount"),
        award_total=v.amount(
            _text(_path(award, "totalDollarValues", "totalObligatedAmount")), "totalObligatedAmount"
        ),
        potential_value=v.amount(
            _text(_path(award, "totalDollarValues", "totalBaseAndAllOptionsValue")), "totalBaseAndAllOptionsValue"
        ),
        awarding_body=body,
        awarding_sub_body=sub_body,
        recipient=vendor,
        # The parent's name under SAM's UEI (since 2022), else under the older DUNS block.
        recipient_parent=_text(_find(award, "ultimateParentUEIName"))
        or _text(_find(award, "globalParentDUNSName")),
        record_type=(v.text(action.get("description")) if action is not None else None) or local_name(award.tag),
        description=v.short(_text(_path(award, "contractData", "descriptionOfContractRequirement"))),
        naics=_text(_path(award, "productOrServiceInformation", "principalNAICSCode")),
        psc=_text(_path(award, "productOrServiceInformation", "productOrServiceCode")),
        url=v.text(link.get("href")) if link is not None else None,
    )


def _identifiers(award: ET.Element) -> tuple[ET.Element | None, ET.Element | None]:
    """The action's own identifier element (holding PIID, modNumber...) and the referenced IDV's.

    An award writes them as awardID/awardContractID and awardID/referencedIDVID; an IDV as
    contractID/IDVID. Rather than list every variant, take the first element with a PIID child
    that is not the referenced IDV.
    """
    id_block = next((node for node in award if local_name(node.tag).endswith("ID")), None)
    own = referenced = None
    for node in id_block.iter() if id_block is not None else ():
        if child(node, "PIID") is None:
            continue
        if local_name(node.tag) == "referencedIDVID":
            referenced = referenced or node
        else:
            own = own or node
    return own, referenced


def _agencies(award: ET.Element, own: ET.Element | None) -> tuple[str, str | None]:
    """(department, agency) of the contracting office, e.g. ("GENERAL SERVICES ADMINISTRATION",
    "PUBLIC BUILDINGS SERVICE"); the department is the awarding body, the agency its sub-body."""
    office = _path(award, "purchaserInformation", "contractingOfficeAgencyID")
    agency_id = child(own, "agencyID")
    department = v.text(office.get("departmentName")) if office is not None else None
    agency = v.text(office.get("name")) if office is not None else None
    agency = agency or (v.text(agency_id.get("name")) if agency_id is not None else None)
    body = department or agency
    if body is None:
        raise BadValue(
            "no contracting agency (contractingOfficeAgencyID): the entry is incomplete; check the feed"
        )
    return body, agency


def _vendor_name(award: ET.Element) -> str | None:
    vendor = child(award, "vendor")
    if vendor is None:
        return None
    return (
        _text(_path(vendor, "vendorHeader", "vendorName"))
        or _text(child(vendor, "contractorName"))
        or _text(_find(vendor, "UEILegalBusinessName"))
        or _text(_find(vendor, "vendorLegalOrganizationName"))
    )
