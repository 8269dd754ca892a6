"""imports/italian_dates.py: dates, times and next-meeting sentences in Italian prose."""

from datetime import date, time

import pytest

from imports.italian_dates import (
    DateParts,
    Deadline,
    date_after,
    find_date,
    find_deadline,
    find_next_meeting,
    find_time,
    parse_date_parts,
    parse_time,
    weekday_number,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Verbale ufficio di piano - 15 marzo 2017", date(2017, 3, 15)),
        ("Ufficio di Piano - 18 gennaio 2017", date(2017, 1, 18)),
        ("Ufficio di Piano di mercoledì 1° febbraio 2017", date(2017, 2, 1)),
        ("Seduta del 1º febbraio 2017", date(2017, 2, 1)),
        ("seduta di MERCOLEDÌ 01 FEBBRAIO 2017", date(2017, 2, 1)),
        ("Seduta di mercoledi' 1 febbraio 2017", date(2017, 2, 1)),
        ("Seduta di mercoledí, 1 febbraio del 2017", date(2017, 2, 1)),
        ("Ufficio di piano del 18.01.2017", date(2017, 1, 18)),
        ("Ufficio di piano del 18/1/17", date(2017, 1, 18)),
        ("Assemblea del 3-12-2016", date(2016, 12, 3)),
    ],
)
def test_a_full_date_is_read_with_or_without_weekday(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nessuna data qui",
        "Il 2017 è stato un anno intenso",
        "31 febbraio 2017",  # no such day
        "Piano di Zona 2015-2017",
        "Protocollo n. 12/345",
    ],
)
def test_text_without_a_real_date_gives_none(text):
    assert find_date(text) is None


def test_a_date_without_year_is_the_last_one_on_or_before_the_reference():
    assert find_date("Seduta del 18 gennaio", before=date(2017, 1, 19)) == date(2017, 1, 18)
    assert find_date("Seduta del 20 dicembre", before=date(2017, 1, 5)) == date(2016, 12, 20)
    assert find_date("Seduta del 18 gennaio") is None


def test_date_parts_keep_the_weekday_and_leave_the_year_out_when_not_written():
    assert parse_date_parts("mercoledì 1° febbraio") == DateParts(1, 2, None, 2)
    assert parse_date_parts("Domenica 5 marzo 2017") == DateParts(5, 3, 2017, 6)


@pytest.mark.parametrize(
    "name, number",
    [("lunedì", 0), ("MARTEDI'", 1), ("mercoledí", 2), ("Giovedi", 3), ("sabato", 5)],
)
def test_weekday_names_with_any_accent_or_case(name, number):
    assert weekday_number(name) == number


def test_the_year_left_out_is_the_first_after_the_reference():
    after = date(2017, 1, 18)
    assert date_after(DateParts(1, 2), after) == date(2017, 2, 1)
    assert date_after(DateParts(10, 1), date(2017, 12, 15)) == date(2018, 1, 10)
    assert date_after(DateParts(18, 1), after) == date(2018, 1, 18)  # strictly after


def test_a_weekday_that_fits_only_the_following_year_picks_that_year():
    # 1 February 2017 is a Wednesday, 1 February 2018 a Thursday.
    assert date_after(DateParts(1, 2, weekday=3), date(2017, 1, 10)) == date(2018, 2, 1)
    assert date_after(DateParts(1, 2, weekday=2), date(2017, 1, 10)) == date(2017, 2, 1)


def test_29_february_is_found_in_the_next_leap_year():
    assert date_after(DateParts(29, 2), date(2017, 3, 1)) == date(2020, 2, 29)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("alle 9", time(9, 0)),
        ("alle ore 9", time(9, 0)),
        ("alle 9.30", time(9, 30)),
        ("alle ore 9:30", time(9, 30)),
        ("ore 14,15", time(14, 15)),
        ("dalle ore 18", time(18, 0)),
        ("ALLE ORE 09.05", time(9, 5)),
        ("h. 10", time(10, 0)),
        ("alle 25", None),
        ("nessun orario", None),
    ],
)
def test_times(text, expected):
    assert find_time(text) == expected


def test_parse_time_refuses_impossible_values():
    assert parse_time("23", "59") == time(23, 59)
    assert parse_time(24) is None
    assert parse_time("9", "61") is None


NEXT = [
    (
        "Il prossimo ufficio di piano sarà mercoledì 01 febbraio alle 9 in via Manini",
        date(2017, 2, 1),
        time(9, 0),
        "Via Manini",
    ),
    (
        "Il prossimo ufficio di piano sarà mercoledì 1° febbraio alle ore 9.30 presso la "
        "sede di via Manini 21, Crema. Seguirà l'ordine del giorno.",
        date(2017, 2, 1),
        time(9, 30),
        "Sede di via Manini 21, Crema",
    ),
    (
        "La prossima seduta si terrà MERCOLEDÌ 1° FEBBRAIO alle ore 14:30 presso il Comune "
        "di Crema.",
        date(2017, 2, 1),
        time(14, 30),
        "Comune di Crema",
    ),
    (
        "La prossima riunione è fissata per il giorno 3 febbraio, ore 10, nella sala "
        "consiliare del Comune di Crema",
        date(2017, 2, 3),
        time(10, 0),
        "Sala consiliare del Comune di Crema",
    ),
    (
        "Prossimo incontro: 8 febbraio 2017 presso l'ASST di Crema, via Gramsci 13.",
        date(2017, 2, 8),
        None,
        "ASST di Crema, via Gramsci 13",
    ),
    ("Il prossimo ufficio di piano sarà il 15 febbraio.", date(2017, 2, 15), None, ""),
    (
        "Il prossimo ufficio di piano sarà il 25/01/2017 alle 9.30 in via G. Verdi 3. Fine.",
        date(2017, 1, 25),
        time(9, 30),
        "Via G. Verdi 3",
    ),
]


@pytest.mark.parametrize("text, day, at, place", NEXT)
def test_next_meeting_sentences(text, day, at, place):
    found = find_next_meeting(text, after=date(2017, 1, 18))
    assert (found.date, found.time, found.place) == (day, at, place)


def test_next_meeting_year_is_inferred_after_the_meeting_across_new_year():
    found = find_next_meeting(
        "Il prossimo ufficio di piano sarà mercoledì 10 gennaio alle 9.", after=date(2017, 12, 20)
    )
    assert found.date == date(2018, 1, 10)


def test_no_next_meeting_without_the_sentence_or_with_a_date_before_the_meeting():
    after = date(2017, 1, 18)
    assert find_next_meeting("Riunione il 1 febbraio alle 9.", after=after) is None
    assert find_next_meeting("Il prossimo ufficio di piano sarà comunicato.", after=after) is None
    assert find_next_meeting("La prossima seduta sarà il 3 gennaio 2017.", after=after) is None
    assert find_next_meeting("", after=after) is None


def test_next_meeting_sentence_ends_at_the_full_stop():
    found = find_next_meeting(
        "La prossima seduta sarà il 1 febbraio. Il 3 marzo ci sarà la festa.",
        after=date(2017, 1, 18),
    )
    assert found.date == date(2017, 2, 1)


@pytest.mark.parametrize(
    "text, day, at",
    [
        ("Le domande entro le ore 12 del 31/03/2017.", date(2017, 3, 31), time(12, 0)),
        ("entro il 31 marzo 2017 alle ore 12.00", date(2017, 3, 31), time(12, 0)),
        ("entro e non oltre le ore 12:00 del giorno 31 marzo 2017", date(2017, 3, 31), time(12)),
        ("Scadenza: 3 aprile", date(2017, 4, 3), None),
        ("Scadenza delle domande il 14 aprile 2017", date(2017, 4, 14), None),
    ],
)
def test_call_deadlines(text, day, at):
    assert find_deadline(text, after=date(2017, 3, 1)) == Deadline(day, at)


def test_no_deadline_without_the_words():
    assert find_deadline("Il bando è aperto dal 1 marzo 2017.", after=date(2017, 2, 1)) is None
    assert find_deadline("Scadenza: 3 aprile") is None  # no year, no reference
