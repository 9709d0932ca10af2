#!/bin/sh
# Lowtide's command-line launcher on Linux (issue 20: waiting time). BuildInstallers.java fills in
# @JAVA_OPTIONS@ (the java-options of installer/linux/lowtide-cli.properties, $APPDIR being
# lib/app) and @VERSION@, and installs it as the app-image's bin/lowtide and as lib/app/lowtide-cli,
# the file /usr/bin/lowtide links to in the .deb and .rpm.
#
# Why not jpackage's native launcher: on Linux it asks the package managers which package owns it
# (`rpm -qf` and `dpkg -S`, twice, on every start) before it starts Java; `dpkg -S` reads the whole
# dpkg database, 0.4-1 s on a Debian machine, more than all of Lowtide's own start-up. This script
# starts the same Java with the same options and class path, and nothing else.
self=$(readlink -f -- "$0") || self=$0
dir=${self%/*}
case $dir in
    */lib/app) root=${dir%/lib/app} ;;
    *) root=${dir%/*} ;;
esac
app=$root/lib/app
exec "$root/lib/runtime/bin/java" '-Djpackage.app-version=@VERSION@' @JAVA_OPTIONS@ \
    "-Djpackage.app-path=$self" -cp "$app/lowtide.jar" org.lowtide.Main "$@"
