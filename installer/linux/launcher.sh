#!/bin/sh
# Lowtide's launchers on Linux (issue 20: waiting time). BuildInstallers.java fills in the JVM
# options ($APPDIR being lib/app) and the version, twice from this one template:
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
exec "$root/lib/runtime/bin/java" '-Djpackage.app-version=@VERSION@' @JAVA_OPTIONS@ \
    "-Djpackage.app-path=$self" -cp "$app/lowtide.jar" org.lowtide.Main "$@"
