"""The grading tree: the pristine sources with only the student's files laid
over them, kept in a folder and built there (tools/labs/lab.py).

The pristine sources are a commit (the one lab-start made) or, with no
commit, a folder's files (the tree itself for lab-check, the autograder's
copy on Gradescope). A file is rewritten only when its content changes,
so a second grade rebuilds only what the student changed.
"""
import io
import os
import subprocess
import tarfile

SKIP_DIRS = {".git", "__pycache__", ".vscode"}


def git(root, *args, check=True):
    r = subprocess.run(["git", "-C", root] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if check and r.returncode:
        raise RuntimeError("git %s: %s" % (" ".join(args), r.stderr.strip()))
    return r.stdout.strip() if r.returncode == 0 else ""


def commit_files(root, commit):
    """{path: bytes} of a commit."""
    data = subprocess.run(["git", "-C", root, "archive", commit], stdout=subprocess.PIPE,
                          check=True).stdout
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for m in tar.getmembers():
            if m.isfile():
                files[m.name] = (tar.extractfile(m).read(), m.mode & 0o111)
    return files


def folder_files(root):
    """{path: bytes} of a source folder: git's files when it is a work tree,
    else everything but build folders."""
    if os.path.exists(os.path.join(root, ".git")):
        names = git(root, "ls-files", "-co", "--exclude-standard", "-z").split("\0")
    else:
        names = []
        for d, dirs, fs in os.walk(root):
            rel = os.path.relpath(d, root)
            dirs[:] = [x for x in dirs if x not in SKIP_DIRS and
                       not (rel == "." and x.startswith("build"))]
            names += [os.path.normpath(os.path.join(rel, f)) for f in fs
                      if not f.endswith((".o", ".d", ".pyc"))]
    files = {}
    for n in names:
        path = os.path.join(root, n)
        if n and os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as f:
                files[n] = (f.read(), os.stat(path).st_mode & 0o111)
    return files


def overlay(files, student_root, student_files):
    """files with the student's files taken from student_root (absent there:
    absent in the result)."""
    out = dict(files)
    for rel in student_files:
        path = os.path.join(student_root, rel)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                out[rel] = (f.read(), out.get(rel, (b"", 0))[1])
        else:
            out.pop(rel, None)
    return out


def sync(tree, files):
    """Make folder tree hold exactly files, touching only what differs."""
    os.makedirs(tree, exist_ok=True)
    manifest = os.path.join(tree, ".lab-files")
    old = set(open(manifest).read().split("\n")) - {""} if os.path.exists(manifest) else set()
    for rel in old - set(files):
        try:
            os.unlink(os.path.join(tree, rel))
        except OSError:
            pass
    for rel, (data, mode) in files.items():
        path = os.path.join(tree, rel)
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    continue
        except OSError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        os.chmod(path, 0o755 if mode else 0o644)
    with open(manifest, "w") as f:
        f.write("\n".join(sorted(files)) + "\n")


def build(tree, bdir, log):
    """make the kernel and the initramfs of tree into bdir; True if it built.
    The compiler's messages go to the file log."""
    cmd = ["make", "-C", tree, "-j%d" % min(os.cpu_count() or 2, 4), "O=" + bdir, "kernel",
           os.path.join(bdir, "initramfs.cpio")]
    if os.environ.get("CC"):
        cmd.append("CC=" + os.environ["CC"])
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "O")}
    with open(log, "w") as f:
        r = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, env=env)
    return r.returncode == 0
