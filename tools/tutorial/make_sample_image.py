"""Draws Ember's tutorial sample image: 512x512 RGB, procedural, deterministic (no randomness).

The picture is the Ember project's own work, dedicated to the public domain under CC0 1.0
(https://creativecommons.org/publicdomain/zero/1.0/). It stands in for the tutorial's lena.png:
same size (512x512, so the tutorial's printed sizes are the same) and features that show what
pooling does: smooth gradients, hard edges, 1-pixel lines, a fine checkerboard and text.

    /usr/bin/python3 tools/tutorial/make_sample_image.py io/src/main/resources/dev/ember/io/sample.png
"""
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SIZE = 512
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def sky():
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64) / (SIZE - 1)
    r = 40 + 150 * y + 30 * x
    g = 90 + 110 * y
    b = 200 - 60 * y + 40 * x
    return np.clip(np.stack([r, g, b], axis=-1), 0, 255).astype(np.uint8)


def sun(img):
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)
    d = np.hypot(x - 380, y - 120) / 70.0
    inside = d < 1
    glow = np.clip(1 - d, 0, 1)[..., None]
    colour = np.array([255, 220, 90], dtype=np.float64)
    out = img.astype(np.float64)
    out[inside] = (out * (1 - glow) + colour * glow)[inside] * 0.3 + colour * 0.7
    return np.clip(out, 0, 255).astype(np.uint8)


def draw(img):
    im = Image.fromarray(img, "RGB")
    d = ImageDraw.Draw(im)
    d.polygon([(0, 330), (110, 200), (210, 320), (300, 230), (420, 340), (512, 280), (512, 512), (0, 512)],
              fill=(70, 110, 80))
    d.polygon([(0, 400), (512, 360), (512, 512), (0, 512)], fill=(45, 80, 55))
    for i in range(0, 8):  # a fine 4x4 checkerboard patch and a 1x1 one
        for j in range(0, 8):
            if (i + j) % 2 == 0:
                d.rectangle([24 + 4 * j, 24 + 4 * i, 27 + 4 * j, 27 + 4 * i], fill=(255, 255, 255))
            else:
                d.rectangle([24 + 4 * j, 24 + 4 * i, 27 + 4 * j, 27 + 4 * i], fill=(0, 0, 0))
    for i in range(32):
        for j in range(32):
            c = 255 if (i + j) % 2 == 0 else 0
            d.point((72 + j, 24 + i), fill=(c, c, c))
    for k in range(6):  # 1-pixel lines at odd and even rows: max pooling keeps them, avg pooling dims them
        d.line([(140, 30 + 6 * k + (k % 2)), (300, 30 + 6 * k + (k % 2))], fill=(255, 40, 40), width=1)
    d.ellipse([40, 420, 140, 500], outline=(250, 250, 250), width=3, fill=(200, 60, 140))
    d.rectangle([170, 430, 260, 495], fill=(30, 30, 30), outline=(255, 200, 0), width=2)
    font = ImageFont.truetype(FONT, 56)
    d.text((300, 420), "Ember", font=font, fill=(255, 255, 255), stroke_width=2, stroke_fill=(20, 20, 20))
    small = ImageFont.truetype(FONT, 14)
    d.text((300, 486), "sample image - CC0 1.0", font=small, fill=(235, 235, 235))
    return im


def main(out):
    draw(sun(sky())).save(out, optimize=True)


if __name__ == "__main__":
    main(sys.argv[1])
