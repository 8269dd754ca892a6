"""A visitor searches the site, narrows the results with a facet, opens a call and downloads
one of its documents."""

import re

from playwright.sync_api import expect

CALL = "ATS Val Padana - bando per l'incremento dei centri antiviolenza"


def test_visitor_searches_filters_and_downloads(page, shot):
    page.goto("/")
    page.get_by_role("searchbox", name="Cerca nel sito").fill("antiviolenza")
    page.get_by_role("button", name="Cerca", exact=True).click()
    page.wait_for_url(re.compile(r"/search/\?q=antiviolenza"))
    results = page.get_by_role("region", name="Risultati")
    expect(results.get_by_role("heading", level=3).first).to_be_visible()
    status = page.get_by_role("main").get_by_role("status")
    expect(status).to_contain_text("risultati per «antiviolenza»")
    shot(page, "results")

    # Facet "Tipo di contenuto" → Bando.
    facets = page.get_by_role("list", name="Tipo di contenuto")
    facets.get_by_role("link", name=re.compile(r"^Bando\b")).click()
    page.wait_for_url(re.compile(r"[?&]type=bando(&|$)"))
    expect(status).to_contain_text("1 risultato")
    titles = results.get_by_role("heading", level=3)
    expect(titles).to_have_text([CALL])
    shot(page, "filtered")

    results.get_by_role("link", name=CALL).click()
    page.wait_for_url("**/bandi/ats-incremento-centri-antiviolenza-2017/")
    expect(page.get_by_role("heading", level=1)).to_have_text(CALL)
    documents = page.get_by_role("region", name="Documenti del bando")
    link = documents.get_by_role("link", name=re.compile(r"^Testo del bando"))
    shot(page, "call")

    # The link downloads the file; the same address answers 200 with a PDF.
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
