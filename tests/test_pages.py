"""The browsable archive (issue 4): paginated entity pages, A-Z indexes, date archives, article pages,
feeds, sitemap, JSON-LD, search bundle, reproducible output."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pages_archive import COUNT, build_archive, make_archive
from sitegen.check import check_output
from sitegen.i18n import german_date, number
from sitegen.model import Term
from sitegen.snippets import name_forms, passage, teaser
from sitegen.urls import letter_path, month_path, page_path
from sitegen.views import LETTERS, initial, letters, paginate

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The test archive built for https://example.org/archiv/."""
    return build_archive(tmp_path_factory.mktemp("archive"))


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def article_titles(html: str) -> list[str]:
    """The titles in an article list (headings on the home page, links on entity pages)."""
    items = html.split('<ol class="article-list">')[1].split("</ol>")[0] if "article-list" in html else ""
    return re.findall(r'<li>(?:<h[23]>)?<a href="[^"]*">([^<]*)</a>', items)


# --- the derived data, without a build ---------------------------------------------------------------------

def test_pagination_has_stable_paths_and_gaps():
    pages = paginate("personen/x/", list(range(260)), 50)
    assert [p.path for p in pages] == ["personen/x/"] + [f"personen/x/seite/{n}/" for n in range(2, 7)]
    assert pages[0].prev_path is None and pages[0].next_path == "personen/x/seite/2/"
    assert pages[1].prev_path == "personen/x/" and pages[-1].next_path is None
    assert len(pages[-1].items) == 10 and pages[-1].total == 260
    assert [n for n, _ in pages[3].links(1)] == [1, None, 3, 4, 5, 6]
    assert page_path("", 1) == "" and paginate("", []) [0].count == 1


def test_letters_fold_umlauts_and_file_digits_apart():
    assert initial("Ökonom Özdemir") == "o" and initial("ärger") == "a" and initial("1. FC Köln") == "0-9"
    terms = tuple(Term("people", name, name.lower(), ("a",) * n) for n, name in
                  [(1, "Zander"), (5, "Adler"), (9, "Ärmel"), (2, "1. Sprecher")])
    groups = letters(terms)
    assert len(groups) == 27 and [t.name for t in groups["a"]] == ["Adler", "Ärmel"]
    assert LETTERS["0-9"] == "#" and letter_path("people", "a") == "personen/buchstabe/a/"


def test_snippet_is_the_sentence_naming_the_entity():
    body = "Erster Satz. Am Morgen traf **Merkel** in [Paris](https://x.de) ein! Danach nichts."
    assert passage(body, name_forms("people", "Angela Merkel"))[0] == "Am Morgen traf Merkel in Paris ein!"
    assert passage(body, name_forms("places", "Wien")) == ("", 0, 0)
    body = "Erster Satz. Eine Studie der Uni Wien zeigt das. Danach nichts."  # the short form of a university
    forms = name_forms("organisations", "Universität Wien")
    assert passage(body, forms)[0] == "Eine Studie der Uni Wien zeigt das."
    long = "Wort " * 100 + "Merkel sprach. Ende."
    cut = passage(long, ("Merkel",))[0]
    assert len(cut) < 330 and cut.startswith("… Wort") and cut.endswith("Merkel sprach.")
    assert teaser("## Titel\n\nErster *Absatz*.") == "Erster Absatz."


def test_german_dates_and_numbers_need_no_locale():
    import datetime as dt
    assert german_date(dt.date(2021, 12, 31)) == "31. Dezember 2021"
    assert german_date(None) == "Datum unbekannt"
    assert german_date(dt.datetime(2022, 3, 1, 10, 30)) == "1. März 2022" and number(10000) == "10.000"


# --- the built archive ----------------------------------------------------------------------------------

def test_an_entity_page_lists_its_newest_articles_and_leads_to_the_search_for_all(site):
    first = read(site, "personen/angela-merkel/index.html")
    titles = article_titles(first)
    assert len(titles) == 50 and titles[0].startswith("Bericht 000") and titles[-1].startswith("Bericht 049")
    assert not (site / "personen/angela-merkel/seite").exists() and "<mark>" in first
    assert '<a href="/archiv/suche/?Person=Angela%20Merkel">70 ältere Artikel in der Suche</a>' in first
    assert "Zuerst genannt" in first and "Bericht 119" in first  # the oldest, named in the lead


def test_a_longer_term_list_is_paginated_newest_first(tmp_path, monkeypatch):
    monkeypatch.setattr("sitegen.pages.TERM_LIST_SIZE", 1000)
    site = build_archive(tmp_path)
    first = read(site, "personen/angela-merkel/index.html")
    second = read(site, "personen/angela-merkel/seite/2/index.html")
    third = read(site, "personen/angela-merkel/seite/3/index.html")
    titles = article_titles(first) + article_titles(second) + article_titles(third)
    assert len(article_titles(first)) == 50 and len(titles) == 120 and "ältere Artikel" not in third
    assert titles[0].startswith("Bericht 000") and titles[-3].startswith("Bericht 119")
    assert {t[:11] for t in titles[-2:]} == {"Bericht 064", "Bericht 065"}  # undated: after the dated ones
    assert 'href="/archiv/personen/angela-merkel/seite/2/"' in first and 'rel="prev"' in second
    assert "<mark>" in first and "<mark>" not in second and "<p>" not in second.split("</ol>")[0]
    assert "Seite 2 von 3" in second and '<link rel="canonical" href="https://example.org/archiv/personen/' \
                                          'angela-merkel/seite/2/">' in second
    assert "zeitverlauf" not in second and "Bundeskanzlerin" not in second


def test_entity_page_has_registry_facts_timeline_co_mentions_and_snippets(site):
    html = read(site, "personen/angela-merkel/index.html")
    assert "Bundeskanzlerin von 2005 bis 2021." in html
    assert 'href="https://www.wikidata.org/wiki/Q567"' in html
    assert 'href="https://d-nb.info/gnd/119545388"' in html
    assert re.search(r'<svg viewBox="-0.5 0 \d+ 40"[^>]*role="img" aria-label="Erwähnungen pro Monat, ', html)
    assert "<script" not in html.split("<body>")[1]
    together = html.split('id="zusammen"')[1].split("</section>")[0]
    assert 'href="/archiv/orte/berlin/"' in together and "angela-merkel" not in together
    assert "<p>Am Morgen traf <mark>Merkel</mark> in Paris ein.</p>" in html


def test_pages_work_without_a_registry(tmp_path):
    make_archive(tmp_path)
    (tmp_path / "content" / "entities.yaml").unlink()
    out = build_archive(tmp_path, base_url="/")
    html = read(out, "personen/angela-merkel/index.html")
    assert "wikidata" not in html and "<h1>Angela Merkel</h1>" in html
    assert "Am Morgen traf <mark>Angela Merkel</mark> in Berlin ein." in html


def test_taxonomy_index_has_letter_bar_counts_and_a_page_per_letter(site):
    index = read(site, "personen/index.html")
    assert 'href="/archiv/personen/buchstabe/m/"' in index and '<span class="empty">A</span>' in index
    assert re.search(r"Angela Merkel</a> <span class=\"count\">120 Artikel", index)
    assert index.index("Angela Merkel") < index.index("Olaf Scholz</a>")
    by_name = read(site, "personen/buchstabe/m/index.html")
    assert by_name.index("Emmanuel Macron") < by_name.index("Angela Merkel")
    assert "Ursula von der Leyen" in read(site, "personen/buchstabe/l/index.html")
    assert "Ökonom Özdemir" in read(site, "personen/buchstabe/o/index.html")
    assert not (site / "personen/buchstabe/m/nach-haeufigkeit").exists()  # the overview has the top names


def test_date_archive_years_months_and_undated_articles(site):
    overview = read(site, "archiv/index.html")
    assert 'href="/archiv/archiv/2022/"' in overview and 'href="/archiv/archiv/ohne-datum/"' in overview
    month = read(site, "archiv/2022/12/index.html")
    assert "<h1>Dezember 2022</h1>" in month and "Bericht 000" in month
    assert 'href="/archiv/archiv/2022/11/"' in month and 'rel="prev"' in month
    year = read(site, "archiv/2021/index.html")
    assert 'href="/archiv/archiv/2020/"' in year and 'href="/archiv/archiv/2022/"' in year
    undated = read(site, "archiv/ohne-datum/index.html")
    assert "Bericht 064" in undated and "Bericht 065" in undated and "2 Artikel" in undated
    listed = sum(len(re.findall(r'<li><a href="/archiv/artikel/', read(site, str(p.relative_to(site)))))
                 for p in (site / "archiv").rglob("index.html") if p.parent.name != "archiv")
    assert listed == COUNT
    assert month_path(2022, 1) == "archiv/2022/01/"


def test_article_page_has_reading_time_groups_and_related_articles(site):
    html = read(site, "artikel/bericht-001-emmanuel-macron-in-paris/index.html")
    assert '<time datetime="2022-12-20">20. Dezember 2022</time>' in html and "Min. Lesezeit" in html
    assert "<figcaption" not in html and "REUTERS/Fabrizio Bensch" not in html  # a caption without its photo
    groups = re.findall(r"<h2>(Ressorts|Personen|Orte|Organisationen|Themen)</h2>", html)
    assert groups == ["Personen", "Orte", "Organisationen", "Themen"]
    related = html.split('id="verwandt"')[1].split("</section>")[0]
    assert 1 <= related.count("<li>") <= 5 and "bericht-001" not in related
    assert 'rel="prev"' not in html and "article:tag" not in html  # the date's neighbours, the tags twice
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="article:published_time" content="2022-12-20">' in html


def test_article_json_ld_is_a_news_article_with_entities_and_same_as(site):
    html = read(site, "artikel/bericht-000-olaf-scholz-in-berlin/index.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"] == "Bericht 000: Olaf Scholz in Berlin"
    assert data["datePublished"] == "2022-12-28" and not {"publisher", "url", "inLanguage"} & data.keys()
    things = {t["name"]: t for t in data.get("about", []) + data["mentions"]}
    assert things["Angela Merkel"]["sameAs"] == ["https://www.wikidata.org/wiki/Q567",
                                                 "https://d-nb.info/gnd/119545388"]
    assert things["Berlin"]["@type"] == "Place" and things["Berlin"]["sameAs"] == "https://www.wikidata.org/wiki/Q64"
    assert "Bundestag" not in things  # mentioned, but only by name: the text says as much
    assert [t["name"] for t in data["about"]] == ["Olaf Scholz", "Berlin"]


def test_home_shows_the_newest_and_recent_entities_and_leads_to_the_archive(site):
    home = read(site, "index.html")
    assert "In den letzten Monaten häufig genannt" in home
    assert 'href="/archiv/personen/angela-merkel/"' in home
    assert len(article_titles(home)) == 50 and not (site / "seite").exists()  # the archive lists them all
    assert '<a href="/archiv/archiv/">Ältere Artikel im Archiv</a>' in home
    assert 'type="application/atom+xml"' in home and 'href="/archiv/feed.xml"' in home


def test_feeds_hold_the_newest_twenty_the_archive_feed_with_summaries(site):
    for rel in ("feed.xml", "personen/angela-merkel/feed.xml", "themen/klima/feed.xml"):
        feed = ET.parse(site / rel).getroot()
        entries = feed.findall(f"{ATOM}entry")
        assert 1 <= len(entries) <= 20 and feed.find(f"{ATOM}id").text.startswith("https://example.org/archiv/")
        updated = [e.find(f"{ATOM}updated").text for e in entries]
        assert updated == sorted(updated, reverse=True)
        summaries = [e.find(f"{ATOM}summary") for e in entries]
        if rel == "feed.xml":
            assert all(0 < len(s.text) <= 170 for s in summaries)
        else:  # thousands of term feeds: the newest ten, title, link and date only
            assert summaries == [None] * len(entries) and len(entries) <= 10
    assert len(ET.parse(site / "feed.xml").getroot().findall(f"{ATOM}entry")) == 20


def test_sitemap_lists_every_page_and_robots_points_to_it(site):
    urls = {loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    rels = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
            if "pagefind" not in p.parts)
    assert {"https://example.org/archiv/" + ("" if rel == "." else rel + "/") for rel in rels} == urls
    assert "Sitemap: https://example.org/archiv/sitemap.xml" in read(site, "robots.txt")


def test_every_internal_link_and_anchor_resolves(site):
    report = check_output(site, "/archiv/")
    assert report.errors == ()


def test_a_name_of_one_article_has_no_page_but_an_entry_that_links_its_article(tmp_path):
    from sitegen.build import build
    from sitegen.config import load_config

    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    for i, people in enumerate((["Anna Berg", "Carla Mohr"], ["Anna Berg"])):
        (folder / f"a{i}.md").write_text(f"---\ntitle: Bericht {i}\ndate: 2022-01-0{i + 1}\n"
                                          f"people: [{', '.join(people)}]\ntags: [Thema{i}]\n---\n"
                                          f"Heute sprach {people[-1]}.\n", encoding="utf-8")
    config = load_config(tmp_path, base_url="https://example.org/archiv/")
    build(config, log=lambda line: None)
    site = config.out
    assert (site / "personen/anna-berg/index.html").is_file()  # named twice: a page and a feed
    assert (site / "personen/anna-berg/feed.xml").is_file()
    assert not (site / "personen/carla-mohr").exists() and not (site / "themen/thema0").exists()
    article = read(site, "artikel/bericht-0/index.html")
    assert '<a href="/archiv/personen/buchstabe/m/#n-carla-mohr">Carla Mohr</a>' in article
    assert "Heute sprach Carla Mohr." in article  # its only article links nowhere from the text
    assert '<a href="/archiv/personen/anna-berg/">Anna Berg</a>' in read(
        site, "artikel/bericht-1/index.html")
    assert '<p class="chips">\n<a href="/archiv/personen/anna-berg/">Anna Berg</a>' in article
    entry = '<li id="n-carla-mohr"><a href="/archiv/artikel/bericht-0/">Carla Mohr</a>'
    assert entry in read(site, "personen/buchstabe/m/index.html")
    assert '<a href="/archiv/artikel/bericht-0/">Thema0</a>' in read(site, "themen/buchstabe/t/index.html")
    assert check_output(site, "/archiv/").errors == ()


def test_search_bundle_and_page(site):
    bundles = sorted(p.parent.name for p in site.glob("pagefind/*/pagefind.js"))
    assert bundles == ["ohne-datum-2022"]
    search = read(site, "suche/index.html")
    assert f'data-bundles="/archiv/pagefind/{bundles[0]}/"' in search and 'data-base="/archiv/"' in search
    assert 'data-names="/archiv/suche/namen.json"' in search and "/archiv/static/search.js" in search
    assert not list(site.glob("pagefind/**/pagefind-ui.*"))
    assert not list(site.glob("pagefind/*/wasm.unknown*"))
    names = json.loads(read(site, "suche/namen.json"))
    assert names["angela merkel"] == ["Person", "Angela Merkel", "personen/angela-merkel/", 120]
    assert names["merkel"] == names["angela merkel"]  # an alias in the registry, and a surname of one person
    article = read(site, "artikel/bericht-000-olaf-scholz-in-berlin/index.html")
    assert "data-pagefind" not in article  # the search documents are separate from the pages


def test_search_document_holds_text_and_filters():
    import datetime as dt
    from types import MappingProxyType

    from sitegen.markup import markdown_html
    from sitegen.model import Article, Image
    from sitegen.search import search_document

    article = Article(title="Scholz & Macron", slug="s", body="Ein *Treffen* in Paris.",
                      date=dt.date(2022, 5, 1),
                      people=("Olaf Scholz", "Emmanuel Macron"), places=("Paris",),
                      image=Image(src="", caption="Die beiden in Paris", credit="AFP"),
                      extra=MappingProxyType({"category": "Ausland"}))
    doc = search_document(article, markdown_html(article.body))
    assert "<h1>Scholz &amp; Macron</h1>" in doc and "<p>Die beiden in Paris</p>" in doc and "AFP" not in doc
    assert "<p>Ein <em>Treffen</em> in Paris.</p>" in doc
    for name, value in [("Jahr", "2022"), ("Person", "Olaf Scholz"), ("Person", "Emmanuel Macron"),
                        ("Ort", "Paris"), ("Ressort", "Ausland")]:
        assert f'<span data-pagefind-filter="{name}">{value}</span>' in doc
    assert '<span data-pagefind-meta="date">1. Mai 2022</span>' in doc  # shown on each result
    assert '<span data-pagefind-meta="section">Ausland</span>' in doc


def test_search_documents_take_body_html_from_the_renderers_cache(tmp_path):
    from sitegen.cache import Cache, digest, producer_key
    from sitegen.model import Article
    from sitegen.render import HTML_TABLE, bodies_html

    def body_key(text):
        return digest(producer_key(), text)

    cache = Cache(tmp_path / "cache.sqlite")
    cached, fresh = (Article(title=t, slug=t, body=f"Text von *{t}*.") for t in ("alt", "neu"))
    cache.put_many(HTML_TABLE, {body_key(cached.body): "<p>aus dem Cache</p>"})
    assert bodies_html((cached.body, fresh.body), cache) == ["<p>aus dem Cache</p>",
                                                             "<p>Text von <em>neu</em>.</p>"]
    stored = cache.get_many(HTML_TABLE, [body_key(fresh.body)])
    assert stored == {body_key(fresh.body): "<p>Text von <em>neu</em>.</p>"}  # for the renderer


def test_pruning_keeps_the_bundles_in_use_and_the_newest_others(tmp_path):
    import os
    from sitegen.search import prune

    for age, name in enumerate(["neu", "mittel", "alt", "benutzt"]):
        (tmp_path / name).mkdir()
        (tmp_path / name / "pagefind.js").write_text("", encoding="utf-8")
        os.utime(tmp_path / name, (1e9 - age * 100, 1e9 - age * 100))
    prune(tmp_path, 1, frozenset({"benutzt"}))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["benutzt", "neu"]


def test_shards_group_years_from_the_oldest(site):
    from sitegen.search import shards
    from sitegen.model import build_site
    from sitegen.model import Article
    import datetime as dt
    articles = [Article(title=f"A{i}", slug=f"a{i}", body="", date=dt.date(2000 + i % 5, 1, 1 + i // 5))
                for i in range(50)] + [Article(title="U", slug="u", body="")]
    groups = shards(build_site(articles).articles, size=20)
    assert [g.name for g in groups] == ["2004", "2002-2003", "ohne-datum-2001"]
    assert sum(len(g.articles) for g in groups) == 51
    big = shards(build_site(articles).articles, size=4)  # a year of ten articles: parts, oldest first
    assert [g.name for g in big][:3] == ["2004-teil-3", "2004-teil-2", "2004-teil-1"]
    assert [len(g.articles) for g in big][:3] == [2, 4, 4]
    assert big[2].articles[-1].date < big[0].articles[0].date


def test_output_is_identical_from_build_to_build(tmp_path, monkeypatch):
    """Two cold builds, each with a cache of its own, write the same bytes (Pagefind varies its file names,
    and the records hold file times)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    make_archive(tmp_path)
    first = build_archive(tmp_path, out="one")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "second-cache"))
    second = build_archive(tmp_path, out="two")
    varying = ("pagefind", ".sitegen-pages.json.gz")
    files = sorted(p.relative_to(first) for p in first.rglob("*")
                   if p.is_file() and p.relative_to(first).parts[0] not in varying)
    assert len(files) > 20
    assert files == sorted(p.relative_to(second) for p in second.rglob("*")
                           if p.is_file() and p.relative_to(second).parts[0] not in varying)
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []


def test_often_together_means_at_least_twice():
    import datetime as dt
    from sitegen.model import Article
    from sitegen.views import Relations
    from sitegen.model import build_site

    articles = [Article(title=f"A{i}", slug=f"a{i}", body="", date=dt.date(2020, 1, 1 + i),
                        people=("Anna Berg",)
                        + (("Bernd Lutz",) if i < 2 else ("Carla Mohr",) if i == 2 else ()))
                for i in range(4)]
    site = build_site(articles)
    together = Relations.of(site).co_mentions(site.term("people", "Anna Berg"))
    assert [(t.name, n) for t, n in together] == [("Bernd Lutz", 2)]


def test_a_failing_pagefind_is_one_clear_error(tmp_path, monkeypatch):
    import pagefind.service
    from sitegen.errors import SitegenError
    from sitegen.search import run_pagefind

    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: kaputt' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pagefind.service, "get_executable", lambda: fake)
    with pytest.raises(SitegenError, match="Pagefind ist gescheitert: Error: kaputt"):
        run_pagefind(tmp_path, tmp_path / "bundle")


def test_no_timeline_for_fewer_than_three_mentions():
    import datetime as dt
    from sitegen.model import Article
    from sitegen.model import build_site
    from sitegen.views import timeline

    articles = [Article(title=f"A{i}", slug=f"a{i}", body="", date=dt.date(2020, 1 + i, 1),
                        people=("Anna Berg",) + (("Carla Mohr",) if i < 2 else ())) for i in range(3)]
    site = build_site(articles)
    assert timeline(site, site.term("people", "Carla Mohr")) is None
    assert timeline(site, site.term("people", "Anna Berg")) is not None


def test_a_terms_search_link_and_its_filter_value_agree_for_any_name():
    """Pagefind cannot filter by a value holding '"' or a backslash: such names are filtered as written
    otherwise, in the index and in the link alike."""
    from urllib.parse import parse_qs, urlsplit

    from sitegen.model import Article
    from sitegen.search import search_filters
    from sitegen.urls import filtered_search_path

    for name in ('Anna "Nina" Berg', "A\\B Test", "Ö & Co+1/2 'x'"):
        article = Article(title="T", slug="t", body="", people=(name,))
        (value,) = [v for key, v in search_filters(article) if key == "Person"]
        assert '"' not in value and "\\" not in value
        assert parse_qs(urlsplit(filtered_search_path("Person", name)).query) == {"Person": [value]}
