"""Decodes the photos of a list file into one RGB blob for the Node half of the side-by-side benchmark
(u32 width, u32 height, then width*height*3 bytes, per photo). Pillow on Debian wraps libjpeg-turbo,
the library the C# side reaches through libturbojpeg; decoding is outside the timing on both sides."""
import os
import struct
import sys

from PIL import Image, ImageOps

with open(sys.argv[1], encoding="utf-8") as names, open(sys.argv[2] + ".tmp", "wb") as out:
    for line in names:
        name = line.strip()
        if not name:
            continue
        image = ImageOps.exif_transpose(Image.open(name)).convert("RGB")
        out.write(struct.pack("<II", *image.size))
        out.write(image.tobytes())
os.replace(sys.argv[2] + ".tmp", sys.argv[2])
