"""imports/blogger_rules.py: the table that gives each Blogger post its page type."""

from datetime import date

import pytest

from imports.blogger.fields import plan_for_news
from imports.blogger_rules import CALL, MINUTES, NEWS, PLAN, RULES, Rule, active_rules, classify

# A table of our own, for the setting that replaces the default one.
CUSTOM = [Rule(r"^assemblea dei sindaci\W+{date}", MINUTES, {"body": "assemblea"}), Rule("", NEWS)]


@pytest.mark.parametrize(
    "title, page_type",
    [
        ("Verbale ufficio di piano - 15 marzo 2017", MINUTES),
        ("Ufficio di Piano - 18 gennaio 2017", MINUTES),
        ("UFFICIO DI PIANO - 18/01/2017", MINUTES),
        ("Verbale della seduta dell'Ufficio di Piano del 1° febbraio 2017", MINUTES),
        ("Ufficio di Piano di mercoledì 1 febbraio 2017", MINUTES),
        ("Ufficio di Piano: convocazione", NEWS),
        ("Il prossimo ufficio di piano", NEWS),
        ("Piano di Zona 2018-2020", PLAN),
        ("Piano di Zona 2015/2017 approvato", PLAN),
        ("Piano Operativo 2017", PLAN),
        ("Il nuovo Piano di Zona 2018-2020", PLAN),
        ("Presentazione del Piano di Zona 2018-2020", NEWS),
        ("Piano di Zona: incontro con il terzo settore", NEWS),
        ("Bando per contributi all'affitto 2017", CALL),
        ("Avviso pubblico: voucher per l'assistenza domiciliare", CALL),
        ("Manifestazione di interesse per la co-progettazione", CALL),
        ("Esito del bando affitto", CALL),
        ("Sbandieratori in piazza", NEWS),  # "bando" only as a whole word
        ("Festa nei centri diurni", NEWS),
        ("", NEWS),
    ],
)
def test_titles_get_their_page_type(title, page_type):
    assert classify(title).page_type == page_type


def test_news_about_a_plan_ask_for_their_plan():
    assert classify("Incontro sul Piano di Zona").options == {"related_plan": True}
    assert classify("Festa nei centri diurni").options == {}


PLANS = [
    (1, "pdz", 2012, 2014),
    (2, "pdz", 2015, 2017),
    (3, "po", 2017, 2017),
    (4, "pdz", 2018, 2020),
]


@pytest.mark.parametrize(
    "title, published, plan",
    [
        ("Presentazione del Piano di Zona ai comuni", date(2015, 5, 12), 2),
        ("Presentazione del Piano di Zona 2018-2020", date(2017, 11, 3), 4),
        ("Il Piano Operativo in consiglio", date(2017, 2, 1), 3),
        ("Il Piano Operativo in consiglio", date(2016, 2, 1), None),
        ("Incontro sul Piano di Zona 2030", date(2017, 2, 1), None),
    ],
)
def test_a_news_item_goes_with_the_plan_of_its_kind_covering_its_year(title, published, plan):
    assert plan_for_news(title, published, PLANS) == plan


def test_minutes_name_the_network_that_met():
    assert classify("Ufficio di Piano - 18 gennaio 2017").options == {"body": "ufficio-di-piano"}


def test_the_first_matching_row_wins_and_the_last_matches_everything():
    assert RULES[-1].pattern == ""
    rules = [Rule("bando", NEWS), Rule("bando", CALL)]
    assert classify("Bando affitto", rules).page_type == NEWS


def test_a_setting_points_to_another_table(settings):
    settings.BLOGGER_IMPORT_RULES = "tests.test_import_blogger_rules.CUSTOM"
    assert active_rules() is CUSTOM
    rule = classify("Assemblea dei Sindaci - 3 marzo 2017")
    assert (rule.page_type, rule.options) == (MINUTES, {"body": "assemblea"})
    assert classify("Verbale ufficio di piano - 15 marzo 2017").page_type == NEWS
