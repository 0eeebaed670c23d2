#!/usr/bin/env bash
# startup-bench.sh: compare PlanDesk's startup against a bare Fyne window.
#
# Usage:
#   scripts/startup-bench.sh [options] APP_BIN BARE_BIN [APP_ARGS...]
#
# Starts APP_BIN and BARE_BIN alternately under X (its own Xvfb unless
# DISPLAY is set), RUNS times each after WARMUP untimed starts, and for every
# start measures
#   first frame  time from launching the process until its window is mapped
#                AND the screen region of the window is no longer one uniform
#                colour (i.e. Fyne has painted real content);
#   peak RSS     GNU time's %M (max resident set, kB) for the process, which
#                is left running SETTLE seconds after its first frame and then
#                stopped with SIGTERM. /proc/PID/status VmHWM, read just before
#                the SIGTERM, is shown too and used if %M is missing.
# It prints every start, the medians and the app/bare ratios. It is a
# measurement: it exits 0 unless --check is given (see below) or a start fails.
#
# Each start gets a fresh temporary directory that becomes its HOME (and
# XDG_* dirs, TMPDIR and working directory), so preferences and data start
# fresh. In APP_ARGS the placeholder @TMP@ is replaced by that directory,
# e.g.  scripts/startup-bench.sh ./plandesk /tmp/bare --db @TMP@/plan.db
# Because the working directory is that temporary directory, give APP_BIN,
# BARE_BIN and any file arguments as absolute paths or via @TMP@
# (APP_BIN/BARE_BIN themselves are resolved before starting).
#
# Options:
#   --check          exit 1 if time ratio > 1.2 or RSS ratio > 1.15
#   --runs N         timed starts of each binary (default 5)
#   --warmup N       untimed starts of each binary first (default 1)
#   --settle SEC     how long to keep a window open after its first frame
#                    before reading RSS and stopping it (default 1.5)
#   --timeout SEC    fail if a window has not shown a frame after SEC (default 20)
#   --keep           keep the temporary directories (logs) and print where
#   -h, --help       show this help
#
# Environment:
#   APP_TITLE   window-title prefix of APP_BIN  (default "PlanDesk")
#   BARE_TITLE  window-title prefix of BARE_BIN (default "Bare Window")
#   PROBE       how the first frame is detected: "python" (default; a small
#               ctypes/libX11 helper run by /usr/bin/python3 that polls every
#               POLL_MS) or "imagemagick" (xdotool + xwininfo + ImageMagick
#               import/convert, slower: ~150 ms per poll)
#   POLL_MS     poll interval in ms (default 20)
#   XVFB_SCREEN Xvfb screen geometry (default 1920x1080x24)
#
# Needs: Xvfb (unless DISPLAY is set), GNU time at /usr/bin/time, and either
# /usr/bin/python3 + libX11 (PROBE=python) or xdotool, xwininfo and
# ImageMagick (PROBE=imagemagick). Self-test with the bare window on both sides:
#   go build -tags migrated_fynedo -o /tmp/bare ./scripts/barewindow
#   APP_TITLE="Bare Window" scripts/startup-bench.sh /tmp/bare /tmp/bare

set -euo pipefail

usage() {
	sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"
}

die() {
	printf 'startup-bench: %s\n' "$*" >&2
	exit 2
}

# ---------------------------------------------------------------- options
CHECK=0
RUNS=5
WARMUP=1
SETTLE=1.5
TIMEOUT=20
KEEP=0
APP_TITLE=${APP_TITLE:-PlanDesk}
BARE_TITLE=${BARE_TITLE:-Bare Window}
PROBE=${PROBE:-python}
POLL_MS=${POLL_MS:-20}
XVFB_SCREEN=${XVFB_SCREEN:-1920x1080x24}

while (($# > 0)); do
	case $1 in
	--check) CHECK=1 ;;
	--runs) RUNS=${2:?--runs needs a value}; shift ;;
	--warmup) WARMUP=${2:?--warmup needs a value}; shift ;;
	--settle) SETTLE=${2:?--settle needs a value}; shift ;;
	--timeout) TIMEOUT=${2:?--timeout needs a value}; shift ;;
	--keep) KEEP=1 ;;
	-h | --help) usage; exit 0 ;;
	--) shift; break ;;
	-*) die "unknown option $1 (see --help)" ;;
	*) break ;;
	esac
	shift
done

(($# >= 2)) || { usage >&2; exit 2; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "--warmup must be a non-negative integer"
[[ $SETTLE =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--settle must be a number of seconds"
[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "--timeout must be a positive integer"
[[ $POLL_MS =~ ^[1-9][0-9]*$ ]] || die "POLL_MS must be a positive integer"

resolve_bin() {
	local p=$1
	if [[ $p != */* ]]; then
		p=$(command -v -- "$p") || die "not found: $1"
	fi
	[[ -f $p && -x $p ]] || die "not an executable file: $1"
	(cd -- "$(dirname -- "$p")" && printf '%s/%s\n' "$PWD" "$(basename -- "$p")")
}
APP_BIN=$(resolve_bin "$1")
BARE_BIN=$(resolve_bin "$2")
shift 2
APP_ARGS=("$@")

# ---------------------------------------------------------------- tools
[[ -x /usr/bin/time ]] || die "GNU time is missing (/usr/bin/time); install it, e.g. apt-get install time"
/usr/bin/time -f %M true >/dev/null 2>&1 ||
	die "/usr/bin/time does not accept -f %M; GNU time is needed (apt-get install time)"
case $PROBE in
python)
	[[ -x /usr/bin/python3 ]] || die "PROBE=python needs /usr/bin/python3 (or use PROBE=imagemagick)"
	;;
imagemagick)
	for t in xdotool xwininfo import convert; do
		command -v "$t" >/dev/null || die "PROBE=imagemagick needs $t (apt-get install xdotool x11-utils imagemagick)"
	done
	;;
*) die "PROBE must be python or imagemagick" ;;
esac

# ---------------------------------------------------------------- state & cleanup
WORK=$(mktemp -d "${TMPDIR:-/tmp}/startup-bench.XXXXXX")
XVFB_PID=
CUR_TIME_PID=
CUR_PROBE_PID=

# Process ids of the children of $1 (the app under /usr/bin/time).
children_of() {
	local pid=$1 kids=
	if [[ -r /proc/$pid/task/$pid/children ]]; then
		kids=$(<"/proc/$pid/task/$pid/children")
	elif command -v pgrep >/dev/null; then
		kids=$(pgrep -P "$pid" || true)
	fi
	printf '%s\n' "$kids"
}

alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# Stop the current start, if any: its app (the child of time), time, the probe.
stop_current() {
	local kid
	if alive "$CUR_PROBE_PID"; then
		kill -TERM "$CUR_PROBE_PID" 2>/dev/null || true
		wait "$CUR_PROBE_PID" 2>/dev/null || true
	fi
	CUR_PROBE_PID=
	if alive "$CUR_TIME_PID"; then
		for kid in $(children_of "$CUR_TIME_PID"); do
			kill -KILL "$kid" 2>/dev/null || true
		done
		# Let time reap its child (no zombies left behind), then make sure.
		for _ in $(seq 100); do
			alive "$CUR_TIME_PID" || break
			sleep 0.02
		done
		kill -KILL "$CUR_TIME_PID" 2>/dev/null || true
		wait "$CUR_TIME_PID" 2>/dev/null || true
	fi
	CUR_TIME_PID=
}

# shellcheck disable=SC2317 # called from the EXIT trap
cleanup() {
	stop_current
	if alive "$XVFB_PID"; then
		kill -TERM "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
	fi
	if ((KEEP)); then
		printf 'startup-bench: kept %s\n' "$WORK" >&2
	else
		rm -rf -- "$WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_us() { printf '%s\n' "${EPOCHREALTIME//[!0-9]/}"; }

# ---------------------------------------------------------------- X11 probe
# A small libX11 client (ctypes, no third-party modules). Modes:
#   display TIMEOUT              wait until $DISPLAY accepts connections
#   frame PREFIX TIMEOUT POLL_MS wait for a mapped window whose title starts
#                                with PREFIX and whose screen region is not
#                                uniform; prints "ready" once connected, then
#                                "frame T_US POLLS GEOMETRY WID MAPPED_US"
cat >"$WORK/probe.py" <<'PY'
import ctypes as C
import os
import sys
import time

IS_VIEWABLE = 2
Z_PIXMAP = 2
LSB_FIRST = 0
ALL_PLANES = C.c_ulong(-1)


class XWindowAttributes(C.Structure):
    _fields_ = [("x", C.c_int), ("y", C.c_int), ("width", C.c_int),
                ("height", C.c_int), ("border_width", C.c_int),
                ("depth", C.c_int), ("visual", C.c_void_p),
                ("root", C.c_ulong), ("class_", C.c_int),
                ("bit_gravity", C.c_int), ("win_gravity", C.c_int),
                ("backing_store", C.c_int), ("backing_planes", C.c_ulong),
                ("backing_pixel", C.c_ulong), ("save_under", C.c_int),
                ("colormap", C.c_ulong), ("map_installed", C.c_int),
                ("map_state", C.c_int), ("all_event_masks", C.c_long),
                ("your_event_mask", C.c_long),
                ("do_not_propagate_mask", C.c_long),
                ("override_redirect", C.c_int), ("screen", C.c_void_p)]


class XImage(C.Structure):  # only the leading fields are read
    _fields_ = [("width", C.c_int), ("height", C.c_int),
                ("xoffset", C.c_int), ("format", C.c_int),
                ("data", C.c_void_p), ("byte_order", C.c_int),
                ("bitmap_unit", C.c_int), ("bitmap_bit_order", C.c_int),
                ("bitmap_pad", C.c_int), ("depth", C.c_int),
                ("bytes_per_line", C.c_int), ("bits_per_pixel", C.c_int)]


X = C.CDLL("libX11.so.6")
X.XOpenDisplay.restype = C.c_void_p
X.XOpenDisplay.argtypes = [C.c_char_p]
X.XDefaultRootWindow.restype = C.c_ulong
X.XDefaultRootWindow.argtypes = [C.c_void_p]
X.XInternAtom.restype = C.c_ulong
X.XInternAtom.argtypes = [C.c_void_p, C.c_char_p, C.c_int]
X.XQueryTree.argtypes = [C.c_void_p, C.c_ulong, C.POINTER(C.c_ulong),
                         C.POINTER(C.c_ulong),
                         C.POINTER(C.POINTER(C.c_ulong)),
                         C.POINTER(C.c_uint)]
X.XGetWindowProperty.argtypes = [C.c_void_p, C.c_ulong, C.c_ulong, C.c_long,
                                 C.c_long, C.c_int, C.c_ulong,
                                 C.POINTER(C.c_ulong), C.POINTER(C.c_int),
                                 C.POINTER(C.c_ulong), C.POINTER(C.c_ulong),
                                 C.POINTER(C.c_void_p)]
X.XGetWindowAttributes.argtypes = [C.c_void_p, C.c_ulong,
                                   C.POINTER(XWindowAttributes)]
X.XTranslateCoordinates.argtypes = [C.c_void_p, C.c_ulong, C.c_ulong,
                                    C.c_int, C.c_int, C.POINTER(C.c_int),
                                    C.POINTER(C.c_int), C.POINTER(C.c_ulong)]
X.XGetImage.restype = C.POINTER(XImage)
X.XGetImage.argtypes = [C.c_void_p, C.c_ulong, C.c_int, C.c_int, C.c_uint,
                        C.c_uint, C.c_ulong, C.c_int]
X.XDestroyImage.argtypes = [C.POINTER(XImage)]
X.XFree.argtypes = [C.c_void_p]

# Windows may vanish between two requests: ignore X errors instead of letting
# Xlib's default handler exit the process.
ERROR_HANDLER = C.CFUNCTYPE(C.c_int, C.c_void_p, C.c_void_p)(lambda d, e: 0)
X.XSetErrorHandler(ERROR_HANDLER)


def open_display():
    return X.XOpenDisplay(None)


def prop(dpy, win, atom):
    typ, fmt = C.c_ulong(), C.c_int()
    n, after, data = C.c_ulong(), C.c_ulong(), C.c_void_p()
    if X.XGetWindowProperty(dpy, win, atom, 0, 1024, 0, 0, C.byref(typ),
                            C.byref(fmt), C.byref(n), C.byref(after),
                            C.byref(data)) != 0:
        return b""
    try:
        if not data.value or fmt.value != 8:
            return b""
        return C.string_at(data.value, n.value)
    finally:
        if data.value:
            X.XFree(data)


def windows(dpy, win):
    """All descendants of win, depth first."""
    root, parent = C.c_ulong(), C.c_ulong()
    kids, n = C.POINTER(C.c_ulong)(), C.c_uint()
    if not X.XQueryTree(dpy, win, C.byref(root), C.byref(parent),
                        C.byref(kids), C.byref(n)):
        return []
    found = [kids[i] for i in range(n.value)]
    if kids:
        X.XFree(kids)
    out = []
    for w in found:
        out.append(w)
        out.extend(windows(dpy, w))
    return out


def matching(dpy, root, atoms, prefix):
    for w in windows(dpy, root):
        if any(prop(dpy, w, a).startswith(prefix) for a in atoms):
            yield w


def geometry(dpy, root, win):
    """(x, y, w, h) on the screen if win is viewable, else None."""
    attrs = XWindowAttributes()
    if not X.XGetWindowAttributes(dpy, win, C.byref(attrs)):
        return None
    if attrs.map_state != IS_VIEWABLE:
        return None
    x, y, child = C.c_int(), C.c_int(), C.c_ulong()
    if not X.XTranslateCoordinates(dpy, win, root, 0, 0, C.byref(x),
                                   C.byref(y), C.byref(child)):
        return None
    return x.value, y.value, attrs.width, attrs.height


def uniform(dpy, root, root_size, geo):
    """True if the screen region geo is one colour (or cannot be read)."""
    x, y, w, h = geo
    x0, y0 = max(x, 0), max(y, 0)
    x1, y1 = min(x + w, root_size[0]), min(y + h, root_size[1])
    if x1 <= x0 or y1 <= y0:
        return True
    img = X.XGetImage(dpy, root, x0, y0, x1 - x0, y1 - y0, ALL_PLANES,
                      Z_PIXMAP)
    if not img:
        return True
    try:
        im = img.contents
        data = C.string_at(im.data, im.bytes_per_line * im.height)
        if im.bits_per_pixel == 32 and im.bytes_per_line == 4 * im.width:
            # xRGB pixels: compare the three colour bytes separately and
            # ignore the padding byte (last in memory for LSBFirst).
            pad = 3 if im.byte_order == LSB_FIRST else 0
            planes = (data[i::4] for i in range(4) if i != pad)
            return all(p.count(p[:1]) == len(p) for p in planes)
        bpp = max(1, im.bits_per_pixel // 8)
        row0 = data[:bpp] * im.width
        used = bpp * im.width
        return all(data[r * im.bytes_per_line:r * im.bytes_per_line + used]
                   == row0 for r in range(im.height))
    finally:
        X.XDestroyImage(img)


def wait_display(timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if open_display():
            return 0
        time.sleep(0.05)
    return 1


def wait_frame(prefix, timeout, poll_ms):
    dpy = open_display()
    if not dpy:
        print("error cannot-open-display", flush=True)
        return 2
    root = X.XDefaultRootWindow(dpy)
    atoms = [X.XInternAtom(dpy, b"_NET_WM_NAME", 0),
             X.XInternAtom(dpy, b"WM_NAME", 0)]
    root_geo = geometry(dpy, root, root)
    root_size = (root_geo[2], root_geo[3])
    stale = [w for w in matching(dpy, root, atoms, prefix)]
    if stale:
        print("stale " + " ".join(hex(w) for w in stale), flush=True)
        return 4
    print("ready", flush=True)
    end = time.monotonic() + timeout
    polls, mapped_us = 0, 0
    while time.monotonic() < end:
        polls += 1
        for w in list(matching(dpy, root, atoms, prefix)):
            geo = geometry(dpy, root, w)
            if geo is None:
                continue
            if not mapped_us:
                mapped_us = time.time_ns() // 1000
            if not uniform(dpy, root, root_size, geo):
                t_us = time.time_ns() // 1000
                print("frame %d %d %dx%d+%d+%d %#x %d" % (
                    t_us, polls, geo[2], geo[3], geo[0], geo[1], w,
                    mapped_us), flush=True)
                return 0
        time.sleep(poll_ms / 1000.0)
    print("timeout %s" % ("mapped-but-uniform" if mapped_us else "no-window"),
          flush=True)
    return 3


def main():
    mode = sys.argv[1]
    if mode == "display":
        return wait_display(float(sys.argv[2]))
    if mode == "frame":
        return wait_frame(os.fsencode(sys.argv[2]), float(sys.argv[3]),
                          int(sys.argv[4]))
    return 2


if __name__ == "__main__":
    sys.exit(main())
PY

# imagemagick probe: same protocol as "probe.py frame", in bash.
probe_imagemagick() {
	local prefix=$1 timeout=$2 poll_ms=$3
	local re wid info x y w h state polls=0 mapped_us=0 end colours
	re="^$(printf '%s' "$prefix" | sed 's/[][\.^$*+?(){}|]/\\&/g')"
	if xdotool search --name "$re" >/dev/null 2>&1; then
		echo "stale $(xdotool search --name "$re" | tr '\n' ' ')"
		return 4
	fi
	echo ready
	end=$(($(now_us) + timeout * 1000000))
	while (($(now_us) < end)); do
		polls=$((polls + 1))
		for wid in $(xdotool search --name "$re" 2>/dev/null || true); do
			info=$(xwininfo -id "$wid" 2>/dev/null) || continue
			state=$(sed -n 's/^ *Map State: *//p' <<<"$info")
			[[ $state == IsViewable ]] || continue
			((mapped_us)) || mapped_us=$(now_us)
			x=$(sed -n 's/^ *Absolute upper-left X: *//p' <<<"$info")
			y=$(sed -n 's/^ *Absolute upper-left Y: *//p' <<<"$info")
			w=$(sed -n 's/^ *Width: *//p' <<<"$info")
			h=$(sed -n 's/^ *Height: *//p' <<<"$info")
			colours=$(import -silent -window root -crop "${w}x${h}+${x}+${y}" \
				-format '%k' info: 2>/dev/null || echo 0)
			if ((colours > 1)); then
				printf 'frame %s %d %dx%d+%d+%d %#x %s\n' "$(now_us)" "$polls" \
					"$w" "$h" "$x" "$y" "$wid" "$mapped_us"
				return 0
			fi
		done
		sleep "$(awk -v m="$poll_ms" 'BEGIN{printf "%.3f", m/1000}')"
	done
	if ((mapped_us)); then echo "timeout mapped-but-uniform"; else echo "timeout no-window"; fi
	return 3
}

start_probe() { # prefix outfile
	if [[ $PROBE == python ]]; then
		/usr/bin/python3 -I "$WORK/probe.py" frame "$1" "$TIMEOUT" "$POLL_MS" >"$2" 2>&1 &
	else
		probe_imagemagick "$1" "$TIMEOUT" "$POLL_MS" >"$2" 2>&1 &
	fi
	CUR_PROBE_PID=$!
}

# ---------------------------------------------------------------- X server
if [[ -n ${DISPLAY:-} ]]; then
	DISPLAY_NOTE="$DISPLAY (from environment)"
else
	[[ -x $(command -v Xvfb || true) ]] || die "DISPLAY is not set and Xvfb is missing (apt-get install xvfb)"
	for n in $(seq 97 140); do
		[[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] && continue
		Xvfb ":$n" -screen 0 "$XVFB_SCREEN" -br -nolisten tcp -noreset \
			>"$WORK/xvfb.log" 2>&1 &
		XVFB_PID=$!
		ok=0
		for _ in $(seq 100); do
			alive "$XVFB_PID" || break
			if DISPLAY=":$n" /usr/bin/python3 -I "$WORK/probe.py" display 0.1 2>/dev/null ||
				{ [[ $PROBE != python ]] && DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1; }; then
				ok=1
				break
			fi
			sleep 0.1
		done
		if ((ok)); then
			export DISPLAY=":$n"
			break
		fi
		kill -TERM "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
		XVFB_PID=
	done
	[[ -n ${DISPLAY:-} ]] || die "could not start Xvfb on any display :97..:140 (see $WORK/xvfb.log)"
	DISPLAY_NOTE="$DISPLAY (own Xvfb $XVFB_SCREEN)"
fi
unset WAYLAND_DISPLAY

# ---------------------------------------------------------------- one start
# one_start LABEL BIN TITLE ARGS...  -> sets R_FRAME_US R_MAP_US R_POLLS
# R_RSS (GNU time %M, kB) R_HWM (VmHWM, kB) R_EXIT R_GEO
one_start() {
	local label=$1 bin=$2 title=$3
	shift 3
	local dir arg t0 t_frame t_map line kid status=0 i
	local -a args=()
	dir=$(mktemp -d "$WORK/$label.XXXX")
	mkdir -p "$dir/home" "$dir/tmp"
	for arg in "$@"; do
		args+=("${arg//@TMP@/$dir/tmp}")
	done

	start_probe "$title" "$dir/probe.out"
	for ((i = 0; ; i++)); do
		line=$(head -n1 "$dir/probe.out" 2>/dev/null || true)
		[[ $line == ready ]] && break
		if [[ $line == stale* ]]; then
			die "a window titled '$title...' is already on $DISPLAY (${line#stale }); close it first"
		fi
		if ! alive "$CUR_PROBE_PID" || ((i > 500)); then
			die "the X probe did not start: $(cat "$dir/probe.out")"
		fi
		sleep 0.01
	done

	t0=$(now_us)
	(
		cd "$dir/tmp"
		exec env HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/.config" \
			XDG_DATA_HOME="$dir/home/.local/share" XDG_CACHE_HOME="$dir/home/.cache" \
			XDG_STATE_HOME="$dir/home/.local/state" TMPDIR="$dir/tmp" \
			/usr/bin/time -f '%M' -o "$dir/time.out" "$bin" "${args[@]}" \
			>"$dir/app.log" 2>&1
	) &
	CUR_TIME_PID=$!

	# Wait for the probe; give up if the app dies first.
	while alive "$CUR_PROBE_PID"; do
		if ! alive "$CUR_TIME_PID"; then
			stop_current
			printf '%s\n' "--- $label log ($dir/app.log):" >&2
			tail -n 20 "$dir/app.log" >&2 || true
			die "$label ($bin) exited before showing its first frame"
		fi
		sleep 0.02
	done
	wait "$CUR_PROBE_PID" || true
	CUR_PROBE_PID=
	line=$(grep -E '^(frame|timeout|error)' "$dir/probe.out" | head -n1 || true)
	if [[ $line != frame* ]]; then
		stop_current
		printf '%s\n' "--- $label log ($dir/app.log):" >&2
		tail -n 20 "$dir/app.log" >&2 || true
		case $line in
		"timeout no-window") die "$label: no window titled '$title...' appeared within ${TIMEOUT}s" ;;
		"timeout mapped-but-uniform") die "$label: window '$title...' was mapped but stayed one colour for ${TIMEOUT}s" ;;
		*) die "$label: probe failed: $(cat "$dir/probe.out")" ;;
		esac
	fi
	read -r _ t_frame R_POLLS R_GEO _ t_map <<<"$line"
	R_FRAME_US=$((t_frame - t0))
	R_MAP_US=$((t_map - t0))

	sleep "$SETTLE"
	R_HWM=-
	kid=$(children_of "$CUR_TIME_PID" | head -n1 | tr -d ' ')
	if [[ -n $kid && -r /proc/$kid/status ]]; then
		R_HWM=$(awk '/^VmHWM:/{print $2}' "/proc/$kid/status" 2>/dev/null || echo -)
		kill -TERM "$kid" 2>/dev/null || true
	fi
	for ((i = 0; i < 500; i++)); do
		alive "$CUR_TIME_PID" || break
		sleep 0.02
	done
	if alive "$CUR_TIME_PID"; then
		printf 'startup-bench: %s did not exit 10 s after SIGTERM; killing it\n' "$label" >&2
		if [[ -n $kid ]]; then kill -KILL "$kid" 2>/dev/null || true; fi
	fi
	wait "$CUR_TIME_PID" || status=$?
	CUR_TIME_PID=
	R_EXIT=$status
	R_RSS=$(grep -E '^[0-9]+$' "$dir/time.out" 2>/dev/null | tail -n1 || true)
	if [[ -z $R_RSS ]]; then
		printf 'startup-bench: no %%M from GNU time for %s (%s); using VmHWM\n' \
			"$label" "$(tr '\n' ' ' <"$dir/time.out" 2>/dev/null)" >&2
		R_RSS=$R_HWM
	fi
	[[ $R_RSS =~ ^[0-9]+$ ]] || die "$label: could not measure peak RSS"
}

ms() { awk -v u="$1" 'BEGIN{printf "%.1f", u/1000}'; }

median() {
	printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1}
		END{ if (NR % 2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2 }'
}

# ---------------------------------------------------------------- main
printf 'startup-bench: display %s, probe %s (poll %d ms), %d warm-up + %d timed starts each, settle %ss\n' \
	"$DISPLAY_NOTE" "$PROBE" "$POLL_MS" "$WARMUP" "$RUNS" "$SETTLE"
printf '  app : %s%s  [title "%s..."]\n' "$APP_BIN" "${APP_ARGS[*]:+ ${APP_ARGS[*]}}" "$APP_TITLE"
printf '  bare: %s  [title "%s..."]\n\n' "$BARE_BIN" "$BARE_TITLE"
printf '%-7s %-5s %10s %15s %6s %13s %10s %5s  %s\n' \
	run which mapped_ms first_frame_ms polls peak_rss_kB VmHWM_kB exit window
declare -a APP_T=() APP_M=() BARE_T=() BARE_M=()

report() { # run which
	printf '%-7s %-5s %10s %15s %6s %13s %10s %5s  %s\n' "$1" "$2" \
		"$(ms "$R_MAP_US")" "$(ms "$R_FRAME_US")" "$R_POLLS" "$R_RSS" "$R_HWM" "$R_EXIT" "$R_GEO"
}

total=$((WARMUP + RUNS))
for ((r = 1; r <= total; r++)); do
	if ((r <= WARMUP)); then run="warm$r"; else run=$((r - WARMUP)); fi
	# Alternate which binary goes first (ABBA...) so drift hits both alike.
	if ((r % 2)); then order=(app bare); else order=(bare app); fi
	for which in "${order[@]}"; do
		if [[ $which == app ]]; then
			one_start "app$r" "$APP_BIN" "$APP_TITLE" "${APP_ARGS[@]}"
		else
			one_start "bare$r" "$BARE_BIN" "$BARE_TITLE"
		fi
		report "$run" "$which"
		if ((r > WARMUP)); then
			if [[ $which == app ]]; then
				APP_T+=("$R_FRAME_US"); APP_M+=("$R_RSS")
			else
				BARE_T+=("$R_FRAME_US"); BARE_M+=("$R_RSS")
			fi
		fi
	done
done

app_t=$(median "${APP_T[@]}")
app_m=$(median "${APP_M[@]}")
bare_t=$(median "${BARE_T[@]}")
bare_m=$(median "${BARE_M[@]}")
t_ratio=$(awk -v a="$app_t" -v b="$bare_t" 'BEGIN{printf "%.2f", a/b}')
m_ratio=$(awk -v a="$app_m" -v b="$bare_m" 'BEGIN{printf "%.2f", a/b}')

printf '\n%-13s %15s %13s\n' median first_frame_ms peak_rss_kB
printf '%-13s %15s %13s\n' app "$(ms "$app_t")" "$app_m"
printf '%-13s %15s %13s\n' bare "$(ms "$bare_t")" "$bare_m"
printf '%-13s %15s %13s\n' 'ratio app/bare' "$t_ratio" "$m_ratio"

if ((CHECK)); then
	fail=0
	if awk -v r="$t_ratio" 'BEGIN{exit !(r > 1.2)}'; then
		printf 'CHECK FAILED: first-frame time ratio %s > 1.20\n' "$t_ratio"
		fail=1
	fi
	if awk -v r="$m_ratio" 'BEGIN{exit !(r > 1.15)}'; then
		printf 'CHECK FAILED: peak RSS ratio %s > 1.15\n' "$m_ratio"
		fail=1
	fi
	((fail)) && exit 1
	printf 'check passed (time ratio <= 1.20, RSS ratio <= 1.15)\n'
fi
exit 0
