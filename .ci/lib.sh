# Sourced by the checks in .ci/: what they share.

# JMH settings of a smoke run: one fork, no warm-up, one 100 ms iteration (seconds, not minutes).
# Checks that the tools work, measures nothing.
readonly JMH_SMOKE="-f 1 -wi 0 -i 1 -w 100ms -r 100ms"

# copy_repo ROOT DEST: the repository's tracked files as they are on disk (uncommitted edits
# included), with their times, and no target/: what a fresh clone holds.
copy_repo() {
  mkdir -p "$2" && (cd "$1" && git ls-files -z | xargs -0 cp -a --parents -t "$2")
}

# jmh_lock_held LOG: whether JMH refused to start because another JMH run holds /tmp/jmh.lock.
# JMH allows one instance per machine; a smoke run beside a real one would disturb its numbers.
jmh_lock_held() {
  grep -q 'Unable to acquire the JMH lock' "$1"
}
