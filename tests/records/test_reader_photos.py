"""Photos with image files: content-addressed, renditions made once, served when published."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from records.models import Revision
from records.photos import PhotoImageError, photo_image_store
from records.services import ReleaseContentError, release_publish, release_write
from records.snapshots import release_snapshot
from tests.helpers import change_url, photo_upload_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def png(width=1200, height=800, color=(200, 30, 30)):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


def with_image(scenario, name, index=0):
    release = scenario["release"]
    content = release_snapshot(release)
    content["photos"][index]["image"] = name
    release_write(content, author=scenario["users"]["editor"], based_on=release.head_number)
    release.refresh_from_db()
    return release


def test_same_bytes_are_stored_once_under_their_digest(media):
    first = photo_image_store(png())
    assert re.fullmatch(r"photos/[0-9a-f]{64}\.png", first)
    assert photo_image_store(png()) == first
    assert len(list((media / "photos").iterdir())) == 2  # the original and renditions/
    renditions = sorted(p.name for p in (media / "photos" / "renditions").iterdir())
    assert [name.rsplit("-", 1)[1] for name in renditions] == ["1200.jpg", "480.jpg", "960.jpg"]
    assert photo_image_store(png(color=(0, 0, 0))) != first


def test_not_an_image_is_refused():
    with pytest.raises(PhotoImageError):
        photo_image_store(SimpleUploadedFile("x.png", b"not an image"))


def test_a_snapshot_names_only_stored_images(demo):
    with pytest.raises(ReleaseContentError):
        with_image(demo, "photos/" + "0" * 64 + ".png")
    name = photo_image_store(png())
    release = with_image(demo, name)
    assert Revision.objects.get(release=release, number=3).snapshot["photos"][0]["image"] == name
    # Photos without a file keep the snapshot shape they had.
    assert "image" not in release_snapshot(release)["photos"][1]


def test_readers_get_a_responsive_image_only_once_published(client, demo):
    name = photo_image_store(png())
    release = with_image(demo, name)
    page = client.get(f"/en/releases/{release.slug}/").content.decode()
    assert "<img" not in page  # revision 3 is not published yet
    digest = name.split("/")[1].split(".")[0]
    rendition = reverse("photo_file", args=[f"{digest}-960.jpg"])
    assert client.get(rendition).status_code == 404
    release_publish(release, "en", author=demo["users"]["editor"])
    page = client.get(f"/en/releases/{release.slug}/").content.decode()
    caption = release.photos.order_by("position")[0].caption_en
    assert f'alt="{caption}"' in page
    assert f"{rendition} 960w" in page and 'width="1200" height="800"' in page
    largest = reverse("photo_file", args=[f"{digest}-1200.jpg"])
    assert f'<meta property="og:image" content="http://testserver{largest}">' in page
    # The second photo has no file: its caption box stays.
    assert page.count('<figure class="photo">') == 1
    response = client.get(rendition)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "immutable" in response["Cache-Control"]
    assert client.get("/photos/..%2F..%2Fetc-1.jpg").status_code == 404
    assert client.get(reverse("photo_file", args=["f" * 64 + "-960.jpg"])).status_code == 404


def test_editor_uploads_an_image_in_the_photo_inline(client, demo, media):
    release = demo["release"]
    client.force_login(demo["users"]["editor"])
    data = photo_upload_data(client, release, png())
    response = client.post(change_url(release), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    snapshot = Revision.objects.get(release=release, number=3).snapshot
    name = snapshot["photos"][0]["image"]
    assert default_storage.exists(name) and name.startswith("photos/")
    assert "image" not in snapshot["photos"][1]
