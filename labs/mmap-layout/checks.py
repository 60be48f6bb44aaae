"""The mmap-layout lab's check functions (lab.ini's check = NAME): each gets
a machine's serial log, its user output and init's exit status, and
returns the problems ([] when the test passed)."""
import os
import re

TRACE = re.compile(r"^\[\s*\d+\.\d{6}\] \[\d+\] ([\w-]+)\((.*)\) = (.*)$", re.M)
# the student's predictions, laid over the grading tree with the other
# student files
ANSWERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "answers")
LAYOUTS = ("topdown", "legacy")


def read_predictions(path):
    """{layout: [address, ...]} from the answers file's "layout hex..." lines."""
    found = {}
    with open(path) as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if words and words[0] in LAYOUTS:
                found[words[0]] = [int(w, 16) for w in words[1:]
                                   if re.fullmatch(r"(0x)?[0-9a-fA-F]+", w)]
    return found


def predictions(serial, output, status):
    """/bin/mmapdemo -u traced: the mmap2 results of its run in the default
    layout and of its run in the legacy one (after the execve) are the
    student's predictions, and they go down, then up."""
    calls = TRACE.findall(serial)
    execs = [i for i, c in enumerate(calls) if c[0] == "execve"]
    if status != 0 or not execs:
        return ["mmapdemo -u did not run twice (status %s): %s" % (status, output.strip()[-300:])]
    runs = {layout: [int(c[2], 16) for c in part if c[0] == "mmap_pgoff"
                     and re.fullmatch(r"0x[0-9a-f]+", c[2])]
            for layout, part in zip(LAYOUTS, (calls[:execs[0]], calls[execs[0]:]))}
    problems = []
    top, legacy = runs["topdown"], runs["legacy"]
    if len(top) < 3 or not top[0] > top[1] > top[2]:
        problems.append("the first run's mmaps do not go down: not the top-down layout")
    if len(legacy) < 3 or not legacy[0] < legacy[1] < legacy[2]:
        problems.append("with RLIMIT_STACK unlimited the mmaps do not go up: not the legacy "
                        "layout")
    try:
        guess = read_predictions(ANSWERS)
    except (OSError, ValueError) as e:
        return problems + ["labs/mmap-layout/answers: %s" % e]
    for layout in LAYOUTS:
        mine = guess.get(layout, [])
        if len(mine) != len(runs[layout]):
            problems.append("labs/mmap-layout/answers: %d %s addresses, the tracer shows %d "
                            "mmap2 calls" % (len(mine), layout, len(runs[layout])))
            continue
        wrong = [str(i + 1) for i, (a, b) in enumerate(zip(mine, runs[layout])) if a != b]
        if wrong:
            problems.append("labs/mmap-layout/answers: %s prediction(s) %s differ from the "
                            "tracer's results" % (layout, ", ".join(wrong)))
    return problems
