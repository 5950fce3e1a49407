"""Front matter: round trip, and a precise one-line error for every kind of bad input."""
from __future__ import annotations

import datetime as dt

import pytest

from sitegen.content import load_article, parse_article
from sitegen.ingest.merge import article_metadata, dump_text
from sitegen.errors import SitegenError
from sitegen.model import Article, Image


def dump_article(article: Article) -> str:
    return dump_text(article_metadata(article), article.body)


def test_round_trip_keeps_every_field_and_unknown_keys():
    article = Article(title="Biden: »Keine Raketen«", slug="biden-keine-raketen",
                      body="Absatz eins.\n\nZwei.",
                      date=dt.date(2021, 12, 31), source="seeds/x.txt", summary="Kurz.",
                      image=Image(caption="Putin in Sotschi", credit="REUTERS"), tags=("Ukraine-Konflikt",),
                      people=("Joseph Biden", "Wladimir Putin"), places=("Genf",), organisations=("NATO",),
                      extra={"author": "Redaktion"}, path="x.md")
    text = dump_article(article)
    again = parse_article(text, "x.md")
    assert again == article
    assert dump_article(again) == text


def test_datetime_and_unknown_date_round_trip():
    for date in (dt.datetime(2022, 1, 5, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))), None):
        article = Article(title="T", slug="t", body="B", date=date, path="t.md")
        assert parse_article(dump_article(article), "t.md").date == date
    assert "date: unbekannt" in dump_article(Article(title="T", slug="t", body="B"))


def test_slug_is_derived_from_the_title_when_absent():
    assert (parse_article("---\ntitle: Müller über die Straße\n---\nText", "a.md").slug
            == "mueller-ueber-die-strasse")


def test_bom_and_crlf_just_work(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff---\r\ntitle: Grüße\r\ndate: 2021-12-31\r\n---\r\n\r\nText\r\n".encode("utf-8"))
    article = load_article(path)
    assert article.title == "Grüße" and article.body == "Text" and article.date == dt.date(2021, 12, 31)


def test_german_date_format_is_accepted():
    assert parse_article("---\ntitle: T\ndate: 31.12.2021\n---\n", "a.md").date == dt.date(2021, 12, 31)


def error_for(text: str) -> str:
    with pytest.raises(SitegenError) as info:
        parse_article(text, "content/articles/a.md")
    message = str(info.value)
    assert "\n" not in message and message.startswith("content/articles/a.md")
    return message


@pytest.mark.parametrize("text, expected", [
    ("", "a.md: ist leer"),
    ("Nur Text", "a.md:1: hat kein Front Matter"),
    ("---\ntitle: T\n", "a.md:1: Front Matter ist nicht geschlossen"),
    ("---\ntitle: T\npeople: [a, b\n---\n", "a.md:3: ist kein gültiges YAML"),
    ("---\n- a\n- b\n---\n", "muss aus Zeilen 'key: value' bestehen"),
    ("---\ndate: 2021-12-31\n---\n", "a.md:2: hat keinen Titel"),
    ("---\ntitle: ''\n---\n", "a.md:2: hat keinen Titel"),
    ("---\ntitle: T\ndate: 2021-02-31\n---\n", "a.md:3: 'date' ist kein echtes Datum: '2021-02-31'"),
    ("---\ntitle: T\ndate: 31.02.2021\n---\n", "a.md:3: 'date' ist kein echtes Datum"),
    ("---\ntitle: T\n\npeople: Putin, Biden: x\n---\n", "kein gültiges YAML"),
    ("---\ntitle: T\nplaces: {a: 1}\n---\n", "a.md:3: 'places' muss eine Liste"),
    ("---\ntitle: T\ntags: [[a]]\n---\n", "a.md:3: 'tags' hat einen Eintrag, der kein Name ist"),
    ("---\ntitle: [a]\n---\n", "a.md:2: 'title' muss Text sein"),
    ("---\ntitle: T\nimage: Bild\n---\n", "a.md:3: 'image' muss eine Zuordnung"),
    ("---\ntitle: T\nslug: ../../etc\n---\n", "a.md:3: slug '../../etc' ist kein sicherer URL-Teil"),
])
def test_bad_front_matter_gives_one_line_naming_file_line_and_fix(text, expected):
    message = error_for(text)
    assert expected in message
    assert "(" in message and message.endswith(")")  # the fix


def test_null_lists_mean_empty_and_a_string_is_one_name():
    article = parse_article("---\ntitle: T\npeople: null\ntags: Ukraine\n---\n", "a.md")
    assert article.people == () and article.tags == ("Ukraine",)


def test_not_utf8_is_rejected_with_the_fix(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("---\ntitle: Grüße\n---\n".encode("latin-1"))
    with pytest.raises(SitegenError, match=r"latin1.md:2: ist nicht UTF-8 .*iconv"):
        load_article(path)


def test_not_utf8_after_a_bom_names_the_right_line_and_byte(tmp_path):
    path = tmp_path / "bom.md"  # as Notepad saves it: a BOM, then a line that starts with a Latin-1 umlaut
    path.write_bytes(b"\xef\xbb\xbf---\ntitle: A\n---\n\xc4rger\n")
    with pytest.raises(SitegenError, match=r"bom.md:4: ist nicht UTF-8 \(Byte 20\)"):
        load_article(path)


def test_binary_file_is_rejected(tmp_path):
    path = tmp_path / "bild.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(SitegenError, match="ist eine Binärdatei"):
        load_article(path)
