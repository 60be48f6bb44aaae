#!/usr/bin/env python3
"""Pictures of a process's address space and of one page-table walk, as
SVG (Python's standard library only). No Linux counterpart: Linux prints
/proc/<pid>/maps and leaves the drawing to the reader.

    mapsvg.py maps [--title T] [--mmap-base ADDR] ... FILE... -o out.svg
    mapsvg.py walk --addr A --cr3 C --pde D --pte E [--what TEXT] -o out.svg

`maps` reads /proc/<pid>/maps text: typed at yomi's shell, a serial log
(lines that are not maps lines are skipped), or printed through GDB. Each
run of consecutive maps lines is one listing, drawn as one column (so one
serial log with two listings gives two columns side by side; --title and
--mmap-base, repeated, go to the columns in order). A column has the whole
0-4 GiB axis to scale, each mapping coloured by its kind, the kernel's
quarter shaded, and TASK_UNMAPPED_BASE, mmap_base, TASK_SIZE and the
compat vDSO page 0xffffe000 marked; beside it, a zoomed view of each
cluster of mappings, one labelled row per mapping.

`walk` draws how the i386 MMU (two levels, 4 KiB pages, no PAE) turns the
virtual address A into a physical one: CR3, the page directory entry D
and the page table entry E (as read from the machine, e.g. through GDB),
and the flags of both entries.
"""
import argparse
import re
import sys
from xml.sax.saxutils import escape

GIB4 = 1 << 32
TASK_UNMAPPED_BASE = 0x40000000
TASK_SIZE = 0xC0000000
VDSO_HIGH_BASE = 0xFFFFE000
MAPS_LINE = re.compile(r"^([0-9a-f]{8})-([0-9a-f]{8}) ([r-][w-][x-][ps]) ([0-9a-f]+) "
                       r"([0-9a-f]{2}:[0-9a-f]{2}) (\d+) ?\s*(.*)$")

# kind: (colour, legend label)
KINDS = {
    "text": ("#f28e2b", "program text"),
    "rodata": ("#ffbe7d", "program headers, read-only data"),
    "data": ("#e15759", "program data"),
    "bss": ("#ff9d9a", "bss, [heap]"),
    "anon": ("#4e79a7", "mmap, anonymous"),
    "file": ("#a0cbe8", "mmap, file"),
    "stack": ("#59a14f", "[stack]"),
    "vdso": ("#b07aa1", "[vdso], [vvar]"),
}
FONT = 'font-family="DejaVu Sans, sans-serif"'
MONO = 'font-family="DejaVu Sans Mono, monospace"'


# --- reading maps -------------------------------------------------------------
class Mapping:
    def __init__(self, m):
        self.start, self.end = int(m.group(1), 16), int(m.group(2), 16)
        self.perms, self.name = m.group(3), m.group(7).strip()
        self.kind = "anon"

    def range_text(self):
        return "%08x-%08x" % (self.start, self.end)


def listings(text):
    """Each run of consecutive maps lines in the text: a list of lists."""
    runs, run = [], []
    for line in text.replace("\r", "").split("\n"):
        m = MAPS_LINE.match(line.rstrip())
        if m:
            run.append(Mapping(m))
        elif run:
            runs.append(run)
            run = []
    return runs + ([run] if run else [])


def classify(maps):
    """Set each mapping's kind. The program is the file of the lowest
    mapping; its image is the run of its mappings that starts there, and
    an anonymous area right after the image is its bss."""
    program = maps[0].name if maps and maps[0].name.startswith("/") else None
    in_image = True
    for i, m in enumerate(maps):
        in_image = in_image and m.name == program and (i == 0 or maps[i - 1].end == m.start)
        if m.name in ("[vdso]", "[vvar]"):
            m.kind = "vdso"
        elif m.name in ("[stack]", "[heap]"):
            m.kind = "stack" if m.name == "[stack]" else "bss"
        elif in_image:
            m.kind = "text" if "x" in m.perms else "data" if "w" in m.perms else "rodata"
        elif m.name:
            m.kind = "file"
        elif i and maps[i - 1].kind == "data" and maps[i - 1].end == m.start:
            m.kind = "bss"
    return maps


def size_text(n):
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return ("%d %s" if n % scale == 0 else "%.1f %s") % (n / scale, unit)
    return "%d B" % n


# --- the address-space picture --------------------------------------------------
BAR_TOP, BAR_H, BAR_X, BAR_W = 80, 760, 210, 36
PANEL_X, PANEL_W, ROW_H, GAP_H = 290, 420, 20, 14
COLUMN_W = PANEL_X + PANEL_W + 30
CLUSTER_GAP = 32 << 20          # mappings closer than this share a zoomed panel


def axis_y(addr):
    return BAR_TOP + BAR_H * (1 - addr / GIB4)


def clusters(maps):
    """Groups of mappings less than CLUSTER_GAP apart, highest first."""
    groups = []
    for m in maps:
        if groups and m.start - groups[-1][-1].end < CLUSTER_GAP:
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups[::-1]


def rows(group):
    """The zoomed panel's rows, top (highest address) first: mappings, and
    the free gaps between them."""
    out = []
    for m in reversed(group):
        if out and out[-1][1].start > m.end:
            out.append(("gap", out[-1][1].start - m.end))
        out.append(("map", m))
    return out


def row_height(row):
    return ROW_H if row[0] == "map" else GAP_H


def place_panels(groups):
    """Each panel's top: centred on its cluster's place on the axis, then
    pushed down so that panels do not overlap."""
    tops, y = [], BAR_TOP
    for g in groups:
        h = sum(map(row_height, rows(g)))
        want = (axis_y(g[-1].end) + axis_y(g[0].start)) / 2 - h / 2
        top = max(want, y)
        tops.append(top)
        y = top + h + 18
    return tops


def draw_bar(out, x0, maps):
    out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="#f4f4f4" stroke="#888"/>'
               % (x0 + BAR_X, BAR_TOP, BAR_W, BAR_H))
    ky = axis_y(GIB4)
    out.append('<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="#d0d0d0"/>'
               % (x0 + BAR_X, ky, BAR_W, axis_y(TASK_SIZE) - ky))
    out.append('<text x="%d" y="%.1f" %s font-size="11" fill="#555" text-anchor="middle">'
               'kernel</text>' % (x0 + BAR_X + BAR_W / 2, axis_y(0xE0000000), FONT))
    for m in maps:
        top, bottom = axis_y(m.end), axis_y(m.start)
        out.append('<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="%s"/>'
                   % (x0 + BAR_X, min(top, bottom - 2), BAR_W, max(bottom - top, 2),
                      KINDS[m.kind][0]))
    for addr, label, dy in ((0, "0", 0), (GIB4, "4 GiB", 14)):
        out.append('<text x="%d" y="%.1f" %s font-size="10" fill="#555">%s</text>'
                   % (x0 + BAR_X + BAR_W + 3, axis_y(addr) + dy, FONT, label))


def draw_markers(out, x0, mmap_base):
    """Dashed lines across the bar, labelled on the left (labels moved
    apart where they would overlap; one label for markers at one address)."""
    marks = {}
    for addr, name in ((VDSO_HIGH_BASE, "VDSO_HIGH_BASE"), (TASK_SIZE, "TASK_SIZE"),
                       (mmap_base, "mmap_base"), (TASK_UNMAPPED_BASE, "TASK_UNMAPPED_BASE")):
        if addr is not None:
            marks.setdefault(addr, []).append(name)
    last = -100.0
    for addr in sorted(marks, reverse=True):
        y = axis_y(addr)
        ly = max(y, last + 26)
        last = ly
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#333" '
                   'stroke-dasharray="4,3"/>' % (x0 + BAR_X - 6, y, x0 + BAR_X + BAR_W + 6, y))
        out.append('<polyline points="%d,%.1f %d,%.1f %d,%.1f" fill="none" stroke="#999"/>'
                   % (x0 + BAR_X - 46, ly, x0 + BAR_X - 20, ly, x0 + BAR_X - 6, y))
        out.append('<text x="%d" y="%.1f" %s font-size="11" text-anchor="end">%s</text>'
                   % (x0 + BAR_X - 48, ly - 2, FONT, escape(" = ".join(marks[addr]))))
        out.append('<text x="%d" y="%.1f" %s font-size="10" fill="#555" text-anchor="end">'
                   '0x%08x</text>' % (x0 + BAR_X - 48, ly + 10, MONO, addr))


def kind_label(m):
    if m.name and m.kind not in ("text", "rodata", "data"):
        return m.name
    label = {"text": "text", "rodata": "read-only", "data": "data", "bss": "bss",
             "anon": "anonymous"}[m.kind]
    return "%s %s" % (m.name, label) if m.name else label


def draw_panel(out, x0, group, top):
    """The zoomed rows of one cluster, and the band joining it to the axis."""
    y = top
    for row in rows(group):
        h = row_height(row)
        if row[0] == "gap":
            out.append('<text x="%d" y="%.1f" %s font-size="10" fill="#777">'
                       '... %s free ...</text>' % (x0 + PANEL_X + 8, y + 10, FONT, size_text(row[1])))
        else:
            draw_row(out, x0, row[1], y)
        y += h
    a_top, a_bottom = axis_y(group[-1].end), axis_y(group[0].start)
    out.insert(0, '<polygon points="%d,%.1f %d,%.1f %d,%.1f %d,%.1f" fill="#e8e8f4" '
               'stroke="#c8c8dc"/>' % (x0 + BAR_X + BAR_W, a_top - 1, x0 + PANEL_X, top,
                                       x0 + PANEL_X, y, x0 + BAR_X + BAR_W, a_bottom + 1))


def draw_row(out, x0, m, y):
    out.append('<rect x="%d" y="%.1f" width="%d" height="%d" fill="%s" stroke="#fff"/>'
               % (x0 + PANEL_X, y, PANEL_W, ROW_H, KINDS[m.kind][0]))
    out.append('<text x="%d" y="%.1f" %s font-size="11">%s %s</text>'
               % (x0 + PANEL_X + 5, y + 14, MONO, m.range_text(), m.perms))
    out.append('<text x="%d" y="%.1f" %s font-size="11">%s, %s</text>'
               % (x0 + PANEL_X + 190, y + 14, FONT, escape(kind_label(m)), size_text(m.end - m.start)))


def draw_column(out, x0, maps, title, mmap_base):
    """One address space; returns the y where it ends."""
    out.append('<text x="%d" y="30" %s font-size="16" font-weight="bold">%s</text>'
               % (x0 + 10, FONT, escape(title)))
    if mmap_base is not None:
        out.append('<text x="%d" y="50" %s font-size="12" fill="#444">mmap_base 0x%08x, '
                   '%d mappings</text>' % (x0 + 10, FONT, mmap_base, len(maps)))
    body = []
    groups = clusters(maps)
    bottom = BAR_TOP + BAR_H
    for g, top in zip(groups, place_panels(groups)):
        draw_panel(body, x0, g, top)
        bottom = max(bottom, top + sum(map(row_height, rows(g))))
    draw_bar(body, x0, maps)
    draw_markers(body, x0, mmap_base)
    out.extend(body)
    return bottom


def draw_legend(out, y, width):
    x = 10
    for colour, label in KINDS.values():
        out.append('<rect x="%d" y="%d" width="14" height="14" fill="%s"/>' % (x, y, colour))
        out.append('<text x="%d" y="%d" %s font-size="11">%s</text>'
                   % (x + 18, y + 11, FONT, escape(label)))
        x += 30 + 7 * len(label)
        if x > width - 150:
            x, y = 10, y + 20
    return y + 20


def address_spaces(columns):
    """The SVG of columns [(maps, title, mmap_base)], side by side."""
    out = []
    bottom = max(draw_column(out, i * COLUMN_W, maps, title, base)
                 for i, (maps, title, base) in enumerate(columns))
    width = COLUMN_W * len(columns)
    height = draw_legend(out, int(bottom) + 20, width) + 6
    return svg(width, height, out)


def svg(width, height, body):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
            'viewBox="0 0 %d %d">\n<rect width="100%%" height="100%%" fill="#fff"/>\n%s\n</svg>\n'
            % (width, height, width, height, "\n".join(body)))


# --- the page-table walk ----------------------------------------------------------
# bit: (name, meaning when set); PS in a directory entry is PAT in a table entry
ENTRY_FLAGS = [(0, "P", "present"), (1, "R/W", "writable"), (2, "U/S", "user"),
               (3, "PWT", "write-through"), (4, "PCD", "cache disabled"), (5, "A", "accessed"),
               (6, "D", "dirty"), (7, "PS", "4 MiB page"), (8, "G", "global")]


def flag_cells(out, x, y, value, table):
    """The low 9 bits of an entry as labelled cells, set ones coloured."""
    for bit, name, _ in ENTRY_FLAGS:
        name = "PAT" if table and bit == 7 else name
        on = value >> bit & 1
        cx = x + (8 - bit) * 44
        out.append('<rect x="%d" y="%d" width="42" height="34" fill="%s" stroke="#666"/>'
                   % (cx, y, "#59a14f" if on else "#eee"))
        out.append('<text x="%d" y="%d" %s font-size="11" text-anchor="middle">%s</text>'
                   % (cx + 21, y + 14, FONT, name))
        out.append('<text x="%d" y="%d" %s font-size="12" text-anchor="middle">%d</text>'
                   % (cx + 21, y + 29, MONO, on))


def box(out, x, y, w, h, title, lines, fill="#f4f4f4"):
    out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#555" rx="4"/>'
               % (x, y, w, h, fill))
    out.append('<text x="%d" y="%d" %s font-size="13" font-weight="bold">%s</text>'
               % (x + 8, y + 18, FONT, escape(title)))
    for i, line in enumerate(lines):
        out.append('<text x="%d" y="%d" %s font-size="12">%s</text>'
                   % (x + 8, y + 38 + 16 * i, MONO, escape(line)))


def arrow(out, x1, y1, x2, y2):
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333" stroke-width="1.5" '
               'marker-end="url(#arrow)"/>' % (x1, y1, x2, y2))


def draw_address_split(out, addr):
    """The virtual address as its three fields: directory index, table
    index, offset."""
    fields = [("directory index", addr >> 22, 31, 22, "#4e79a7"),
              ("table index", addr >> 12 & 0x3FF, 21, 12, "#f28e2b"),
              ("offset", addr & 0xFFF, 11, 0, "#59a14f")]
    out.append('<text x="20" y="34" %s font-size="16" font-weight="bold">virtual address '
               '0x%08x</text>' % (FONT, addr))
    x = 20
    for name, value, hi, lo, colour in fields:
        w = (hi - lo + 1) * 26
        out.append('<rect x="%d" y="48" width="%d" height="40" fill="%s" fill-opacity="0.35" '
                   'stroke="%s"/>' % (x, w, colour, colour))
        out.append('<text x="%d" y="66" %s font-size="12" text-anchor="middle">%s</text>'
                   % (x + w / 2, MONO, format(value, "0%db" % (hi - lo + 1))))
        out.append('<text x="%d" y="82" %s font-size="11" text-anchor="middle">bits %d-%d: '
                   '%s %d (0x%x)</text>' % (x + w / 2, FONT, hi, lo, name, value, value))
        x += w + 4


def page_walk(addr, cr3, pde, pte, what=""):
    """The SVG of one address's walk through the two levels."""
    out = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
           'markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker>'
           '</defs>']
    draw_address_split(out, addr)
    pdi, pti = addr >> 22, addr >> 12 & 0x3FF
    table, frame = pde & ~0xFFF, pte & ~0xFFF
    box(out, 20, 120, 200, 110, "CR3", ["0x%08x" % cr3, "the page directory's", "physical address"],
        "#e8e8f4")
    box(out, 260, 120, 300, 110, "page directory", [
        "at 0x%08x (physical)" % (cr3 & ~0xFFF), "entry %d at 0x%08x:" % (pdi, (cr3 & ~0xFFF) + 4 * pdi),
        "0x%08x" % pde, "-> page table 0x%08x" % table])
    box(out, 600, 120, 300, 110, "page table", [
        "at 0x%08x (physical)" % table, "entry %d at 0x%08x:" % (pti, table + 4 * pti),
        "0x%08x" % pte, "-> page frame 0x%08x" % frame])
    box(out, 940, 120, 260, 110, "page frame", [
        "0x%08x" % frame, "+ offset 0x%03x" % (addr & 0xFFF),
        "= physical 0x%08x" % (frame | addr & 0xFFF)], "#e6f2e4")
    for x1, x2 in ((220, 258), (560, 598), (900, 938)):
        arrow(out, x1, 175, x2, 175)
    for x1, x2 in ((150, 410), (414, 750), (704, 1070)):     # each field indexes one level
        arrow(out, x1, 90, x2, 118)
    for y, name, value, is_table in ((256, "directory entry", pde, False),
                                     (304, "table entry", pte, True)):
        out.append('<text x="20" y="%d" %s font-size="12">%s 0x%08x, bits 8-0:</text>'
                   % (y + 22, FONT, name, value))
        flag_cells(out, 250, y, value, is_table)
    legend = ", ".join("%s %s" % (n, m) for _, n, m in ENTRY_FLAGS)
    out.append('<text x="20" y="364" %s font-size="11" fill="#444">%s (PAT in a table entry). '
               'Bits 31-12: the physical address of the next level, or of the page.</text>'
               % (FONT, escape(legend)))
    if what:
        out.append('<text x="20" y="384" %s font-size="12">%s</text>' % (FONT, escape(what)))
    return svg(1220, 396, out)


# --- command line ---------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("maps", help="address spaces from /proc/<pid>/maps text")
    m.add_argument("files", nargs="+")
    m.add_argument("--title", action="append", default=[])
    m.add_argument("--mmap-base", action="append", default=[], type=lambda s: int(s, 16))
    w = sub.add_parser("walk", help="one address's page-table walk")
    for name in ("addr", "cr3", "pde", "pte"):
        w.add_argument("--" + name, required=True, type=lambda s: int(s, 16))
    w.add_argument("--what", default="")
    for p in (m, w):
        p.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    if args.cmd == "walk":
        text = page_walk(args.addr, args.cr3, args.pde, args.pte, args.what)
    else:
        found = [classify(maps) for f in args.files for maps in listings(open(f).read())]
        if not found:
            sys.exit("mapsvg: no /proc/<pid>/maps lines in %s" % " ".join(args.files))
        columns = [(maps, (args.title[i:i + 1] or ["listing %d" % (i + 1)])[0],
                    (args.mmap_base[i:i + 1] or [None])[0]) for i, maps in enumerate(found)]
        text = address_spaces(columns)
    with open(args.output, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
