"""What the reader's archive is made of, without a browser: sections, source order, surnames, entity leads,
co-mentions, marked passages, in-text entity links, the search page's names index, the ingest's date line."""
from __future__ import annotations

import datetime as dt
from types import MappingProxyType, SimpleNamespace

from sitegen.entity_info import EntityIndex, entity_lead, names_index, normalise
from sitegen.ingest import ingest
from sitegen.ingest.summary import Summary
from sitegen.markup import link_entities, markdown_html
from sitegen.model import Article, build_site, person_sort_name, surname_first
from sitegen.snippets import TEASER_CHARS, beyond_title, passage, teaser
from sitegen.views import Relations, has_page, initial


def article(slug: str, body: str = "Text.", **fields) -> Article:
    """An article with the given fields; `extra` as keyword mapping."""
    extra = MappingProxyType(fields.pop("extra", {}))
    return Article(title=fields.pop("title", slug), slug=slug, body=body, extra=extra, **fields)


def test_section_and_category_are_one_field():
    assert article("a", extra={"section": "Sport"}).section == "Sport"
    assert article("b", extra={"category": " Inland "}).section == "Inland"
    assert article("c", extra={"section": "Sport", "category": "Web"}).terms("sections") == ("Sport",)
    assert article("d").terms("sections") == ()


def test_undated_articles_follow_the_source_order_after_the_dated_ones():
    rows = [article(f"z{n}", source=f"dump.csv#row={n}", path=f"content/articles/z{n}.md")
            for n in (10, 2, 1)]
    files = [article(name, path=f"content/articles/{name}.md") for name in ("bericht-10", "bericht-9")]
    dated = article("neu", date=dt.date(2020, 1, 1))
    site = build_site([*rows, dated, *files])
    assert [a.slug for a in site.articles] == ["neu", "bericht-9", "bericht-10", "z1", "z2", "z10"]


def test_people_are_filed_by_surname_with_particles_as_german_wikipedia_does():
    assert surname_first("Ursula von der Leyen") == "Leyen, Ursula von der"
    assert surname_first("Alexander Van der Bellen") == "Van der Bellen, Alexander"
    assert surname_first("Baschar al-Assad") == "Assad, Baschar al-"
    assert surname_first("Thomas de Maizière") == "Maizière, Thomas de"
    assert surname_first("Martin Luther King Jr.") == "King, Martin Luther"
    assert surname_first("Madonna") == "Madonna"
    assert surname_first("Felipe VI") == "Felipe VI" and initial("Papst Benedikt XVI", "people") == "b"
    names = ["Angela Merkel", "Wladimir Putin", "Alexander Van der Bellen", "Ursula von der Leyen",
             "Werner Faymann"]
    assert sorted(names, key=person_sort_name) == ["Werner Faymann", "Ursula von der Leyen", "Angela Merkel",
                                                   "Wladimir Putin", "Alexander Van der Bellen"]
    assert initial("Angela Merkel", "people") == "m" and initial("Angela Merkel") == "a"
    assert initial("Recep Tayyip Erdoğan", "people") == "e" and initial("Ökonom Özdemir", "people") == "o"


def test_passage_is_the_whole_sentence_with_the_name_marked():
    body = ("Wien – Am 5. März sagte Dr. Meier, dass Bundeskanzlerin Angela Merkel (CDU) kommt. Ende.\n\n"
            "Zweiter Absatz.")
    text, start, end = passage(body, ("Angela Merkel", "Merkel"))
    assert text == "Wien – Am 5. März sagte Dr. Meier, dass Bundeskanzlerin Angela Merkel (CDU) kommt."
    assert text[start:end] == "Angela Merkel"
    assert passage("**Merkel** sprach. Dann ging sie.", ("Merkel",)) == ("Merkel sprach.", 0, 6)
    assert passage("Nichts hier.", ("Merkel",)) == ("", 0, 0)


def test_a_name_of_several_words_is_found_and_marked_inflected():
    text, start, end = passage("Wien – Die Debatte im niederösterreichischen Landtag war lang.",
                               ("Niederösterreichischer Landtag",))
    assert text[start:end] == "niederösterreichischen Landtag"
    text, start, end = passage("Helfer des Roten Kreuzes kamen. Das Rote Kreuz half.", ("Rotes Kreuz",))
    assert text[start:end] == "Roten Kreuzes"
    # near misses: a form as written wins over an earlier inflected one; a longer word is no form of it
    text, start, end = passage("Die Europäischen Kommissare. Dann sprach die Europäische Kommission.",
                               ("Europäische Kommission",))
    assert text[start:end] == "Europäische Kommission"
    assert passage("Die Europäischen Kommissare tagten.", ("Europäische Kommission",)) == ("", 0, 0)


def test_a_teaser_is_cut_also_where_no_space_comes_early():
    address = "https://example.org/" + "a" * 300
    assert teaser(f"{address} und mehr Text danach.") == address[:TEASER_CHARS] + " …"
    assert teaser("Ein Satz " + "b" * 300) == "Ein Satz …"


def test_teaser_does_not_repeat_the_title():
    assert beyond_title("Kurz gewinnt …", "Kurz gewinnt, sagt die Umfrage.") == "… sagt die Umfrage."
    assert beyond_title("Kurz gewinnt", "Kurz gewinnt.") == ""
    assert beyond_title("Anderes", "Kurz gewinnt.") == "Kurz gewinnt."


def test_entity_links_link_the_first_mention_outside_links_and_headings():
    html = markdown_html("## Merkel in Wien\n\nDie [Rede von Merkel](https://x.de) war kurz. Angela Merkel & "
                         "Wien: Merkel sprach in Wien. Merkels Partei.")
    links = (("Angela Merkel", "personen/angela-merkel/"), ("Merkel", "personen/angela-merkel/"),
             ("Wien", "orte/wien/"), ("A & B", "organisationen/a-b/"))
    linked = link_entities(html, links, "/archiv/")
    assert linked.count('href="/archiv/personen/angela-merkel/"') == 1
    assert '<a href="/archiv/personen/angela-merkel/">Angela Merkel</a> &amp;' in linked
    assert "<h2>Merkel in Wien</h2>" in linked
    assert '<a href="https://x.de" rel="noopener noreferrer">Rede von Merkel</a>' in linked
    assert '<a href="/archiv/orte/wien/">Wien</a>: Merkel' in linked
    assert _text(linked) == _text(html) and link_entities(html, ()) == html


def _text(html: str) -> str:
    """The text of an HTML fragment."""
    import re
    return re.sub(r"<[^>]*>", "", html)


def _archive() -> tuple:
    """A small site: Merkel named with a role and a party; Deutschland in every article."""
    bodies = ["Bundeskanzlerin Angela Merkel (CDU) traf Horst Seehofer.",
              "Kanzlerin Angela Merkel (CDU) sprach.", "Bundeskanzlerin Angela Merkel (58) reiste.",
              "Angela Merkel schwieg.", "Nichts über sie."]
    named = [("Angela Merkel", "Horst Seehofer")] * 2 + [("Angela Merkel",)] * 2 + [()]
    articles = [article(f"a{i}", body, date=dt.date(2016, 1, 1 + i), places=("Deutschland",),
                        people=named[i])
                for i, body in enumerate(bodies)]
    articles += [article(f"b{i}", "x", date=dt.date(2015, 1, 1 + i), places=("Deutschland",))
                 for i in range(20)]
    articles += [article(f"c{i}", "x", date=dt.date(2015, 2, 1 + i), people=("Angela Merkel",),
                         places=("Deutschland", "Brüssel")) for i in range(2)]
    site = build_site(articles)
    return site, site.term("people", "Angela Merkel")


def test_entity_lead_counts_the_role_and_party_written_with_the_name():
    site, merkel = _archive()
    lead = entity_lead(site, merkel)
    assert (lead.role, lead.role_count, lead.party, lead.party_count) == ("Bundeskanzlerin", 2, "CDU", 2)
    assert lead.first.article.slug == "c0" and lead.last.article.slug == "a3" and lead.read == 6
    assert entity_lead(site, site.term("places", "Deutschland")).role == ""


def test_co_mentions_rank_the_specific_name_above_the_ubiquitous_one():
    site, merkel = _archive()
    ranked = [(term.name, n) for term, n in Relations.of(site).co_mentions(merkel)]
    assert ranked[0] == ("Brüssel", 2) and ("Deutschland", 6) in ranked
    assert ranked.index(("Horst Seehofer", 2)) < ranked.index(("Deutschland", 6))


def test_names_index_leads_a_plural_query_to_the_topic_and_a_surname_to_the_person():
    site = build_site([article(f"a{i}", tags=("Flüchtling",), people=("Angela Merkel",)) for i in range(2)])
    index = names_index(site, EntityIndex())
    assert normalise("Flüchtlinge") == normalise("Flüchtling") == "flüchtling"
    assert index[normalise("Flüchtlinge")] == ["Thema", "Flüchtling", "themen/fluechtling/", 2]
    assert index[normalise("Merkels")][1] == "Angela Merkel"


def test_ingest_says_how_many_articles_got_no_date_and_how_to_give_them_one(tmp_path):
    dump = tmp_path / "dump.csv"
    rows = ["Sport;Rapid gewinnt. Wien – Das Derby endete 2:1.",
            "Inland;Die Regierung tagt. Wien – Der Ministerrat beriet am Mittwoch."]
    dump.write_text("section;text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    nothing = SimpleNamespace(people=[], places=[], organisations=[], tags=[])
    out = tmp_path / "content" / "articles"
    summary = ingest([dump], out, root=tmp_path, extractor=lambda text: nothing, log=lambda line: None)
    last = summary.line().splitlines()[-1]
    assert last.startswith("2 Artikel ohne Datum")
    assert "Sidecar" in last and "Manifest" in last and "--date" in last
    dated = ingest([dump], out, root=tmp_path, date=dt.date(2016, 5, 1), extractor=lambda text: nothing,
                   log=lambda line: None)
    assert "ohne Datum" not in dated.line() and Summary().line().count("\n") == 0


def test_an_edit_far_down_an_entity_list_reaches_its_lead_on_rebuild(tmp_path):
    from pages_archive import build_archive

    def lead() -> str:
        html = (out / "personen/angela-merkel/index.html").read_text(encoding="utf-8")
        return html.split('<dl class="lead">')[1].split("</dl>")[0]

    out = build_archive(tmp_path, base_url="/")
    assert "Zuerst genannt" in lead() and "Bundeskanzlerin" not in lead()
    for n in (100, 101):  # on the entity's third page: not among the articles its first page shows
        path = tmp_path / "content" / "articles" / f"bericht-{n:03d}.md"
        text = path.read_text(encoding="utf-8")
        said = "Am Morgen traf Bundeskanzlerin Angela Merkel (CDU) und "
        path.write_text(text.replace("Am Morgen traf ", said), encoding="utf-8")
    build_archive(tmp_path, base_url="/")
    assert "Bundeskanzlerin <strong>Angela Merkel</strong> (CDU)" in lead()


def test_names_index_lists_exactly_the_terms_that_have_a_page():
    site = build_site([article("a0", extra={"section": "Einzel"}, people=("Karl Einmal",)),
                       article("a1", extra={"section": "Sport"}, people=("Angela Merkel",)),
                       article("a2", extra={"section": "Sport"}, people=("Angela Merkel",))])
    index = names_index(site, EntityIndex())
    paged = {t.name for terms in site.terms.values() for t in terms if has_page(t)}
    assert {entry[1] for entry in index.values()} == paged == {"Einzel", "Sport", "Angela Merkel"}
