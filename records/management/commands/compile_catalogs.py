"""Compile the project's own gettext catalogs (BASE_DIR/locale) to .mo files with polib.

Django's ``compilemessages`` needs GNU ``msgfmt``, which a fresh machine may not have; polib
is a project dependency, so ``make install``/``make test``/``make demo`` can always run this.
Only ``BASE_DIR/locale/<lang>/LC_MESSAGES/*.po`` is compiled, never the catalogs of
installed packages.  Every catalog is read and checked before any .mo file is written, so a
malformed catalog leaves the existing .mo files untouched and the command exits non-zero.
"""

import os
import re
from gettext import c2py
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def locale_dir():
    """Return the project's catalog directory (BASE_DIR/locale)."""
    return Path(settings.BASE_DIR) / "locale"


def _display(path, base):
    """Return ``path`` relative to ``base`` when it lies below it, for messages."""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


# A keyword line or a continuation line: one complete double-quoted string.  polib itself
# accepts some broken lines (e.g. an unterminated string), which msgfmt would refuse.
_PO_LINE = re.compile(
    r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?"(?:[^"\\]|\\.)*"'
)


def _check_syntax(path):
    """Refuse a line that is neither a comment nor a keyword or continuation string."""
    text = path.read_text(encoding="utf-8")  # UnicodeDecodeError is a ValueError
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if line and not line.startswith("#") and not _PO_LINE.fullmatch(line):
            raise ValueError(
                _("line %(line)s: not valid PO syntax: %(text)s")
                % {"line": number, "text": line[:80]}
            )


def _read_catalog(path):
    """Parse one .po file, raising ValueError with a readable reason if it is malformed."""
    _check_syntax(path)
    try:
        catalog = polib.pofile(str(path), encoding="utf-8", check_for_duplicates=True)
    except (OSError, ValueError) as error:  # polib reports syntax errors as OSError
        raise ValueError(str(error)) from None
    plural_forms = catalog.metadata.get("Plural-Forms", "")
    if plural_forms:
        fields = dict(part.strip().split("=", 1) for part in plural_forms.split(";") if "=" in part)
        try:
            nplurals = int(fields.get("nplurals", ""))
            c2py(fields["plural"].strip())
        except (KeyError, ValueError, SyntaxError) as error:
            raise ValueError(
                _("invalid Plural-Forms header “%(header)s”: %(error)s")
                % {"header": plural_forms, "error": error}
            ) from None
        for entry in catalog:
            if entry.msgid_plural and not entry.obsolete and len(entry.msgstr_plural) != nplurals:
                raise ValueError(
                    ngettext(
                        "line %(line)s: %(found)s plural form, but the header says %(expected)s",
                        "line %(line)s: %(found)s plural forms, but the header says %(expected)s",
                        len(entry.msgstr_plural),
                    )
                    % {
                        "line": entry.linenum,
                        "found": len(entry.msgstr_plural),
                        "expected": nplurals,
                    }
                )
    return catalog


class Command(BaseCommand):
    # Like the other commands: evaluated at import (argparse cannot format a lazy string).
    help = _(
        "Compile the project's gettext catalogs (locale/*/LC_MESSAGES/*.po) to .mo files "
        "without msgfmt."
    )

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        directory = locale_dir()
        paths = sorted(directory.glob("*/LC_MESSAGES/*.po"))
        if not paths:
            raise CommandError(
                _("no catalogs found: %(pattern)s matches no file")
                % {"pattern": _display(directory / "*/LC_MESSAGES/*.po", base)}
            )
        catalogs, errors = [], []
        for path in paths:
            try:
                catalogs.append((path, _read_catalog(path)))
            except (OSError, ValueError) as error:
                errors.append(f"{_display(path, base)}: {error}")
        if errors:
            raise CommandError(
                _("malformed catalog, nothing compiled:") + "\n  " + "\n  ".join(errors)
            )
        for path, catalog in catalogs:
            mofile = path.with_suffix(".mo")
            # Write next to the target and rename, so a running server never reads half a file.
            partial = mofile.with_name(mofile.name + ".partial")
            catalog.save_as_mofile(str(partial))
            os.replace(partial, mofile)
            count = len(catalog.translated_entries())
            self.stdout.write(
                ngettext(
                    "Compiled %(po)s → %(mo)s (%(count)d message).",
                    "Compiled %(po)s → %(mo)s (%(count)d messages).",
                    count,
                )
                % {"po": _display(path, base), "mo": mofile.name, "count": count}
            )
            # translated_entries() leaves out fuzzy and untranslated entries (and so does the .mo).
            skipped = sum(1 for entry in catalog if not entry.obsolete) - count
            if skipped:
                self.stderr.write(
                    _("%(po)s: untranslated or fuzzy messages left out: %(count)d")
                    % {"po": _display(path, base), "count": skipped}
                )
