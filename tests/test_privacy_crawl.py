"""A privacy crawl of everything an anonymous visitor can reach on the demo district.

Every person of the demo gets a recognisable private e-mail, phone and note; then an
anonymous client visits the home page and every same-site link it finds (breadth first), plus
what links may not reach: the sitemap and each address in it, robots.txt, every feed and
calendar, the search and its autocomplete (with people's names, surnames and private data as
queries), every anonymous GET of /api/v2/ and /api/v3/ (the OpenAPI document walked with
every id found in the listings), the registry API and its Popolo export, and the documents.

No answer may hold a private e-mail, phone or note, nor the name of a person hidden from the
public; nor any e-mail address or Italian phone number other than those meant to be public
(the body's contacts in BodyIdentity, the roles' public mailboxes, the bodies' public
addresses). Each leak is reported with the address where it was found, and the crawl must
have visited enough addresses of each kind to mean something."""

import html
import json
import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, quote_plus, urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Site

from cms.models import BodyIdentity
from feeds.urls import urlpatterns as feed_urlpatterns
from network.models import Network, Organisation, Person

pytestmark = pytest.mark.django_db

# Enough to visit every page of the demo and a sample of each listing's filtered variants
# (filters and facets combine into far more addresses than there is content).
MAX_URLS = 2500
MAX_VARIANTS_PER_PATH = 12

# At least this many addresses of each kind answered 200, or the crawl proves nothing.
MINIMUM_VISITS = {
    "page": 40,
    "search": 20,
    "autocomplete": 10,
    "feed": 10,
    "calendar": 2,
    "sitemap": 1,
    "robots": 1,
    "api_v2": 30,
    "api_v3": 60,
    "registry_api": 15,
    "document": 1,
}

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Italian numbers: an optional +39 / 0039, then a landline (0 and 6-10 more digits) or a
# mobile (3 and 8-9 more digits), in groups separated by spaces, dots or dashes.
ITALIAN_PHONE = re.compile(
    r"(?<![\w.+/-])(?<!\d:)(?:(?:\+|00)39[\s.-]?)?(?:0\d{1,3}|3\d{2})(?:[\s.-]?\d{2,4}){2,3}(?![\w/-])"
)
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss", "application/atom")
TEXT_TYPES += ("application/problem+json", "application/javascript", "application/ld+json")


def digits(value):
    """A phone number as bare digits, without the Italian country code."""
    number = re.sub(r"\D", "", value)
    for prefix in ("0039", "39"):
        if number.startswith(prefix) and len(number) - len(prefix) >= 6:
            return number[len(prefix) :]
    return number


# ------------------------------------------------------------------------------ the data


@pytest.fixture
def demo(settings):
    # Every answer is computed: a cached one would hide what the view itself produces.
    settings.PAGE_RESPONSE_CACHE = False
    settings.API_RESPONSE_CACHE = False
    call_command("load_demo", verbosity=0)
    people = list(Person.objects.order_by("pk"))
    for number, person in enumerate(people, 1):
        person.private_email = f"riservata.{number:03d}@casella-privata.invalid"
        person.private_phone = f"+39 347 551 {number:04d}"
        person.private_notes = f"Notariservata{number:03d}: non pubblicare mai."
        person.save()
    hidden = [person for person in people if person.hidden_from_public]
    assert hidden, "the demo must have a person whose name is hidden"
    return people


def secrets_of(people):
    """(label, text) pairs no public answer may contain, each in the forms it could take."""
    secrets = []
    for person in people:
        for field in ("private_email", "private_phone", "private_notes"):
            value = getattr(person, field)
            forms = {value, html.escape(value), json.dumps(value)[1:-1], quote(value)}
            if field == "private_phone":
                forms |= {digits(value), value.replace(" ", "")}
            for form in forms:
                secrets.append((f"{field} of {person.name}", form))
        if person.hidden_from_public:
            surname = person.name.split()[-1]
            for form in {person.name, html.escape(person.name), surname}:
                secrets.append((f"hidden name of {person.name}", form))
    return secrets


def protected_beneficiaries():
    """Grants that reveal hardship are published by protocol number only (art. 26 c. 4
    D.Lgs. 33/2013): their beneficiaries' names are secrets too."""
    from transparency.models import Grant

    names = Grant.objects.filter(reveals_hardship=True).values_list("beneficiary_name", flat=True)
    assert names, "the demo must have a grant that protects its beneficiary"
    return [
        (f"protected beneficiary {name}", form)
        for name in names
        for form in {name, html.escape(name)}
    ]


def public_addresses():
    """E-mail addresses meant to be public: the body's contacts, the roles' mailboxes, the
    bodies' public addresses."""
    identity = BodyIdentity.load()
    addresses = {identity.email, identity.pec}
    addresses |= set(Person.objects.values_list("role_email", flat=True))
    addresses |= set(Organisation.objects.values_list("public_email", flat=True))
    return {address.lower() for address in addresses if address}


def public_numbers():
    """The body's phone, and its tax code (eleven digits, which look like a phone number)."""
    identity = BodyIdentity.load()
    return {digits(identity.phone), digits(identity.tax_code)} - {""}


# ------------------------------------------------------------------------------ the crawl


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def kind_of(path):
    if path.startswith("/api/v2/"):
        return "api_v2"
    if path.startswith("/api/v3/registry/"):
        return "registry_api"
    if path.startswith("/api/v3/"):
        return "api_v3"
    if path.startswith("/search/autocomplete/"):
        return "autocomplete"
    if path.startswith("/search/"):
        return "search"
    if path.startswith("/feed/"):
        return "feed"
    if path.endswith(".ics"):
        return "calendar"
    if path == "/sitemap.xml":
        return "sitemap"
    if path == "/robots.txt":
        return "robots"
    if path.startswith("/documents/"):
        return "document"
    return "page"


class Crawl:
    def __init__(self, client, secrets, allowed_emails, allowed_phones):
        self.client = client
        self.secrets = secrets
        self.secret_forms = {form for _label, form in secrets}
        self.allowed_emails = allowed_emails
        self.allowed_phones = allowed_phones
        self.queue = deque()
        self.seen = set()
        self.variants = Counter()
        self.visited = Counter()  # kind -> answers with status 200
        self.statuses = {}
        self.leaks = []
        self.hosts = {"", "testserver", "localhost"} | {
            site.hostname for site in Site.objects.all()
        }

    def add(self, url, base="/", root=False):
        """Queue a link found at ``base``; a root (an address the test asks for) is never
        left out, a found link is when its path already has enough query variants."""
        url = urljoin(base, html.unescape(url.strip()))
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or parts.hostname not in self.hosts | {None}:
            return
        path = parts.path or "/"
        if path.startswith(("/admin/", "/django-admin/", settings.STATIC_URL, settings.MEDIA_URL)):
            return
        target = path + (f"?{parts.query}" if parts.query else "")
        if target in self.seen:
            return
        if parts.query and not root:
            if self.variants[path] >= MAX_VARIANTS_PER_PATH:
                return
            self.variants[path] += 1
        self.seen.add(target)
        self.queue.append(target)

    def run(self):
        while self.queue and len(self.statuses) < MAX_URLS:
            self.visit(self.queue.popleft())

    def visit(self, url):
        response = self.client.get(url)
        self.statuses[url] = response.status_code
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        if response.status_code in (301, 302, 303, 307, 308):
            self.add(response["Location"], url)
            return
        body = b"".join(response.streaming_content) if response.streaming else response.content
        content_type = response.get("Content-Type", "")
        kind = kind_of(urlsplit(url).path)
        if response.status_code == 200:
            self.visited[kind] += 1
        if not content_type.startswith(TEXT_TYPES):
            # A download: only the exact private values can be looked for in its bytes.
            self.check(url, body.decode("latin-1"), generic=False)
            return
        text = body.decode(response.charset or "utf-8", errors="replace")
        self.check(url, text)
        if "html" in content_type:
            parser = LinkParser()
            parser.feed(text)
            for link in parser.links:
                self.add(link, url)
        elif "xml" in content_type:
            for link in re.findall(r"<(?:loc|link|id)>([^<]+)</", text):
                self.add(link, url)
            for link in re.findall(r'<link[^>]+href="([^"]+)"', text):
                self.add(link, url)
        elif "json" in content_type:
            data = json.loads(text) if text.strip() else None
            self.check_search(url, data)
            self.add_links_in_json(data, url)

    def add_links_in_json(self, data, base):
        if isinstance(data, dict):
            for key, value in data.items():
                if isinstance(value, str) and key.endswith(("url", "href")):
                    self.add(value, base)
                else:
                    self.add_links_in_json(value, base)
        elif isinstance(data, list):
            for value in data:
                self.add_links_in_json(value, base)

    def check_search(self, url, data):
        """A search for a private value or a hidden name finds nothing at all."""
        if not url.startswith("/api/v3/search/") or not isinstance(data, dict | list):
            return
        if any(word in self.secret_forms for word in searched_words(url)):
            results = data.get("results") if isinstance(data, dict) else data
            if results:
                self.leaks.append(f"{url}: the search found {results!r:.200}")

    def check(self, url, text, generic=True):
        text = without_the_query(url, text)
        for label, secret in self.secrets:
            if secret in text:
                self.leaks.append(f"{url}: {label} ({secret!r})")
        if not generic:
            return
        for address in set(EMAIL.findall(text)):
            if address.lower() not in self.allowed_emails:
                self.leaks.append(f"{url}: e-mail address {address!r}")
        for number in set(ITALIAN_PHONE.findall(text)):
            if digits(number) not in self.allowed_phones:
                self.leaks.append(f"{url}: phone number {number!r}")


def searched_words(url):
    """The words a search address asks for (empty for any other address)."""
    parts = urlsplit(url)
    if "/search/" not in parts.path:
        return []
    return [value for values in parse_qs(parts.query).values() for value in values]


def without_the_query(url, text):
    """A search page repeats the words searched for (in its box, its links, its message):
    remove them as whole words, whatever else the page says must still be free of private
    data. Whether the search found something private is asked of the JSON search, whose
    results carry no echo (Crawl.check_search)."""
    for value in searched_words(url):
        for form in {html.escape(value), value, quote_plus(value), quote(value)}:
            if form:
                text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", "", text)
    return text


def search_terms(people):
    """Common words, every person's name and surname, and the private values of a few people
    (people are not indexed at all: a sample is enough to show it)."""
    terms = ["piano", "rete", "bando", "verbale", "ISEE", "Crema", "referente", "coordinatrice"]
    for person in people:
        terms += [person.name, person.name.split()[-1]]
    for person in people[:3] + [person for person in people if person.hidden_from_public]:
        terms += [person.private_email, person.private_phone, person.private_notes]
    return list(dict.fromkeys(terms))


def feed_and_calendar_urls():
    slugs = list(Network.objects.values_list("slug", flat=True))
    urls = []
    for pattern in feed_urlpatterns:
        name = f"feeds:{pattern.name}"
        if "<slug:slug>" in str(pattern.pattern):
            urls.extend(reverse(name, kwargs={"slug": slug}) for slug in slugs)
        else:
            urls.append(reverse(name))
    return urls


def api_v3_urls(client):
    """Every GET of the OpenAPI document, its path parameters filled with the ids the public
    listings give (all pages of each listing) and with every row of the other models; those
    answers must be refusals, and refusals must not leak either."""
    from django.apps import apps
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Revision, get_page_models
    from wagtail.snippets.models import get_snippet_models

    document = client.get("/api/v3/openapi.json").json()
    snippet_models = {model._meta.label: model for model in get_snippet_models()}
    snippet_models |= {
        model._meta.label: model for model in apps.get_app_config("network").get_models()
    }

    def revisions_of(bound):
        if "type" in bound:
            model = snippet_models[bound["type"]]
            query = Revision.objects.for_instance(model.objects.get(pk=bound["pk"]))
        else:
            query = Revision.objects.filter(
                base_content_type__model="page", object_id=bound["page_id"]
            )
        return [str(pk) for pk in query.values_list("pk", flat=True)]

    values = {
        "page_id": lambda bound: [str(pk) for pk in Page.objects.values_list("pk", flat=True)],
        "site_id": lambda bound: [str(pk) for pk in Site.objects.values_list("pk", flat=True)],
        "slug": lambda bound: list(Network.objects.values_list("slug", flat=True)),
        "type_name": lambda bound: [model._meta.label for model in get_page_models()],
        "redirect_id": lambda bound: [
            str(pk) for pk in Redirect.objects.values_list("pk", flat=True)
        ],
        "type": lambda bound: list(snippet_models),
        # Anonymous requests to these are refused whatever the row: a few rows of each do.
        "pk": lambda bound: [
            str(pk) for pk in snippet_models[bound["type"]].objects.values_list("pk", flat=True)[:3]
        ],
        "revision_id": revisions_of,
    }
    for name, listing in (
        ("membership_id", "/api/v3/registry/memberships/"),
        ("document_id", "/api/v3/documents/"),
        ("image_id", "/api/v3/images/"),
    ):
        ids = [str(item["id"]) for item in every_item(client, listing)]
        values[name] = lambda bound, ids=ids: ids
    urls, unfilled = ["/api/v3/openapi.json"], []
    for path, operations in document["paths"].items():
        if "get" not in operations:
            continue
        expanded = expand(path, values)
        if expanded is None:
            unfilled.append(path)
        urls.extend(expanded or [])
    return urls, unfilled


def every_item(client, listing, limit=20):
    items, offset = [], 0
    while True:
        response = client.get(listing, {"limit": limit, "offset": offset})
        if response.status_code != 200:
            return items
        data = response.json()
        batch = data.get("items", data) if isinstance(data, dict) else data
        if not batch:
            return items
        items.extend(batch)
        offset += len(batch)
        if len(batch) < limit:
            return items


def expand(path, values):
    """Every concrete address of an OpenAPI path (each parameter's values may depend on the
    ones before it), or None when a parameter has no known values."""
    names = re.findall(r"{(\w+)}", path)
    if any(name not in values for name in names):
        return None
    partial = [(path, {})]
    for name in names:
        partial = [
            (url.replace("{" + name + "}", value, 1), {**bound, name: value})
            for url, bound in partial
            for value in values[name](bound)
        ]
    return [url for url, _bound in partial]


def api_v2_urls(client):
    urls = []
    for endpoint in ("pages", "documents"):
        listing = f"/api/v2/{endpoint}/"
        urls += [listing, f"{listing}?fields=*", f"{listing}?fields=*&limit=20&offset=20"]
        for item in every_item(client, listing):
            urls += [f"{listing}{item['id']}/", f"{listing}{item['id']}/?fields=*"]
    return urls


def test_an_anonymous_crawl_of_the_whole_site_finds_no_private_data(client, demo):
    people = demo
    crawl = Crawl(
        client, secrets_of(people) + protected_beneficiaries(), public_addresses(), public_numbers()
    )

    roots = ["/", "/sitemap.xml", "/robots.txt", *feed_and_calendar_urls()]
    for term in search_terms(people):
        query = urlencode({"q": term})
        for path in ("/search/", "/search/autocomplete/", "/api/v3/search/"):
            roots.append(f"{path}?{query}")
        roots.append(f"/api/v3/search/autocomplete/?{query}")
    v3_urls, unfilled = api_v3_urls(client)
    for url in roots + v3_urls + api_v2_urls(client):
        crawl.add(url, root=True)
    crawl.run()

    assert not crawl.leaks, "private data reached the public:\n" + "\n".join(crawl.leaks[:50])
    assert not unfilled, f"OpenAPI paths the crawl could not fill: {unfilled}"
    too_few = {
        kind: crawl.visited[kind]
        for kind, minimum in MINIMUM_VISITS.items()
        if crawl.visited[kind] < minimum
    }
    assert not too_few, f"the crawl visited too few addresses: {too_few} of {dict(crawl.visited)}"
    assert len(crawl.statuses) < MAX_URLS, "the crawl stopped at its limit before the end"
    pages = {page.url for page in Page.objects.live().public().specific() if page.url}
    missed = {url for url in pages if crawl.statuses.get(url) != 200}
    assert not missed, f"live public pages the crawl never reached: {missed}"
    print(f"\ncrawled {len(crawl.statuses)} addresses, answered 200 by kind: {dict(crawl.visited)}")
