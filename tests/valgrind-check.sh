#!/usr/bin/env bash
# Runs a test under valgrind and fails it when the test process itself
# (not a child it forks to play a crashed BudgetDesk, which leaves its memory
# to the kernel on purpose) loses memory for good ("definitely lost").
#   meson test -C build --setup valgrind store store-journal editor
set -u
logs=$(mktemp -d)
# Memory figures mean nothing under valgrind: tests that measure them skip that.
export BD_UNDER_VALGRIND=1
valgrind --leak-check=full --show-leak-kinds=definite --num-callers=30 \
  --log-file="$logs/vg.%p" "$@" &
pid=$!
wait $pid
status=$?
if grep -q "definitely lost: [1-9]" "$logs/vg.$pid" 2>/dev/null; then
  cat "$logs/vg.$pid" >&2
  status=1
fi
rm -rf "$logs"
exit $status
