#!/usr/bin/env python3
"""Make a synthetic German news archive for benchmarks: N front-matter articles, identical for the same N and
seed.

    python3 bench/gen_archive.py N OUTDIR [--seed 7]

Entities and tags follow a Zipf-like law (a few very frequent, many rare), as in a real archive."""
from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

FIRST = ("Anna Bernd Clara Dieter Eva Frank Greta Hans Ida Jonas Karla Lukas Mia Nils Olga Paul "
         "Rita Sven Tina Ulf").split()
LAST = ("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter "
        "Klein Wolf Neumann Schwarz Zimmermann Braun Krüger Hartmann Lange Werner Krause Lehmann "
        "Köhler König Walter Huber").split()
PLACES = ("Berlin Hamburg München Köln Wien Graz Linz Zürich Bern Genf Leipzig Dresden Bremen Kiel "
          "Mainz Trier Ulm Passau Salzburg Innsbruck Bozen Kassel Erfurt Jena Halle Rostock Potsdam "
          "Cottbus Görlitz Lübeck").split()
ORG_STEMS = ("Bundesamt Verband Institut Stiftung Bank Partei Gewerkschaft Kammer Agentur Rat Werk "
             "Verein").split()
TOPICS = ("Haushalt Klima Energie Verkehr Bildung Gesundheit Wohnen Arbeit Rente Steuern Handel "
          "Sicherheit Kultur Sport Justiz Medien Forschung Landwirtschaft Umwelt Digitalisierung "
          "Migration Tourismus").split()
WORDS = ("der die das und in mit für auf nach über unter bei Regierung Stadt Land Jahr Woche "
         "Bericht Zahl Plan Frage Antwort Projekt Gesetz Kritik Ergebnis Entscheidung Sitzung "
         "Vorschlag Ausschuss Mehrheit soll hat wird wurde könnte müssen sagte erklärte kündigte "
         "forderte neue große wichtige erste letzte heute gestern bereits weiterhin deutlich rund "
         "etwa mehr weniger").split()


def zipf_pick(rng: random.Random, names: list[str], k: int) -> list[str]:
    """k distinct names, the first ones far more often than the last."""
    weights = [1 / (i + 1) for i in range(len(names))]
    picked: list[str] = []
    while len(picked) < min(k, len(names)):
        name = rng.choices(names, weights)[0]
        if name not in picked:
            picked.append(name)
    return picked


def vocabulary(rng: random.Random) -> tuple[list[str], list[str], list[str], list[str]]:
    """People, places, organisations and tags of the archive."""
    people = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3000)})
    places = PLACES + [f"{p}-{s}" for p in PLACES for s in ("Nord", "Süd", "Ost", "West", "Mitte")]
    orgs = [f"{s} für {t}" for s in ORG_STEMS for t in TOPICS]
    tags = TOPICS + [f"{a}politik" for a in TOPICS] + [f"{a}reform" for a in TOPICS]
    for names in (people, places, orgs, tags):
        rng.shuffle(names)
    return people, places, orgs, tags


def body(rng: random.Random, names: list[str]) -> str:
    """A few paragraphs of German-looking text that mention the article's entities."""
    paragraphs = []
    for _ in range(rng.randint(4, 9)):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words = rng.choices(WORDS, k=rng.randint(8, 16))
            words.insert(rng.randrange(len(words)), rng.choice(names))
            sentence = " ".join(words)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
        paragraphs.append(" ".join(sentences))
    if rng.random() < 0.3:
        paragraphs.insert(2, "> »" + " ".join(rng.choices(WORDS, k=12)) + "«")
    return "\n\n".join(paragraphs)


def article(rng: random.Random, n: int, vocab: tuple) -> str:
    """One article file's text."""
    people, places, orgs, tags = vocab
    date = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
    who, where = zipf_pick(rng, people, rng.randint(1, 6)), zipf_pick(rng, places, rng.randint(1, 4))
    what, topics = zipf_pick(rng, orgs, rng.randint(0, 3)), zipf_pick(rng, tags, rng.randint(1, 4))
    title = f"{who[0].split()[-1]}: {rng.choice(TOPICS)} in {where[0]} ({n})"
    quote = lambda names: "[" + ", ".join(f'"{x}"' for x in names) + "]"  # noqa: E731
    return (f'---\ntitle: "{title}"\ndate: {date.isoformat()}\nsummary: "{rng.choice(WORDS).capitalize()} '
            f'{" ".join(rng.choices(WORDS, k=20))}."\npeople: {quote(who)}\nplaces: {quote(where)}\n'
            f"organisations: {quote(what)}\ntags: {quote(topics)}\n---\n\n{body(rng, who + where + what)}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    vocab = vocabulary(rng)
    folder = args.out / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(args.n):
        (folder / f"a{n:06d}.md").write_text(article(rng, n, vocab), encoding="utf-8")


if __name__ == "__main__":
    main()
