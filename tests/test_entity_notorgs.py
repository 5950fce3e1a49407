"""sitegen.entities: organisation-typed names that name no organisation (services, broadcasts, works, laws,
games, examinations; a work after its kind's noun inside the span; a phrase that only opens sentences; events
and prizes; a kind's abbreviation; places after a place's noun or preposition)."""
from __future__ import annotations

from sitegen.entities import cues, extract, lexicon
from sitegen.entities.descriptions import _kind
from sitegen.entities.keep import _plausible
from sitegen.entities.nameforms import event, open_end
from sitegen.entities.mention import Mention
from sitegen.entities.merging import ArticleNames, plan
from sitegen.entities.normalize import listed_party_form
from sitegen.entities.notorgs import event_name, placed, prize, sentence_phrase, work_opener
from sitegen.entities.compounds import compound_part


def test_services_broadcasts_works_laws_and_games_are_listed_as_no_names():
    for name in ("WeChat", "Web.de", "Tagesschau", "Fidelio", "Sound of Music", "ASVG", "LuxLeaks"):
        assert name in lexicon.not_names(), name
    for name in ("WhatsApp", "Telegram", "Tencent", "United Internet", "ARD", "Olympiakos"):
        assert name not in lexicon.not_names(), name  # companies, broadcasters, clubs
    ents = extract("Der Dienstleister United Internet betreibt auch Web.de und GMX. United Internet wächst.")
    assert ents.organisations == ("United Internet",)
    ents = extract("Das berichtete Microsoft auf seinem Webportal MSN. MSN hat viele Leser.")
    assert ents.organisations == ("Microsoft",)  # the portal is the company's


def test_a_strait_is_one_place_with_its_von():
    ents = extract("Tanker passieren die Straße von Hormuz. Iran droht mit der Sperre der Straße von Hormuz.")
    assert ents.places == ("Straße von Hormuz", "Iran")


def test_a_north_american_team_whose_name_ends_in_no_plural_is_a_team():
    ents = extract("Thomas Vanek traf für die Minnesota Wild zum 3:2. Die Miami Heat verloren.")
    assert ents.organisations == ("Minnesota Wild", "Miami Heat") and ents.people == ("Thomas Vanek",)


def test_foreign_papers_names_are_whole():
    ents = extract("Laut Gazzetta dello Sport ist der Transfer fix. Das schrieb der Corriere della Sera.")
    assert ents.organisations == ("Gazzetta dello Sport", "Corriere della Sera")
    ents = extract("Das Pariser Blatt Le Canard enchaîné fragt sich, warum. Laut Le Monde ist es so.")
    assert ents.organisations == ("Le Canard enchaîné", "Le Monde")  # after the tagged 'Pariser Blatt'


def test_a_work_after_its_kind_inside_the_span_is_none():
    blog = Mention(("Blog", "Fortress", "Europe"), "ORG", 0.9, 0)
    assert work_opener(blog)
    assert work_opener(Mention(("EP", "Gretzn"), "ORG", 0.9, 0))
    assert not work_opener(Mention(("Roman", "Kienast"), "ORG", 0.9, 0))  # a given name
    assert not work_opener(Mention(("Blog",), "ORG", 0.9, 0))  # no name after it
    assert not work_opener(Mention(("Blog", "Fortress", "Europe"), "PER", 0.9, 0))


def test_an_adjective_and_a_noun_opening_a_sentence_is_a_phrase():
    assert sentence_phrase("Vorsätzliche Brandstiftung", {"initial": True})
    assert not sentence_phrase("Vorsätzliche Brandstiftung", {"initial": False})  # also inside a sentence
    assert not sentence_phrase("Europäische Kommission", {"initial": True})  # an institution's word
    assert not sentence_phrase("Rotes Kreuz", {"initial": True})  # a listed name
    assert not sentence_phrase("Wiener Zoo", {"initial": True})  # a place's adjective
    ents = extract("Vorsätzliche Brandstiftung hatten die Ermittler ausgeschlossen, sagte die Caritas.")
    assert ents.organisations == ("Caritas",)


def test_a_work_after_its_kind_inside_a_longer_span_is_none():
    assert work_opener(Mention(("Android", "Media", "Framework", "Stagefright"), "ORG", 0.9, 0))
    assert not work_opener(Mention(("National", "Film", "Board", "of", "Canada"), "ORG", 0.9, 0))  # 'Board'
    assert not work_opener(Mention(("Film", "Produktion", "GmbH"), "ORG", 0.9, 0))  # a legal form


def test_an_event_short_name_is_none_as_an_organisation_and_stays_a_place():
    assert event_name("Olympia") and not event_name("Olympiakos")
    ents = extract("Die Sportlerin will sich für Olympia in Rio qualifizieren. Olympiakos Piräus gewann.")
    assert "Olympia" not in ents.organisations and "Olympiakos Piräus" in ents.organisations
    ents = extract("Die Fackel wurde in Olympia entzündet. In Olympia standen die Tempel des Zeus.")
    assert "Olympia" in ents.places


def test_a_piece_of_a_longer_name_opening_a_compound_is_none():
    assert compound_part("Red-Label") is None and compound_part("Goldman-Salz-Chef") is None  # 'Red Bull'
    assert compound_part("Goldman-Sachs-Chef") == ("Goldman Sachs", "ORG")  # the whole shipped name
    assert compound_part("Europa-League-Platz") is None  # a competition's piece, not the continent
    assert compound_part("Siemens-Chef") == ("Siemens", "ORG")


def test_examinations_space_stations_ships_and_cameras_are_no_organisations():
    ents = extract("Die Wiener Ärztekammer kritisiert lange Wartezeiten bei MRT oder CT-Untersuchungen. Die"
                   " ISS umkreist die Erde, sagt die NASA.")
    assert ents.organisations == ("Wiener Ärztekammer", "NASA")
    ship = Mention(("El", "Faro"), "ORG", 0.9, 0, before=("vermissten", "Containerfrachter"))
    assert cues.work_context(ship)  # 'Containerfrachter': a ship's noun
    assert not cues.work_context(Mention(("El", "Faro"), "ORG", 0.9, 0, before=("der", "Reederei")))


def test_events_in_a_compound_before_a_place_and_prizes_are_none():
    assert not _plausible("Real Life Mission-Games") and _plausible("Games-Verband Österreich")
    assert event("Pariser Attentaten von Belgien") and not event("Peter Wahl von Hohenstein")
    assert not _plausible("Black Artists Retreat")
    assert prize("Thiess International Riverprize") and not prize("Preisträger")
    assert not prize("Deutsche Preisbehörde")


def test_an_abbreviation_of_a_kind_of_company_is_none():
    assert _kind("eisenbahnverkehrsunternehmen", "EVU") and not _kind("ölkonzern", "OMV")
    ents = extract("Künftig soll jenes Eisenbahnverkehrsunternehmen (EVU) Priorität haben, das die ÖBB"
                   " beauftragen.")
    assert ents.organisations == ("ÖBB",)


def test_streets_genitive_towns_and_titles_cut_on_an_english_word():
    street = Mention(("Champs-Elysees",), "ORG", 0.9, 0, before=("Pariser", "Prachtboulevard"))
    assert cues.type_context(street, ("Champs-Elysees",)) == "LOC"
    assert cues.type_context(Mention(("X",), "ORG", 0.9, 0, before=("Der", "Konzern")), ("X",)) is None
    town = Mention(("Miamis",), "LOC", 0.9, 0, before=("beste", "Gesellschaft"))
    assert not cues.org_context(town, ("Miami",)) and cues.org_context(town, ("Miamis",))
    assert open_end("Shes Mine But") and not open_end("Bank of America")


def test_an_organisation_typed_name_after_a_preposition_of_place_is_a_place():
    assert placed(Mention(("Weißen", "Wand"), "ORG", 0.9, 0, before=("oberhalb", "der")))
    assert not placed(Mention(("Weißen", "Wand"), "ORG", 0.9, 0, before=("von", "der")))
    ents = extract("Im steilen Gelände oberhalb der Weißen Wand hat der Künstler gearbeitet.")
    assert ents.places == ("Weiße Wand",) and not ents.organisations


def test_a_place_adjective_before_a_listed_party_takes_the_list_form():
    assert listed_party_form(("Wiener", "Grünen")) == ("Wiener", "Grüne")
    assert listed_party_form(("Wiener", "SPÖ")) == ("Wiener", "SPÖ")  # the list's form already
    assert listed_party_form(("Neue", "Grünen")) == ("Neue", "Grünen")  # no place's adjective
    ents = extract("Die Wiener Grünen warnten am Freitag davor. Die Wiener SPÖ schwieg.")
    assert "Wiener Grüne" in ents.organisations and "Wiener Grünen" not in ents.organisations


def test_a_heading_abbreviation_and_a_relation_noun_are_none():
    ents = extract("SONDERPÄDAGOGISCHER FÖRDERBEDARF (SPF): In Österreich hatten 2013/14 rund 5,3 Prozent der"
                   " Schüler SPF.")
    assert not ents.organisations
    ents = extract("An der Aufklärung arbeitet das Landeskriminalamt (LKA) mit.")
    assert "Landeskriminalamt" in ents.organisations  # an institution, no heading
    ents = extract("Die Allianz zwischen der größten Zeitung und der Regierung ist widerwärtig, sagte"
                   " Koller.")
    assert not ents.organisations
    assert extract("Die Allianz zahlte 2015 eine Dividende.").organisations == ("Allianz",)


def test_an_english_name_going_on_with_on_and_a_song_after_its_noun():
    ents = extract("Die britische Zeitung The Independent mitsamt ihrem Sonntagsableger The Independent on"
                   " Sunday kommt ins Netz.")
    # both papers, and not the German noun before the second: 'Sonntagsableger The Independent on Sunday'
    assert ents.organisations == ("The Independent", "The Independent on Sunday")
    assert extract("Zwar singt er im neuen Lied Sunday, er sei ein Wrack.").organisations == ()


def test_a_university_before_its_town_keeps_its_head():
    ents = extract("Dorothy Bishop, Professorin an der Universität Oxford, sagte das.")
    assert ents.organisations == ("Universität Oxford",)
    ents = extract("Die Raumfahrtbehörde Nasa schweigt. Die Nasa will wissen, wie sich Feuer ausbreitet.")
    assert ents.organisations == ("NASA",)  # a description, no seat; the alias list writes it so


def test_a_business_legal_form_compound_takes_its_owner_before_it():
    text = "Die Kredite gingen an die Kommunalkredit Vermögensverwaltungs-GmbH & Co OG (KKVOG) in Wien."
    ents = extract(text)
    assert ents.organisations == ("Kommunalkredit Vermögensverwaltungs-GmbH & Co OG",)  # its abbreviation too
    arts = [ArticleNames((), (), ents.organisations, text), ArticleNames((), (), ("KKVOG",))]
    assert {m.source: m.target for m in plan(arts)} == {  # the archive pairs the two
        "KKVOG": "Kommunalkredit Vermögensverwaltungs-GmbH & Co OG"}
    ents = extract("Die Vermögensverwaltungs-GmbH & Co OG gehört dem Land. Dort arbeitet Maier.")
    assert ents.organisations == ("Vermögensverwaltungs-GmbH & Co OG",)  # an article, no owner


def test_a_name_left_untagged_after_its_kind_makes_the_articles_other_mentions_that_work():
    """'der Landeroboter Philae' (untagged) then 'Philae geht es gut' (tagged as a person): the name is the
    robot all through the article, as 'der App Rumblr' makes 'Rumblr' the app."""
    from sitegen.entities.mentions import mentions
    from sitegen.entities.registry import Registry
    from sitegen.entities.resolve import resolve

    text = ("Nach Funkstille seit November hat sich der Landeroboter Philae der ESA-Mission Rosetta auf dem "
            "Kometen gemeldet. Das suggeriert die Website der App Rumblr vor, die als Tinder für "
            "Straßenkämpfe gilt.")
    cued = [m for m in mentions(text) if m.cue]
    assert [(m.tokens, m.before[-1]) for m in cued] == [(("Philae",), "Landeroboter"), (("Rumblr",), "App")]
    cued = cued[:1]
    person = Mention(("Philae",), "PER", 0.95, 300, before=(".",), after="geht")
    other = Mention(("Paolo", "Ferri"), "PER", 0.95, 320, before=("wie",), after="mitteilte")
    found = resolve(sorted([*cued, person, other], key=lambda m: m.start), Registry())
    assert [f.name for f in found] == ["Paolo Ferri"]


def test_a_name_left_untagged_after_a_bands_noun_makes_the_person_typed_name_the_band():
    """'seiner Band Motörhead' (untagged), then 'Motörhead steht für Raserei' typed as a person: the band, an
    organisation; the zero-weight mention alone names nothing ('Partei Lider' with no other mention)."""
    from sitegen.entities.mentions import mentions
    from sitegen.entities.registry import Registry
    from sitegen.entities.resolve import resolve

    text = "Mit seiner Band Motörhead schrieb der gebürtige Brite Geschichte."
    cued = [m for m in mentions(text) if m.cue]
    assert [m.tokens for m in cued] == [("Motörhead",)]
    tagged = [Mention(("Motörhead",), "PER", 0.97, 200 + i, before=(".",), after="steht") for i in (0, 50)]
    found = resolve([*cued, *tagged], Registry())
    assert [(f.name, f.cls) for f in found] == [("Motörhead", "ORG")]
    assert resolve(cued, Registry()) == []


def test_a_one_word_name_that_reports_as_a_medium_does_is_an_organisation():
    """'schreibt Techradar', 'wie Eurogamer berichtet': a medium, though typed as a person; a name of a person
    who writes ('schrieb Cesare Pavese') or one the lists know ('schreibt Merkel') stays a person."""
    from sitegen.entities.cues import report_context
    from sitegen.entities.registry import Registry
    from sitegen.entities.resolve import resolve

    def one(tokens, before, after):
        return Mention(tokens, "PER", 0.97, 10, before=before, after=after)

    assert report_context(one(("Eurogamer",), (",", "wie"), "berichtet"))
    assert not report_context(one(("Eurogamer",), ("sagte", "wie"), "gestern"))
    cases = {("Techradar",): "ORG", ("Eurogamer",): "ORG", ("Cesare", "Pavese"): "PER", ("Merkel",): "PER"}
    for tokens, cls in cases.items():
        found = resolve([one(tokens, ("möglich", "schreibt"), ".")], Registry())
        assert [(f.name, f.cls) for f in found] == [(" ".join(tokens), cls)]


def test_a_persons_genitive_before_a_common_noun_names_nobody():
    """'Ayshas Mann' after 'Aysha': her husband, unnamed, no person 'Ayshas Mann'; 'Jonas Kaufmann' (a given
    name in -s) is a person."""
    from sitegen.entities.genitives import owned_nouns

    aysha = Mention(("Aysha",), "PER", 0.96, 0, before=("sagt",), after=".")
    husband = Mention(("Ayshas", "Mann"), "PER", 0.9, 40, before=(".",), after="befindet")
    jona = Mention(("Jona",), "PER", 0.96, 80, before=("sagt",), after=".")
    tenor = Mention(("Jonas", "Kaufmann"), "PER", 0.9, 90, before=("Tenor",), after="singt")
    surfaces = [(m, m.tokens) for m in (aysha, husband, jona, tenor)]
    assert [s for _, s in owned_nouns(surfaces)] == [("Aysha",), ("Jona",), ("Jonas", "Kaufmann")]


def test_an_organisation_of_a_land_keeps_the_lands_genitive():
    """'Katholischer Familienverband Österreichs' keeps its -s though the article names Österreich, as the
    genitive of a whole name would not ('Bidens' after 'Biden')."""
    text = ("Wien – An den Gesprächen werden Theo Quendler (Katholischer Laienrat Österreichs) und Alfred "
            "Trendl (Katholischer Familienverband Österreichs) teilnehmen. Es geht um Asylsuchende in "
            "Österreich.")
    assert "Katholischer Familienverband Österreichs" in extract(text).organisations


def test_a_firm_named_after_its_founder_stays_a_firm_right_after_a_noun_only_a_firm_is():
    """'der Drogeriemarktkette Schlecker' beside 'Anton Schlecker': the firm and the man, two entities; a
    surname after no firm's noun is still the person ('Schlecker bestreitet')."""
    text = ("Das Verfahren gegen den Gründer der Pleite gegangenen deutschen Drogeriemarktkette Schlecker "
            "dürfte aufwendig werden. Die Staatsanwaltschaft Stuttgart wirft Anton Schlecker zahlreiche "
            "Bankrottdelikte vor. Neben Anton Schlecker erhob die Behörde Anklage gegen seine Frau.")
    ents = extract(text)
    assert "Schlecker" in ents.organisations and ents.people == ("Anton Schlecker",)
    ents = extract("Die Staatsanwaltschaft Stuttgart wirft Anton Schlecker zahlreiche Bankrottdelikte vor. "
                   "Neben Anton Schlecker erhob die Behörde Anklage. Schlecker bestreitet das.")
    assert ents.people == ("Anton Schlecker",) and "Schlecker" not in ents.organisations


def test_a_person_shaped_name_after_a_portals_noun_is_the_portal():
    """'beim Seitensprungportal Ashley Madison': the site, an organisation, all through the article; a person
    named in the same article stays a person."""
    text = ("Nach dem Datendiebstahl beim Seitensprungportal Ashley Madison sind viele Nutzer besorgt. Seine "
            "damals bei Ashley Madison verwendete Kreditkarte sei längst gesperrt, sagte Bernhard Jungwirth.")
    ents = extract(text)
    assert ents.organisations == ("Ashley Madison",) and ents.people == ("Bernhard Jungwirth",)
