"""The command line: help for every command, migrations, the demo seed and the admin and
council commands, on SQLite and PostgreSQL."""
import sqlite3

import pytest

from conftest import base_env, run_frontdoor, start_server

COMMANDS = ["serve", "migrate", "seed-demo", "create-admin", "create-council", "configure-sso", "import-gazetteer",
            "export-catalogue", "import-catalogue", "daily-counts", "shared-service"]


def test_the_top_level_help_lists_every_command(scratch):
    result = run_frontdoor(["--help"], base_env(scratch / "data"))
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself(scratch, command):
    result = run_frontdoor([command, "--help"], base_env(scratch / "data"))
    assert result.returncode == 0, result.stderr
    assert "USAGE" in result.stdout.upper()


def test_migrate_applies_once_then_reports_up_to_date(scratch):
    env = base_env(scratch / "data")
    first = run_frontdoor(["migrate"], env)
    second = run_frontdoor(["migrate"], env)
    assert first.returncode == 0, first.stderr
    assert "Applied" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout
    assert (scratch / "data" / "frontdoor.sqlite").exists()


def test_seed_demo_twice_creates_once_and_then_changes_nothing(scratch):
    env = base_env(scratch / "data")
    first = run_frontdoor(["seed-demo"], env)
    second = run_frontdoor(["seed-demo"], env)
    assert first.returncode == 0, first.stderr
    assert "Kingsmere Borough Council" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "nothing changed" in second.stdout


def test_seed_demo_works_on_postgresql(scratch, postgres_url):
    env = base_env(scratch / "data", DATABASE_URL=postgres_url)
    assert run_frontdoor(["seed-demo"], env).returncode == 0
    again = run_frontdoor(["seed-demo"], env)
    assert again.returncode == 0, again.stderr
    assert "nothing changed" in again.stdout


def test_create_admin_reads_the_password_from_standard_input(scratch):
    env = base_env(scratch / "data")
    run_frontdoor(["seed-demo"], env)
    result = run_frontdoor(["create-admin", "--email", "Chief@Kingsmere.example", "--name", "Robin Hale"], env,
                           input_text="a sound passphrase\n")
    assert result.returncode == 0, result.stderr
    assert "chief@kingsmere.example" in result.stdout
    duplicate = run_frontdoor(["create-admin", "--email", "chief@kingsmere.example", "--name", "Robin Hale"], env,
                              input_text="a sound passphrase\n")
    assert duplicate.returncode != 0
    assert len(duplicate.stderr_lines) == 1 and "already exists" in duplicate.stderr


def test_create_admin_refuses_a_short_password_and_creates_nothing(scratch):
    env = base_env(scratch / "data")
    run_frontdoor(["seed-demo"], env)
    result = run_frontdoor(["create-admin", "--email", "x@kingsmere.example", "--name", "X"], env, input_text="short\n")
    assert result.returncode != 0
    assert "at least 8 characters" in result.stderr
    again = run_frontdoor(["create-admin", "--email", "x@kingsmere.example", "--name", "X"], env, input_text="long enough now\n")
    assert again.returncode == 0, again.stderr


def test_create_admin_refuses_one_of_the_most_common_passwords(scratch):
    env = base_env(scratch / "data")
    run_frontdoor(["seed-demo"], env)
    result = run_frontdoor(["create-admin", "--email", "y@kingsmere.example", "--name", "Y"], env, input_text="password123\n")
    assert result.returncode != 0
    assert "most common passwords" in result.stderr


def test_create_admin_without_any_council_says_what_to_do(scratch):
    result = run_frontdoor(["create-admin", "--email", "x@example.org", "--name", "X"], base_env(scratch / "data"),
                           input_text="long enough now\n")
    assert result.returncode != 0
    assert "create-council" in result.stderr


def test_a_second_council_is_served_under_its_prefix_and_on_its_host_name(scratch):
    import requests
    env = base_env(scratch / "data")
    assert run_frontdoor(["seed-demo"], env).returncode == 0
    created = run_frontdoor([
        "create-council", "--slug", "aldmouth", "--name", "Aldmouth District Council", "--nation", "scotland",
        "--email", "contact@aldmouth.example", "--phone", "01632 960 500", "--address", "Harbour Road, Aldmouth",
        "--website", "https://aldmouth.example", "--host-name", "aldmouth.localtest",
    ], env)
    assert created.returncode == 0, created.stderr
    server = start_server(scratch / "data")
    try:
        chooser = requests.get(server.base_url + "/", timeout=10).text
        assert "Choose your council" in chooser
        prefixed = requests.get(server.base_url + "/c/aldmouth/", timeout=10)
        assert prefixed.status_code == 200 and "Aldmouth District Council" in prefixed.text
        by_host = requests.get(server.base_url + "/", headers={"Host": "aldmouth.localtest"}, timeout=10)
        assert "<title>Aldmouth District Council</title>" in by_host.text
    finally:
        server.stop()


def test_create_council_refuses_a_brand_colour_too_light_for_white_text(scratch):
    result = run_frontdoor([
        "create-council", "--slug", "pale", "--name", "Pale Council", "--nation", "england-and-wales",
        "--brand-colour", "#ffdd00", "--email", "a@pale.example", "--phone", "1", "--address", "x", "--website", "https://pale.example",
    ], base_env(scratch / "data"))
    assert result.returncode != 0
    assert "4.5:1" in result.stderr


@pytest.mark.parametrize("args, stdin, says", [
    (["--map", "staff-advisors=wizard"], "secret\n", "not a role"),
    (["--map", "staff-advisors"], "secret\n", "claim-value=role"),
    ([], "secret\n", "at least one claim-value=role rule"),
    (["--map", "staff-advisors=advisor"], "", "standard input"),
])
def test_configure_sso_refuses_bad_settings_in_one_line_and_stores_nothing(scratch, args, stdin, says):
    env = base_env(scratch / "data")
    assert run_frontdoor(["seed-demo"], env).returncode == 0
    result = run_frontdoor(["configure-sso", "--display-name", "Staff account", "--issuer", "https://id.example.gov.uk/openid",
                            "--client-id", "frontdoor", *args], env, input_text=stdin)
    assert result.returncode != 0
    assert says in result.stderr, result.stderr
    assert len(result.stderr_lines) == 1, result.stderr
    server = start_server(scratch / "data")
    try:
        import requests
        assert "Sign in with" not in requests.get(server.base_url + "/staff/sign-in", timeout=10).text
    finally:
        server.stop()


def test_import_gazetteer_replaces_the_addresses_or_reports_the_bad_line_and_changes_nothing(scratch):
    env = base_env(scratch / "data")
    assert run_frontdoor(["seed-demo"], env).returncode == 0
    good = scratch / "gazetteer.csv"
    good.write_text("uprn,line1,line2,town,postcode,latitude,longitude,ward\n"
                    "300000000001,1 Quay Street,,Kingsmere,KM1 1AB,52.2,-1.0,Riverside\n"
                    "300000000002,\"Flat 2, Quay House\",3 Quay Street,Kingsmere,KM1 1AB,52.2,-1.0,Riverside\n")
    imported = run_frontdoor(["import-gazetteer", str(good)], env)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 2 addresses" in imported.stdout

    bad = scratch / "bad.csv"
    bad.write_text("uprn,line1,line2,town,postcode,latitude,longitude,ward\n"
                   "300000000003,5 Quay Street,,Kingsmere,KM1 1AB,52.2,-1.0,Riverside\n"
                   "300000000004,7 Quay Street,,Kingsmere,NOWHERE,52.2,-1.0,Riverside\n")
    refused = run_frontdoor(["import-gazetteer", str(bad)], env)
    assert refused.returncode == 1
    assert refused.stderr_lines == ['frontdoor: line 3: "NOWHERE" is not a postcode']


@pytest.mark.parametrize("extension", ["yaml", "json"])
def test_a_catalogue_exported_and_imported_into_another_council_exports_the_same(scratch, extension):
    env = base_env(scratch / "data")
    assert run_frontdoor(["seed-demo"], env).returncode == 0
    created = run_frontdoor([
        "create-council", "--slug", "aldmouth", "--name", "Aldmouth District Council", "--nation", "scotland",
        "--email", "contact@aldmouth.example", "--phone", "01632 960 500", "--address", "Harbour Road, Aldmouth",
        "--website", "https://aldmouth.example",
    ], env)
    assert created.returncode == 0, created.stderr
    first, second = scratch / f"kingsmere.{extension}", scratch / f"aldmouth.{extension}"
    exported = run_frontdoor(["export-catalogue", "--council", "kingsmere", str(first)], env)
    assert exported.returncode == 0, exported.stderr
    assert "Wrote 24 services" in exported.stdout
    imported = run_frontdoor(["import-catalogue", "--council", "aldmouth", str(first)], env)
    assert imported.returncode == 0, imported.stderr
    assert "Added (24)" in imported.stdout and "Teams created" in imported.stdout
    assert run_frontdoor(["export-catalogue", "--council", "aldmouth", str(second)], env).returncode == 0
    assert second.read_text() == first.read_text()
    again = run_frontdoor(["import-catalogue", "--council", "aldmouth", str(first)], env)
    assert "Unchanged (24)" in again.stdout and "New form versions" not in again.stdout


def test_import_catalogue_lists_every_problem_and_changes_nothing(scratch):
    env = base_env(scratch / "data")
    assert run_frontdoor(["seed-demo"], env).returncode == 0
    bad = scratch / "catalogue.yaml"
    bad.write_text("""format: frontdoor-catalogue
formatVersion: 1
services:
- code: Bad Code
  name: Something
  description: Something to do
  group: roads
  contactType: transaction
  channels: [online]
  standard: {workingDays: 5, statement: We aim to do it in 5 working days}
  form:
  - {id: reg, kind: short-text, label: Registration, pattern: '[A-'}
  - {id: reg, kind: short-text, label: Again}
""")
    refused = run_frontdoor(["import-catalogue", str(bad)], env)
    assert refused.returncode == 1
    assert refused.stderr_lines[0] == "frontdoor: the catalogue was not imported, and nothing changed:"
    problems = "\n".join(refused.stderr_lines[1:])
    assert 'must be lower-case letters' in problems and 'group "roads"' in problems
    assert 'two fields have the id "reg"' in problems and "not a valid regular expression" in problems
    listed = run_frontdoor(["export-catalogue", "--format", "json"], env)
    assert listed.returncode == 0 and "Bad Code" not in listed.stdout


def test_daily_counts_are_checked_against_the_records_and_counted_again(scratch):
    env = base_env(scratch / "data")
    assert run_frontdoor(["seed-demo"], env).returncode == 0
    checked = run_frontdoor(["daily-counts"], env)
    assert checked.returncode == 0, checked.stderr
    assert "agree with the records" in checked.stdout

    # A count changed behind the database's back: the check names the council, the month and the figure.
    with sqlite3.connect(scratch / "data" / "frontdoor.sqlite", timeout=30) as connection:
        day = connection.execute("SELECT day FROM daily_cases WHERE received > 0 ORDER BY day LIMIT 1").fetchone()[0]
        connection.execute("UPDATE daily_cases SET received = received + 1 WHERE day = ? AND received > 0", (day,))
    wrong = run_frontdoor(["daily-counts"], env)
    assert wrong.returncode == 1
    assert "kingsmere " + day[:7] + "-01 to" in wrong.stderr and "cases received" in wrong.stderr
    assert "run `frontdoor daily-counts --rebuild`" in wrong.stderr

    rebuilt = run_frontdoor(["daily-counts", "--rebuild"], env)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert run_frontdoor(["daily-counts"], env).returncode == 0


def test_shared_services_are_made_listed_and_removed_and_bad_ones_refused(scratch):
    env = base_env(scratch / "data")
    assert run_frontdoor(["seed-demo"], env).returncode == 0
    assert run_frontdoor([
        "create-council", "--slug", "aldmouth", "--name", "Aldmouth District Council", "--nation", "scotland",
        "--email", "contact@aldmouth.example", "--phone", "01632 960 500", "--address", "Harbour Road, Aldmouth",
        "--website", "https://aldmouth.example",
    ], env).returncode == 0
    assert "There are no shared services." in run_frontdoor(["shared-service", "list"], env).stdout

    created = run_frontdoor(["shared-service", "create", "--name", "Coast Customer Services", "--council", "kingsmere", "--council", "aldmouth"], env)
    assert created.returncode == 0, created.stderr
    assert "Created the shared service Coast Customer Services of Kingsmere Borough Council, Aldmouth District Council." in created.stdout
    assert run_frontdoor(["shared-service", "list"], env).stdout.strip() == "Coast Customer Services: kingsmere, aldmouth"

    for args, says in [
        (["--name", "Alone", "--council", "kingsmere"], "at least two different councils"),
        (["--name", "Twice", "--council", "kingsmere", "--council", "kingsmere"], "at least two different councils"),
        (["--name", "Nowhere", "--council", "kingsmere", "--council", "nowhere"], 'no council with the slug "nowhere"'),
        (["--name", "coast customer services", "--council", "aldmouth", "--council", "kingsmere"], "already a shared service"),
        (["--name", " ", "--council", "aldmouth", "--council", "kingsmere"], "needs a name"),
    ]:
        refused = run_frontdoor(["shared-service", "create", *args], env)
        assert refused.returncode != 0 and says in refused.stderr, (args, refused.stderr)
    assert run_frontdoor(["shared-service", "list"], env).stdout.strip() == "Coast Customer Services: kingsmere, aldmouth", "nothing stored"

    unknown = run_frontdoor(["shared-service", "remove", "--name", "Inland Services"], env)
    assert unknown.returncode != 0 and 'no shared service called "Inland Services"' in unknown.stderr
    removed = run_frontdoor(["shared-service", "remove", "--name", "COAST customer services"], env)
    assert removed.returncode == 0 and "Removed the shared service Coast Customer Services." in removed.stdout
    assert "There are no shared services." in run_frontdoor(["shared-service", "list"], env).stdout
