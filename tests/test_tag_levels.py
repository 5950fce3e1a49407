"""Topic tags at two levels: a narrower topic filed beside the kept one, broader topics above the narrow ones,
clubs that name two sports."""
from __future__ import annotations

from sitegen.entities import Registry
from sitegen.entities.topic_vocab import vocabulary
from sitegen.entities.topics import Candidate, candidates, encode
from sitegen.ingest.tagpass import settle
from sitegen.model import Article


def article(tags: tuple[str, ...], section: str) -> Article:
    return Article(title="Artikel", slug="artikel", body="Text.", source="a.csv#row=0", language="de",
                   tags=tags, extra={"section": section})


def tags_of(text: str, section: str) -> tuple[str, ...]:
    return settle([article(encode(candidates(text, frozenset(), Registry())), section)], [])[0].tags


def topics_of(text: str) -> set[str]:
    return {c.name for c in candidates(text, frozenset(), Registry()) if c.topic}


def test_a_narrower_topic_of_a_kept_one_is_filed_beside_it_a_side_topic_only_when_the_opening_names_it():
    found = tuple(Candidate(name, count, first, name) for name, count, first in (
        ("Fußball", 15, 0), ("Champions League", 12, 50), ("Kriminalität", 12, 60), ("Erste Liga", 5, 20)))
    tags = settle([article(encode(found), "Sport")], [])[0].tags
    assert set(tags) == {"Fußball", "Champions League"}  # a late side topic, a narrower one said once: out
    alone = settle([article(encode(found[1:2]), "Sport")], [])[0].tags
    assert alone == ("Champions League",)  # no broader topic kept: a late topic is no side topic of it


def test_universities_are_filed_under_education_policy_and_cybercrime_under_crime():
    unis = ("Die Hochschulen verlangen mehr Geld: Die Universitäten klagen über volle Hörsäle, die "
            "Studienplatzfinanzierung komme zu spät, sagt die Rektorin der Universität am Montag.")
    assert set(tags_of(unis, "Inland")) == {"Hochschulen", "Bildungspolitik"}
    ransom = ("Erpressungstrojaner im Umlauf: Cyberkriminelle verschlüsseln Festplatten und verlangen "
              "Lösegeld. Die Cyberkriminalität nimmt zu, warnt die Polizei, Ransomware sei das Problem.")
    assert set(tags_of(ransom, "Web")) >= {"Cyberkriminalität", "Kriminalität"}


def test_a_club_of_two_sports_is_no_persons_name_and_decides_neither_sport():
    assert "red bull salzburg" not in vocabulary().people  # its last word, Salzburg, is plain evidence only
    hockey = ("Red Bull Salzburg gewinnt gegen die Vienna Capitals. Der Puck lag zweimal im Tor, im Powerplay"
              " traf Red Bull Salzburg zum 2:1, sagte der Trainer nach dem Spiel.")
    assert "Fußball" not in topics_of(hockey) and "Eishockey" in topics_of(hockey)
    nhl = "NHL: Die Islanders verlieren gegen die Senators. Michael Grabner traf in der NHL zweimal. " * 2
    assert tags_of(nhl, "Sport")[:2] in {("NHL", "Eishockey"), ("Eishockey", "NHL")}


def test_the_pope_is_filed_under_the_church_and_a_space_station_under_space():
    pope = ("Papst Franziskus eröffnet die Bischofssynode im Petersdom. Der Papst mahnte die Bischöfe, die "
            "Familie in den Blick zu nehmen, sagte Franziskus vor Kardinälen und Priestern.")
    assert set(tags_of(pope, "International")) >= {"Papst", "Katholische Kirche"}
    station = ("Der Astronaut steuert von der Raumstation ISS aus einen Roboter auf der Erde. Die Raumfahrt "
               "testet damit Einsätze auf dem Mars, sagt die ESA, die Raumstation bleibt bis 2024.")
    assert set(tags_of(station, "Wissenschaft")) == {"Raumfahrt", "Weltraum"}


def test_music_is_filed_above_pop_rock_and_classical_and_stands_alone_for_other_music():
    album = ("Die Sängerin veröffentlicht ihr neues Album: Die Popsängerin aus Wien geht auf Tournee, die "
             "Single stürmt die Charts, sagt ihr Produzent, das Album klingt nach den Achtzigern.")
    assert set(tags_of(album, "Kultur")) == {"Popmusik", "Musik"}
    band = ("Die Band veröffentlicht ihr neues Album: Die Rockband aus Wien geht auf Tournee, die Single "
            "stürmt die Charts, sagt der Sänger, das Album klingt nach Rock der Siebziger.")
    assert {"Rockmusik", "Musik"} <= set(tags_of(band, "Kultur"))
    klezmer = ("Der Akkordeonist nahm mit dem Klarinettisten eine CD auf. Der Musiker spielt Klezmer und "
               "Tango, seine Konzerte sind voll, sagt der Musiker, der Klezmer sei seine Heimat.")
    assert tags_of(klezmer, "Kultur") == ("Musik",)


def test_biology_is_the_broader_topic_of_animals_in_science_but_not_in_the_zoo_news():
    study = ("Schimpansen lernen voneinander: Die Zoologen beobachteten die Schimpansen über Jahre, sagen "
             "die Forscher, das Säugetier gibt Wissen weiter wie der Mensch, berichten sie.")
    assert set(tags_of(study, "Wissenschaft")) == {"Tiere", "Biologie"}
    zoo = ("Im Tiergarten sind Flamingo-Küken geschlüpft. Die Pfleger freuen sich über den Nachwuchs, "
           "die Besucher können die Küken ab Montag sehen, sagt der Direktor des Tiergartens.")
    assert tags_of(zoo, "Panorama") == ("Tiere",)  # a Ressort of Tiere, not of Biologie
