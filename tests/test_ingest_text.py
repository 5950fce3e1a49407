"""The plain-text reader: photo line, paragraphs, headline, summary, markdown safety."""
from __future__ import annotations

import markdown
import pytest

from conftest import SEED
from sitegen.ingest.text import (headline_from, read_plain, sentences_of, split_photo_line, summary_from,
                                 to_markdown)


def test_seed_photo_line_is_split_into_caption_and_credit():
    paragraphs, image = read_plain(SEED.read_text(encoding="utf-8"))
    assert image.credit == "Mikhail Metzel/Sputnik/Pool via REUTERS"
    assert image.caption.startswith("Russlands Präsident Wladimir Putin im Gespräch")
    assert image.caption.endswith("(Sotschi, 7.12.2021)")
    assert len(paragraphs) == 3
    assert "Metzel" not in " ".join(paragraphs)
    assert paragraphs[0].startswith("Die USA haben nach Aussage ihres Präsidenten Joseph Biden")


@pytest.mark.parametrize("line, caption, credit", [
    ("REUTERS/Kevin Lamarque US-Präsident Joe Biden im Weißen Haus", "US-Präsident Joe Biden im Weißen Haus",
     "REUTERS/Kevin Lamarque"),
    ("Foto: dpa/Michael Kappeler Angela Merkel in Berlin", "Angela Merkel in Berlin", "dpa/Michael Kappeler"),
    ("Angela Merkel in Berlin. Foto: AFP", "Angela Merkel in Berlin.", "AFP"),
    ("AFP Demonstranten vor dem Parlament", "Demonstranten vor dem Parlament", "AFP"),
])
def test_photo_line_variants(line, caption, credit):
    assert split_photo_line(line) == (caption, credit)


@pytest.mark.parametrize("line", [
    "Die USA haben nach Aussage ihres Präsidenten nicht die Absicht.",
    "Wien – Die Regierung hat am Montag beschlossen, die Steuern zu senken.",
    "",
])
def test_ordinary_first_paragraph_is_not_a_photo_line(line):
    assert split_photo_line(line) is None


def test_a_single_paragraph_text_keeps_its_only_paragraph():
    paragraphs, image = read_plain("REUTERS/Kevin Lamarque Nur eine Zeile")
    assert image is None and paragraphs == ["REUTERS/Kevin Lamarque Nur eine Zeile"]


def test_typographic_quotes_survive_markdown():
    paragraphs, _ = read_plain(SEED.read_text(encoding="utf-8"))
    body = to_markdown(paragraphs)
    assert "»keine Seite gewinnen«" in body
    assert "»keine Seite gewinnen«" in markdown.markdown(body)


def test_markdown_characters_in_raw_text_stay_text():
    body = to_markdown(["# keine Überschrift", "Sternchen *hier* und <b>fett</b>", "1. Mai ist ein Feiertag"])
    html = markdown.markdown(body)
    assert "<h1>" not in html and "<em>" not in html and "<b>" not in html and "<ol>" not in html
    assert "*hier*" in html and "&lt;b&gt;" in html


def test_sentences_keep_abbreviations_and_dates_together():
    text = "Am 10. Januar trafen sich u. a. Vertreter in Genf. Dr. Müller sprach. Dann gingen alle."
    assert sentences_of(text) == ["Am 10. Januar trafen sich u. a. Vertreter in Genf.", "Dr. Müller sprach.",
                                  "Dann gingen alle."]


def test_headline_from_a_long_first_sentence_ends_at_a_clause():
    paragraphs, _ = read_plain(SEED.read_text(encoding="utf-8"))
    headline = headline_from(paragraphs[0])
    assert headline == "Die USA haben nach Aussage ihres Präsidenten Joseph Biden nicht die Absicht …"
    assert headline_from("Kurz und klar. Zweiter Satz.") == "Kurz und klar"


def test_summary_is_the_first_sentences_up_to_the_limit():
    assert summary_from(["Eins. Zwei. Drei."], limit=12) == "Eins. Zwei."
    assert summary_from([]) == ""
