"""A browsable test archive: 130 articles over three years, one person in 120 of them (three pages), two
undated articles, an article with a photo, and a registry with a description and Wikidata/GND ids."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

from sitegen.build import build
from sitegen.config import load_config

REPO = Path(__file__).resolve().parent.parent
PEOPLE = ["Angela Merkel", "Olaf Scholz", "Emmanuel Macron", "Ursula von der Leyen", "Ökonom Özdemir",
          "1. Sprecher"]
PLACES = ["Berlin", "Paris", "Brüssel", "Genf"]
ORGS = ["Bundestag", "NATO", "EU-Kommission"]
TAGS = ["Klima", "Haushalt", "Europa"]
COUNT = 130
REGISTRY = """\
entities:
  - name: Angela Merkel
    type: person
    aliases: [Merkel]
    description: Bundeskanzlerin von 2005 bis 2021.
    wikidata: Q567
    gnd: "119545388"
  - name: Berlin
    type: place
    wikidata: Q64
"""


def article_text(i: int) -> tuple[str, str]:
    """Front matter and body of article number i (0 is the newest)."""
    date = "unbekannt" if i in (64, 65) else (dt.date(2022, 12, 28) - dt.timedelta(days=8 * i)).isoformat()
    people = ([PEOPLE[0]] if i < 120 else []) + [PEOPLE[1 + i % 5]]
    places = [PLACES[i % 4], PLACES[(i + 1) % 4]]
    front = textwrap.dedent(f"""\
        title: "Bericht {i:03d}: {people[-1]} in {places[0]}"
        date: {date}
        people: [{", ".join(people)}]
        places: [{", ".join(places)}]
        organisations: [{ORGS[i % 3]}]
        tags: [{TAGS[i % 3]}]
        """)
    if i == 1:
        front += 'image: {caption: "Die Kanzlerin im Bundestag", credit: "REUTERS/Fabrizio Bensch"}\n'
    name = "Merkel" if i % 2 else people[0]
    body = (f"Am Morgen traf {name} in {places[0]} ein. Dort sprach {people[-1]} über den Haushalt "
            f"und die Lage in {places[1]}.\n\nDer {ORGS[i % 3]} berät weiter über das Thema {TAGS[i % 3]}. "
            "Ein Sprecher sagte, man werde »genau hinsehen«.\n\n" + "Weitere Sätze folgen hier. " * 30)
    return front, body


def make_archive(root: Path) -> Path:
    """Write the archive (templates from the repository) under root."""
    shutil.copytree(REPO / "templates", root / "templates")
    folder = root / "content" / "articles"
    folder.mkdir(parents=True)
    for i in range(COUNT):
        front, body = article_text(i)
        (folder / f"bericht-{i:03d}.md").write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    (root / "content" / "entities.yaml").write_text(REGISTRY, encoding="utf-8")
    return root


def build_archive(root: Path, base_url: str = "https://example.org/archiv/", out: str = "_site") -> Path:
    """Build the archive under root into root/out; returns the output folder."""
    if not (root / "templates").is_dir():
        make_archive(root)
    config = load_config(root, base_url=base_url, out=out)
    build(config, log=lambda line: None)
    return config.out
