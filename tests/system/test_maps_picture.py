"""The address-space pictures (tools/mapsvg.py) and `make maps-picture`
(tools/maps_picture.py), whose pictures docs/mmap.md and
docs/vdso-and-proc.md show.

    mapsvg_names_every_mapping  a hand-written maps text with every kind of
                                area (program, heap, anonymous and file
                                mmaps, [vvar], [vdso], [stack]): the SVG is
                                well-formed and has one labelled row per
                                mapping (its range, rights and name), and
                                the four marked addresses
    maps_picture                make maps-picture in the shared temporary
                                build folder: three listings of mmapdemo,
                                the layouts it names, every mapping of each
                                in its picture, mmap_base where each layout
                                puts it, and a page walk that ends in a
                                present, user, writable, dirty page
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

from harness import ROOT, check, test
from system.builds import first_error, folder_of, make, selftest_iso

sys.path.insert(0, os.path.join(ROOT, "tools"))
import mapsvg  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
MARKERS = ["TASK_UNMAPPED_BASE", "mmap_base", "TASK_SIZE", "VDSO_HIGH_BASE"]
SAMPLE = """\
08048000-08049000 r--p 00000000 00:02 11         /bin/prog
08049000-0804e000 r-xp 00001000 00:02 11         /bin/prog
0804e000-0804f000 rw-p 00006000 00:02 11         /bin/prog
0804f000-08050000 rw-p 00000000 00:00 0 
08050000-08071000 rw-p 00000000 00:00 0          [heap]
b7e00000-b7f00000 rw-s 00000000 00:02 14         /tmp/shared
b7f00000-b7ffe000 rw-p 00000000 00:00 0 
b7ffe000-b7fff000 r--p 00000000 00:00 0          [vvar]
b7fff000-b8000000 r-xp 00000000 00:00 0          [vdso]
bffde000-c0000000 rw-p 00000000 00:00 0          [stack]
"""


def texts(svg_text):
    """The text of every <text> element of an SVG (which must parse)."""
    return [e.text or "" for e in ET.fromstring(svg_text).iter(SVG + "text")]


def unnamed(maps, svg_text):
    """The mappings that no row of the picture names (range, rights and
    name, or kind for a nameless one), as maps lines."""
    rows = texts(svg_text)
    missing = []
    for m in maps:
        where = [i for i, t in enumerate(rows) if t == "%s %s" % (m.range_text(), m.perms)]
        label = rows[where[0] + 1] if where and where[0] + 1 < len(rows) else ""
        if not where or not label.startswith(mapsvg.kind_label(m)):
            missing.append("%s %s %s" % (m.range_text(), m.perms, m.name))
    return missing


@test(cost=0.5)
def test_mapsvg_names_every_mapping(t):
    maps = mapsvg.classify(mapsvg.listings("# cat /proc/self/maps\n" + SAMPLE + "# \n")[0])
    kinds = [m.kind for m in maps]
    check(kinds == ["rodata", "text", "data", "bss", "bss", "file", "anon", "vdso", "vdso",
                    "stack"], "kinds %s" % kinds)
    svg_text = mapsvg.address_spaces([(maps, "sample", 0xB8000000)])
    t.log = svg_text
    missing = unnamed(maps, svg_text)
    check(not missing, "the picture does not name %s" % missing)
    joined = " ".join(texts(svg_text))
    check(all(name in joined for name in MARKERS), "a marker is missing: %s" % MARKERS)


def listings_in(path):
    with open(path) as f:
        return [mapsvg.classify(m) for m in mapsvg.listings(f.read())]


@test(cost=0.3)         # late: it waits for the shared build
def test_maps_picture(t):
    selftest_iso(t)
    rc, log = make(t, "maps-picture", cmdline="", folder="shared")
    check(rc == 0, "make maps-picture failed (exit %d): %s" % (rc, first_error(log)))
    docs = os.path.join(folder_of("shared")[0], "docs")
    runs = listings_in(os.path.join(docs, "maps-session.txt"))
    check(len(runs) == 3, "%d maps listings in maps-session.txt, want 3" % len(runs))
    pictures = {"maps-layouts.svg": [runs[0], runs[2]], "vdso-modes.svg": [runs[0], runs[1]]}
    for name, shown in pictures.items():
        with open(os.path.join(docs, name)) as f:
            svg_text = f.read()
        missing = [line for maps in shown for line in unnamed(maps, svg_text)]
        check(not missing, "%s does not name %s" % (name, missing))
    first = min(m.start for m in runs[2] if m.kind in ("anon", "file"))
    check(first == mapsvg.TASK_UNMAPPED_BASE,
          "the legacy run's lowest mmap is at %#x, not TASK_UNMAPPED_BASE" % first)
    with open(os.path.join(docs, "maps-layouts.svg")) as f:
        subtitles = [s for s in texts(f.read()) if s.startswith("mmap_base 0x")]
    check([s.split(",")[0] for s in subtitles] == ["mmap_base 0xb8000000", "mmap_base 0x40000000"],
          "mmap_base as GDB read it: %s, want 0xb8000000 (top-down, norandmaps) and "
          "0x40000000 (legacy)" % subtitles)
    check_walk(os.path.join(docs, "page-walk.svg"))


def check_walk(path):
    with open(path) as f:
        rows = " ".join(texts(f.read()))
    pte = re.search(r"table entry (0x[0-9a-f]{8})", rows)
    phys = re.search(r"= physical (0x[0-9a-f]{8})", rows)
    virt = re.search(r"virtual address (0x[0-9a-f]{8})", rows)
    check(pte and phys and virt, "page-walk.svg lacks the entry, or an address")
    pte, phys, virt = (int(m.group(1), 16) for m in (pte, phys, virt))
    check(pte & 0x67 == 0x67, "the table entry %#x is not present, writable, user, accessed "
          "and dirty (0x67)" % pte)
    check(phys == (pte & ~0xFFF) | (virt & 0xFFF), "physical %#x is not frame | offset" % phys)
