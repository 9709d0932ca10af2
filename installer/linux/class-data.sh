#!/bin/sh
# Makes the command line's class-data archive, lib/app/lowtide.jsa, for this install's own path
# (issue 20: waiting time; a JDK 17 archive is only used with the class path it was made for). Staged
# as lib/app/lowtide-class-data and run by the build for the app-image and by the packages' postinst
# and %post, so the three make it alike. Best effort: when a step fails it leaves no archive and
# exits non-zero, and the launcher runs without one, only slower to start.
#
# ClassDataTraining runs analyze and plan, with and without --json, in one process (the first with
# --timings, which builds every subcommand's model) and lists the classes it loads; -Xshare:dump
# writes them, the JDK's and Lowtide's, into one static archive (JDK 17 stores Java 5 class files,
# picocli's and Commons Math's, in a static archive only).
self=$(readlink -f -- "$0") || self=$0
app=${self%/*}
java=${app%/lib/app}/lib/runtime/bin/java
archive=$app/lowtide.jsa
rm -f "$archive"
classlist=$(mktemp) || exit 1
trap 'rm -f "$classlist"' EXIT
if "$java" -XX:DumpLoadedClassList="$classlist" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC '-Xlog:cds*=off' \
        -Djava.awt.headless=true -cp "$app/lowtide.jar" org.lowtide.cli.ClassDataTraining \
        "$app/samples/shop-hourly-2025.csv" \
    && "$java" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$archive" \
        -XX:+UseSerialGC -cp "$app/lowtide.jar" \
    && [ -s "$archive" ]; then
    exit 0
fi
rm -f "$archive"
exit 1
