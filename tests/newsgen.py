"""Synthetic wire-style news for the ingest acceptance tests: pages, archives, feeds, text files.

Real news cannot be pasted into a test suite, and a handful of hand-written articles does not
exercise an ingest at scale. So articles are generated from templates over many states, leaders,
event verbs and places: each has a dateline, a headline, two or three body sentences (one event
between two states, a reaction or a detail), a date and a site. Pages wrap the article in what
news CMSs put around it (cookie banner, navigation, share buttons, "Related" links, a "Leave a
Reply" comment form with a reader's comment, a newsletter box, a footer), which the HTML reader
must drop.

Everything is seeded: the same seed gives the same articles, byte for byte, so two ingests of
one corpus are ingests of the same inputs. Pages and text files are written by these functions;
nothing here is taken from a publication.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import html
import io
import random
import re
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class State:
    name: str
    adjective: str
    capital: str
    places: tuple[str, ...]         # towns and regions where things happen


STATES = [
    State("Argentina", "Argentine", "Buenos Aires", ("Rosario", "Mendoza", "Ushuaia")),
    State("Australia", "Australian", "Canberra", ("Darwin", "Perth", "Brisbane")),
    State("Brazil", "Brazilian", "Brasilia", ("Manaus", "Recife", "Porto Alegre")),
    State("Canada", "Canadian", "Ottawa", ("Halifax", "Winnipeg", "Iqaluit")),
    State("Chile", "Chilean", "Santiago", ("Antofagasta", "Valparaiso", "Punta Arenas")),
    State("Colombia", "Colombian", "Bogota", ("Cali", "Cucuta", "Medellin")),
    State("Egypt", "Egyptian", "Cairo", ("Alexandria", "Port Said", "Aswan")),
    State("Ethiopia", "Ethiopian", "Addis Ababa", ("Mekelle", "Gondar", "Dire Dawa")),
    State("France", "French", "Paris", ("Marseille", "Lyon", "Strasbourg")),
    State("Germany", "German", "Berlin", ("Hamburg", "Munich", "Leipzig")),
    State("Ghana", "Ghanaian", "Accra", ("Kumasi", "Tamale", "Takoradi")),
    State("Greece", "Greek", "Athens", ("Thessaloniki", "Alexandroupolis", "Rhodes")),
    State("India", "Indian", "New Delhi", ("Mumbai", "Chennai", "Srinagar")),
    State("Indonesia", "Indonesian", "Jakarta", ("Surabaya", "Medan", "Makassar")),
    State("Italy", "Italian", "Rome", ("Naples", "Palermo", "Trieste")),
    State("Japan", "Japanese", "Tokyo", ("Osaka", "Okinawa", "Sapporo")),
    State("Jordan", "Jordanian", "Amman", ("Aqaba", "Irbid", "Zarqa")),
    State("Kenya", "Kenyan", "Nairobi", ("Mombasa", "Kisumu", "Garissa")),
    State("Malaysia", "Malaysian", "Kuala Lumpur", ("Penang", "Kota Kinabalu", "Johor Bahru")),
    State("Mexico", "Mexican", "Mexico City", ("Tijuana", "Monterrey", "Tapachula")),
    State("Morocco", "Moroccan", "Rabat", ("Casablanca", "Tangier", "Agadir")),
    State("Nigeria", "Nigerian", "Abuja", ("Lagos", "Kano", "Maiduguri")),
    State("Norway", "Norwegian", "Oslo", ("Bergen", "Tromso", "Stavanger")),
    State("Pakistan", "Pakistani", "Islamabad", ("Karachi", "Lahore", "Peshawar")),
    State("Peru", "Peruvian", "Lima", ("Cusco", "Arequipa", "Iquitos")),
    State("Philippines", "Philippine", "Manila", ("Cebu", "Davao", "Zamboanga")),
    State("Poland", "Polish", "Warsaw", ("Gdansk", "Krakow", "Rzeszow")),
    State("Senegal", "Senegalese", "Dakar", ("Saint-Louis", "Ziguinchor", "Thies")),
    State("South Africa", "South African", "Pretoria", ("Johannesburg", "Durban", "Cape Town")),
    State("Spain", "Spanish", "Madrid", ("Barcelona", "Seville", "Ceuta")),
    State("Sweden", "Swedish", "Stockholm", ("Gothenburg", "Malmo", "Kiruna")),
    State("Tanzania", "Tanzanian", "Dodoma", ("Dar es Salaam", "Arusha", "Mwanza")),
    State("Thailand", "Thai", "Bangkok", ("Chiang Mai", "Phuket", "Songkhla")),
    State("Tunisia", "Tunisian", "Tunis", ("Sfax", "Sousse", "Bizerte")),
    State("Turkey", "Turkish", "Ankara", ("Istanbul", "Izmir", "Gaziantep")),
    State("Vietnam", "Vietnamese", "Hanoi", ("Ho Chi Minh City", "Da Nang", "Haiphong")),
]

# Invented people: first names and family names are combined per state with a fixed seed.
FIRST_NAMES = ["Amara", "Bruno", "Carmen", "Dario", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas",
               "Kiri", "Leila", "Marek", "Nadia", "Oskar", "Priya", "Rafael", "Sana", "Tomas", "Ulla",
               "Viktor", "Wanjiru", "Yusuf", "Zofia"]
FAMILY_NAMES = ["Abeyta", "Brandt", "Castellano", "Dorsey", "Ekwueme", "Falk", "Gallardo", "Halvorsen",
                "Ivanko", "Jurado", "Kettering", "Lindqvist", "Marchetti", "Nakamura", "Okafor", "Pereira",
                "Quintero", "Rasmussen", "Santangelo", "Tambwe", "Urquhart", "Valdivia", "Wexford", "Zarkov"]
OFFICES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister"]

TOPICS = ["fishing rights", "migration", "energy prices", "a disputed border crossing", "grain exports",
          "a new rail link", "visa rules", "water sharing", "debt relief", "election observers",
          "arms control", "port fees", "a detained journalist", "refugee returns", "climate finance"]
REASONS = ["human rights abuses", "election fraud", "support for armed groups", "illegal fishing",
           "the seizure of a cargo ship", "money laundering", "attacks on border posts"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


@dataclass(frozen=True)
class Site:
    name: str
    domain: str
    section: str


SITES = [Site("Northwire", "northwire.example", "world"),
         Site("The Harbour Ledger", "harbourledger.example", "news"),
         Site("Eastpost", "eastpost.example", "international"),
         Site("Daily Meridian", "dailymeridian.example", "politics"),
         Site("Coastal Courier", "coastalcourier.example", "world-news"),
         Site("The Plains Standard", "plainsstandard.example", "foreign")]


@dataclass(frozen=True)
class Article:
    """One news article; `paragraphs` is the body as the reader should find it."""
    slug: str
    site: Site
    date: str                           # ISO day of publication
    headline: str
    paragraphs: tuple[str, ...]
    url: str = ""

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def with_url(self, base: str) -> "Article":
        return replace(self, url=f"{base}/{self.site.section}/{self.date.replace('-', '/')}/{self.slug}")


def leader(state: State, office: str) -> str:
    """The invented holder of `office` in `state`: the same person wherever they appear."""
    rng = random.Random(f"{state.name}/{office}")
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"


def _actor(rng: random.Random, state: State) -> str:
    office = rng.choice(OFFICES)
    form = rng.randrange(4)
    if form == 0:
        return f"{state.adjective} {office} {leader(state, office)}"
    if form == 1:
        return f"{state.name}'s {office.lower()}, {leader(state, office)},"
    if form == 2:
        return f"the {state.adjective} government"
    return state.name


def _capitalised(sentence: str) -> str:
    return sentence[0].upper() + sentence[1:]


def _event(rng: random.Random, a: State, b: State, day: str) -> tuple[str, str]:
    """(headline, sentence) for one event of `a` towards `b` on `day`."""
    who = _actor(rng, a)
    n = rng.choice(NUMBER_WORDS)
    topic, reason = rng.choice(TOPICS), rng.choice(REASONS)
    place = rng.choice(b.places)
    choices = [
        (f"{a.name} accuses {b.name} over {reason}",
         f"{who} accused {b.name} on {day} of {reason} near {place}."),
        (f"{a.adjective} and {b.adjective} leaders meet on {topic}",
         f"{who} met {b.adjective} President {leader(b, 'President')} in {b.capital} on {day} to discuss {topic}."),
        (f"{a.name} imposes sanctions on {b.name}",
         f"{a.name} imposed sanctions on {n} {b.adjective} officials on {day}, citing {reason}."),
        (f"{a.name} pledges aid to {b.name}",
         f"{who} pledged {n} million dollars in aid to {b.name} on {day} after floods around {place}."),
        (f"{a.name} expels {b.adjective} diplomats",
         f"{a.name} expelled {n} {b.adjective} diplomats on {day} over {reason}."),
        (f"{a.name} and {b.name} sign deal on {topic}",
         f"{who} signed an agreement on {topic} with {b.adjective} {leader(b, 'Prime Minister')} "
         f"in {place} on {day}."),
        (f"{a.name} urges {b.name} to resume talks",
         f"{who} called on {b.name} on {day} to resume talks on {topic} within {n} weeks."),
        (f"{a.name} recalls envoy from {b.name}",
         f"{a.name} recalled its ambassador to {b.name} on {day} in protest at {reason}."),
        (f"{a.name} threatens {b.name} with trade curbs",
         f"{who} threatened {b.name} with trade restrictions on {day} unless it ended {reason}."),
        (f"{a.adjective} troops clash with {b.adjective} forces",
         f"{a.adjective} troops clashed with {b.adjective} forces near {place} on {day}, leaving {n} "
         f"soldiers wounded."),
        (f"{a.name} praises {b.name} over {topic}",
         f"{who} praised {b.name} on {day} for its cooperation on {topic}."),
        (f"{a.name} hosts {b.adjective} delegation",
         f"{a.name} hosted a {b.adjective} trade delegation of {n} ministers in {a.capital} on {day}."),
    ]
    headline, sentence = rng.choice(choices)
    return headline, _capitalised(sentence)


def _detail(rng: random.Random, a: State, b: State) -> str:
    """A second sentence: a reaction, or a detail that is no event."""
    month = rng.choice(["March", "April", "May", "June"])
    return rng.choice([
        f"{b.adjective} officials rejected the statement and said they would respond through "
        f"diplomatic channels.",
        f"The {b.adjective} foreign ministry said it had summoned the {a.adjective} ambassador for an "
        f"explanation.",
        f"Analysts in {a.capital} said the decision reflected growing pressure on the government at home.",
        f"Neither government gave further details, and officials in {b.capital} declined to comment.",
        f"{a.adjective} media said the issue would be raised again at a regional summit in {month}.",
        f"Diplomats said talks between {a.capital} and {b.capital} had stalled since {month} last year.",
    ])


def _credit(rng: random.Random, place: str) -> str:
    return (f"Reporting by {rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)} in {place}; "
            f"editing by {rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}.")


def _dateline(place: str, day: dt.date, site: Site) -> str:
    return f"{place.upper()}, {MONTHS[day.month - 1]} {day.day} ({site.name}) - "


def generate(count: int, *, seed: int, start: str = "2023-01-02", days: int = 56) -> list[Article]:
    """`count` distinct short articles dated from `start` over `days` days, seeded.

    Each has a dateline and one event between two different states, then a reaction or a detail,
    and sometimes a reporting credit: two or three sentences, in two paragraphs. An article whose
    text another already has is drawn again, so the corpus holds no exact copies.
    """
    rng = random.Random(seed)
    first = dt.date.fromisoformat(start)
    articles: list[Article] = []
    bodies: set[str] = set()
    while len(articles) < count:
        a, b = rng.sample(STATES, 2)
        day = first + dt.timedelta(days=rng.randrange(days))
        event_day = day - dt.timedelta(days=rng.randrange(3))
        site = rng.choice(SITES)
        headline, event = _event(rng, a, b, DAYS[event_day.weekday()])
        place = rng.choice([a.capital, *a.places])
        rest = _detail(rng, a, b)
        if rng.random() < 0.5:
            rest += " " + _credit(rng, place)
        paragraphs = (_dateline(place, day, site) + event, rest)
        body = " ".join(" ".join(paragraphs).split()).lower()
        if body in bodies:
            continue
        bodies.add(body)
        slug = "-".join(re.findall(r"[a-z0-9]+", headline.lower()))[:60] + f"-{len(articles)}"
        articles.append(Article(slug=slug, site=site, date=day.isoformat(), headline=headline,
                                paragraphs=paragraphs))
    return articles


# --- hand-written stories for the dedupe and merge checks ---------------------------------------
# One shelling (AZEMIL -> ARM, CAMEO 194, Tuesday 14 March 2023) reported by three different
# articles on three sites, the third published the next day; and a long article with two copies
# that change the headline and add one paragraph. They are dated in March, after every generated
# article, so no generated event falls in their merge window.

SHELLING = [
    Article("jermuk-shelled", SITES[0], "2023-03-14", "Azerbaijani artillery hits Armenian spa town",
            ("YEREVAN, March 14 (Northwire) - Azerbaijani forces shelled the Armenian border town of Jermuk "
             "on Tuesday, wounding two soldiers, Armenia's defence ministry said.",
             "The ministry said artillery fire began shortly after dawn and lasted for about three hours.",
             "Officials in Baku said their troops had responded to provocations along the frontier.")),
    Article("jermuk-residents-shelter", SITES[2], "2023-03-14", "Shells land near Jermuk",
            ("Azerbaijan's army shelled Jermuk, a spa town in southern Armenia, early on Tuesday, according "
             "to local officials.",
             "Residents of the town spent the morning in basements as the shells landed near the main road.",
             "The town's mayor said the hotel district had been spared.")),
    Article("jermuk-repairs", SITES[3], "2023-03-15", "Jermuk repairs roofs after shelling",
            ("Residents of Jermuk began repairing damaged roofs on Wednesday, a day after Azerbaijani forces "
             "shelled the Armenian town on Tuesday.",
             "Armenian officials said two soldiers were wounded in the attack.",
             "Glaziers from the capital arrived with a truck of window panes in the afternoon.")),
]

_HARBOUR = (
    "PIRAEUS, March 20 (Harbour Ledger) - Dock workers at the port of Piraeus ended a four-day strike on "
    "Monday after the port authority agreed to raise night shift pay by nine percent, union leaders said.",
    "The strike had left more than forty container ships waiting at anchor in the Saronic Gulf, and "
    "shipping agents said the backlog would take at least a week to clear.",
    "Union representatives signed the agreement at the labour ministry in the early hours of the morning "
    "after talks that had run through the weekend with a mediator appointed by the courts.",
    "Under the deal, crane operators will also receive two additional rest days a month and a review of "
    "safety rules for work in high winds, one of the main demands of the walkout.",
    "Port authority managers said the cost of the agreement would be covered by higher handling fees for "
    "transit cargo, which they expect to rise again when new berths open next year.",
    "The Turkish government offered to send port engineers to Piraeus to help clear the backlog, an offer "
    "that officials in Athens said they would consider.",
    "Exporters of fruit and olive oil had warned that perishable goods were spoiling in refrigerated "
    "containers stacked along the quays while the cranes stood idle.",
    "Ferry services to the islands were not affected by the strike, which involved only the container "
    "terminals on the western side of the port, the coast guard said.",
    "The union said it would hold a general meeting on Friday to vote on the deal, which its leaders "
    "expect members to approve by a large majority after a tense week on the docks.",
)
HARBOUR_STRIKE = Article("piraeus-strike-ends", SITES[1], "2023-03-20", "Piraeus dock strike ends with pay deal",
                         _HARBOUR)
# Republished copies: another headline and one paragraph added (at the end, and in the middle).
HARBOUR_COPIES = [
    replace(HARBOUR_STRIKE, slug="greek-port-strike-over", site=SITES[4],
            headline="Greek port workers return after four-day walkout",
            paragraphs=_HARBOUR + ("Shipping lines said the first vessels would berth on Tuesday morning, and "
                                   "that delays on routes to northern Europe would ease by the end of the month.",)),
    replace(HARBOUR_STRIKE, slug="piraeus-cranes-move-again", site=SITES[5],
            headline="Cranes move again at Piraeus as strike ends",
            paragraphs=_HARBOUR[:4] + ("A spokesman for the shipping ministry welcomed the agreement and said the "
                                       "government had not taken part in the negotiations.",) + _HARBOUR[4:]),
]


# --- pages ----------------------------------------------------------------------------------------

def page_html(article: Article) -> str:
    """The article as a news CMS serves it, boilerplate and all."""
    site, title = article.site, html.escape(article.headline)
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    url = html.escape(article.url) if article.url else ""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {html.escape(site.name)}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{html.escape(site.name)}">
<meta property="article:published_time" content="{article.date}T07:45:00+00:00">
{canonical}
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "{site.section}"}});</script>
</head>
<body class="single-post">
<div id="cookie-banner" class="cookie-notice"><p>We use cookies to improve your experience and to show
you relevant advertising. <a href="/cookies">Manage preferences</a> <button>Accept all</button></p></div>
<header class="site-header"><a class="logo" href="/">{html.escape(site.name)}</a>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/{site.section}">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/subscribe">Subscribe</a></li><li><a href="/login">Sign in</a></li></ul></nav></header>
<main id="content">
<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/{site.section}">World</a></nav>
<article class="post">
<h1 class="entry-title">{title}</h1>
<div class="byline">By <span class="author">Staff and wire reports</span>
<time datetime="{article.date}T07:45:00+00:00">{article.date}</time></div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<div class="entry-content">
{body}
</div>
<div class="tags">Tags: <a href="/tag/diplomacy">diplomacy</a>, <a href="/tag/world">world</a></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/{site.section}/markets-close-mixed">Markets close mixed as investors weigh rate outlook</a></li>
<li><a href="/{site.section}/weather-warning">Storm warning issued for coastal districts</a></li></ul></aside>
<section id="comments" class="comments-area">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form id="commentform" class="comment-form" action="/wp-comments-post.php" method="post">
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<p><label for="comment">Comment *</label><textarea id="comment" name="comment"></textarea></p>
<p><label for="author">Name *</label><input id="author" name="author" type="text"></p>
<p class="form-submit"><input type="submit" value="Post Comment"></p></form>
<ol class="comment-list"><li class="comment"><div class="comment-body">
<p>Another great piece, the government should have seen this coming years ago!</p></div></li></ol>
</section>
<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter.</p>
<form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>
</main>
<footer class="site-footer"><p>&copy; 2023 {html.escape(site.name)}. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/contact">Contact</a></li></ul></footer>
</body></html>"""


# Words that only the page around the article has: none of them may reach a stored text.
BOILERPLATE = ["Leave a Reply", "Post Comment", "email address will not be published", "All rights reserved",
               "We use cookies", "Related stories", "Sign up for our free newsletter", "Share on Facebook",
               "government should have seen this coming", "Storm warning issued"]


# --- a WARC of pages, as a crawler writes it --------------------------------------------------------

def write_warc(path: Path, articles: list[Article], *, noise_every: int = 50) -> None:
    """A WARC (gzipped when the name ends in .gz): warcinfo, then for every page a request and a
    200 response record; every `noise_every` pages also an image, a redirect and a 404, which are
    no articles. Record ids and dates are derived from the articles, so the file is reproducible."""
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=str(path).endswith(".gz"))
        info = b"software: newsgen/1.0\r\nformat: WARC File Format 1.1\r\n"
        writer.write_record(writer.create_warc_record("", "warcinfo", payload=io.BytesIO(info), length=len(info),
                                                      warc_content_type="application/warc-fields",
                                                      warc_headers_dict=_warc_headers(f"warcinfo:{path.name}",
                                                                                      "2023-03-31T00:00:00Z")))
        for n, article in enumerate(articles):
            when = f"{article.date}T{8 + n % 12:02d}:{n % 60:02d}:{(n * 7) % 60:02d}Z"
            _request(writer, article.url, when)
            _response(writer, article.url, when, "200 OK", "text/html; charset=utf-8",
                      page_html(article).encode("utf-8"))
            if noise_every and n % noise_every == 0:
                base = f"https://{article.site.domain}"
                _response(writer, f"{base}/static/logo-{n}.png", when, "200 OK", "image/png",
                          b"\x89PNG\r\n\x1a\n" + bytes(64))
                _response(writer, f"{base}/old/{article.slug}", when, "301 Moved Permanently", "text/html",
                          b"<html><body><p>This page has moved.</p></body></html>")
                _response(writer, f"{base}/missing-{n}", when, "404 Not Found", "text/html",
                          b"<html><body><h1>Page not found</h1><p>Sorry, this page does not exist.</p></body></html>")


def _warc_headers(name: str, when: str) -> dict[str, str]:
    return {"WARC-Record-ID": f"<{uuid.uuid5(uuid.NAMESPACE_URL, name).urn}>", "WARC-Date": when}


def _request(writer: WARCWriter, url: str, when: str) -> None:
    host = url.split("/")[2]
    headers = StatusAndHeaders(f"GET /{url.split('/', 3)[3]} HTTP/1.1",
                               [("Host", host), ("User-Agent", "newsgen-crawler/1.0")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0,
                                                  http_headers=headers,
                                                  warc_headers_dict=_warc_headers(f"request:{url}", when)))


def _response(writer: WARCWriter, url: str, when: str, status: str, content_type: str, body: bytes) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                  http_headers=headers,
                                                  warc_headers_dict=_warc_headers(f"response:{url}", when)))


# --- an RSS feed and the text-file archive ----------------------------------------------------------

def rss_feed(articles: list[Article], *, title: str, link: str) -> bytes:
    """RSS 2.0 with one item per article: headline, link, guid, pubDate and a one-sentence summary."""
    items = []
    for n, a in enumerate(articles):
        day = dt.datetime.fromisoformat(f"{a.date}T09:30:00+00:00") + dt.timedelta(minutes=n)
        items.append(f"""<item>
  <title>{html.escape(a.headline)}</title>
  <link>{html.escape(a.url)}</link>
  <guid isPermaLink="true">{html.escape(a.url)}</guid>
  <pubDate>{email.utils.format_datetime(day)}</pubDate>
  <description><![CDATA[<p>{a.paragraphs[0].split(' - ', 1)[-1].split('. ')[0]}.</p>]]></description>
</item>""")
    return (f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>{html.escape(title)}</title><link>{html.escape(link)}</link>
<description>The latest world news</description><language>en</language>
{chr(10).join(items)}
</channel></rss>""").encode("utf-8")


def write_text_archive(folder: Path, articles: list[Article]) -> list[Path]:
    """One `YYYY-MM-DD-slug.txt` per article in a folder per site, as wire archives keep them,
    plus files the reader must pass over (an image, a hidden file, a JSON index)."""
    paths = []
    for a in articles:
        path = folder / a.site.domain.split(".")[0] / f"{a.date}-{a.slug}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(a.paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    (folder / "photo-desk.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(32))
    (folder / ".sync-state").write_text("last=2023-03-01\n")
    (folder / "index.json").write_text('{"files": %d}\n' % len(paths))
    return paths
