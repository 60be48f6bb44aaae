"""GDB helpers for yomi (Linux: scripts/gdb, whose lx-ps and lx-dmesg these
follow). tools/gdbinit sources this file, so `make debug` has them:

    yomi-ps              every task: pid, state, parent, command
    yomi-dmesg           the kernel's log buffer (log_buf), oldest first
    yomi-maps PID        the task's VMAs, as /proc/PID/maps lists them,
                         and the gate page (the compat vDSO) if it has one
    yomi-pte ADDR [PID]  walk the page tables for ADDR: the PDE, the PTE and
                         their flags (the current task's, or PID's)
    yomi-syscall NR      sys_call_table[NR]: the function in that slot

and pretty-printers for struct task_struct, vm_area_struct and pt_regs.
"""
import gdb

PAGE_OFFSET = 0xC0000000
THREAD_SIZE = 8192
VM_BITS = [(0x1, "r"), (0x2, "w"), (0x4, "x")]
PTE_FLAGS = [(0x001, "P"), (0x002, "RW"), (0x004, "U"), (0x008, "PWT"), (0x010, "PCD"),
             (0x020, "A"), (0x040, "D"), (0x080, "PSE"), (0x100, "G")]


def tasks():
    """Every task on init_task.tasks, init_task (the idle task) first."""
    head = gdb.parse_and_eval("init_task")
    ttype = gdb.lookup_type("struct task_struct").pointer()
    offset = int(gdb.parse_and_eval("(unsigned long)&((struct task_struct *)0)->tasks"))
    yield head.address
    node = head["tasks"]["next"]
    while int(node) != int(head["tasks"].address):
        yield gdb.Value(int(node) - offset).cast(ttype)
        node = node["next"]


def find_task(pid):
    for t in tasks():
        if int(t["pid"]) == pid:
            return t
    raise gdb.GdbError("no task with pid %d" % pid)


def current_task():
    sp = int(gdb.parse_and_eval("(unsigned long)$sp"))
    if sp < PAGE_OFFSET:
        raise gdb.GdbError("the CPU is in user mode: give a PID")
    ti = gdb.Value(sp & ~(THREAD_SIZE - 1)).cast(gdb.lookup_type("struct thread_info").pointer())
    return ti["task"]


def vma_name(vma):
    """The maps name: vm_name, the file, [heap] or [stack] (as show_map)."""
    if int(vma["vm_name"]):
        return vma["vm_name"].string()
    if int(vma["vm_file"]):
        return vma["vm_file"]["f_dentry"]["d_name"].string()
    mm = vma["vm_mm"]
    start, end = int(vma["vm_start"]), int(vma["vm_end"])
    if int(mm) and start <= int(mm["brk"]) and end >= int(mm["start_brk"]):
        return "[heap]"
    if int(mm) and start <= int(mm["start_stack"]) <= end:
        return "[stack]"
    return ""


def vma_line(vma):
    flags = int(vma["vm_flags"])
    perms = "".join(c if flags & b else "-" for b, c in VM_BITS) + ("s" if flags & 0x8 else "p")
    return "%08x-%08x %s %08x %s" % (int(vma["vm_start"]), int(vma["vm_end"]), perms,
                                      int(vma["vm_pgoff"]) << 12, vma_name(vma))


class Ps(gdb.Command):
    """yomi-ps: every task (pid, state, parent's pid, command)."""

    def __init__(self):
        super().__init__("yomi-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        gdb.write("  PID  PPID STATE COMM\n")
        for t in tasks():
            parent = int(t["parent"]["pid"]) if int(t["parent"]) else 0
            gdb.write("%5d %5d %5d %s\n" % (int(t["pid"]), parent, int(t["state"]),
                                            t["comm"].string()))


class Dmesg(gdb.Command):
    """yomi-dmesg: the kernel log (log_buf, a ring of log_end bytes ever written)."""

    def __init__(self):
        super().__init__("yomi-dmesg", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        buf = gdb.parse_and_eval("log_buf")
        size = buf.type.sizeof
        end = int(gdb.parse_and_eval("log_end"))
        start = max(0, end - size)
        mem = bytes(gdb.selected_inferior().read_memory(buf.address, size))
        text = bytes(mem[i % size] for i in range(start, end))
        gdb.write(text.decode("utf-8", "replace"))


class Maps(gdb.Command):
    """yomi-maps PID: the task's VMAs (mm->mmap, in address order), then the
    gate page when its vDSO is the compat one (get_gate_vma)."""

    def __init__(self):
        super().__init__("yomi-maps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        t = find_task(int(arg)) if arg.strip() else current_task()
        mm = t["mm"]
        if not int(mm):
            raise gdb.GdbError("pid %d has no address space" % int(t["pid"]))
        vma = mm["mmap"]
        while int(vma):
            gdb.write(vma_line(vma) + "\n")
            vma = vma["vm_next"]
        if int(mm["context"]["vdso"]) == 0xFFFFE000:
            gdb.write(vma_line(gdb.parse_and_eval("gate_vma")) + "  (gate_vma)\n")


def read_u32(addr):
    return int.from_bytes(bytes(gdb.selected_inferior().read_memory(addr, 4)), "little")


def flags(entry):
    return " ".join(n for b, n in PTE_FLAGS if entry & b) or "-"


class Pte(gdb.Command):
    """yomi-pte ADDR [PID]: the page-table walk for a virtual address."""

    def __init__(self):
        super().__init__("yomi-pte", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        if not argv:
            raise gdb.GdbError("usage: yomi-pte ADDR [PID]")
        addr = int(gdb.parse_and_eval(argv[0])) & 0xFFFFFFFF
        t = find_task(int(argv[1])) if len(argv) > 1 else current_task()
        mm = t["mm"] if int(t["mm"]) else gdb.parse_and_eval("&init_mm")
        pgd = int(mm["pgd"])
        pde_addr = pgd + 4 * (addr >> 22)
        pde = read_u32(pde_addr)
        gdb.write("pgd %#010x  pde[%d] at %#010x = %#010x  %s\n"
                  % (pgd, addr >> 22, pde_addr, pde, flags(pde)))
        if not pde & 1:
            gdb.write("not present: the page fault handler would be called\n")
            return
        if pde & 0x80:
            gdb.write("a 4 MiB page: physical %#010x\n" % ((pde & 0xFFC00000) | (addr & 0x3FFFFF)))
            return
        pte_addr = (pde & 0xFFFFF000) + PAGE_OFFSET + 4 * ((addr >> 12) & 0x3FF)
        pte = read_u32(pte_addr)
        gdb.write("pte[%d] at %#010x = %#010x  %s\n"
                  % ((addr >> 12) & 0x3FF, pte_addr, pte, flags(pte)))
        if pte & 1:
            gdb.write("physical %#010x\n" % ((pte & 0xFFFFF000) | (addr & 0xFFF)))
        else:
            gdb.write("not present\n")


class Syscall(gdb.Command):
    """yomi-syscall NR: the function in sys_call_table[NR]."""

    def __init__(self):
        super().__init__("yomi-syscall", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        nr = int(gdb.parse_and_eval(arg))
        # the definition's size (a declaration elsewhere has none)
        size = int(gdb.parse_and_eval("sizeof('arch/x86/entry/syscall_32.c'::sys_call_table)")) // 4
        if not 0 <= nr < size:
            gdb.write("%d: outside the table (NR_syscalls = %d): -ENOSYS\n" % (nr, size))
            return
        gdb.write("sys_call_table[%d] = %s\n" % (nr, syscall_name(nr)))


def syscall_name(nr):
    """The function in sys_call_table[nr] (read from memory, not evaluated)."""
    try:
        table = int(gdb.parse_and_eval("(unsigned long)&sys_call_table"))
        fn = read_u32(table + 4 * nr)
        return gdb.execute("info symbol %#x" % fn, to_string=True).split()[0]
    except gdb.error:
        return "?"


class TaskPrinter:
    def __init__(self, val):
        self.val = val

    def to_string(self):
        v = self.val
        return "task_struct {pid=%d, comm=\"%s\", state=%d, mm=%#x, parent=%d}" % (
            int(v["pid"]), v["comm"].string(), int(v["state"]), int(v["mm"]),
            int(v["parent"]["pid"]) if int(v["parent"]) else 0)


class VmaPrinter:
    def __init__(self, val):
        self.val = val

    def to_string(self):
        return "vm_area_struct {%s}" % vma_line(self.val)


class PtRegsPrinter:
    FIELDS = ["bx", "cx", "dx", "si", "di", "bp", "ax", "ds", "es", "fs", "gs", "orig_ax",
              "ip", "cs", "flags", "sp", "ss"]

    def __init__(self, val):
        self.val = val

    def to_string(self):
        v = self.val
        parts = ["%s=%#x" % (f, int(v[f]) & 0xFFFFFFFF) for f in self.FIELDS]
        nr = int(v["orig_ax"])
        parts[11] = "orig_ax=%d (%s)" % (nr, syscall_name(nr) if 0 <= nr < 1024 else "irq")
        ring = int(v["cs"]) & 3
        return "pt_regs {%s} from ring %d" % (", ".join(parts), ring)


def lookup(val):
    t = val.type.strip_typedefs()
    if t.code != gdb.TYPE_CODE_STRUCT:
        return None
    return {"task_struct": TaskPrinter, "vm_area_struct": VmaPrinter,
            "pt_regs": PtRegsPrinter}.get(t.tag)


for command in (Ps, Dmesg, Maps, Pte, Syscall):
    command()


def printer(val):
    cls = lookup(val)
    return cls(val) if cls else None


gdb.pretty_printers.append(printer)
