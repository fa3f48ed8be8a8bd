#!/bin/sh
# Install HealthViz for yourself, with no root and no package manager: run this from the unpacked folder.
#   ./install.sh              install into ~/.local (the app in ~/.local/lib/healthviz, `healthviz` in ~/.local/bin)
#   ./install.sh --prefix DIR install into DIR instead
#   ./install.sh --uninstall  remove what this script installed
# Your journal (~/.local/share/HealthViz, or wherever `healthviz info` says) is never touched: it stays when
# you uninstall and is used again when you reinstall or upgrade.
# The app needs a few system libraries most desktops have (Debian/Ubuntu names): libegl1 libgl1 libxcb1
# libwayland-client0 libwayland-cursor0 libwayland-egl1 libdrm2 fontconfig-config fonts-dejavu-core
# xkb-data; and a keyring (gnome-keyring or KWallet) to keep API keys for video services.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${HOME:?}/.local
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
libdir=$prefix/lib/healthviz
bindir=$prefix/bin
share=$prefix/share
icons="16 32 48 64 128 256"

refresh_caches() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "$action" = uninstall ]; then
  rm -rf "$libdir"
  rm -f "$bindir/healthviz" "$share/applications/healthviz.desktop" "$share/metainfo/healthviz.metainfo.xml" \
        "$share/icons/hicolor/scalable/apps/healthviz.svg"
  for s in $icons; do rm -f "$share/icons/hicolor/${s}x${s}/apps/healthviz.png"; done
  refresh_caches
  echo "HealthViz removed from $prefix. Your journal was not touched."
  exit 0
fi

test -x "$here/app/healthviz" || { echo "install.sh: run it from the unpacked HealthViz folder" >&2; exit 1; }
mkdir -p "$prefix/lib" "$bindir" "$share/applications" "$share/metainfo"
# Beside, then into place: an upgrade never leaves half an app behind.
rm -rf "$libdir.new"
cp -R "$here/app" "$libdir.new"
rm -rf "$libdir"
mv "$libdir.new" "$libdir"
ln -sf "$libdir/healthviz" "$bindir/healthviz"
# The desktop may not have ~/.local/bin on its PATH: the menu entry names the program by its full path.
sed "s|^Exec=healthviz|Exec=$libdir/healthviz|" "$here/share/applications/healthviz.desktop" \
  > "$share/applications/healthviz.desktop"
cp "$here/share/metainfo/healthviz.metainfo.xml" "$share/metainfo/"
for s in $icons; do
  mkdir -p "$share/icons/hicolor/${s}x${s}/apps"
  cp "$here/share/icons/hicolor/${s}x${s}/apps/healthviz.png" "$share/icons/hicolor/${s}x${s}/apps/"
done
mkdir -p "$share/icons/hicolor/scalable/apps"
cp "$here/share/icons/hicolor/scalable/apps/healthviz.svg" "$share/icons/hicolor/scalable/apps/"
refresh_caches
echo "HealthViz installed in $libdir; run \`healthviz\` (in $bindir) or open it from your applications menu."
case ":${PATH:-}:" in *":$bindir:"*) ;; *) echo "Note: $bindir is not on your PATH; add it to use \`healthviz\` in a terminal." ;; esac
