"""The image formats a reporter gets a chart or map in, declared once: name, media type, chart scale.

PNG is drawn at double resolution (sharp on print and retina screens); SVG is vector, so scale 1.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImageFormat:
    name: str  # also the file extension
    media_type: str
    scale: int  # how many times the publication size a chart's image is drawn


IMAGE_FORMATS = (ImageFormat("png", "image/png", 2), ImageFormat("svg", "image/svg+xml", 1))
BY_NAME = {image.name: image for image in IMAGE_FORMATS}
NAMES = tuple(BY_NAME)
DEFAULT = NAMES[0]

ANIMATION_FORMATS = (ImageFormat("gif", "image/gif", 1), ImageFormat("webp", "image/webp", 1))
MEDIA_TYPES = {image.name: image.media_type for image in (*IMAGE_FORMATS, *ANIMATION_FORMATS)}
