"""The demo's images, drawn here with Pillow: nothing downloaded, nothing read from elsewhere.

They are artwork and placeholders, never pictures of facts: no clinic interior, no patient,
no before/after, no face of Dr. Kim. Each says so in its description (the alt text), so a
visitor, and the clinic, can tell a placeholder from the real thing.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter

# Soft, muted colours: calm, and legible behind nothing (the site sets no text over images).
SAND = (236, 226, 210)
MIST = (203, 218, 226)
SAGE = (183, 201, 189)
SLATE = (120, 140, 156)
GREY = (154, 160, 166)
PAPER = (244, 244, 242)


def _blurred_circles(size, background, circles, blur):
    picture = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    for (x, y, radius), colour in circles:
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    return picture.filter(ImageFilter.GaussianBlur(blur))


def draw_hero():
    """1600x900: overlapping soft circles, their weight on the right third (the focal point)."""
    return _blurred_circles(
        (1600, 900),
        SAND,
        [((1180, 430, 330), MIST), ((980, 600, 260), SAGE), ((1320, 300, 170), SLATE), ((300, 760, 260), MIST)],
        blur=60,
    )


def draw_logo():
    """512x512, transparent: a plain ring, a stand-in until the clinic supplies its logo."""
    picture = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((56, 56, 456, 456), outline=SLATE + (255,), width=36)
    draw.ellipse((196, 196, 316, 316), fill=SAGE + (255,))
    return picture


def draw_portrait():
    """800x800: a grey head-and-shoulders silhouette, the usual 'no photo yet' placeholder."""
    picture = Image.new("RGB", (800, 800), PAPER)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((290, 150, 510, 400), fill=GREY)  # head
    draw.ellipse((150, 450, 650, 1050), fill=GREY)  # shoulders, cut by the bottom edge
    return picture


# What the loader creates: title, file name, drawing, file format, description (alt text),
# focal point (centre x, centre y, width, height, in pixels).
HERO = {
    "title": "Calm abstract artwork (demo image)",
    "file_name": "demo-abstract-hero.jpg",
    "draw": draw_hero,
    "format": "JPEG",
    "description": "Abstract artwork of soft, overlapping circles in sand, blue and sage tones.",
    "focal_point": (1150, 450, 500, 500),
}
LOGO = {
    "title": "Placeholder logo (demo image)",
    "file_name": "demo-placeholder-logo.png",
    "draw": draw_logo,
    "format": "PNG",
    "description": "Placeholder logo: a plain ring, to be replaced by the clinic's own logo.",
    "focal_point": (256, 256, 400, 400),
}
PORTRAIT = {
    "title": "Placeholder portrait (demo image)",
    "file_name": "demo-placeholder-portrait.jpg",
    "draw": draw_portrait,
    "format": "JPEG",
    "description": "Placeholder silhouette, not a photo: the clinic has not supplied a portrait of Dr. Michael Kim.",
    "focal_point": (400, 275, 220, 250),
}
IMAGES = (HERO, LOGO, PORTRAIT)


def image_file(spec):
    """The drawing of ``spec`` as a file ready for an image's ``file`` field."""
    buffer = BytesIO()
    options = {"quality": 88} if spec["format"] == "JPEG" else {"optimize": True}
    spec["draw"]().save(buffer, spec["format"], **options)
    return ImageFile(buffer, name=spec["file_name"])
