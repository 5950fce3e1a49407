"""Archive-level entity resolution: merge rules, the registry's precedence, ingest keeping editors' lists."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from sitegen.cli import main
from sitegen.content import load_article
from sitegen.entities import extract, load_registry
from sitegen.entities.merging import ArticleNames, apply, plan
from sitegen.ingest import ingest


def names(people=(), places=(), organisations=(), text="") -> ArticleNames:
    return ArticleNames(tuple(people), tuple(places), tuple(organisations), text)


def merged(articles, registry=None) -> dict[str, str]:
    return {m.source: m.target for m in plan(articles, registry)}


def test_genitive_surname_and_accent_variants_merge_across_articles():
    moves = merged([names(["Angela Merkel", "Recep Tayyip Erdoğan"]), names(["Angela Merkels", "Merkel"]),
                    names(["Recep Tayyip Erdogan", "Erdogans", "Tayyip Erdoğan"])])
    assert moves == {"Angela Merkels": "Angela Merkel", "Merkel": "Angela Merkel",
                     "Recep Tayyip Erdogan": "Recep Tayyip Erdoğan", "Erdogans": "Recep Tayyip Erdoğan",
                     "Tayyip Erdoğan": "Recep Tayyip Erdoğan"}


def test_a_persons_name_in_german_and_english_spelling_is_one_person():
    moves = merged([names(["Bashar al-Assad", "Benjamin Netanjahu"]), names(["Bashar al-Assad"]),
                    names(["Baschar al-Assad", "Benjamin Netanjahu", "Martina Schenk"]),
                    names(["Benjamin Netanyahu", "Martin Schenk", "Schaller", "Shaller"])])
    # and nothing else: another given name is another person, one word alone is not folded so
    assert moves == {"Baschar al-Assad": "Bashar al-Assad", "Benjamin Netanyahu": "Benjamin Netanjahu"}


def test_spellings_that_differ_by_a_hyphen_merge_to_the_most_frequent():
    moves = merged([names(["Heinz-Christian Strache", "Ban Ki-moon"]), names(["Heinz-Christian Strache"]),
                    names(["Heinz Christian Strache", "Ban Ki Moon"]),
                    names(["Ban Ki-moon"], organisations=["Time - Verlag"]),
                    names(organisations=["Time-Verlag"]), names(organisations=["Time-Verlag"])])
    assert moves == {"Heinz Christian Strache": "Heinz-Christian Strache", "Ban Ki Moon": "Ban Ki-moon",
                     "Time - Verlag": "Time-Verlag"}


def test_an_umlaut_written_out_is_the_same_spelling():
    moves = merged([names(organisations=["ÖRAK"]), names(organisations=["ÖRAK"]),
                    names(organisations=["OERAK"]), names(["Müller"]), names(["Mueller"]), names(["Müller"])])
    assert moves == {"OERAK": "ÖRAK", "Mueller": "Müller"}  # one page, not two that clash on one slug
    moves = merged([names(places=["Piräus"]), names(places=["Piräus"]), names(places=["Piräeus"])])
    assert moves == {"Piräeus": "Piräus"}  # 'ä' folded in one, written out in the other


def test_sankt_and_st_are_one_spelling():
    moves = merged([names(places=["St. Pölten", "Wien"]), names(places=["St. Pölten"]),
                    names(places=["Sankt Pölten"]), names(places=["Sankt Anton"])])
    assert moves == {"Sankt Pölten": "St. Pölten"}


def test_a_surname_shared_by_two_full_names_stays_apart():
    moves = merged([names(["Bilal Erdogan", "Recep Tayyip Erdogan"]), names(["Erdogan"])])
    assert "Erdogan" not in moves


def test_a_surname_in_sports_reports_only_is_not_a_full_name_never_in_one():
    def art(people, section):
        return ArticleNames(tuple(people), (), (), "", section)
    moves = merged([art(["Jakob Auer"], "Inland"), art(["Auer", "Schaub"], "Sport"), art(["Auer"], "Sport"),
                    art(["Angela Merkel"], "Inland"), art(["Merkel"], "Sport"), art(["Merkel"], "Inland"),
                    art(["Louis Schaub"], "Sport"), art(["Kern"], "Inland"), art(["Christian Kern"], "")])
    assert "Auer" not in moves  # the player of the line-ups is not the farmers' president
    assert moves["Merkel"] == "Angela Merkel" and moves["Schaub"] == "Louis Schaub"
    assert moves["Kern"] == "Christian Kern"  # an article without a section says nothing


def test_full_name_with_abbreviation_pairs_the_two_and_the_alias_list_merges_parties():
    arts = [names(organisations=["Bundesamt für Fremdenwesen und Asyl", "Grünen"],
                  text="Das Bundesamt für Fremdenwesen und Asyl (BFA) prüft."),
            names(organisations=["Bundesamt für Fremdenwesen und Asyl", "Grüne"]),
            names(organisations=["BFA", "Grüne", "IS", "Islamischer Staat"],
                  places=["Niederlanden", "Niederlande"])]
    moves = merged(arts)
    assert moves["BFA"] == "Bundesamt für Fremdenwesen und Asyl"  # the more frequent of the pair
    assert moves["Grünen"] == "Grüne" and moves["IS"] == "Islamischer Staat"
    assert moves["Niederlanden"] == "Niederlande"
    after = apply(arts[2], plan(arts))
    assert after.organisations == ("Bundesamt für Fremdenwesen und Asyl", "Grüne", "Islamischer Staat")
    assert after.places == ("Niederlande",)


def test_a_clubs_short_name_goes_to_its_official_name_with_its_number():
    moves = merged([names(organisations=["FC Köln", "FC Ingolstadt"]), names(organisations=["Mainz 05"])])
    assert moves == {"FC Köln": "1. FC Köln", "Mainz 05": "1. FSV Mainz 05"}  # FC Ingolstadt has no number


def test_the_registry_wins(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text("entities:\n  - name: EU\n    type: organisation\n    aliases: [Europäische Union]\n"
                    "  - name: Erdogan\n    type: person\nignore: [Merkel]\n", encoding="utf-8")
    registry = load_registry(path)
    arts = [names(["Recep Tayyip Erdoğan", "Angela Merkel"], organisations=["Europäische Union", "EU"]),
            names(["Erdogan", "Merkel"], organisations=["Europäischen Union"])]
    moves = merged(arts, registry)
    assert moves["Europäische Union"] == "EU" and moves["Europäischen Union"] == "EU"
    assert "Erdogan" not in moves  # the editors keep him apart
    assert apply(arts[1], plan(arts, registry), registry).people == ("Erdogan",)  # an ignored name is dropped


# --- as part of ingest ---------------------------------------------------------------------------------

def by_text(text: str) -> SimpleNamespace:
    """Entities named in the text, so a test decides what each article yields."""
    people = ["Angela Merkel"] if "Angela Merkel" in text else ["Merkel"] if "Merkel" in text else []
    return SimpleNamespace(people=people, places=[], organisations=[], tags=[])


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"Ein Titel\n\n{text}\n", encoding="utf-8")


def run(tmp_path: Path, folder: Path):
    return ingest([folder], tmp_path / "content" / "articles", root=tmp_path, extractor=by_text,
                  log=lambda line: None, progress=False)


def people(tmp_path: Path) -> dict[str, tuple[str, ...]]:
    files = sorted((tmp_path / "content" / "articles").glob("*.md"))
    return {Path(a.source).name: a.people for a in (load_article(p, tmp_path) for p in files)}


def test_ingest_merges_new_and_existing_articles_and_keeps_an_editors_removal(tmp_path):
    write(tmp_path / "one", "a.txt", "Merkel sprach am Montag lange mit den Journalisten.")
    write(tmp_path / "one", "b.txt", "Auch heute schwieg Merkel zu den Vorwürfen der Opposition.")
    run(tmp_path, tmp_path / "one")
    assert people(tmp_path) == {"a.txt": ("Merkel",), "b.txt": ("Merkel",)}
    folder = tmp_path / "content" / "articles"
    edited = next(p for p in folder.glob("*.md") if "schwieg" in p.read_text("utf-8"))
    edited.write_text(edited.read_text("utf-8").replace("people: [Merkel]", "people: []"), encoding="utf-8")
    write(tmp_path / "two", "c.txt", "Angela Merkel besuchte am Dienstag die neue Fabrik.")
    summary = run(tmp_path, tmp_path / "two")
    assert people(tmp_path) == {"a.txt": ("Angela Merkel",), "b.txt": (), "c.txt": ("Angela Merkel",)}
    assert len(summary.updated) == 1 and len(summary.created) == 1


def test_entities_command_lists_the_merges_in_german(tmp_path, monkeypatch, capsys):
    write(tmp_path / "src", "a.txt", "Merkel sprach am Montag lange mit den Journalisten.")
    write(tmp_path / "src", "c.txt", "Angela Merkel besuchte am Dienstag die neue Fabrik.")
    ingest([tmp_path / "src"], tmp_path / "content" / "articles", root=tmp_path,
           extractor=lambda text: SimpleNamespace(people=["Angela Merkels" if "Angela" in text else "Merkel"],
                                                  places=[], organisations=[], tags=[]),
           log=lambda line: None, progress=False)
    monkeypatch.chdir(tmp_path)
    assert main(["entities"]) == 0
    out = capsys.readouterr().out
    assert "Merkel -> Angela Merkels" not in out
    assert "Angela Merkels -> Angela Merkel" not in out  # nothing left to merge: ingest applied it
    assert "Keine Zusammenführungen vorgeschlagen." in out


def test_first_words_of_a_name_merge_into_the_only_longer_name_they_open():
    moves = merged([names(["Recep Tayyip Erdoğan"]), names(["Recep Tayyip"]), names(["Kim Jong Un"]),
                    names(["Kim Jong Il", "Kim Jong"])])
    assert moves == {"Recep Tayyip": "Recep Tayyip Erdoğan"}
    assert {m.reason for m in plan([names(["Recep Tayyip Erdoğan"]), names(["Recep Tayyip"])])} == {"prefix"}


def test_a_town_typed_as_a_club_goes_to_the_archives_only_club_holding_it():
    sport = "Augsburg gewann 2:0 gegen Darmstadt, der Trainer war zufrieden."
    arts = [names(organisations=["Augsburg", "Darmstadt", "Linz"], text=sport),
            names(places=["Augsburg", "Darmstadt", "Linz"], organisations=["Landgericht Augsburg"],
                  text="Das Landgericht Augsburg urteilte."),
            names(organisations=["FC Augsburg", "LASK Linz", "Black Wings Linz", "Dallas Mavericks"],
                  text="Der FC Augsburg siegte 1:0."),
            names(organisations=["Dallas"], text="Dallas verlor 2:3."),
            names(organisations=["Wolfsberg"], text="Das Unternehmen in Wolfsberg baut 3:1 um.")]
    moves = merged(arts)
    assert moves == {"Augsburg": "FC Augsburg", "Darmstadt": "", "Linz": "",  # Dallas: one of its teams
                     "LASK Linz": "LASK"}  # the alias list's name (Linz stays apart: several clubs hold it)
    out = apply(arts[0], plan(arts))
    assert out.organisations == ("FC Augsburg",) and out.places == ()
    assert apply(arts[1], plan(arts)).places == ("Augsburg", "Darmstadt", "Linz")  # the towns as places


def test_a_town_for_a_club_in_sports_reports_goes_to_its_club_or_is_none():
    def art(organisations, section, text="Das Team gewann."):
        return ArticleNames((), (), tuple(organisations), text, section)
    lineup = "Prödl (Watford, 50/4), Junuzovic (Bremen, 40/5)"
    arts = [art(["Bremen", "Watford", "Napoli", "Augsburg"], "Sport", lineup),
            art(["Werder Bremen", "Landgericht Augsburg", "FC Augsburg"], "Sport"),
            art(["Columbia"], "Kultur", "Das Label Columbia zahlt 2:1 mehr."),
            art(["Universität Columbia"], "Sport")]
    moves = merged(arts)
    assert moves["Bremen"] == "Werder Bremen"  # a city-state's club of no club word, named in sports only
    assert moves["Watford"] == ""  # a club the report does not name: no organisation of the index
    assert moves["Augsburg"] == "FC Augsburg"  # the court in a sports report is no club
    assert "Napoli" not in moves  # a listed club's own name
    assert "Columbia" not in moves  # the label outside the sports section


def test_a_clubs_short_name_in_sports_reports_goes_to_the_one_full_name_it_opens():
    def art(organisations, section):
        return ArticleNames((), (), tuple(organisations), "", section)
    arts = [art(["Juventus", "VfL", "Sky"], "Sport"), art(["Juventus Turin", "VfL Wolfsburg"], "Sport"),
            art(["Sky Deutschland", "Google Pictures"], "Sport"), art(["Google"], "Web")]
    moves = merged(arts)
    assert moves["Juventus"] == "Juventus Turin" and moves["VfL"] == "VfL Wolfsburg"
    assert "Sky" not in moves  # a country after it: a branch, no club's town
    assert "Google" not in moves  # outside the sports reports
    assert merged([names(["Juve"]), names(organisations=["Juventus Turin"])]) == {"Juve": "Juventus Turin"}


def test_a_club_with_and_without_its_legal_prefix_is_one_club_and_its_short_name_goes_to_it():
    """'FC Bayern München' and 'Bayern München' are one club under the form more articles use; 'FC Bayern'
    and 'Bayern' in sports reports (most articles naming them) go to it; a listed abbreviation too."""
    def art(organisations, section):
        return ArticleNames((), (), tuple(organisations), "", section)
    arts = [art(["Bayern München", "Bayern", "BVB"], "Sport"), art(["Bayern München", "FC Bayern"], "Sport"),
            art(["FC Bayern München", "Borussia Dortmund"], "Web"), art(["Bayern"], "Sport"),
            art(["Bayern"], "Wirtschaft"), art(["SK Sturm Graz"], "Sport"), art(["Sturm Graz"], "Sport"),
            art(["Sturm Graz", "SV Ried"], "Sport")]
    moves = merged(arts)
    assert moves["FC Bayern München"] == moves["FC Bayern"] == moves["Bayern"] == "Bayern München"
    assert moves["SK Sturm Graz"] == "Sturm Graz" and moves["BVB"] == "Borussia Dortmund"
    # near misses: a short name outside sports reports in most of its articles, a prefix alone
    arts = [art(["Bayern"], "Wirtschaft"), art(["Bayern"], "Inland"), art(["Bayern München"], "Sport"),
            art(["SV Ried"], "Sport"), art(["Ried"], "Panorama")]
    moves = merged(arts)
    assert "Bayern" not in moves and "SV Ried" not in moves


def test_a_listed_organisation_before_a_word_of_an_unknown_name_is_no_mention_of_it():
    """The alias list's names stand alone: 'Guardian' opening 'Guardian Angels' untagged is none; before a
    common noun in the plural it is one ('Canonical Versionen')."""
    from sitegen.entities.mentions import _listed
    from sitegen.entities.tokenize import sentences

    for text, found in (("Die roten Guardian Angels patrouillieren.", []), ("Der Guardian berichtet.", [1]),
                        ("Dann bietet Canonical Versionen an.", [2])):
        sent = sentences(text)[0]
        assert list(_listed(sent, ["O"] * len(sent), set())) == found, text


def test_a_region_typed_as_an_organisation_in_a_text_without_sport_is_the_region():
    ents = extract("Die Urlauber meiden die Türkei. Auch Bayern ist zum direkten Konkurrenten für Tirol "
                   "geworden, sagte der Experte.")
    assert "Bayern" in ents.places and "Bayern" not in ents.organisations


def test_the_merge_list_names_a_dropped_town_and_suggests_no_registry_entry_for_it():
    from sitegen.ingest.entity_pass import describe

    sport = "Augsburg gewann 2:0 gegen Darmstadt, der Trainer war zufrieden."
    arts = [names(organisations=["Augsburg", "Darmstadt"], text=sport),
            names(places=["Augsburg", "Darmstadt"], text="In Darmstadt und Augsburg regnete es."),
            names(organisations=["FC Augsburg"], text="Der FC Augsburg siegte 1:0.")]
    lines = describe(plan(arts))
    assert "  Augsburg -> FC Augsburg (Organisation; Stadt für ihren Verein; 1 Artikel)" in lines
    assert "  Darmstadt entfällt (Organisation; Stadt für einen ungenannten Verein; 1 Artikel)" in lines
    assert "  - name: FC Augsburg" in lines and not any(line.strip() == "- name:" for line in lines)


def test_a_listed_clubs_short_name_goes_to_its_full_name_and_is_never_dropped():
    sport = "Porto gewann 2:0 gegen Chelsea, Sunderland verlor."
    arts = [names(organisations=["Porto", "Chelsea"], text=sport),
            names(organisations=["FC Porto"], text="Der FC Porto siegte 1:0.")]
    assert merged(arts) == {"Porto": "FC Porto"}  # no place here; Chelsea: a listed club with no fuller name
    assert apply(arts[0], plan(arts)).organisations == ("FC Porto", "Chelsea")


def test_short_brand_names_go_to_their_full_names_unless_the_registry_keeps_them(tmp_path):
    arts = [names(organisations=["Ö1", "A1", "HP", "LG", "O2", "Ö3", "EU"]), names(organisations=["Ö1"])]
    moves = merged(arts)
    assert moves == {"Ö1": "Österreich 1", "Ö3": "Hitradio Ö3", "A1": "A1 Telekom Austria",
                     "HP": "Hewlett-Packard", "LG": "LG Electronics", "O2": "Telefónica O2",
                     "EU": "Europäische Union"}
    assert all(len(name) > 2 for name in moves.values())
    path = tmp_path / "entities.yaml"
    path.write_text("entities:\n  - name: Ö1\n    type: organisation\n", encoding="utf-8")
    assert "Ö1" not in merged(arts, load_registry(path))  # the editors' own short name stays
