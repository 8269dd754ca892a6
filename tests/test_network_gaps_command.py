"""`manage.py network_gaps`: text and JSON reports, a date, one network, and an exit status
for cron."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from network.models import AreaKind, RuleKind
from tests.registry_factories import (
    AreaFactory,
    MembershipFactory,
    NetworkFactory,
    RuleFactory,
    SubareaFactory,
)


@pytest.fixture
def registry(db):
    district = AreaFactory(name="Ambito", kind=AreaKind.DISTRICT)
    north = SubareaFactory(name="Nord", parent=district)
    SubareaFactory(name="Sud", parent=district)
    gappy = NetworkFactory(name="Rete ConTatto", slug="rete-contatto")
    RuleFactory(network=gappy, kind=RuleKind.COVERAGE, min_count=1, severity="high")
    MembershipFactory(network=gappy, area=north, start_date=date(2026, 1, 1))
    complete = NetworkFactory(name="Tavolo SIA", slug="tavolo-sia")
    return {"gappy": gappy, "complete": complete}


def run(*args):
    out = StringIO()
    call_command("network_gaps", *args, stdout=out)
    return out.getvalue()


def test_json_lists_each_gap_with_its_network_rule_severity_message_and_what_is_missing(registry):
    payload = json.loads(run("--format", "json", "--as-of", "2026-11-23"))

    assert payload == [
        {
            "network": "rete-contatto",
            "rule": "coverage",
            "rule_id": registry["gappy"].rules.get().pk,
            "severity": "high",
            "message": "Sud non è rappresentato: nessun componente in carica.",
            "missing": {"area": "Sud", "required": 1, "found": 0},
        }
    ]


def test_text_groups_gaps_by_network(registry):
    assert run("--as-of", "2026-11-23").splitlines() == [
        "Rete ConTatto (rete-contatto)",
        "  [ALTA] Sud non è rappresentato: nessun componente in carica.",
    ]


def test_as_of_a_date_before_the_membership_both_sub_areas_are_missing(registry):
    payload = json.loads(run("--format", "json", "--as-of", "2025-12-31"))

    assert [gap["missing"]["area"] for gap in payload] == ["Nord", "Sud"]


def test_one_network_only(registry):
    assert run("--network", "tavolo-sia") == "Nessuna lacuna.\n"
    assert json.loads(run("--network", "tavolo-sia", "--format", "json")) == []


def test_fail_on_gaps_exits_with_status_one_only_when_there_are_gaps(registry):
    with pytest.raises(SystemExit) as exit_:
        run("--fail-on-gaps")
    assert exit_.value.code == 1

    assert run("--fail-on-gaps", "--network", "tavolo-sia") == "Nessuna lacuna.\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (("--as-of", "23/11/2026"), "Data non valida"),
        (("--as-of", "2026-02-30"), "Data non valida"),
        (("--network", "non-esiste"), "Nessuna rete con slug 'non-esiste'"),
    ],
)
def test_bad_arguments_get_a_clear_message(registry, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
