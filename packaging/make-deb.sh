#!/usr/bin/env bash
# Package a built onedir as a .deb with dpkg-deb alone:
#   packaging/make-deb.sh ONEDIR OUTDIR [VERSION]     -> OUTDIR/healthviz_VERSION_ARCH.deb
# The app goes to /opt/healthviz, `healthviz` to /usr/bin (a symlink: the CLI and the window are one
# program), the desktop file, hicolor icons and AppStream metainfo to /usr/share. No maintainer scripts:
# the icon cache, desktop database and AppStream cache are refreshed by their own packages' dpkg triggers.
# Depends are read from the binaries (packaging/deb_depends.py). The journal lives in the person's home
# folder, which dpkg never touches: removing or purging the package leaves it.
# DEB_COMPRESS=xz|gzip|zstd|none and DEB_LEVEL pick the compression (default xz -6).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
app=$(realpath "$1")
out=$(realpath -m "$2")
version=${3:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/healthviz_desktop/__init__.py")}
arch=$(dpkg --print-architecture)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}
test -x "$app/healthviz" || { echo "make-deb: $app/healthviz is not a built onedir" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg=$stage/healthviz
share=$pkg/usr/share
install -d "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$share/applications" "$share/metainfo" "$share/doc/healthviz"
cp -a "$app" "$pkg/opt/healthviz"
ln -s ../../opt/healthviz/healthviz "$pkg/usr/bin/healthviz"
install -m 644 "$root/resources/healthviz.desktop" "$share/applications/healthviz.desktop"
install -m 644 "$root/resources/healthviz.metainfo.xml" "$share/metainfo/healthviz.metainfo.xml"
for png in "$root"/healthviz_desktop/data/icons/healthviz-*.png; do
  size=$(basename "$png" .png); size=${size#healthviz-}
  install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/healthviz.png"
done
install -D -m 644 "$root/resources/healthviz.svg" "$share/icons/hicolor/scalable/apps/healthviz.svg"
install -m 644 "$here/deb/copyright" "$share/doc/healthviz/copyright"

# Modes as Debian expects them, whatever the builder's umask was; times fixed for a reproducible package.
find "$pkg" -type d -exec chmod 755 {} +
find "$pkg" -type f -perm /111 -exec chmod 755 {} +
find "$pkg" -type f ! -perm /111 -exec chmod 644 {} +
depends=$(python3 "$here/deb_depends.py" "$app")
size_kb=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$size_kb/" \
    -e "s/@DEPENDS@/$depends/" "$here/deb/control.in" > "$pkg/DEBIAN/control"
find "$pkg" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$out"
deb=$out/healthviz_${version}_${arch}.deb
compress=(-Z"${DEB_COMPRESS:-xz}")
[ "${DEB_COMPRESS:-xz}" = none ] || compress+=(-z"${DEB_LEVEL:-6}")
dpkg-deb --root-owner-group "${compress[@]}" --threads-max=2 --build "$pkg" "$deb" >/dev/null
echo "Built $deb ($(du -m "$deb" | cut -f1) MB)"
