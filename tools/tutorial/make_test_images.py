"""Writes Ember's image test set and what torchvision 0.14.1 makes of it.

    /usr/bin/python3 tools/tutorial/make_test_images.py io/src/test/resources/images

Every picture is drawn here from a seeded numpy generator (no downloads). For each readable file
the expected tensors are torchvision's ``ToTensor()(Image.open(f))`` ("NAME/as_is") and
``ToTensor()(Image.open(f).convert('RGB'))`` ("NAME/rgb", left out when it equals the first),
float32 CHW, in expected.safetensors;
photo440.jpg (4:4:0 chroma, which PIL cannot write) comes from WriteJpeg440.java, run with $JAVA or java.
cases.json lists each file, PIL's mode, and the files PIL refuses (with PIL's message).
"invert/input" and "invert/bytes" hold transform_invert's arithmetic (x255, truncated to uint8)
on values in [0, 1], which is also ToPILImage's mul(255).byte().
"""
import json
import os
import struct
import subprocess
import sys
import zlib

import numpy as np
import torch
from PIL import Image
from torchvision import transforms

RNG = np.random.RandomState(20240613)


def raw_png(path, w, h, bit_depth, colour_type, rows):
    """A minimal PNG writer, for what PIL will not write (0x0, 16-bit, 4-bit grey)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", w, h, bit_depth, colour_type, 0, 0, 0)
    idat = zlib.compress(b"".join(b"\x00" + r for r in rows), 9)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def gradient_rgb(h, w):
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    base = np.stack([255 * x / max(w - 1, 1), 255 * y / max(h - 1, 1), 128 + 100 * np.sin(x / 3 + y / 5)], -1)
    return np.clip(base + RNG.randint(-30, 31, size=(h, w, 3)), 0, 255).astype(np.uint8)


def photo_like(h, w):
    """Smooth shading plus hard edges, the kind of content JPEG decoders disagree on."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    img = np.stack([120 + 100 * np.sin(x / 7), 100 + 80 * np.cos(y / 5), 60 + x + y], -1)
    img[(x - w / 2) ** 2 + (y - h / 2) ** 2 < (h / 3) ** 2] = [240, 30, 40]
    img[: h // 4, : w // 4] = [255, 255, 255]
    return np.clip(img + RNG.randint(-8, 9, size=img.shape), 0, 255).astype(np.uint8)


def make(out):
    files = {}
    Image.fromarray(gradient_rgb(21, 33), "RGB").save(os.path.join(out, "rgb.png"))
    Image.fromarray(RNG.randint(0, 256, size=(27, 19)).astype(np.uint8), "L").save(os.path.join(out, "gray.png"))
    rgba = np.concatenate([gradient_rgb(17, 23), RNG.randint(0, 256, size=(17, 23, 1)).astype(np.uint8)], -1)
    rgba[0, :, 3] = 0  # fully transparent pixels that still carry colour
    Image.fromarray(rgba, "RGBA").save(os.path.join(out, "rgba.png"))
    Image.fromarray(RNG.randint(0, 256, size=(9, 16, 2)).astype(np.uint8), "LA").save(os.path.join(out, "la.png"))
    pal = Image.fromarray(RNG.randint(0, 16, size=(13, 21)).astype(np.uint8), "P")
    pal.putpalette(list(RNG.randint(0, 256, size=16 * 3).astype(np.uint8)))
    pal.save(os.path.join(out, "palette.png"))  # 16 colours: PIL writes a 4-bit palette PNG
    pal_t = Image.fromarray(RNG.randint(0, 200, size=(11, 14)).astype(np.uint8), "P")
    pal_t.putpalette(list(RNG.randint(0, 256, size=200 * 3).astype(np.uint8)))
    pal_t.info["transparency"] = 3
    pal_t.save(os.path.join(out, "palette_trns.png"), transparency=3)
    Image.fromarray(RNG.randint(0, 2, size=(7, 10)).astype(bool)).save(os.path.join(out, "bw.png"))
    Image.fromarray(np.array([[[200, 100, 50]]], dtype=np.uint8), "RGB").save(os.path.join(out, "one.png"))
    raw_png(os.path.join(out, "gray4.png"), 5, 3, 4, 0,
            [bytes(RNG.randint(0, 256, size=3).astype(np.uint8)) for _ in range(3)])
    raw_png(os.path.join(out, "rgb16.png"), 4, 3, 16, 2,
            [RNG.randint(0, 65536, size=12).astype(">u2").tobytes() for _ in range(3)])
    raw_png(os.path.join(out, "gray16.png"), 4, 3, 16, 0,
            [RNG.randint(0, 65536, size=4).astype(">u2").tobytes() for _ in range(3)])
    photo = photo_like(48, 64)
    Image.fromarray(photo, "RGB").save(os.path.join(out, "photo420.jpg"), quality=90)
    Image.fromarray(photo, "RGB").save(os.path.join(out, "photo444.jpg"), quality=90, subsampling=0)
    Image.fromarray(photo[..., 1], "L").save(os.path.join(out, "photo_gray.jpg"), quality=90)
    Image.fromarray(photo_like(96, 128), "RGB").save(os.path.join(out, "photo_big.jpg"), quality=85)
    odd = photo_like(29, 37)  # sizes that are no multiple of the 16x16 MCU
    Image.fromarray(odd, "RGB").save(os.path.join(out, "odd422.jpg"), quality=75, subsampling=1)
    Image.fromarray(odd, "RGB").save(os.path.join(out, "odd420_q20.jpg"), quality=20)
    Image.fromarray(odd, "RGB").save(os.path.join(out, "odd444_q100.jpg"), quality=100, subsampling=0)
    Image.fromarray(photo, "RGB").save(os.path.join(out, "progressive.jpg"), quality=80, progressive=True)
    Image.fromarray(photo, "RGB").save(os.path.join(out, "photo.png"))
    java = os.environ.get("JAVA", "java")  # any JDK 11+; PIL cannot write 4:4:0
    subprocess.run([java, os.path.join(os.path.dirname(os.path.abspath(__file__)), "WriteJpeg440.java"),
                    os.path.join(out, "photo.png"), os.path.join(out, "photo440.jpg")], check=True)
    # files PIL refuses
    raw_png(os.path.join(out, "zero.png"), 0, 0, 8, 2, [])
    with open(os.path.join(out, "rgb.png"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "truncated.png"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(out, "photo420.jpg"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "truncated.jpg"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(out, "not-an-image.png"), "w") as f:
        f.write("this is text, not a PNG\n")

    to_tensor = transforms.ToTensor()
    tensors, cases = {}, []
    for name in sorted(os.listdir(out)):
        if not name.endswith((".png", ".jpg")):
            continue
        path = os.path.join(out, name)
        case = {"file": name}
        try:
            im = Image.open(path)
            im.load()
        except Exception as e:  # noqa: BLE001 - recorded as the expected failure
            case["error"] = type(e).__name__ + ": " + str(e).replace(path, name)
            cases.append(case)
            continue
        case["mode"], case["size"] = im.mode, [im.height, im.width]
        as_is = to_tensor(im)
        if as_is.dtype == torch.float32:
            tensors[name + "/as_is"] = as_is.numpy()
        else:
            case["as_is_dtype"] = str(as_is.dtype)  # raw integers: 16-bit grey ('I')
        rgb = to_tensor(im.convert("RGB"))
        if im.mode == "RGB" and torch.equal(rgb, as_is):
            case["rgb_same_as_is"] = True  # stored once
        else:
            tensors[name + "/rgb"] = rgb.numpy()
        cases.append(case)
    # transform_invert's arithmetic on values in [0, 1]: (np.array(t) * 255).astype('uint8')
    values = torch.cat([torch.arange(0, 998, dtype=torch.float32) / 997, torch.arange(256, dtype=torch.float32) / 255,
                        torch.tensor([0.5, 1 / 3, 2 / 3, 0.1, 0.2, 0.7, 0.9, 1 - 2 ** -24, 2 ** -20])])
    tensors["invert/input"] = values.numpy()
    tensors["invert/bytes"] = (np.array(values) * 255).astype("uint8").astype(np.float32)
    assert torch.equal(values.mul(255).byte(), torch.from_numpy((np.array(values) * 255).astype("uint8")))
    write_safetensors(os.path.join(out, "expected.safetensors"), tensors)
    with open(os.path.join(out, "cases.json"), "w") as f:
        f.write('{"torch": "%s", "pil": "%s", "cases": [\n' % (torch.__version__, Image.__version__))
        f.write(",\n".join(json.dumps(c) for c in cases))
        f.write("\n]}")
        f.write("\n")


def write_safetensors(path, tensors):
    header, blobs, off = {}, [], 0
    for name, a in tensors.items():
        data = a.astype("<f4").tobytes(order="C")
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [off, off + len(data)]}
        blobs.append(data)
        off += len(data)
    hb = json.dumps(header, separators=(",", ":")).encode()
    hb += b" " * ((8 - len(hb) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hb)) + hb + b"".join(blobs))


if __name__ == "__main__":
    make(sys.argv[1])
