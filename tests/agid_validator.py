"""Lists copied from AgID's site validator (pa-website-validator-ng 1.1.38), shared by the tests
that check the site against them."""

# The second-level titles the validator accepts under "Servizi" (audit C.SI.1.7,
# src/audits/municipality_menu/menuItems.ts), compared in lower case.
SERVICE_TITLES = {
    "educazione e formazione",
    "salute, benessere e assistenza",
    "vita lavorativa",
    "mobilità e trasporti",
    "catasto e urbanistica",
    "anagrafe e stato civile",
    "turismo",
    "giustizia e sicurezza pubblica",
    "tributi, finanze e contravvenzioni",
    "cultura e tempo libero",
    "ambiente",
    "imprese e commercio",
    "autorizzazioni",
    "appalti pubblici",
    "agricoltura e pesca",
    "agricoltura, caccia e pesca",
}
