#!/usr/bin/env bash
# Package a built onedir as a relocatable tar.gz with an install.sh for the person's own ~/.local:
#   packaging/make-tarball.sh ONEDIR OUTDIR [VERSION]   -> OUTDIR/healthviz-VERSION-linux-ARCH.tar.gz
# Inside: healthviz-VERSION/{install.sh, app/ (the onedir: app/healthviz runs from anywhere), share/}.
# Reproducible: sorted names, fixed times and owners, gzip without a name or time stamp.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
app=$(realpath "$1")
out=$(realpath -m "$2")
version=${3:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/healthviz_desktop/__init__.py")}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}
test -x "$app/healthviz" || { echo "make-tarball: $app/healthviz is not a built onedir" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
top=healthviz-$version
dir=$stage/$top
share=$dir/share
mkdir -p "$dir" "$share/applications" "$share/metainfo"
cp -a "$app" "$dir/app"
install -m 755 "$here/install.sh" "$dir/install.sh"
install -m 644 "$root/resources/healthviz.desktop" "$share/applications/healthviz.desktop"
install -m 644 "$root/resources/healthviz.metainfo.xml" "$share/metainfo/healthviz.metainfo.xml"
for png in "$root"/healthviz_desktop/data/icons/healthviz-*.png; do
  size=$(basename "$png" .png); size=${size#healthviz-}
  install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/healthviz.png"
done
install -D -m 644 "$root/resources/healthviz.svg" "$share/icons/hicolor/scalable/apps/healthviz.svg"
find "$dir" -type d -exec chmod 755 {} +
find "$dir" -type f -perm /111 -exec chmod 755 {} +
find "$dir" -type f ! -perm /111 -exec chmod 644 {} +
mkdir -p "$out"
tarball=$out/healthviz-$version-linux-$(uname -m).tar.gz
tar -C "$stage" --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -cf - "$top" \
  | gzip -n -"${GZIP_LEVEL:-6}" > "$tarball"
echo "Built $tarball ($(du -m "$tarball" | cut -f1) MB)"
