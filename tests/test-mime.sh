#!/bin/sh
# The installed file type: installs the build into a temporary folder, builds
# its MIME database, and asks GIO (as a file manager does) what a document is.
#   test-mime.sh BUILD_DIR PREFIX DATADIR CLI SEED
# TAP output. Needs update-mime-database (shared-mime-info), update-desktop-database
# (desktop-file-utils) and gio (libglib2.0-bin).
set -eu
export LC_ALL=C.UTF-8   # gio's messages are compared as written in English
build=$1 prefix=$2 datadir=$3 cli=$4 seed=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "1..6"
meson install -C "$build" --destdir "$tmp/root" --no-rebuild --quiet >"$tmp/install.log" 2>&1 || {
  cat "$tmp/install.log"; echo "Bail out! meson install failed"; exit 1; }
share=$tmp/root/$prefix/$datadir
case $datadir in /*) share=$tmp/root/$datadir ;; esac
# What a package's triggers (or meson install without DESTDIR) do.
update-mime-database "$share/mime" >/dev/null 2>&1
update-desktop-database "$share/applications"

"$cli" import "$seed" -o "$tmp/cityops.budget" >/dev/null
cp "$tmp/cityops.budget" "$tmp/renamed.dat"     # no glob: only the magic can tell
sqlite3 "$tmp/other.db" "CREATE TABLE t (x); PRAGMA application_id = 1;"   # another program's database

# Only the installed data and the system's: not the user's own MIME database.
# The installed budgetdesk on PATH, for GIO shows only applications it can run.
export PATH="$tmp/root/$prefix/bin:$PATH"
export XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$share:/usr/share" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$XDG_DATA_HOME"
n=0
check () {
  n=$((n + 1))
  if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1: expected '$3', got '$2'"; fi
}
content_type () {
  gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}

check "a .budget is a BudgetDesk document" "$(content_type "$tmp/cityops.budget")" application/x-budgetdesk
check "a renamed document is one by its magic (application id BDSK at 68)" \
  "$(content_type "$tmp/renamed.dat")" application/x-budgetdesk
check "another program's database stays an SQLite database" "$(content_type "$tmp/other.db")" application/vnd.sqlite3
check "its icon is the installed one" \
  "$(gio info -a standard::icon "$tmp/cityops.budget" | grep -c 'application-x-budgetdesk')" 1
check "the icon is installed" "$(test -f "$share/icons/hicolor/scalable/mimetypes/application-x-budgetdesk.svg" && echo yes)" yes
# What double-click asks: which installed application opens the type.
check "BudgetDesk opens it" \
  "$(gio mime application/x-budgetdesk | head -1)" "Default application for “application/x-budgetdesk”: cn.budgetdesk.BudgetDesk.desktop"
