"""How Popolo classifications map onto ours, both ways."""

from network.models import AreaKind, NetworkKind, OrganisationKind, Sector

AREA_KINDS = {
    "district": AreaKind.DISTRICT,
    "ambito": AreaKind.DISTRICT,
    "ambito distrettuale": AreaKind.DISTRICT,
    "subarea": AreaKind.SUBAREA,
    "sub-ambito": AreaKind.SUBAREA,
    "sub_ambito": AreaKind.SUBAREA,
    "municipality": AreaKind.MUNICIPALITY,
    "comune": AreaKind.MUNICIPALITY,
    "other": AreaKind.OTHER,
}

ORGANISATION_KINDS = {kind.value: kind for kind in OrganisationKind} | {
    "comune": OrganisationKind.MUNICIPALITY,
    "ats": OrganisationKind.HEALTH_AGENCY,
    "asst": OrganisationKind.HEALTH_TRUST,
    "provincia": OrganisationKind.PROVINCE,
    "regione": OrganisationKind.REGION,
    "associazione": OrganisationKind.ASSOCIATION,
    "cooperativa": OrganisationKind.COOPERATIVE,
    "fondazione": OrganisationKind.FOUNDATION,
    "patronato": OrganisationKind.PATRONAGE,
    "impresa": OrganisationKind.FIRM,
}

NETWORK_KINDS = {kind.value: kind for kind in NetworkKind}

SECTOR_OF_KIND = {
    OrganisationKind.MUNICIPALITY: Sector.PUBLIC,
    OrganisationKind.HEALTH_AGENCY: Sector.PUBLIC,
    OrganisationKind.HEALTH_TRUST: Sector.PUBLIC,
    OrganisationKind.PROVINCE: Sector.PUBLIC,
    OrganisationKind.REGION: Sector.PUBLIC,
    OrganisationKind.CONSORTIUM: Sector.PUBLIC,
    OrganisationKind.PUBLIC_BODY: Sector.PUBLIC,
    OrganisationKind.ASSOCIATION: Sector.THIRD_SECTOR,
    OrganisationKind.COOPERATIVE: Sector.THIRD_SECTOR,
    OrganisationKind.CARITAS: Sector.THIRD_SECTOR,
    OrganisationKind.FOUNDATION: Sector.THIRD_SECTOR,
    OrganisationKind.PATRONAGE: Sector.THIRD_SECTOR,
    OrganisationKind.EMPLOYMENT_AGENCY: Sector.PRIVATE,
    OrganisationKind.FIRM: Sector.PRIVATE,
}


def classify(value, table, other):
    """(our kind, the original when it is not one of ours)."""
    text = value.strip() if isinstance(value, str) else ""
    if text.casefold() in table:
        return table[text.casefold()], ""
    return other, text
