"""The logo on the board report's cover: a PNG or JPEG image chosen in Inställningar,
kept in the database (so the report looks the same on every computer) as base64 text.

Only the file's own structure is checked here (the format's signature, a picture size
in its header, at most MAX_BYTES); the window also has Qt read the whole picture.
"""

from __future__ import annotations

import base64
import binascii
import struct

from app.core.errors import ValidationError

SETTING_KEY = "report_logo"
MAX_BYTES = 2 * 1024 * 1024

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def image_kind(data: bytes) -> str | None:
    """'PNG' or 'JPEG' from the file's first bytes, else None."""
    if data.startswith(_PNG):
        return "PNG"
    if data.startswith(_JPEG):
        return "JPEG"
    return None


def _png_size(data: bytes) -> tuple[int, int] | None:
    # The first chunk is IHDR: length (4), b"IHDR", width (4), height (4).
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    # Walk the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC).
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if i + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return int(width), int(height)
        i += 2 + length
    return None


def image_size(data: bytes) -> tuple[int, int] | None:
    """The picture's width and height in pixels from its header, or None."""
    kind = image_kind(data)
    if kind == "PNG":
        return _png_size(data)
    if kind == "JPEG":
        return _jpeg_size(data)
    return None


def validate_logo(data: bytes, name: str = "Bilden") -> bytes:
    """The image as given, or ValidationError saying (in Swedish) why it cannot be used."""
    if len(data) > MAX_BYTES:
        megabytes = f"{len(data) / 1024 / 1024:.1f}".replace(".", ",")
        raise ValidationError(
            [f"{name} är för stor ({megabytes} MB). En logotyp får vara högst 2 MB."]
        )
    if not data:
        raise ValidationError([f"{name} är tom."])
    if image_kind(data) is None:
        raise ValidationError([f"{name} är inte en PNG- eller JPEG-bild."])
    size = image_size(data)
    if size is None or size[0] <= 0 or size[1] <= 0:
        raise ValidationError([f"{name} går inte att läsa som bild (filen verkar skadad)."])
    return data


def encode_logo(data: bytes) -> str:
    """The checked image as the text stored in the database."""
    return base64.b64encode(validate_logo(data)).decode("ascii")


def decode_logo(text: str | None) -> bytes | None:
    """The stored logo, or None when there is none or the stored text is not an image."""
    if not text:
        return None
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        return validate_logo(data)
    except ValidationError:
        return None
