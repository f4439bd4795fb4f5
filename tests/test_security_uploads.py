"""Uploads: every upload path refuses a file over 20 MB with a clear message and writes
nothing; XML is parsed without entities (billion laughs, external entities); JSON stops at a
depth of 32."""

import io
import json

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.html import escape

from records.models import Photo, Release, Revision, Segment
from records.selectors import release_document
from records.services import ReleaseContentError, document_parse, release_import_document
from tests.helpers import BILLION_LAUGHS_PROLOG, change_url, photo_upload_data
from tests.hostile_xml import ATTACKS, ENCODING_ATTACKS, hostile, tbx2008_body, tbx_body, xliff_body
from translations.exchange.services import release_file_export
from translations.exchange.xliff import ERR_DTD as XLIFF_DTD
from translations.glossary.files.tbx_read import ERR_DTD as TBX_DTD
from translations.models import Concept, Term
from translations.xmlsafe import ERR_UNSAFE_ENCODING

pytestmark = pytest.mark.django_db

LIMIT = 20 * 1024 * 1024
SECRET = "concord-secret-from-a-local-file"


def written():
    return (
        Release.objects.count(),
        Segment.objects.count(),
        Photo.objects.count(),
        Revision.objects.count(),
        Concept.objects.count(),
        Term.objects.count(),
    )


def oversized(name, start=b""):
    upload = io.BytesIO(start + b"a" * (LIMIT + 1 - len(start)))
    upload.name = name
    return upload


def stored_files(media):
    return sorted(path.name for path in media.rglob("*") if path.is_file())


# --- more than 20 MB ---------------------------------------------------------------------------


def test_release_import_page_refuses_a_file_over_20_mb(client, users):
    client.force_login(users["editor"])
    before = written()
    response = client.post(
        reverse("admin:records_release_import"),
        {"file": oversized("release.txt"), "language": "en", "action": "commit"},
    )
    assert response.status_code == 200
    assert "the file is larger than 20 MB" in response.content.decode()
    assert written() == before


@pytest.mark.parametrize("name", ["ru.po", "ru.xlf"])
def test_release_file_upload_refuses_a_file_over_20_mb(client, published, name):
    client.force_login(published["users"]["translator-ru"])
    before = written()
    url = reverse("admin:translations_release_file_import", args=[published["release"].pk, "ru"])
    response = client.post(url, {"file": oversized(name)})
    assert response.status_code == 400
    assert "20 MB" in response.content.decode()
    assert written() == before


@pytest.mark.parametrize("name", ["glossary.tbx", "glossary.csv"])
def test_glossary_upload_refuses_a_file_over_20_mb(client, users, name):
    client.force_login(users["terminologist"])
    before = written()
    response = client.post(reverse("admin:translations_glossary_import"), {"file": oversized(name)})
    assert "20 MB" in response.content.decode()
    assert written() == before


def _bomb():
    """A PNG of a few kilobytes that decodes to 81 million pixels."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (9000, 9000)).save(out, "PNG")
    upload = io.BytesIO(out.getvalue())
    upload.name = "bomb.png"
    return upload


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: oversized("photo.png", b"\x89PNG\r\n\x1a\n"), "The image is larger than 20 MB."),
        (_bomb, "The image has more than 60 million pixels."),
    ],
    ids=["over 20 MB", "decompression bomb"],
)
def test_photo_upload_refuses_too_large_an_image(client, published, media, upload, message):
    release = published["release"]
    client.force_login(published["users"]["editor"])
    data = photo_upload_data(client, release, upload())
    files = stored_files(media)
    before = written()
    response = client.post(change_url(release), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert written() == before
    assert stored_files(media) == files


# --- XML: no entities, no external access -----------------------------------------------------

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE doc [ <!ENTITY secret SYSTEM "file://{path}"> ]>
"""


def _tbx(entity):
    return (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
        "<text><body>"
        '<conceptEntry id="c1"><langSec xml:lang="en"><termSec>'
        f"<term>{entity}</term></termSec></langSec></conceptEntry>"
        "</body></text></tbx>"
    )


def _xliff(published, entity):
    """The Russian XLIFF export of the published release, its first target ``entity``."""
    data = release_file_export(published["release"], "ru", "xliff").decode()
    start = data.index("<target")
    start = data.index(">", start) + 1
    end = data.index("</target>", start)
    body = data[data.index("<xliff") :]
    offset = data.index("<xliff")
    return body[: start - offset] + entity + body[end - offset :]


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


@pytest.mark.parametrize("attack", ["laughs", "external"])
def test_glossary_upload_refuses_entities(client, users, secret_file, attack):
    prolog = BILLION_LAUGHS_PROLOG if attack == "laughs" else EXTERNAL.format(path=secret_file)
    entity = "&lol9;" if attack == "laughs" else "&secret;"
    upload = io.BytesIO((prolog + _tbx(entity)).encode())
    upload.name = "glossary.tbx"
    client.force_login(users["terminologist"])
    before = written()
    response = client.post(reverse("admin:translations_glossary_import"), {"file": upload})
    page = response.content.decode()
    assert "DTDs and entities are not allowed" in page
    assert SECRET not in page and "lollol" not in page
    assert written() == before


@pytest.mark.parametrize("attack", ["laughs", "external"])
def test_release_file_upload_refuses_entities(client, published, secret_file, attack):
    prolog = BILLION_LAUGHS_PROLOG if attack == "laughs" else EXTERNAL.format(path=secret_file)
    entity = "&lol9;" if attack == "laughs" else "&secret;"
    upload = io.BytesIO((prolog + _xliff(published, entity)).encode())
    upload.name = "ru.xlf"
    client.force_login(published["users"]["translator-ru"])
    before = written()
    url = reverse("admin:translations_release_file_import", args=[published["release"].pk, "ru"])
    response = client.post(url, {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert "DTDs and entities are not allowed" in page
    assert SECRET not in page and "lollol" not in page
    assert written() == before


GLOSSARY_ROOTS = {"tbx": ("tbx", tbx_body), "tbx 2008": ("martif", tbx2008_body)}


def _refusal(attack, doctype_message):
    """Concord's own message for ``attack`` (never libxml2's), as the page shows it."""
    if attack in ENCODING_ATTACKS:
        return escape(ERR_UNSAFE_ENCODING % {"encoding": "UTF-7"})
    return escape(str(doctype_message))


@pytest.mark.parametrize("attack", list(ATTACKS))
@pytest.mark.parametrize("fmt", list(GLOSSARY_ROOTS))
def test_glossary_upload_refuses_every_hostile_file(client, users, secret_file, fmt, attack):
    root, body = GLOSSARY_ROOTS[fmt]
    upload = io.BytesIO(hostile(attack, root, body, secret_file))
    upload.name = "glossary.tbx"
    client.force_login(users["terminologist"])
    before = written()
    response = client.post(reverse("admin:translations_glossary_import"), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert _refusal(attack, TBX_DTD) in page
    assert SECRET not in page and "lollol" not in page
    assert written() == before


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_release_file_upload_refuses_every_hostile_file(client, demo, secret_file, attack):
    upload = io.BytesIO(hostile(attack, "xliff", xliff_body(demo["release"]), secret_file))
    upload.name = "ru.xlf"
    client.force_login(demo["users"]["translator-ru"])
    before = written()
    url = reverse("admin:translations_release_file_import", args=[demo["release"].pk, "ru"])
    response = client.post(url, {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert _refusal(attack, XLIFF_DTD) in page
    assert SECRET not in page and "lollol" not in page
    assert written() == before


def test_an_entity_without_a_doctype_is_not_expanded(client, users):
    """An undeclared entity reference is an XML error, never a lookup."""
    upload = io.BytesIO(_tbx("&secret;").encode())
    upload.name = "glossary.tbx"
    client.force_login(users["terminologist"])
    before = written()
    response = client.post(reverse("admin:translations_glossary_import"), {"file": upload})
    assert "not well-formed XML" in response.content.decode()
    assert written() == before


# --- JSON: at most 32 levels ------------------------------------------------------------------


def test_json_nested_deeper_than_32_levels_is_refused(published):
    document = json.dumps(demo_document(published))
    deep = document[:-1] + ', "extra": ' + "[" * 33 + "]" * 33 + "}"
    before = written()
    with pytest.raises(ReleaseContentError, match="nested deeper than 32 levels"):
        release_import_document(document_parse(deep.encode()))
    assert written() == before


def test_json_at_32_levels_is_read():
    nested = []
    for _ in range(31):
        nested = [nested]
    assert document_parse(("[" * 32 + "]" * 32).encode()) == nested


def demo_document(scenario):
    return release_document(scenario["release"])


def test_no_upload_reaches_storage_under_its_own_name(client, published, media):
    """Media files are never served by URL: readers reach photos only through photo_file."""
    default_storage.save("photos/uploaded.txt", io.BytesIO(b"x"))
    assert client.get("/media/photos/uploaded.txt").status_code == 404
