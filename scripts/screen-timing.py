"""Times a screen's first frame through a real terminal: tmux in control mode, which
reports each piece of output the program writes as it arrives. A run starts when tmux
is asked to start the program and its first frame is there when the footer's last
words have been written; the frame after (the dashboard's lists' counts) is the last
output before the program sits waiting for a key.

    python3 scripts/screen-timing.py RUNS WORDS -- COMMAND...   (prints JSON)

Used by scripts/lead-floor; needs tmux."""
import json, os, re, select, shlex, statistics, subprocess, sys, time

def decode(text):
    """tmux's %output value: bytes below 32 and the backslash are written in octal."""
    return re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), text)

class Tmux:
    def __init__(self):
        self.socket = f"rollcall-timing-{os.getpid()}"
        self.process = subprocess.Popen(["tmux", "-L", self.socket, "-f", "/dev/null", "-C", "new-session", "-x", "80", "-y", "24",
                                         "-s", "main", "sleep 100000"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        self.pending = b""
        self.send("refresh-client -C 80x24")
        self.drain(0.3)

    def send(self, command):
        self.process.stdin.write((command + "\n").encode())

    def outputs(self, seconds):
        """(time, bytes) of each piece of the pane's output until `seconds` pass."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            if not select.select([self.process.stdout], [], [], left)[0]:
                return
            self.pending += os.read(self.process.stdout.fileno(), 1 << 16)
            while b"\n" in self.pending:
                line, self.pending = self.pending.split(b"\n", 1)
                if line.startswith(b"%output "):
                    yield time.perf_counter(), decode(line.split(b" ", 2)[2])

    def drain(self, quiet):
        for _ in self.outputs(quiet):
            pass

    def time(self, command, words, quiet=0.6):
        """Milliseconds to the first frame and to the last output before quiet."""
        self.send("respawn-pane -k -t main 'sleep 100000'")
        self.drain(0.3)
        self.send("respawn-pane -k -t main " + shlex.quote(command))
        start, seen, first, last = time.perf_counter(), b"", None, None
        for at, data in self.outputs(10):
            seen += data
            last = at
            if first is None and words in seen:
                first = at
            if first is not None:
                break
        if first is None:
            sys.exit(f"the first frame never showed {words!r}: {seen[-400:]!r}")
        for at, _ in self.outputs(quiet):
            last = at
        return (first - start) * 1000, (last - start) * 1000

    def close(self):
        self.send("kill-server")
        self.process.wait()

if __name__ == "__main__":
    runs, words = int(sys.argv[1]), sys.argv[2].encode()
    command = " ".join(shlex.quote(part) for part in sys.argv[sys.argv.index("--") + 1:])
    tmux = Tmux()
    try:
        times = [tmux.time(command, words) for _ in range(runs)]
    finally:
        tmux.close()
    print(json.dumps({"first": statistics.median(t[0] for t in times), "settled": statistics.median(t[1] for t in times)}))
