#!/bin/bash
# Renders lowtide.svg into the icons each platform needs; the results are committed, so a build
# never needs these tools. Run after changing the SVG:   bash installer/icons/make-icons.sh
#
# On Debian/Ubuntu:  apt-get install -y librsvg2-bin imagemagick icnsutils
#   png/lowtide-N.png  rsvg-convert (librsvg2-bin)   Linux: jpackage --icon, menu entries; the
#                                                    app's window icons (src/main/resources/.../ui/icons)
#   lowtide.ico        ImageMagick's convert         Windows: jpackage --icon (16…256 in one file)
#   lowtide.icns       png2icns (icnsutils)          macOS: jpackage --icon
# On macOS, Apple's own tool gives the same .icns from the PNGs:
#   mkdir lowtide.iconset && for s in 16 32 128 256 512; do
#     cp png/lowtide-$s.png lowtide.iconset/icon_${s}x${s}.png; done && iconutil -c icns lowtide.iconset
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
    command -v "$tool" >/dev/null || { echo "make-icons.sh: $tool is missing (see the comment at the top)" >&2; exit 1; }
done

mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" lowtide.svg --output "png/lowtide-$size.png"
done

# The desktop app's window and task-bar icons (org.lowtide.ui.AppIcons) are the same PNGs.
for size in 16 32 48 64 128 256; do
    cp "png/lowtide-$size.png" "../../src/main/resources/org/lowtide/ui/icons/lowtide-$size.png"
done

# Windows: one .ico holding every size Explorer and the task bar ask for.
convert png/lowtide-{16,24,32,48,64,128,256}.png -define png:exclude-chunks=date,time lowtide.ico

# macOS: png2icns takes the sizes the icns format knows (16, 32, 48, 128, 256, 512).
png2icns lowtide.icns png/lowtide-{16,32,48,128,256,512}.png >/dev/null

ls -l png lowtide.ico lowtide.icns
