#!/bin/bash
# End-to-end test of the Debian package on THIS machine (Debian/Ubuntu, as root or with sudo):
# builds the .deb, installs it with dpkg -i, runs the installed `lowtide` command line from the
# PATH, starts the installed desktop app under Xvfb and takes screenshots, then removes and purges
# the package and checks that nothing of it is left while the user's saved plans are.
#
#   bash installer/linux/test-deb.sh              build with `mvn -B -Pinstaller package -DskipTests`, then test
#   bash installer/linux/test-deb.sh --no-build   test the .deb already in target/installer/
#   MVN="mvn -B -o" bash installer/linux/test-deb.sh      another Maven command line
#
# Not part of `mvn verify`: it changes the machine (installs and removes a package, and apt-gets
# what it needs: the package's dependencies, xvfb, xauth, imagemagick, xdotool, openbox).
# Screenshots: target/installer/installed-gui.png and target/installer/installed-about.png.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

SUDO=
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "test-deb.sh: needs root or sudo (dpkg -i)" >&2; exit 2; }
    SUDO=sudo
fi

passed=0
failed=0
skipped=0
skip() { skipped=$((skipped + 1)); echo "skip - $1"; }
check() { # check DESCRIPTION COMMAND...: runs COMMAND, counts and reports the result
    local what=$1
    shift
    if "$@"; then
        passed=$((passed + 1)); echo "ok   - $what"
    else
        failed=$((failed + 1)); echo "FAIL - $what"
    fi
}

build=yes
[ "${1:-}" = --no-build ] && build=no

if $SUDO dpkg -s lowtide >/dev/null 2>&1; then
    echo "test-deb.sh: the lowtide package is already installed; remove it first (dpkg -r lowtide)," \
         "this test installs and removes its own" >&2
    exit 2
fi

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
[ -n "$version" ] || { echo "test-deb.sh: no project version in pom.xml" >&2; exit 2; }

if [ $build = yes ]; then
    echo "== building the installers (Lowtide $version)"
    ${MVN:-mvn -B} -Pinstaller package -DskipTests || { echo "test-deb.sh: the build failed" >&2; exit 1; }
fi
shopt -s nullglob
debs=(target/installer/lowtide_*.deb)
[ ${#debs[@]} = 1 ] || { echo "test-deb.sh: expected one target/installer/lowtide_*.deb, found ${#debs[@]}" >&2; exit 1; }
deb=${debs[0]}
echo "== testing $deb ($(du -h "$deb" | cut -f1))"

# What the package depends on, and what this test needs; apt-get only what is missing.
wanted="$(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' ' ') xvfb xauth imagemagick xdotool openbox"
missing=
for p in $wanted; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
    echo "== apt-get install$missing"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq $missing >/dev/null \
        || { echo "test-deb.sh: could not install$missing" >&2; exit 1; }
fi

# The user's side: a home of its own, where the plan saved below must survive the uninstall.
home=$(mktemp -d)
mkdir -p "$home/plans"
xvfb_pid= wm_pid= app_pid= installed=no
cleanup() {
    for pid in $app_pid $wm_pid $xvfb_pid; do kill "$pid" 2>/dev/null; done
    if [ $installed = yes ] && $SUDO dpkg -s lowtide >/dev/null 2>&1; then
        $SUDO dpkg --purge lowtide >/dev/null 2>&1
    fi
    rm -rf "$home"
}
trap cleanup EXIT

echo "== dpkg -i $deb"
installed=yes # from here on, cleanup purges whatever dpkg -i left
$SUDO dpkg -i "$deb" || { echo "test-deb.sh: dpkg -i failed" >&2; exit 1; }

# --- the command line, from the PATH, as a user would call it
user_env=(env -i HOME="$home" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8)
check "/usr/bin/lowtide links to the launcher script /opt/lowtide/lib/app/lowtide-cli" \
    test "$(readlink /usr/bin/lowtide)" = /opt/lowtide/lib/app/lowtide-cli
check "lowtide is found on the PATH" \
    test "$("${user_env[@]}" sh -c 'command -v lowtide')" = /usr/bin/lowtide
check "postinst made the command line's class-data archive and Java maps it (-Xshare:on)" sh -c \
    "test -s /opt/lowtide/lib/app/lowtide.jsa && /opt/lowtide/lib/runtime/bin/java -Xshare:on \
    -XX:SharedArchiveFile=/opt/lowtide/lib/app/lowtide.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -cp /opt/lowtide/lib/app/lowtide.jar org.lowtide.Main --version >/dev/null 2>&1"
out=$("${user_env[@]}" lowtide --version 2>&1)
check "lowtide --version says Lowtide $version ($(echo "$out" | head -1))" \
    grep -q "^Lowtide $version\$" <<<"$out"
sample=/opt/lowtide/lib/app/samples/shop-hourly-2025.csv
out=$("${user_env[@]}" lowtide analyze "$sample" --zone Europe/Berlin 2>&1); rc=$?
echo "$out" | sed -n '1,3s/^/     | /p'
ok=no; [ $rc = 0 ] && grep -q 'Lowest 2-hour windows of the week' <<<"$out" && ok=yes
check "lowtide analyze on the installed sample exits 0 and lists the quiet windows" test $ok = yes
json=$("${user_env[@]}" lowtide analyze "$sample" --zone Europe/Berlin --json 2>/dev/null)
ok=no
if command -v python3 >/dev/null; then
    python3 -c 'import json,sys; assert json.loads(sys.argv[1])["troughs"]' "$json" 2>/dev/null && ok=yes
else
    grep -q '"troughs" *: *\[ *{' <<<"$json" && ok=yes
fi
check "lowtide analyze --json prints a JSON object with troughs" test $ok = yes
plan=$home/plans/shop.lowtide
"${user_env[@]}" lowtide plan "$sample" --zone Europe/Berlin --holidays DE --ics "$home/plans/windows.ics" \
    --save "$plan" >/dev/null 2>&1; rc=$?
ok=no; [ $rc = 0 ] && [ -s "$plan" ] && grep -q '^BEGIN:VCALENDAR' "$home/plans/windows.ics" 2>/dev/null && ok=yes
check "lowtide plan (holidays, iCalendar, --save) runs on the trimmed runtime (exit $rc)" test $ok = yes
plan_sum=$(sha256sum "$plan" 2>/dev/null | cut -d' ' -f1)
"${user_env[@]}" lowtide gate "$plan" >/dev/null 2>&1; rc=$?
check "lowtide gate on the saved plan answers 0 (inside) or 3 (outside), got $rc" sh -c "[ $rc = 0 ] || [ $rc = 3 ]"
"${user_env[@]}" lowtide analyze "$home/absent.csv" >/dev/null 2>&1; rc=$?
check "exit codes pass through the launcher (a missing file is 4, got $rc)" test "$rc" = 4

# --- desktop integration (xdg-desktop-menu needs a desktop's menu folders; a server has none,
# and the package installs there all the same)
desktop=no
[ -d /usr/share/desktop-directories ] && desktop=yes
if [ $desktop = yes ]; then
    check "menu entry /usr/share/applications/lowtide-Lowtide.desktop" \
        test -f /usr/share/applications/lowtide-Lowtide.desktop
else
    skip "menu entry: this machine has no desktop menu (/usr/share/desktop-directories); installed without one"
fi
check "plan files (*.lowtide) registered as application/x-lowtide-plan" \
    grep -qs 'application/x-lowtide-plan' /usr/share/mime/packages/lowtide-Lowtide-MimeInfo.xml

# --- the desktop app, in a real X window (Xvfb, openbox for the title bar)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb_pid=$!
sleep 1
DISPLAY=$display openbox >/dev/null 2>&1 & wm_pid=$!
sleep 1
# Started as the menu entry starts it: its Exec line (the launcher script lib/app/lowtide-gui)
entry=$(ls /opt/lowtide/lib/*.desktop 2>/dev/null | head -1)
gui=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$entry" 2>/dev/null)
check "the menu entry ($entry) starts the launcher script /opt/lowtide/lib/app/lowtide-gui" \
    test "$gui" = /opt/lowtide/lib/app/lowtide-gui -a -x /opt/lowtide/lib/app/lowtide-gui
[ -x "$gui" ] || gui=/opt/lowtide/bin/Lowtide
# The first launch records the desktop app's class-data archive in the user's cache when the app
# exits cleanly (this one quits by itself once the recommendation is on screen); later launches map it
first_log=target/installer/installed-gui-first.log
"${user_env[@]}" DISPLAY=$display JAVA_TOOL_OPTIONS="-Dlowtide.startupTrace=exit" timeout 120 "$gui" >"$first_log" 2>&1
rc=$?
recorded=$(ls "$home"/.cache/lowtide/desktop-"$(dpkg-deb -f "$deb" Version | sed 's/-[^-]*$//')"-*.jsa 2>/dev/null | head -1)
check "the first launch exits 0 ($rc) and records the desktop archive in ~/.cache/lowtide (${recorded:-none})" \
    test $rc = 0 -a -s "$recorded"
check "the recorded archive maps (java -Xshare:on)" sh -c "/opt/lowtide/lib/runtime/bin/java -Xshare:on \
    -XX:SharedArchiveFile='$recorded' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp /opt/lowtide/lib/app/lowtide.jar \
    org.lowtide.Main --version >/dev/null 2>&1"
gui_log=target/installer/installed-gui.log
"${user_env[@]}" DISPLAY=$display "$gui" >"$gui_log" 2>&1 & app_pid=$!
title=
for _ in $(seq 60); do # the default sample is analysed at start; the title names it when done
    win=$(DISPLAY=$display xdotool search --name '^Lowtide ' 2>/dev/null | head -1)
    [ -n "$win" ] && title=$(DISPLAY=$display xdotool getwindowname "$win")
    case $title in *shop-hourly-2025.csv) break ;; esac
    sleep 1
done
# openbox under Xvfb opens every JavaFX window at its minimum size (even a bare Stage asking for
# 1280x860 comes up 200x200 there); give the window the size the app asks for before the pictures.
[ -n "$win" ] && DISPLAY=$display xdotool windowsize "$win" 1280 860
sleep 3 # let the charts draw
check "the installed app is running (log: $gui_log)" kill -0 $app_pid
check "window title is 'Lowtide $version — shop-hourly-2025.csv' (is '$title')" \
    test "$title" = "Lowtide $version — shop-hourly-2025.csv"
DISPLAY=$display import -window root target/installer/installed-gui.png
if [ -n "$win" ]; then # Help → About, by keyboard: F10 focuses the menu bar, Left wraps to its
    # last menu (Help), Down opens it, Up wraps to its last item (About): counts no menus or items,
    # so a menu added before Help (View was) does not send the keys elsewhere
    DISPLAY=$display xdotool windowactivate --sync "$win" 2>/dev/null
    for key in F10 Left Down Up Return; do DISPLAY=$display xdotool key "$key"; sleep 0.7; done
    sleep 1
fi
check "Help → About opens the About dialog" \
    sh -c "DISPLAY=$display xdotool search --name '^About Lowtide\$' >/dev/null"
DISPLAY=$display import -window root target/installer/installed-about.png
echo "     screenshots: target/installer/installed-gui.png, target/installer/installed-about.png"
kill $app_pid 2>/dev/null; wait $app_pid 2>/dev/null; app_pid=
check "the app wrote no exception to its log" sh -c "! grep -q 'Exception' '$gui_log'"

# --- removal
echo "== dpkg -r lowtide; dpkg --purge lowtide"
$SUDO dpkg -r lowtide >/dev/null
check "dpkg -r removes /usr/bin/lowtide" test ! -e /usr/bin/lowtide -a ! -L /usr/bin/lowtide
check "dpkg -r removes /opt/lowtide" test ! -e /opt/lowtide
check "dpkg -r removes the menu entry and the file type" \
    test ! -e /usr/share/applications/lowtide-Lowtide.desktop -a ! -e /usr/share/mime/packages/lowtide-Lowtide-MimeInfo.xml
leftovers=$(find /usr/share /usr/local/share /etc/xdg -name '*lowtide*' 2>/dev/null)
check "dpkg -r leaves no menu, mime or icon file named *lowtide* behind${leftovers:+: $leftovers}" \
    test -z "$leftovers"
$SUDO dpkg --purge lowtide >/dev/null
check "dpkg --purge leaves no trace in dpkg" sh -c '! dpkg -s lowtide >/dev/null 2>&1'
installed=no
check "the plan the user saved is still there, unchanged (~/plans/shop.lowtide)" \
    test -n "$plan_sum" -a "$(sha256sum "$plan" 2>/dev/null | cut -d' ' -f1)" = "$plan_sum"

echo "$passed passed, $failed failed, $skipped skipped"
[ $failed = 0 ]
