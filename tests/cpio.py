"""cpio archives in the newc format, Linux's initramfs format: reading the
names in one (the tests find the programs of $O/initramfs.cpio so), and
making one to append to another - the kernel unpacks archives that follow
one another in turn, so a test adds files to yomi's initramfs without
rebuilding it (as the Linux oracle and the fuzzer's reproducers do).
"""


def names(path):
    """The names in a cpio archive ("bin/hello", ...), regular files only,
    from the first archive; [] when the file cannot be read."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return []
    found, pos = [], 0
    while pos + 110 <= len(data) and data[pos:pos + 6] in (b"070701", b"070702"):
        fields = [int(data[pos + 6 + 8 * i: pos + 14 + 8 * i], 16) for i in range(13)]
        mode, filesize, namesize = fields[1], fields[6], fields[11]
        name = data[pos + 110: pos + 110 + namesize - 1].decode("utf-8", "replace")
        pos += 110 + namesize
        pos += -pos % 4
        if name == "TRAILER!!!":
            break
        if mode & 0o170000 == 0o100000:
            found.append(name.lstrip("./").lstrip("/"))
        pos += filesize
        pos += -pos % 4
    return found


def entry(name, mode, data=b"", rdev=(0, 0), ino=1, mtime=0):
    """One record: a file (mode 0o100755), a device node (0o020600 and
    rdev), ...; the archive ends with entry("TRAILER!!!", 0)."""
    name_b = name.encode() + b"\0"
    fields = [ino, mode, 0, 0, 1, mtime, len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0]
    out = b"070701" + b"".join(b"%08X" % f for f in fields) + name_b
    out += b"\0" * (-len(out) % 4) + data
    return out + b"\0" * (-len(out) % 4)


def append(base, records, out):
    """Write base (an archive's path) followed by an archive of records."""
    with open(base, "rb") as f:
        data = f.read()
    with open(out, "wb") as f:
        f.write(data + b"\0" * (-len(data) % 512) + b"".join(records) + entry("TRAILER!!!", 0, ino=0))
