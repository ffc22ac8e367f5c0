"""Demo pictures painted with Pillow, so the demo needs no network and no binaries in git."""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model

SIZE = (1600, 1067)


def demo_image(title, scene, description=""):
    """The library image called ``title``, painted on first use."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = SCENES[scene](random.Random(title))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    image = Image(title=title, description=description)
    image.file = ImageFile(buffer, name=f"demo-{scene}.jpg")
    image.save()
    return image


def _sky(draw, top, bottom, height):
    for y in range(height):
        t = y / height
        draw.line([(0, y), (SIZE[0], y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))


def _hills(draw, rng, base, colour, amplitude, width=SIZE[0]):
    points = [(0, SIZE[1])]
    phase = rng.random() * 6
    for x in range(0, width + 20, 20):
        points.append((x, base + amplitude * math.sin(x / 260 + phase) + amplitude / 2 * math.sin(x / 90 + phase)))
    points.append((width, SIZE[1]))
    draw.polygon(points, fill=colour)


def _tree(draw, x, y, scale, colour):
    draw.rectangle([x - 6 * scale, y, x + 6 * scale, y + 70 * scale], fill=(92, 70, 52))
    for dx, dy, r in ((0, -40, 55), (-35, -10, 40), (35, -10, 40), (0, 15, 45)):
        draw.ellipse([x + (dx - r) * scale, y + (dy - r) * scale, x + (dx + r) * scale, y + (dy + r) * scale], fill=colour)


def park(rng):
    img = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(img)
    _sky(draw, (186, 214, 226), (238, 236, 222), 620)
    _hills(draw, rng, 560, (150, 178, 140), 40)
    _hills(draw, rng, 680, (112, 152, 104), 30)
    draw.polygon([(700, 680), (900, 680), (1250, SIZE[1]), (350, SIZE[1])], fill=(214, 196, 160))
    for _ in range(9):
        _tree(draw, rng.randint(40, 1560), rng.randint(560, 700), rng.uniform(0.7, 1.4), (62, 110 + rng.randint(0, 30), 70))
    for x in (760, 860):  # two walkers side by side on the path
        draw.ellipse([x, 700, x + 34, 734], fill=(70, 60, 55))
        draw.rounded_rectangle([x - 6, 734, x + 40, 840], radius=14, fill=(60, 90, 120) if x == 760 else (150, 80, 60))
    return img.filter(ImageFilter.SMOOTH)


def room(rng):
    img = PILImage.new("RGB", SIZE, (236, 228, 214))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 760, SIZE[0], SIZE[1]], fill=(168, 140, 110))
    draw.rectangle([980, 160, 1420, 600], fill=(196, 220, 228), outline=(240, 240, 240), width=18)
    draw.line([(1200, 160), (1200, 600)], fill=(240, 240, 240), width=12)
    for x, colour in ((260, (112, 140, 128)), (700, (150, 120, 100))):  # two armchairs facing each other
        draw.rounded_rectangle([x, 560, x + 300, 820], radius=40, fill=colour)
        draw.rounded_rectangle([x + 20, 480, x + 280, 640], radius=40, fill=colour)
    draw.ellipse([560, 740, 660, 800], fill=(120, 96, 76))
    draw.rectangle([1460, 420, 1500, 760], fill=(90, 110, 80))
    draw.ellipse([1400, 300, 1560, 460], fill=(80, 130, 90))
    return img.filter(ImageFilter.SMOOTH)


def screen(rng):
    img = PILImage.new("RGB", SIZE, (226, 232, 236))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 780, SIZE[0], SIZE[1]], fill=(150, 120, 96))
    draw.rounded_rectangle([380, 220, 1220, 720], radius=24, fill=(40, 46, 52))
    draw.rectangle([420, 260, 1180, 680], fill=(200, 222, 230))
    draw.ellipse([720, 360, 880, 520], fill=(120, 100, 90))
    draw.rounded_rectangle([660, 500, 940, 680], radius=60, fill=(70, 100, 120))
    draw.polygon([(300, 780), (1300, 780), (1240, 720), (360, 720)], fill=(70, 76, 82))
    draw.ellipse([1320, 640, 1420, 780], fill=(240, 240, 236))
    return img.filter(ImageFilter.SMOOTH)


def calm(rng):
    img = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(img)
    _sky(draw, (210, 226, 222), (246, 238, 226), SIZE[1])
    for i in range(6):
        y = 300 + i * 120
        colour = (120 + i * 12, 160 + i * 8, 150 + i * 6)
        _hills(draw, rng, y, colour, 30 - i * 3)
    draw.ellipse([1150, 140, 1330, 320], fill=(250, 236, 200))
    return img.filter(ImageFilter.GaussianBlur(2))


def portrait(rng):
    """A flat, friendly illustration of the demo counsellor: plainly drawn, never mistaken for a real photo."""
    img = PILImage.new("RGB", (900, 900), (214, 228, 222))
    draw = ImageDraw.Draw(img)
    draw.ellipse([90, 90, 810, 810], fill=(196, 216, 206))  # a soft disc behind the head
    skin, hair, jumper, ink = (222, 178, 146), (104, 72, 50), (74, 120, 92), (52, 44, 40)
    draw.rounded_rectangle([170, 640, 730, 1000], radius=200, fill=jumper)  # shoulders
    draw.polygon([(380, 640), (520, 640), (450, 730)], fill=(236, 232, 222))  # shirt collar
    draw.rectangle([405, 540, 495, 650], fill=(206, 160, 128))  # neck
    draw.ellipse([300, 230, 600, 600], fill=skin)  # face
    draw.ellipse([278, 390, 322, 460], fill=skin)  # ears
    draw.ellipse([578, 390, 622, 460], fill=skin)
    draw.chord([290, 190, 610, 430], 180, 360, fill=hair)  # short hair
    draw.polygon([(300, 330), (330, 250), (420, 300)], fill=hair)
    for x in (375, 525):  # glasses and eyes
        draw.ellipse([x - 48, 375, x + 48, 455], outline=ink, width=9)
        draw.ellipse([x - 11, 405, x + 11, 427], fill=ink)
    draw.line([(423, 410), (477, 410)], fill=ink, width=9)
    draw.arc([390, 460, 510, 545], 20, 160, fill=(150, 76, 66), width=10)  # a smile
    return img.filter(ImageFilter.SMOOTH)


SCENES = {"park": park, "room": room, "screen": screen, "calm": calm, "portrait": portrait}
