"""Concord's own gettext catalogs (locale/{ja,ru}): valid, complete, compiled and used."""

import gettext as gettext_module
import io
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils.translation import trans_real

from tests.helpers import command_output

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ("ja", "ru")
CATALOGS = [LOCALE / code / "LC_MESSAGES" / "django.po" for code in LANGUAGES]
PLURAL_FORMS = {
    "ja": "nplurals=1; plural=0;",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
}
MAKEMESSAGES_IGNORE = [".venv", "var", "tests"]

# printf style: "%(name)s", "%s", "%d" (not "%%"); str.format style: "{name}", "{}", "{0}".
PERCENT = re.compile(
    r"%(?:\((?P<name>\w+)\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?(?P<type>[diouxXeEfFgGcrsa%])"
)
BRACE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}")


def placeholders(text):
    """Return the placeholders of ``text``: named ones as a set, positional ones counted."""
    named, positional = set(), Counter()
    for match in PERCENT.finditer(text):
        if match["type"] == "%":
            continue
        if match["name"]:
            named.add(f"%({match['name']}){match['type']}")
        else:
            positional[f"%{match['type']}"] += 1
    for match in BRACE.finditer(text):
        field = match["field"]
        if field is None:  # "{{" or "}}"
            continue
        if field and not field.isdigit():
            named.add(f"{{{field}}}")
        else:
            positional[f"{{{field}}}"] += 1
    return named, positional


def names(text):
    """Return the bare names of the named placeholders of ``text`` ("n" for "%(n)s")."""
    named, _positional = placeholders(text)
    return {name.split("(")[-1].split(")")[0].strip("{}") for name in named}


def catalog(path):
    return polib.pofile(str(path))


def catalog_id(path):
    return str(path.relative_to(LOCALE))


def entry_where(entry):
    return f"line {entry.linenum}: {entry.msgid[:60]!r}"


@pytest.fixture
def fresh_translations():
    """Make Django reload the catalogs (it loads them once per process), before and after."""

    def reset():
        trans_real._translations = {}
        trans_real._default = None
        # The standard library keeps its own per-process cache of parsed .mo files, keyed by
        # path only: without clearing it, a catalog read before compile_catalogs ran (e.g.
        # while the published fixture published in every language) would be served again.
        gettext_module._translations.clear()

    reset()
    yield reset
    reset()


def test_placeholder_parser_sees_every_style():
    named, positional = placeholders("%(n)s of “{term}” %s, {0} and {} — 100%% {{literal}}")
    assert named == {"%(n)s", "{term}"}
    assert positional == Counter({"%s": 1, "{0}": 1, "{}": 1})


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU msgfmt is not installed")
@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_msgfmt_accepts_catalog(path, tmp_path):
    result = subprocess.run(
        ["msgfmt", "-c", "--check-format", "-o", str(tmp_path / "django.mo"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # msgfmt only warns about fuzzy/untranslated entries; those are caught below.
    assert "warning" not in result.stderr, result.stderr


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_catalog_header(path):
    po = catalog(path)
    language = path.parent.parent.name
    assert not po.metadata_is_fuzzy, "the header is marked fuzzy"
    assert po.metadata.get("Language") == language
    assert po.metadata.get("Content-Type") == "text/plain; charset=UTF-8"
    assert po.metadata.get("Plural-Forms") == PLURAL_FORMS[language]


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_every_entry_translated_with_matching_placeholders(path):
    po = catalog(path)
    language = path.parent.parent.name
    nplurals = int(re.search(r"nplurals=(\d+)", PLURAL_FORMS[language])[1])
    problems = []
    entries = [entry for entry in po if not entry.obsolete]
    assert len(entries) > 100, "the catalog is suspiciously small; was makemessages run?"
    for entry in entries:
        where = entry_where(entry)
        if "fuzzy" in entry.flags:
            problems.append(f"{where}: fuzzy")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(index, "") for index in range(nplurals)]
            if sorted(entry.msgstr_plural) != list(range(nplurals)):
                problems.append(f"{where}: plural forms {sorted(entry.msgstr_plural)}")
            # Every form must show the number: Russian "1" form also serves 21, 31, ...
            pairs = [(entry.msgid_plural, form) for form in forms]
            singular_named, _positional = placeholders(entry.msgid)
            plural_named, _positional = placeholders(entry.msgid_plural)
            if singular_named != plural_named:
                problems.append(f"{where}: msgid and msgid_plural use different placeholders")
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, translation in pairs:
            if not translation.strip():
                problems.append(f"{where}: not translated")
                continue
            if placeholders(translation) != placeholders(source):
                problems.append(
                    f"{where}: placeholders {placeholders(translation)} != {placeholders(source)}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_translations_format_like_their_source(path):
    """Each translation can be filled in exactly as the code fills in the English text."""
    problems = []
    for entry in catalog(path):
        if entry.obsolete:
            continue
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        values = dict.fromkeys(names(entry.msgid_plural or entry.msgid), 1)
        for translation in translations:
            try:
                if "python-format" in entry.flags:
                    translation % values
                if "python-brace-format" in entry.flags:
                    translation.format(**values)
            except (KeyError, ValueError, TypeError, IndexError) as error:
                problems.append(f"{entry_where(entry)}: {error!r}")
    assert not problems, "\n".join(problems)


def test_term_check_templates_are_in_the_catalogs():
    from translations import checks

    templates = [
        checks.MISSING_TERM_MESSAGE,
        checks.FORBIDDEN_TERM_MESSAGE,
        checks.FORBIDDEN_TERM_NO_ALTERNATIVE_MESSAGE,
        checks.DEPRECATED_TERM_MESSAGE,
        checks.DEPRECATED_TERM_NO_ALTERNATIVE_MESSAGE,
        checks.INCONSISTENT_TERM_MESSAGE,
        checks.CONCEPT_LABEL,
    ]
    for path in CATALOGS:
        po = catalog(path)
        for template in templates:
            entry = po.find(template)
            assert entry is not None, f"{catalog_id(path)} lacks {template!r}"
            assert "python-brace-format" in entry.flags
            assert entry.msgstr


def _project_copy(destination):
    """Copy what makemessages reads (the project's code and templates) into ``destination``."""
    skip = {"locale", ".git", *MAKEMESSAGES_IGNORE}
    for item in Path(settings.BASE_DIR).iterdir():
        if item.name in skip or item.name.startswith(".") or item.name.endswith(".egg-info"):
            continue
        if item.is_dir():
            shutil.copytree(item, destination / item.name, ignore=shutil.ignore_patterns("*.pyc"))
        else:
            shutil.copy2(item, destination / item.name)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU xgettext is not installed")
def test_catalogs_are_up_to_date_with_the_code(settings, tmp_path, monkeypatch):
    """A fresh makemessages run finds exactly the messages the committed catalogs hold."""
    # makemessages writes next to the sources it finds, so it runs on a copy: the real
    # catalogs are never touched.
    _project_copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command(
        "makemessages",
        locale=list(LANGUAGES),
        ignore_patterns=MAKEMESSAGES_IGNORE,
        no_obsolete=True,
        verbosity=0,
    )

    def keys(po):
        return {(e.msgctxt, e.msgid, e.msgid_plural) for e in po if not e.obsolete}

    for path in CATALOGS:
        fresh = catalog(tmp_path / path.relative_to(settings.BASE_DIR))
        committed = catalog(path)
        missing = sorted(key[1] for key in keys(fresh) - keys(committed))
        stale = sorted(key[1] for key in keys(committed) - keys(fresh))
        assert not missing and not stale, (
            f"{catalog_id(path)} is out of date (run `make messages`): "
            f"missing {missing}, stale {stale}"
        )


def test_compile_catalogs_writes_mo_files(capsys):
    call_command("compile_catalogs")
    out = capsys.readouterr().out
    for path in CATALOGS:
        mofile = path.with_suffix(".mo")
        assert mofile.is_file()
        assert f"locale/{catalog_id(path)} → django.mo" in out
        compiled = polib.mofile(str(mofile))
        source = catalog(path)
        assert len(compiled.translated_entries()) == len(source.translated_entries())
        assert compiled.metadata["Plural-Forms"] == source.metadata["Plural-Forms"]


HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    "body, reason",
    [
        ('msgid "Photo"\nmsgstr "Фото\n'.encode(), "not valid PO syntax"),  # no closing quote
        ('msgid "Photo"\nmsgstr "Фото"\nmsgstr "Фото"\n'.encode(), "line 6"),  # two msgstr
        ('msgid "Photo"\nmsgstr "Фото"\n\nmsgid "Photo"\nmsgstr "Снимок"\n'.encode(), "Photo"),
        (b'msgid "Photo"\nmsgstr "\xff"\n', "utf-8"),
    ],
    ids=["unterminated", "two-msgstr", "duplicate", "not-utf8"],
)
def test_compile_catalogs_refuses_a_malformed_catalog(settings, tmp_path, body, reason):
    good = tmp_path / "locale" / "ja" / "LC_MESSAGES"
    bad = tmp_path / "locale" / "ru" / "LC_MESSAGES"
    good.mkdir(parents=True)
    bad.mkdir(parents=True)
    shutil.copy(CATALOGS[0], good / "django.po")
    (bad / "django.po").write_bytes(HEADER.encode() + body)
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match=r"ru/LC_MESSAGES/django\.po") as raised:
        call_command("compile_catalogs")
    assert reason.lower() in str(raised.value).lower()
    # Every catalog is checked before any is written: the good one was not compiled either.
    assert not (good / "django.mo").exists()


def test_compile_catalogs_refuses_a_bad_plural_header(settings, tmp_path):
    directory = tmp_path / "locale" / "ru" / "LC_MESSAGES"
    directory.mkdir(parents=True)
    po = catalog(CATALOGS[1])
    po.metadata["Plural-Forms"] = "nplurals=4; plural=(n%10==1 ? 0 : n%10==2 ? 1 : 2);"
    po.save(str(directory / "django.po"))
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match="plural forms"):
        call_command("compile_catalogs")


def test_compile_catalogs_leaves_out_fuzzy_and_untranslated_messages(settings, tmp_path):
    directory = tmp_path / "locale" / "ru" / "LC_MESSAGES"
    directory.mkdir(parents=True)
    (directory / "django.po").write_text(
        HEADER + 'msgid "Photo"\nmsgstr "Фото"\n\n'
        '#, fuzzy\nmsgid "Title"\nmsgstr "Заголовок"\n\nmsgid "Text"\nmsgstr ""\n',
        encoding="utf-8",
    )
    settings.BASE_DIR = tmp_path
    out, err = command_output("compile_catalogs")
    assert "(1 message)" in out
    assert "left out: 2" in err
    compiled = polib.mofile(str(directory / "django.mo"))
    assert [entry.msgid for entry in compiled] == ["Photo"]


def test_compile_catalogs_without_catalogs_fails(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match="no catalogs found"):
        call_command("compile_catalogs")


@pytest.mark.parametrize(
    "language, photo, back, heading",
    [
        ("ja", "（写真：内閣広報室）", "日露関係に戻る", 'aria-label="言語"'),
        (
            "ru",
            "(Фото: Управление по связям с общественностью Кабинета министров Японии)",
            "Назад в раздел «Российско-японские отношения»",
            'aria-label="Язык"',
        ),
        (
            "en",
            "(Photo: Cabinet Public Relations Office)",
            "Back to Japan-Russia Relations",
            'aria-label="Language"',
        ),
    ],
)
def test_reader_page_shows_interface_in_the_page_language(
    client, demo, fresh_translations, language, photo, back, heading
):
    call_command("compile_catalogs", stdout=io.StringIO())
    fresh_translations()
    response = client.get(f"/{language}/releases/{demo['release'].slug}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert photo in page
    assert back in page
    assert heading in page
    if language != "en":
        assert "(Photo:" not in page
        assert "Back to" not in page


@pytest.mark.parametrize(
    "language, heading",
    [
        ("ja", "<h1>報道発表</h1>"),
        ("ru", "<h1>Пресс-релизы</h1>"),
        ("en", "<h1>Press releases</h1>"),
    ],
)
def test_reader_list_shows_interface_in_the_page_language(
    client, published, fresh_translations, language, heading
):
    call_command("compile_catalogs", stdout=io.StringIO())
    fresh_translations()
    page = client.get(f"/{language}/").content.decode()
    assert heading in page
