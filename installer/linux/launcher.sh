#!/bin/sh
# Lowtide's launchers on Linux (issue 20: waiting time). BuildInstallers.java fills in the JVM
# options ($APPDIR being lib/app), the class-data archive they name, whether a user may record one
# and the version, twice from this one template:
# - lib/app/lowtide-cli, the command line, with the java-options of
#   installer/linux/lowtide-cli.properties: the app-image's bin/lowtide, and the file /usr/bin/lowtide
#   links to in the .deb and .rpm;
# - lib/app/lowtide-gui, the desktop app, with the --java-options of installer/linux/app.args: the
#   app-image's bin/Lowtide, and what the packages' menu entry and plan-file type start.
#
# Why not jpackage's native launchers: on Linux they ask the package managers which package owns
# them (`rpm -qf` and `dpkg -S`, twice, on every start) before they start Java; `dpkg -S` reads the
# whole dpkg database, 0.4-1 s on a Debian machine, more than all of Lowtide's own start-up. This
# script starts the same Java with the same options and class path, and nothing else.
self=$(readlink -f -- "$0") || self=$0
dir=${self%/*}
case $dir in
    */lib/app) root=${dir%/lib/app} ;;
    *) root=${dir%/*} ;;
esac
app=$root/lib/app
java=$root/lib/runtime/bin/java
archive=@ARCHIVE@

# The desktop app's class-data archive (window on screen about 0.4 s sooner). The build makes one
# for the app-image; a package cannot at install (it needs a display), so the user's first launch
# records one at exit into their cache, named after the version and the jar's time (a reinstall
# records a fresh one; a JDK 17 archive is only used with the jar it was made from), written under
# a name of its own and renamed once Java exits cleanly, so a half-written archive is never used.
if [ @RECORD@ = yes ] && [ ! -f "$archive" ] && [ -n "${HOME:-}" ]; then
    stamp=$(stat -c %Y "$app/lowtide.jar" 2>/dev/null) || stamp=0
    cache=${XDG_CACHE_HOME:-$HOME/.cache}/lowtide
    mine=$cache/desktop-@VERSION@-$stamp.jsa
    if [ -f "$mine" ]; then
        archive=$mine
    elif mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
        recording=$mine.$$.part
        # Java runs as this script's child (the script renames the archive after it): a signal sent
        # to the script is passed on to Java, and the script waits until Java has gone. An
        # asynchronous command starts with SIGINT ignored, so Ctrl+C reaches Java as SIGTERM.
        "$java" '-Djpackage.app-version=@VERSION@' @JAVA_OPTIONS@ "-XX:ArchiveClassesAtExit=$recording" \
            "-Djpackage.app-path=$self" -cp "$app/lowtide.jar" org.lowtide.Main "$@" <&0 &
        pid=$!
        trap 'kill -s TERM $pid 2>/dev/null' TERM
        trap 'kill -s HUP $pid 2>/dev/null' HUP
        trap 'kill -s TERM $pid 2>/dev/null' INT
        wait $pid
        status=$?
        while kill -0 $pid 2>/dev/null; do
            wait $pid
            status=$?
        done
        if [ $status = 0 ] && [ -s "$recording" ]; then
            rm -f "$cache"/desktop-*.jsa
            mv -f "$recording" "$mine"
        else
            rm -f "$recording"
        fi
        exit $status
    fi
fi
exec "$java" '-Djpackage.app-version=@VERSION@' @JAVA_OPTIONS@ "-XX:SharedArchiveFile=$archive" \
    "-Djpackage.app-path=$self" -cp "$app/lowtide.jar" org.lowtide.Main "$@"
