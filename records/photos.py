"""Photo image files: content-addressed originals and their renditions, via the storage API.

An original is stored once under the SHA-256 of its bytes (``photos/<digest>.<ext>``), the
name a snapshot records; renditions (``photos/renditions/<digest>-<width>.jpg``) are made
once, on first need, and never rewritten. Readers are served a rendition only while it
belongs to a published revision (``records.views.photo_file``).
"""

import hashlib
import io
import re

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from config.limits import MAX_IMAGE_MEGAPIXELS, MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB

RENDITION_WIDTHS = (480, 960, 1600)
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
IMAGE_NAME = re.compile(r"^photos/(?P<digest>[0-9a-f]{64})\.(?:jpg|png|webp|gif)$")
RENDITION_NAME = re.compile(r"^(?P<digest>[0-9a-f]{64})-(?P<width>\d{1,4})\.jpg$")


class PhotoImageError(ValueError):
    """An uploaded file is not an image Concord accepts."""

    TOO_LARGE = _("The image is larger than %(megabytes)s MB.")
    NOT_AN_IMAGE = _("The file is not a JPEG, PNG, WebP or GIF image.")
    TOO_MANY_PIXELS = _("The image has more than %(millions)s million pixels.")
    UNKNOWN = _("No stored image is named “%(name)s”.")


def _open(data):
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    return Image.open(io.BytesIO(data))


def _too_large():
    return PhotoImageError(PhotoImageError.TOO_LARGE % {"megabytes": MAX_UPLOAD_MB})


def _too_many_pixels():
    return PhotoImageError(PhotoImageError.TOO_MANY_PIXELS % {"millions": MAX_IMAGE_MEGAPIXELS})


def image_size_check(upload):
    """Refuse an upload over the size limit by its declared size, before anything reads it."""
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise _too_large()


def photo_image_store(upload):
    """Store an uploaded image under its content's digest; return the stored name.

    Storing the same bytes twice stores them once; renditions are made at the same time.
    """
    from PIL import Image

    image_size_check(upload)
    data = b"".join(upload.chunks())
    if len(data) > MAX_UPLOAD_BYTES:
        raise _too_large()
    try:
        image = _open(data)
        image.verify()
        extension = FORMATS[image.format]
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except Exception as error:
        raise PhotoImageError(PhotoImageError.NOT_AN_IMAGE) from error
    # Pillow only warns between the limit and twice the limit; a small file can still
    # decode to gigabytes, so the limit is a refusal here.
    if image.width * image.height > MAX_IMAGE_PIXELS:
        raise _too_many_pixels()
    name = f"photos/{hashlib.sha256(data).hexdigest()}.{extension}"
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:  # a storage that renames would break content addressing
            raise PhotoImageError(PhotoImageError.UNKNOWN % {"name": name})
    photo_renditions(name)
    return name


def image_name_check(name):
    """Refuse a snapshot's image name that is not a stored, content-addressed image."""
    if not isinstance(name, str) or not IMAGE_NAME.match(name) or not default_storage.exists(name):
        raise PhotoImageError(PhotoImageError.UNKNOWN % {"name": str(name)[:100]})
    return name


def rendition_name(digest, width):
    return f"photos/renditions/{digest}-{width}.jpg"


def photo_renditions(name):
    """Return ``{"width", "height", "renditions": [[width, file name], …]}`` of stored image
    ``name``, making the renditions it lacks (never wider than the original)."""
    from PIL import Image

    digest = IMAGE_NAME.match(name)["digest"]
    with default_storage.open(name, "rb") as original:
        data = original.read()
    image = _open(data)
    width, height = image.size
    widths = sorted({min(target, width) for target in RENDITION_WIDTHS})
    renditions = []
    for target in widths:
        stored = rendition_name(digest, target)
        if not default_storage.exists(stored):
            copy = image.convert("RGBA") if image.mode in ("P", "LA") else image
            if copy.mode in ("RGBA", "LA"):
                background = Image.new("RGB", copy.size, "white")
                background.paste(copy, mask=copy.getchannel("A"))
                copy = background
            copy = copy.convert("RGB")
            copy.thumbnail((target, max(1, round(height * target / width))))
            out = io.BytesIO()
            copy.save(out, "JPEG", quality=82, optimize=True, progressive=True)
            default_storage.save(stored, ContentFile(out.getvalue()))
        renditions.append([target, stored.rsplit("/", 1)[1]])
    return {"width": width, "height": height, "renditions": renditions}
