"""Two laptops and a manager share accounts through a real team server, from the command line."""

from __future__ import annotations


def test_smoke(team):
    team.add_user("ann", "member")
    team.add_user("boss", "manager")
    ann = team.replica("ann")
    ann.cli("demo")
    ann.join()
    print(ann.sync())
    boss = team.replica("boss")
    boss.join()
    assert boss.query("select count(*) from person") == ann.query("select count(*) from person")
