"""Topic tags: the vocabulary's topics, dictionary forms, nouns that are never tags, ranking against the
archive, editors' tags."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from sitegen.content import load_article
from sitegen.entities.topic_words import never_a_tag, noun_lemma
from sitegen.entities import Registry, load_registry
from sitegen.entities.tokenize import tokens
from sitegen.entities.topic_vocab import evidence, vocabulary
from sitegen.entities.topics import Candidate, DocFreq, candidates, decode, encode, words
from sitegen.ingest import ingest
from sitegen.ingest.tagpass import candidate_extractor, settle
from sitegen.model import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3dff9611483f80b0.txt"
SEED_TAGS = ["Sicherheitspolitik", "Ukraine-Konflikt", "Russisch-amerikanische Beziehungen"]


@pytest.mark.parametrize("word, lemma", [
    ("Verhandlungen", "Verhandlung"), ("Flüchtlinge", "Flüchtling"), ("Asylwerbern", "Asylwerber"),
    ("Iskander-Raketen", "Iskander-Rakete"), ("Auffangzentren", "Auffangzentrum"), ("Daten", "Daten"),
    # HanTa guesses a stem no dictionary has: the lemma of the compound's known last part, or as written
    ("Balkanroute", "Balkanroute"), ("Balkanrouten", "Balkanroute"), ("Smartphone", "Smartphone"),
    ("Ankünfte", "Ankünfte"), ("Werbeaufträge", "Werbeauftrag"), ("Plattwürmer", "Plattwurm"),
    ("Fitnessbänder", "Fitnessband"),
    # plurals with umlaut and of words only attested in the plural; an -er plural takes the umlaut
    ("Regenwälder", "Regenwald"), ("Sanktionen", "Sanktion"), ("Pädagogen", "Pädagoge"), ("Themen", "Thema"),
    ("Schlager", "Schlager"),
    # the spelling of 1996 after a short vowel only
    ("Beschluß", "Beschluss"), ("Schlußfolgerung", "Schlussfolgerung"), ("Gruß", "Gruß"),
    ("Straße", "Straße"),
])
def test_a_tag_is_the_dictionary_form_or_the_word_as_written(word, lemma):
    assert noun_lemma(word) == lemma


@pytest.mark.parametrize("word", [
    "Samstagabend", "Vorjahr", "Partie", "Wort", "Begriff", "Name", "Richtung", "Spanier", "Burgenländer",
    "Wienerin", "Briten", "Innenministerium", "EU-Kommission", "Caritas", "Parteichef", "Million",
    "Sprecherin", "Jährige", "Südafrikaner", "Moldau", "Wörthersee-Stadion", "Beratungsgremium",
    "EU-Außenministerrat", "Dienstnehmer", "Präsidentschaftsbewerber"])
def test_time_words_quantities_generic_nouns_nationalities_and_organisations_are_never_tags(word):
    assert never_a_tag(word)


@pytest.mark.parametrize("word", ["Flüchtlingskrise", "Balkanroute", "Asylpolitik", "Klimawandel",
                                  "Osterweiterung"])
def test_topics_are_tags(word):
    assert not never_a_tag(word)


def test_the_nouns_of_a_hyphenated_compound_are_mentions_of_their_own():
    text = "Der Fußball-Wettskandal weitet sich aus. " * 3 + "Der Rasen war nass. " * 8
    found = {c.name: c.count for c in candidates(text, frozenset(), Registry()) if not c.topic}
    assert found["Fußball"] == 3 and found["Fußball-Wettskandal"] == 3


def test_a_lemma_known_only_by_its_plural_passes_the_dictionary_test():
    found = (Candidate("Wirtschaftssanktion", 1, 5), Candidate("Sanktion", 2, 20))
    assert {c.name for c in words(found, DocFreq())} == {"Wirtschaftssanktion", "Sanktion"}


def article(n: int, tags: tuple[str, ...], section: str = "Inland") -> Article:
    return Article(title=f"Artikel {n}", slug=f"artikel-{n}", body="Text.", source=f"a.csv#row={n}",
                   language="de", tags=tags, extra={"section": section})


def test_a_candidate_every_article_of_the_archive_has_is_not_specific():
    found = (Candidate("Regierungsplan", 2, 0), Candidate("Pensionsreform", 2, 10),
             Candidate("Beitragsjahr", 2, 20))
    archive = [article(n, encode((Candidate("Regierungsplan", 1, 0), Candidate(f"Thema{n}", 1, 0))))
               for n in range(1, 30)]
    assert settle([article(0, encode(found))], [])[0].tags == ("Regierungsplan",)
    assert settle([article(0, encode(found)), *archive], [])[0].tags == ("Pensionsreform",)


def test_without_a_topic_the_word_is_a_compound_taken_up_again_or_else_the_best_word():
    found = (Candidate("Geschäft", 2, 0), Candidate("Pensionsreform", 2, 5), Candidate("Schule", 3, 9),
             Candidate("Rückschlag", 2, 12))
    assert settle([article(0, encode(found))], [])[0].tags == ("Pensionsreform",)
    alone = (Candidate("Geschäft", 2, 0),)
    assert settle([article(0, encode(alone))], [])[0].tags == ("Geschäft",)  # rather than none


def test_the_section_is_never_a_tag_and_plain_tags_are_left_alone():
    found = (Candidate("Sport", 5, 0), Candidate("Doping", 3, 4), Candidate("Olympia", 2, 9))
    settled = settle([article(0, encode(found), section="Sport"), replace(article(1, ("Editor",)))], [])
    assert "Sport" not in settled[0].tags and "Doping" in settled[0].tags
    assert settled[1].tags == ("Editor",)


REFUGEES = ("Tausende Flüchtlinge kamen über die Balkanroute. Die Asylwerber warten in Zelten auf ihre "
            "Verfahren, die Flüchtlingsquartiere sind voll, und die Flüchtlingsquartiere im Süden auch. "
            "Der Grenzzaun soll helfen, sagt die Regierung, und die Helfer kritisieren den Grenzzaun.")


def test_a_topic_of_the_vocabulary_is_found_by_its_evidence_and_no_word_of_the_text_stands_beside_it():
    found = candidates(REFUGEES, frozenset(), Registry())
    assert "Flüchtlingskrise" in {c.name for c in found if c.topic}
    assert settle([article(0, encode(found))], [])[0].tags == (
        "Flüchtlingskrise", "Migration", "Flüchtlingsunterbringung", "Grenzschutz", "Balkanroute")  # no word
    assert not any(c.topic for c in candidates("Der Hund lief über die Wiese. " * 8, frozenset(), Registry()))


def test_the_section_is_context_a_topic_outside_its_ressorts_needs_four_times_the_evidence():
    found = (Candidate("Fußball", 4, 0, topic="Fußball"), Candidate("Fußballfieber", 2, 3))
    assert settle([article(0, encode(found), section="Sport")], [])[0].tags == ("Fußball",)
    assert settle([article(0, encode(found), section="Wirtschaft")], [])[0].tags == ("Fußballfieber",)
    for weight, tags in ((15, ("Börse",)), (16, ("Fußball",))):  # beside a topic of the Ressort
        stronger = (Candidate("Fußball", weight, 0, topic="Fußball"), Candidate("Börse", 6, 1, topic="Börse"))
        assert settle([article(0, encode(stronger), section="Wirtschaft")], [])[0].tags == tags


def test_an_article_without_an_evident_topic_gets_its_strongest_topic_before_a_word_of_its_text():
    for weight, tags in ((5, ("Fußballfieber",)), (6, ("Fußball",))):  # a decisive word twice, at least
        weak = (Candidate("Fußball", weight, 50, topic="Fußball"), Candidate("Fußballfieber", 2, 3))
        assert settle([article(0, encode(weak), section="Wirtschaft")], [])[0].tags == tags


def test_of_a_sports_leagues_and_cups_the_most_evident_stays():
    cup = (Candidate("Fußball", 12, 0, topic="Fußball"), Candidate("ÖFB-Cup", 15, 3, topic="ÖFB-Cup"),
           Candidate("Österreichische Bundesliga", 15, 19, topic="Österreichische Bundesliga"))
    assert settle([article(0, encode(cup), section="Sport")], [])[0].tags == ("ÖFB-Cup", "Fußball")
    aside = (Candidate("Fußball", 15, 0, topic="Fußball"), Candidate("Serie A", 15, 24, topic="Serie A"),
             Candidate("Champions League", 6, 35, topic="Champions League"))  # 'Champions-League-Finalist'
    assert settle([article(0, encode(aside), section="Sport")], [])[0].tags == ("Serie A", "Fußball")
    leagues = (Candidate("Fußball", 12, 0, topic="Fußball"), Candidate("Serie A", 9, 2, topic="Serie A"),
               Candidate("Premier League", 8, 1, topic="Premier League"))
    assert settle([article(0, encode(leagues), section="Sport")], [])[0].tags == ("Serie A", "Fußball")
    draw = (Candidate("Fußball", 12, 0, topic="Fußball"), Candidate("Champions League", 12, 2,
            topic="Champions League"), Candidate("Europa League", 9, 5, topic="Europa League"))
    assert set(settle([article(0, encode(draw), section="Sport")], [])[0].tags) == {
        "Champions League", "Europa League", "Fußball"}


def test_a_broader_topic_shares_its_evidence_and_a_word_is_one_mention_of_a_topic():
    text = ("Rapid verlor das Spiel in der Champions League gegen Ajax. Der Trainer war enttäuscht, und die "
            "Mannschaft will in der Königsklasse noch punkten. ") * 2
    assert settle([article(0, encode(candidates(text, frozenset(), Registry())))], [],
                  )[0].tags[:2] == ("Champions League", "Fußball")
    late = "Der Bericht nennt viele Zahlen und Tabellen, die das Amt am Montag vorlegte. " * 6
    found = evidence(tokens(late + "Die Landwirtschaft leidet."))  # 'landwirt' and 'landwirtschaft' match
    assert [(vocabulary().topics[t].name, weight) for t, (weight, _) in found.items()] == [
        ("Landwirtschaft", 3)]


def test_a_topic_the_opening_does_not_name_needs_three_times_the_evidence():
    early, late = Candidate("Fußball", 6, 0, topic="Fußball"), Candidate("Fußball", 6, 60, topic="Fußball")
    main = Candidate("Tennis", 8, 0, topic="Tennis")
    assert settle([article(0, encode((main, early)), section="Sport")], [])[0].tags == ("Tennis", "Fußball")
    assert settle([article(0, encode((main, late)), section="Sport")], [])[0].tags == ("Tennis",)
    assert settle([article(0, encode((late,)), section="Sport")], [])[0].tags == ("Fußball",)  # alone


def test_a_side_topic_needs_most_of_the_main_topics_evidence_and_candidates_survive_the_pipes():
    found = tuple(Candidate(name, count, first, name) for name, count, first in (
        ("Syrienkrieg", 9, 0), ("Kurdenkonflikt", 7, 4), ("Medizin", 4, 9)))
    assert decode(encode(found)) == found
    assert settle([article(0, encode(found), section="International")], [])[0].tags == (
        "Syrienkrieg", "Kurdenkonflikt")


def test_the_registry_names_a_topic_as_it_names_a_tag_and_its_ressorts_stay(tmp_path):
    path = tmp_path / "entities.yaml"
    entry = "entities:\n  - name: Flüchtlingsbewegung\n    type: tag\n    aliases: [Flüchtlingskrise]\n"
    path.write_text(entry, encoding="utf-8")
    found = candidates(REFUGEES, frozenset(), load_registry(path))
    assert "Flüchtlingsbewegung" in {c.name for c in found if c.topic}
    weak = tuple(replace(c, count=4) if c.topic else c for c in found)  # enough in its Ressorts only
    assert "Flüchtlingsbewegung" in settle([article(0, encode(weak), section="Inland")], [])[0].tags
    assert "Flüchtlingsbewegung" not in settle([article(0, encode(weak), section="Sport")], [])[0].tags


def topics_of(text: str, people: frozenset[str] = frozenset()) -> set[str]:
    return {c.name for c in candidates(text, people, Registry(), people) if c.topic}


def test_a_name_that_is_also_another_thing_is_no_decisive_evidence():
    assert "Bundespräsidentenwahl" not in topics_of("Trainer Louis van Gaal ist unter Druck. " * 2
                                                    + "Van Gaal sagte, die Mannschaft habe gekämpft. " * 3)
    assert "Bundespräsidentenwahl" in topics_of("Alexander Van der Bellen tritt an. Der Rasen war nass. " * 5)
    assert "Formel 1" not in topics_of("Mercedes verkaufte mehr Autos als je zuvor. " * 4)
    assert "Motorsport" not in topics_of("In Dakar ist ein Bus verunglückt. Die Polizei ermittelt. " * 4)


def test_a_word_of_a_persons_name_is_evidence_only_in_a_phrase_of_the_vocabulary():
    vogel = ("Der frühere Minister Bernhard Vogel hat die Regierung kritisiert. Vogel sagte, die Regierung "
             "habe keine Mehrheit. Die Opposition begrüßte die Worte von Vogel. " * 2)
    assert "Tiere" in topics_of(vogel)
    assert "Tiere" not in topics_of(vogel, frozenset({"Bernhard", "Vogel"}))
    assert "Tiere" in topics_of(vogel.replace("Regierung", "Vögel"), frozenset({"Bernhard", "Vogel"}))
    putin = "Putin sprach mit Biden über den Kalten Krieg, sagte der Kreml in Moskau. " * 3
    assert "Russisch-amerikanische Beziehungen" in topics_of(putin, frozenset({"Putin", "Biden"}))
    found = decode(candidate_extractor(None)(vogel).tags)
    assert found is not None and not any(c.topic == "Tiere" for c in found)
    chelsea = ("Chelsea Clinton erwartet ihr zweites Kind. Die Tochter von Hillary und Bill Clinton ist "
               "wieder schwanger, teilte Chelsea Clinton mit. Das Kind soll im Sommer kommen, sagte Clinton.")
    people = frozenset({"Chelsea", "Clinton", "Hillary", "Bill"})
    assert tags_of(chelsea, people) == ()  # not Premier League (Chelsea!), US-Präsidentschaftswahl, Wahlen
    erdogan = "Recep Tayyip Erdoğan lud ein. Der Rasen war nass, sagte Erdoğan am Montag. " * 2
    assert "Türkei-Politik" in topics_of(erdogan, frozenset({"Recep", "Tayyip", "Erdoğan"}))  # named
    wife = erdogan.replace("Recep Tayyip", "Emine")
    assert "Türkei-Politik" not in topics_of(wife, frozenset({"Emine", "Erdoğan"}))
    hofburg = "Alexander Van der Bellen tritt an. Der Rasen war nass. " * 5
    assert "Bundespräsidentenwahl" in topics_of(hofburg, frozenset({"Alexander", "Van", "der", "Bellen"}))


def tags_of(text: str, people: frozenset[str] = frozenset(), section: str = "Panorama") -> tuple[str, ...]:
    return settle([article(0, encode(candidates(text, people, Registry(), people)), section)], [])[0].tags


def test_a_sea_is_no_refugee_route():
    holiday = ("Urlaub am Mittelmeer: Die Strände am Mittelmeer sind im Sommer voll. Familien mieten Zimmer, "
               "baden im warmen Wasser und essen abends Fisch am Hafen. Das Mittelmeer lockt viele Urlauber.")
    assert not {"Mittelmeerroute", "Flüchtlingskrise"} & set(tags_of(holiday))
    rescue = ("Seenotrettung im Mittelmeer: Helfer retteten 300 Menschen aus einem Flüchtlingsboot. Die "
              "Seenotrettung sei überlastet, sagen die Helfer, die Flüchtlinge kamen aus Libyen.")
    assert tags_of(rescue, section="International")[:2] == ("Mittelmeerroute", "Flüchtlingskrise")


def test_a_contested_will_is_no_contested_election():
    will = ("Streit ums Erbe: Die Anfechtung des Testaments beschäftigt das Bezirksgericht. Die Tochter "
            "hält die Anfechtung für begründet, der Vater sei verwirrt gewesen. Der Sohn will das Erbe.")
    assert not {"Wahlanfechtung", "Bundespräsidentenwahl", "Wahlen"} & set(tags_of(will))


def test_a_ceasefire_in_the_ukraine_is_no_syrian_peace_process():
    minsk = ("Feuerpause in der Ostukraine: Bei den Friedensgesprächen in Minsk einigten sich Kiew und die "
             "Separatisten auf eine Feuerpause. Die Friedensgespräche sollen weitergehen, hieß es aus Minsk.")
    assert tags_of(minsk, section="International") == ("Ukraine-Konflikt",)


def test_a_red_light_is_no_red_light_district():
    driver = ("Lenker fuhr bei Rotlicht über die Kreuzung: Ein 45-jähriger Autofahrer ist am Montag in Graz "
              "bei Rotlicht in eine Kreuzung gefahren und mit einer Straßenbahn zusammengestoßen.")
    assert "Prostitution" not in tags_of(driver)


def test_a_city_is_no_football_club():
    king = ("Richard III. in Leicester beigesetzt: Der englische König wurde mehr als 500 Jahre nach seinem "
            "Tod in der Kathedrale von Leicester begraben. Er lag unter einem Parkplatz in Leicester.")
    assert not {"Premier League", "Fußball"} & set(tags_of(king))
    match = "Leicester City schlug den FC Chelsea 2:1, Leicester City ist Tabellenführer der Liga. " * 2
    assert tags_of(match, section="Sport")[:2] == ("Premier League", "Fußball")


def test_a_drought_is_no_drinking_water_topic():
    drought = ("Dürre in Niederösterreich: Die Bauern im Weinviertel fürchten wegen der Dürre Ernteausfälle. "
               "Weizen und Mais leiden unter der Dürre, sagen die Landwirte. Sie hoffen auf Regen.")
    assert tags_of(drought, section="Wirtschaft") == ("Landwirtschaft",)


def test_a_topic_lends_its_evidence_to_its_broader_topic_only_when_it_is_found():
    late = "Der Bericht nennt viele Zahlen und Tabellen, die das Amt am Montag vorlegte. " * 6
    text = "Der Verteidiger ist zurück. " + late + "Die Königsklasse lockt, die Königsklasse zahlt gut."
    found = {vocabulary().topics[t].name: weight for t, (weight, _) in evidence(tokens(text)).items()}
    assert found == {"Champions League": 6}  # not enough late, so it lends nothing; a plain word decides none
    text = text.replace(late, late + "Fußball: ")
    found = {vocabulary().topics[t].name: weight for t, (weight, _) in evidence(tokens(text)).items()}
    assert found["Champions League"] == 6 and 0 < found["Fußball"] < 6  # Fußball keeps its own


def test_a_topic_needs_a_word_that_decides_it_not_one_it_shares_with_another():
    shared = "Die Peschmerga rücken vor. " + "Die Peschmerga halten die Stellung, sagen die Peschmerga. " * 2
    assert evidence(tokens(shared)) == {}  # Peschmerga: the Iraq conflict and the Kurdish conflict alike
    found = evidence(tokens("Die PKK und die Peschmerga rücken vor. " + shared))
    assert [vocabulary().topics[t].name for t in found] == ["Kurdenkonflikt"]
    crash = "Verkehrsunfall auf der A2: Beim Verkehrsunfall wurde ein Lenker verletzt. " * 2
    assert tags_of(crash) == ("Verkehrsunfall", "Unfälle")  # decided by the narrower topic, filed above too


def test_a_topic_is_filed_under_every_level_above_it():
    asylum = ("Das Asylrecht wird verschärft: Asylanträge sollen schneller entschieden werden, Abschiebungen "
              "folgen rascher. Das Asylgesetz regelt auch den Familiennachzug neu, sagt die Regierung.")
    assert tags_of(asylum, section="Inland") == ("Asylpolitik", "Flüchtlingskrise", "Migration")
    matura = ("Die Zentralmatura ist geschafft: Die Schüler fanden die Matura in Mathematik schwer, die "
              "Lehrer auch. Die Schüler der Gymnasien schnitten besser ab als jene der Berufsschulen.")
    assert set(tags_of(matura, section="Inland")) == {"Schulen", "Bildungspolitik"}


def test_every_piece_of_evidence_can_match():
    assert "Pflege" in topics_of("Die 24-Stunden-Betreuung kostet die Familien viel Geld, sagen sie. " * 3)


def test_seed_tags_and_an_editors_tags_survive_a_second_ingest(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    registry = ROOT / "content" / "entities.yaml"
    out = tmp_path / "content" / "articles"

    def again():
        return ingest([seeds], out, root=tmp_path, registry=registry, log=lambda _: None, progress=False)

    again()
    path = next(out.glob("*.md"))
    assert list(load_article(path, tmp_path).tags) == SEED_TAGS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tags: [", "tags: [Abrüstung, "), encoding="utf-8")
    summary = again()
    assert load_article(path, tmp_path).tags[:2] == ("Abrüstung", "Sicherheitspolitik")
    assert any("tags" in note for note in summary.notes)


def test_job_cuts_are_filed_with_the_labour_market_and_copyright_under_itself():
    cuts = ("Stellenabbau bei Siemens: Der Konzern streicht 2.000 Stellen. Der Stellenabbau trifft vor allem "
            "die Energiesparte, ein Sozialplan soll die Härten mildern, sagte der Betriebsrat am Montag.")
    assert tags_of(cuts, section="Wirtschaft")[:2] == ("Stellenabbau", "Arbeitsmarkt")
    links = ("Leistungsschutzrecht in der EU: Die Kommission will das Urheberrecht ändern. Verlage sollen "
             "für Links bezahlt werden, das Leistungsschutzrecht sei gescheitert, sagen Kritiker.")
    assert tags_of(links, section="Web")[0] == "Urheberrecht"


def test_a_minister_is_the_actor_not_the_topic_and_a_word_ending_is_no_compound_of_its_own():
    kerry = ("US-Außenminister John Kerry traf Palästinenserpräsident Mahmud Abbas in Amman. Der "
             "Außenminister sprach mit ihm über den Nahostkonflikt, die Siedlungen im Westjordanland und die "
             "Gewalt in Jerusalem. Kerry will die Gespräche zwischen Israel und den Palästinensern wieder in "
             "Gang bringen, sagte der Außenminister nach dem Treffen. Der Nahostkonflikt dauert seit "
             "Jahrzehnten an.")
    assert tags_of(kerry, section="International") == ("Nahostkonflikt",)
    volvo = ("Der Autokonzern Volvo will vor den Konkurrenten aus dem Silicon Valley ein selbstfahrendes "
             "Auto auf die Straße bringen. Die Konkurrenten Apple und Google arbeiten an eigenen Autos. "
             "Volvo-Chef Hakan Samuelsson sagte, selbstfahrende Autos seien die Zukunft der Autoindustrie, "
             "die Konkurrenten holten auf.")
    assert "Pensionen" not in tags_of(volvo, section="Wirtschaft")  # Konkur|renten, no Renten


def test_a_national_team_and_a_foul_are_no_sport_of_their_own():
    handball = ("Die österreichischen Handballer haben bei der Handball-EM in Polen Kroatien geschlagen. Das "
                "Handball-Nationalteam gewann 30:28, der Teamchef lobte die Abwehr. Im Handball zählt jede "
                "Minute.")
    assert tags_of(handball, section="Sport") == ("Handball",)
    football = ("Der 1. FC Köln unterliegt nach einem Handtor in Hannover 0:1. Der Schiedsrichter übersah "
                "das Handspiel, der Handball war klar, sagte der Trainer. Köln bleibt in der Bundesliga auf "
                "Rang zehn, der Stürmer vergab den Ausgleich. Im Fußball entscheiden solche Szenen.")
    assert "Handball" not in tags_of(football, section="Sport")


def test_the_ombudsman_board_and_media_law_are_topics_of_their_own():
    board = ("Volksanwaltschaft legt Jahresbericht vor: 17.000 Menschen beschwerten sich über die Behörden. "
             "Die Volksanwälte kritisieren lange Verfahren, die Volksanwaltschaft prüfte vor allem das "
             "Innenministerium und die Gefängnisse.")
    assert tags_of(board, section="Inland")[0] == "Volksanwaltschaft"
    lawyer = ("Der Anwalt des Volkes: Die Bürger wählten den Kandidaten zum Bürgermeister. Er kündigte an, "
              "sich um die Anliegen der Bewohner zu kümmern und die Ämter zu prüfen, sagte er am Montag.")
    assert "Volksanwaltschaft" not in tags_of(lawyer, section="Inland")
    ruling = ("Üble Nachrede: Eine Tageszeitung muss 7.500 Euro Entschädigung zahlen. Das Gericht sah die "
              "Unschuldsvermutung verletzt, die Zeitung habe den Mann als Täter dargestellt. Wegen übler "
              "Nachrede ist auch eine Gegendarstellung zu veröffentlichen.")
    assert tags_of(ruling, section="Etat")[0] == "Medienrecht"
    review = ("Der Rechtsanwalt ermittelt wieder: Die neue Krimiserie zeigt einen Anwalt, der Zeitungen "
              "liest und Verbrecher jagt. Die Serie läuft am Freitag im Hauptabendprogramm.")
    assert "Medienrecht" not in tags_of(review, section="Etat")


def test_a_taxation_is_no_inflation():
    prices = ("Die Teuerung lag im Oktober bei 0,7 Prozent. Die Teuerungsrate sank, weil Treibstoff billiger "
              "wurde, teilte die Statistik Austria am Dienstag mit. Im Euroraum stiegen die Preise etwas.")
    assert tags_of(prices, section="Wirtschaft")[0] == "Inflation"
    taxes = ("Die Besteuerung der Konzerne soll strenger werden. Die Regierung plant eine neue Besteuerung "
             "der Gewinne, die Steuerung der Abgaben liegt beim Finanzministerium.")
    assert "Inflation" not in tags_of(taxes, section="Wirtschaft")


def test_a_metal_band_is_rock_music_not_pop_music():
    metal = ("Die Heavy-Metal-Band spielt im Mai in Dornbirn: Die Rockband aus Kalifornien spielt harten "
             "Rock. Der Gitarrist der Band sagt, Heavy Metal sei für ihn wie Rockmusik in den Achtzigern.")
    found = tags_of(metal, section="Kultur")
    assert "Rockmusik" in found and "Musik" in found and "Popmusik" not in found


def test_a_shooting_is_a_crime_not_an_accident_and_a_state_default_no_company_insolvency():
    shooting = ("Schüsse in Berlin-Wedding: Unbekannte haben am Samstag vier Männer angegriffen, ein Mann "
                "wurde getötet, drei wurden schwer verletzt. Die Opfer erlitten Schuss- und "
                "Stichverletzungen, der Tathergang ist unklar, sagte die Polizei. Die Polizei sucht die "
                "Täter. Die Männer wurden schwer verletzt ins Krankenhaus gebracht.")
    found = tags_of(shooting, section="Panorama")
    assert "Kriminalität" in found and "Unfälle" not in found
    default = ("Dem Land droht die Staatspleite: Die Regierung in Sarajevo kann im Herbst womöglich die "
               "Gehälter nicht mehr zahlen, die Staatspleite ließe sich nur mit Krediten abwenden.")
    assert "Insolvenz" not in tags_of(default, section="International")
