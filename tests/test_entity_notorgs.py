"""sitegen.entities: organisation-typed names that name no organisation (services, broadcasts, works, laws,
games)."""
from __future__ import annotations

from sitegen.entities import extract, lexicon


def test_services_broadcasts_works_laws_and_games_are_listed_as_no_names():
    for name in ("WeChat", "Web.de", "Tagesschau", "Fidelio", "Sound of Music", "ASVG", "Olympia"):
        assert name in lexicon.not_names(), name
    for name in ("WhatsApp", "Telegram", "Tencent", "United Internet", "ARD", "Olympiakos"):
        assert name not in lexicon.not_names(), name  # companies, broadcasters, clubs
    ents = extract("Der Dienstleister United Internet betreibt auch Web.de und GMX. United Internet wächst.")
    assert ents.organisations == ("United Internet",)
    ents = extract("Die Sportlerin will sich für Olympia in Rio qualifizieren. Olympiakos Piräus gewann.")
    assert "Olympia" not in ents.organisations and "Olympia" not in ents.places
