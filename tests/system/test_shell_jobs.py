"""Job control in yomi's shell (user/sh/jobs.c), typed on the real
terminal: command lines on the serial line, Ctrl-C and Ctrl-Z as key
presses on the PS/2 keyboard (QMP), which the tty line discipline
(drivers/tty/n_tty.c) turns into SIGINT and SIGTSTP for the foreground
process group.

    shell_ctrl_c_kills_sleep      Ctrl-C ends a foreground sleep, not the shell
    shell_ctrl_z_fg               Ctrl-Z stops it, jobs lists it, fg runs it to its end
    shell_bg_jobs                 bg continues a stopped job in the background
    shell_ctrl_c_handler          a program's SIGINT handler runs instead

A key is pressed only once the program it is for has the terminal: each
program is started as `sh -c 'echo ready; exec PROGRAM'` (the forked child
takes the terminal before it execs, so "ready" comes after) or prints its
own line. Under -icount a sleeping guest's clock runs about 60 times
faster than the wall clock, so the sleeps are long in guest seconds (a few
wall seconds) and so are the time limits of the waits that span them."""
from harness import check, test
from system.userland import initramfs_path

PROMPT = r"^# "


def shell(t):
    vm = t.boot(initrd=initramfs_path())
    vm.wait_for(PROMPT, partial=True)
    return vm


def run(vm, line, timeout=30):
    """Type a line and wait for the next prompt."""
    vm.send(line + "\r")
    vm.wait_for(PROMPT, partial=True, timeout=timeout)


def press(t, program, key, shown):
    """Boot, start program in the foreground, press key once it has the
    terminal, wait for the line shown and the prompt; return the machine."""
    vm = shell(t)
    vm.send("sh -c 'echo ready; %s'\r" % program)
    vm.wait_for(r"^ready$")
    vm.sendkey(key)
    vm.wait_for(shown)
    vm.wait_for(PROMPT, partial=True)
    return vm


def status(vm, want):
    vm.send("echo status $?\r")
    m = vm.wait_for(r"^status (\d+)$")
    check(m.group(1) == str(want), "$? is %s, not %s" % (m.group(1), want))
    vm.wait_for(PROMPT, partial=True)


@test(cost=1)
def test_shell_ctrl_c_kills_sleep(t):
    vm = press(t, "exec sleep 1000", "ctrl-c", r"^\^C$")
    status(vm, 130)                     # 128 + SIGINT
    run(vm, "echo the shell lives")
    check("the shell lives" in vm.output, "the shell did not run the next command")


@test(cost=4)
def test_shell_ctrl_z_fg(t):
    vm = press(t, "exec sleep 200", "ctrl-z",
               r"^\[1\]\+  Stopped                 sh -c 'echo ready; exec sleep 200'$")
    status(vm, 148)                     # 128 + SIGTSTP
    vm.send("jobs\r")
    vm.wait_for(r"^\[1\]\+  Stopped                 sh -c 'echo ready; exec sleep 200'$")
    vm.wait_for(PROMPT, partial=True)
    vm.send("fg\r")
    vm.wait_for(r"^sh -c 'echo ready; exec sleep 200'$")
    vm.wait_for(PROMPT, partial=True, timeout=300)     # the rest of the sleep
    status(vm, 0)
    vm.send("jobs; echo no more jobs\r")
    m = vm.wait_for(r"^(.+)$")
    check(m.group(1) == "no more jobs", "jobs still lists %r" % m.group(1))


@test(cost=4)
def test_shell_bg_jobs(t):
    vm = press(t, "sleep 200; echo finished", "ctrl-z", r"^\[1\]\+  Stopped ")
    vm.send("bg; jobs\r")
    vm.wait_for(r"^\[1\]\+ sh -c 'echo ready; sleep 200; echo finished' &$")
    vm.wait_for(r"^\[1\]\+  Running                 sh -c 'echo ready; sleep 200; echo finished'$")
    vm.wait_for(PROMPT, partial=True)
    vm.wait_for(r"finished$", timeout=300)     # it ran on in the background (after a prompt)
    vm.send("\r")
    vm.wait_for(r"^\[1\]\+  Done                    sh -c 'echo ready; sleep 200; echo finished'$")
    vm.wait_for(PROMPT, partial=True)


@test(cost=1)
def test_shell_ctrl_c_handler(t):
    vm = shell(t)
    vm.send("sigdemo\r")
    vm.wait_for(r"^sigdemo: waiting for Ctrl-C")
    vm.sendkey("ctrl-c")
    vm.wait_for(r"^sigdemo: the SIGINT handler ran$")
    vm.wait_for(r"^sigdemo: back in main after the handler; exiting 0$")
    vm.wait_for(PROMPT, partial=True)
    status(vm, 0)
