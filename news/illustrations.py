"""Illustrations for the demo news, drawn with Pillow: no photograph is shipped or fetched.

Each scene is a flat-style picture of what its article is about (a footbridge over the river,
the one-stop counters, a conference, rice fields…), deterministic (a fixed random seed), and
saved as JPEG at 1600×900 so Wagtail's renditions (AVIF, WebP, JPEG) behave as they would
with a real photograph. The alt texts in news/demo_content.py describe what each one shows.
"""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900


def _gradient(pen, top, bottom, box=(0, 0, WIDTH, HEIGHT)):
    left, upper, right, lower = box
    for y in range(upper, lower):
        t = (y - upper) / max(1, lower - upper - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        pen.line([(left, y), (right, y)], fill=colour)


def _hills(pen, base, colour, rng, height=120, step=160):
    points = [(0, HEIGHT)]
    for x in range(0, WIDTH + step, step):
        points.append((x, base - rng.randint(height // 3, height)))
    points.append((WIDTH, HEIGHT))
    pen.polygon(points, fill=colour)


def _tree(pen, x, ground, size, leaf=(46, 125, 50)):
    pen.rectangle([x - size // 10, ground - size, x + size // 10, ground], fill=(93, 64, 55))
    pen.ellipse([x - size // 2, ground - size * 2, x + size // 2, ground - size // 2], fill=leaf)


def _person(pen, x, ground, size, colour):
    pen.ellipse(
        [x - size // 4, ground - size, x + size // 4, ground - size // 2], fill=(94, 64, 48)
    )
    pen.rounded_rectangle(
        [x - size // 3, ground - size // 2, x + size // 3, ground + size // 2],
        radius=size // 6,
        fill=colour,
    )


def _windows(pen, box, colour, rng, lit=(255, 236, 179)):
    left, top, right, bottom = box
    for y in range(top + 20, bottom - 30, 46):
        for x in range(left + 16, right - 30, 40):
            pen.rectangle([x, y, x + 22, y + 26], fill=lit if rng.random() < 0.55 else colour)


def footbridge(pen, rng):
    _gradient(pen, (255, 183, 77), (255, 236, 200), (0, 0, WIDTH, 520))
    pen.ellipse([1150, 180, 1310, 340], fill=(255, 245, 157))
    for x in range(40, WIDTH, 150):  # skyline on the far bank
        top = 300 + rng.randint(0, 140)
        pen.rectangle([x, top, x + 110, 520], fill=(120, 98, 110))
        _windows(pen, (x, top, x + 110, 520), (120, 98, 110), rng)
    _gradient(pen, (79, 140, 170), (28, 72, 104), (0, 520, WIDTH, HEIGHT))
    for y in range(560, HEIGHT, 38):  # ripples
        for x in range(rng.randint(0, 80), WIDTH, 220):
            pen.line([(x, y), (x + 90, y)], fill=(140, 190, 210), width=4)
    pen.rectangle([0, 470, WIDTH, 500], fill=(230, 230, 230))  # deck
    for x in range(0, WIDTH, 320):
        pen.arc([x, 470, x + 320, 760], 180, 360, fill=(245, 245, 245), width=18)
    for x in range(0, WIDTH, 26):
        pen.line([(x, 440), (x, 470)], fill=(200, 200, 200), width=4)
    pen.line([(0, 440), (WIDTH, 440)], fill=(210, 210, 210), width=6)
    for index, x in enumerate(range(180, WIDTH, 260)):
        _person(pen, x, 440, 70, [(198, 40, 40), (21, 101, 192), (255, 160, 0)][index % 3])


def counters(pen, rng):
    _gradient(pen, (236, 239, 241), (207, 216, 220))
    pen.rectangle([0, 0, WIDTH, 150], fill=(138, 28, 20))
    pen.rectangle([0, 150, WIDTH, 170], fill=(255, 213, 79))
    for index, x in enumerate(range(80, WIDTH - 200, 300)):
        pen.rectangle([x, 250, x + 220, 380], fill=(38, 50, 56))  # queue screen
        pen.text((x + 30, 270), f"{index + 1:02d}", fill=(255, 213, 79), font_size=80)
        pen.rectangle([x - 20, 560, x + 240, 640], fill=(161, 136, 127))  # counter
        pen.rectangle([x - 20, 640, x + 240, HEIGHT], fill=(121, 85, 72))
        _person(pen, x + 110, 560, 150, (21, 101, 192))  # official behind the counter
        _person(pen, x + 60 + rng.randint(0, 90), 820, 190, (96, 125, 139))  # visitor
    pen.rectangle([0, HEIGHT - 40, WIDTH, HEIGHT], fill=(93, 64, 55))


def e_government(pen, rng):
    _gradient(pen, (227, 242, 253), (187, 222, 251))
    nodes = [(120, 200), (160, 520), (1450, 240), (1480, 600), (1400, 820), (180, 800)]
    for x, y in nodes:
        pen.line([(x, y), (800, 430)], fill=(100, 181, 246), width=5)
        pen.ellipse([x - 34, y - 34, x + 34, y + 34], fill=(21, 101, 192))
    pen.rounded_rectangle([300, 140, 1300, 720], radius=30, fill=(38, 50, 56))  # monitor
    pen.rectangle([340, 180, 1260, 680], fill=(250, 250, 250))
    pen.rectangle([340, 180, 1260, 240], fill=(138, 28, 20))
    for row in range(5):
        top = 280 + row * 75
        pen.rectangle([380, top, 440, top + 50], fill=(255, 213, 79))
        pen.rectangle([470, top + 8, 470 + rng.randint(380, 700), top + 22], fill=(120, 144, 156))
        pen.rectangle([470, top + 32, 470 + rng.randint(200, 500), top + 42], fill=(176, 190, 197))
    pen.polygon([(700, 720), (900, 720), (960, 820), (640, 820)], fill=(69, 90, 100))


def conference(pen, rng):
    _gradient(pen, (250, 240, 230), (225, 205, 190))
    pen.rectangle([200, 60, 1400, 250], fill=(183, 28, 28))  # banner
    pen.rectangle([220, 80, 1380, 230], outline=(255, 213, 79), width=6)
    for x in range(300, 1300, 140):
        pen.rectangle([x, 130, x + 100, 150], fill=(255, 236, 179))
    pen.rectangle([300, 330, 1300, 420], fill=(121, 85, 72))  # presidium table
    for x in range(380, 1260, 170):
        _person(pen, x, 330, 110, (38, 50, 56))
        pen.rectangle([x - 40, 330, x + 40, 345], fill=(255, 255, 255))
    for row in range(3):  # audience, seen from behind
        for x in range(60 + row * 40, WIDTH, 130):
            y = 620 + row * 110
            pen.ellipse([x - 38, y - 90, x + 38, y - 14], fill=(62, 39, 35))
            pen.rounded_rectangle([x - 55, y - 20, x + 55, y + 90], radius=20, fill=(69, 90, 100))


def rice_fields(pen, rng):
    _gradient(pen, (129, 212, 250), (225, 245, 254), (0, 0, WIDTH, 430))
    pen.ellipse([200, 90, 330, 220], fill=(255, 241, 118))
    _hills(pen, 430, (102, 153, 102), rng, 200, 200)
    _hills(pen, 470, (76, 132, 76), rng, 120, 140)
    for band in range(8):  # terraces
        top = 470 + band * 55
        colour = (124, 179, 66) if band % 2 else (156, 204, 101)
        pen.polygon([(0, top), (WIDTH, top - 30), (WIDTH, top + 40), (0, top + 70)], fill=colour)
    pen.polygon([(700, HEIGHT), (900, HEIGHT), (820, 470), (790, 470)], fill=(215, 204, 200))
    for x in range(60, WIDTH, 230):
        _tree(pen, x + rng.randint(0, 80), 480 + rng.randint(0, 20), 60)


def industrial(pen, rng):
    _gradient(pen, (176, 190, 197), (236, 239, 241), (0, 0, WIDTH, 640))
    for x in range(60, WIDTH, 260):
        top = 260 + rng.randint(0, 180)
        pen.rectangle([x, top, x + 200, 640], fill=(84, 110, 122))
        _windows(pen, (x, top, x + 200, 640), (84, 110, 122), rng, lit=(207, 216, 220))
    pen.line([(1200, 640), (1200, 120)], fill=(255, 160, 0), width=22)  # crane
    pen.line([(1000, 140), (1500, 140)], fill=(255, 160, 0), width=18)
    pen.line([(1420, 140), (1420, 360)], fill=(66, 66, 66), width=5)
    pen.rectangle([0, 640, WIDTH, HEIGHT], fill=(97, 97, 97))
    for x in range(0, WIDTH, 160):
        pen.rectangle([x + 30, 760, x + 120, 775], fill=(255, 255, 255))
    for x in (200, 700, 1150):
        pen.rounded_rectangle([x, 680, x + 220, 750], radius=18, fill=(21, 101, 192))
        pen.ellipse([x + 25, 730, x + 75, 780], fill=(33, 33, 33))
        pen.ellipse([x + 145, 730, x + 195, 780], fill=(33, 33, 33))


def documents(pen, rng):
    _gradient(pen, (255, 248, 225), (255, 236, 179))
    for index in range(6):  # stacks of paper folders
        x = 120 + index * 90
        for level in range(rng.randint(4, 9)):
            y = 780 - level * 48
            pen.rectangle([x, y, x + 240, y + 40], fill=[(255, 202, 40), (239, 108, 0)][level % 2])
    pen.polygon([(900, 450), (800, 380), (800, 520)], fill=(138, 28, 20))  # arrow
    pen.rectangle([700, 430, 820, 470], fill=(138, 28, 20))
    pen.rounded_rectangle([980, 180, 1460, 800], radius=40, fill=(38, 50, 56))  # tablet
    pen.rectangle([1010, 230, 1430, 750], fill=(250, 250, 250))
    for row in range(6):
        top = 270 + row * 78
        pen.rectangle([1040, top, 1090, top + 50], fill=(21, 101, 192))
        pen.rectangle(
            [1110, top + 10, 1110 + rng.randint(150, 290), top + 26], fill=(144, 164, 174)
        )
    pen.ellipse([1330, 110, 1530, 250], fill=(144, 202, 249))  # cloud
    pen.ellipse([1260, 150, 1420, 270], fill=(144, 202, 249))


def heritage(pen, rng):
    _gradient(pen, (144, 202, 249), (255, 243, 224), (0, 0, WIDTH, 560))
    pen.rectangle([250, 360, 1350, 600], fill=(188, 170, 164))  # wall
    for x in (480, 740, 1000):
        pen.rectangle([x, 450, x + 120, 600], fill=(93, 64, 55))
        pen.pieslice([x, 390, x + 120, 510], 180, 360, fill=(93, 64, 55))
    pen.rectangle([420, 250, 1180, 360], fill=(183, 28, 28))  # pavilion
    pen.polygon([(360, 260), (800, 150), (1240, 260)], fill=(255, 179, 0))
    pen.polygon([(460, 350), (800, 290), (1140, 350)], fill=(255, 179, 0))
    _gradient(pen, (102, 187, 106), (56, 142, 60), (0, 600, WIDTH, HEIGHT))
    pen.rectangle([150, 660, 1450, 860], fill=(77, 182, 172))  # lotus pond
    for _ in range(26):
        x, y = rng.randint(180, 1420), rng.randint(690, 830)
        pen.ellipse([x - 40, y - 14, x + 40, y + 14], fill=(46, 125, 50))
        if rng.random() < 0.4:
            pen.ellipse([x - 12, y - 36, x + 12, y - 8], fill=(240, 98, 146))


SCENES = {
    "footbridge": footbridge,
    "counters": counters,
    "e_government": e_government,
    "conference": conference,
    "rice_fields": rice_fields,
    "industrial": industrial,
    "documents": documents,
    "heritage": heritage,
}


def draw(scene, seed=18):
    """JPEG bytes of `scene` (a key of SCENES)."""
    picture = Image.new("RGB", (WIDTH, HEIGHT), "white")
    SCENES[scene](ImageDraw.Draw(picture), random.Random(f"{scene}-{seed}"))  # noqa: S311
    picture = picture.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()
